/**
 * The consoles open on the gateway, one session per open PowerShell tool. They live beside the world, not in
 * it: a remote PowerShell session does not outlive its page, and it is not saved with the world. The host
 * keeps the table; these rules move it, so the handler only parses, applies one of them and answers.
 */
import { SimError } from '../core';
import type { Op } from '../core';
import type { World } from '../model';
import { describeSession, interruptSession, openSession, resizeSession, submitLine } from './session';
import type { PsSession, StepResult } from './session';

/**
 * Open consoles kept at most; opening one more ends the oldest. A bound of ours, so that pages that never
 * close their console (a crashed tab) cannot grow the table without end; no source gives WAC's own figure.
 */
export const MAX_OPEN_CONSOLES = 50;

export interface ConsoleTable {
  /** by session id, oldest first */
  readonly sessions: ReadonlyMap<string, PsSession>;
  /** consoles ever opened: the next one is named after it */
  readonly opened: number;
}

export const noConsoles: ConsoleTable = { sessions: new Map(), opened: 0 };

/** The table with `session` as it now stands (after a step moved it), in its place. */
export function keepSession(table: ConsoleTable, session: PsSession): ConsoleTable {
  if (!table.sessions.has(session.id)) return table;
  const sessions = new Map(table.sessions);
  sessions.set(session.id, session);
  return { ...table, sessions };
}

/** Opens a console on `server` (a name as typed); beyond MAX_OPEN_CONSOLES the oldest one ends. */
export function openConsole(
  table: ConsoleTable,
  world: World,
  server: string,
  columns?: number,
): { table: ConsoleTable; session: PsSession } {
  const opened = table.opened + 1;
  const session = openSession(world, `ps-${opened}`, server.trim(), columns);
  const sessions = new Map(table.sessions);
  sessions.set(session.id, session);
  for (const id of sessions.keys()) {
    if (sessions.size <= MAX_OPEN_CONSOLES) break;
    sessions.delete(id);
  }
  return { table: { sessions, opened }, session };
}

export function consoleSession(table: ConsoleTable, id: string): PsSession {
  const session = table.sessions.get(id);
  if (!session)
    throw new SimError(
      'not-found',
      'SessionNotFound',
      'This PowerShell session has ended. Open the console again to start a new one.',
    );
  return session;
}

/** Closing a console that has already ended is not an error: the page only wants it gone. */
export function closeConsole(table: ConsoleTable, id: string): ConsoleTable {
  if (!table.sessions.has(id)) return table;
  const sessions = new Map(table.sessions);
  sessions.delete(id);
  return { ...table, sessions };
}

export interface ConsoleInput {
  line?: string;
  interrupt?: boolean;
  columns?: number;
}

/**
 * What one message from the console does: a new width first (a resize comes with whatever else was sent),
 * then Ctrl+C, or else the line; with neither, it says where the session stands.
 */
export function consoleInput(session: PsSession, input: ConsoleInput): Op<StepResult> {
  const sized = input.columns === undefined ? session : resizeSession(session, input.columns);
  if (input.interrupt === true) return interruptSession(sized);
  if (input.line === undefined) return describeSession(sized);
  return submitLine(sized, input.line);
}
