import { describe, expect, it } from 'vitest';
import { buildScenario } from '../index';
import {
  closeConsole,
  consoleInput,
  consoleSession,
  keepSession,
  MAX_OPEN_CONSOLES,
  noConsoles,
  openConsole,
} from './index';
import type { ConsoleTable } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const world = buildScenario('registered', T0);

function openMany(count: number): ConsoleTable {
  let table = noConsoles;
  for (let i = 0; i < count; i++) table = openConsole(table, world, 'hci-node1').table;
  return table;
}

describe('the open consoles', () => {
  it('names each console it opens, on the server as the world spells it, however it was typed', () => {
    const first = openConsole(noConsoles, world, '  HCI-NODE2 ', 100);
    const second = openConsole(first.table, world, 'hci-node1');
    expect(first.session).toMatchObject({ id: 'ps-1', server: 'hci-node2', width: 100 });
    expect(second.session.id).toBe('ps-2');
    expect([...second.table.sessions.keys()]).toEqual(['ps-1', 'ps-2']);
  });

  it('opens nothing on a server that is not there, and names no console for it', () => {
    expect(() => openConsole(noConsoles, world, 'hci-node9')).toThrow(
      "The server 'hci-node9' was not found.",
    );
    expect(openConsole(noConsoles, world, 'hci-node1').session.id).toBe('ps-1');
  });

  it(`keeps at most ${MAX_OPEN_CONSOLES}: one more ends the oldest, which then answers as ended`, () => {
    const full = openMany(MAX_OPEN_CONSOLES);
    expect(full.sessions.size).toBe(MAX_OPEN_CONSOLES);
    expect(consoleSession(full, 'ps-1').id).toBe('ps-1');
    const over = openConsole(full, world, 'hci-node1').table;
    expect(over.sessions.size).toBe(MAX_OPEN_CONSOLES);
    expect(() => consoleSession(over, 'ps-1')).toThrow('This PowerShell session has ended.');
    expect(consoleSession(over, 'ps-2').id).toBe('ps-2');
    expect(consoleSession(over, `ps-${MAX_OPEN_CONSOLES + 1}`).id).toBe(`ps-${MAX_OPEN_CONSOLES + 1}`);
  });

  it('closes a console once; closing it again, or keeping a step of it after, changes nothing', () => {
    const { table, session } = openConsole(noConsoles, world, 'hci-node1');
    const closed = closeConsole(table, session.id);
    expect(() => consoleSession(closed, session.id)).toThrow('This PowerShell session has ended.');
    expect(closeConsole(closed, session.id)).toBe(closed);
    expect(keepSession(closed, { ...session, cwd: 'C:\\' })).toBe(closed);
  });

  it('keeps the session a step moved, in its place', () => {
    const { table, session } = openConsole(openMany(2), world, 'hci-node1');
    const moved = keepSession(table, { ...session, cwd: 'C:\\Windows' });
    expect(consoleSession(moved, session.id).cwd).toBe('C:\\Windows');
    expect([...moved.sessions.keys()]).toEqual(['ps-1', 'ps-2', 'ps-3']);
  });
});

describe('one message from a console', () => {
  const { session } = openConsole(noConsoles, world, 'hci-node1', 120);
  const draft = structuredClone(world);

  it('resizes with whatever else it carries, and with nothing else says where the session stands', () => {
    const step = consoleInput(session, { columns: 200 })(draft, T0);
    expect(step.session.width).toBe(200);
    expect(step.busy).toBe(false);
    expect(step.output).toEqual([]);
  });

  it('runs the line it carries at the new width', () => {
    const step = consoleInput(session, { columns: 90, line: 'hostname' })(draft, T0);
    expect(step.session.width).toBe(90);
    expect(step.session.history).toEqual(['hostname']);
  });

  it('takes Ctrl+C before a line sent with it', () => {
    const step = consoleInput(session, { interrupt: true, line: 'hostname' })(draft, T0);
    expect(step.session.history).toEqual([]);
  });
});
