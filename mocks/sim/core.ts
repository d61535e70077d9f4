/**
 * The reducer machinery: every change to the world is an operation `(draft, now) => value` run through
 * `run`, which first brings the world up to `now` (`advance`) and then applies the operation with
 * structural sharing (immer), so untouched branches of a 10,000-VM world are reused as they are.
 *
 * An operation that throws `SimError` changes nothing: immer discards the draft.
 *
 *   world(t0) ──advance(t1)──▶ world(t1) ──op(now=t1)──▶ world'(t1)
 *                 │ pops scheduled events with at ≤ t1, in order, each applied at its own time
 */
import { current as currentOf, enableMapSet, freeze, isDraft, produce } from 'immer';
import type { Millis, ScheduledEvent, World } from './model';

enableMapSet();

/**
 * Deep-freezes a world once, when it is built or loaded. Immer skips frozen subtrees when it finalises a
 * change, so this is what keeps a change to one server of a 10,000-VM world from walking all of it.
 */
export function freezeWorld(world: World): World {
  return freeze(world, true);
}

export type SimErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition'
  | 'throttled'
  | 'unavailable';

export const STATUS_BY_KIND: Record<SimErrorKind, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  precondition: 412,
  throttled: 429,
  unavailable: 503,
};

export interface SimErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** A refusal with an ARM-style code and a message meant for the user. */
export class SimError extends Error {
  readonly kind: SimErrorKind;
  readonly code: string;
  readonly target: string | undefined;
  readonly details: SimErrorDetail[];

  constructor(
    kind: SimErrorKind,
    code: string,
    message: string,
    opts?: { target?: string; details?: SimErrorDetail[] },
  ) {
    super(message);
    this.name = 'SimError';
    this.kind = kind;
    this.code = code;
    this.target = opts?.target;
    this.details = opts?.details ?? [];
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

export const badRequest = (code: string, message: string, target?: string) =>
  new SimError('bad-request', code, message, target === undefined ? undefined : { target });
export const notFound = (code: string, message: string) => new SimError('not-found', code, message);
export const conflict = (code: string, message: string) => new SimError('conflict', code, message);

export type Op<T> = (draft: World, now: Millis) => T;

export type Outcome<T> = { ok: true; world: World; value: T } | { ok: false; world: World; error: SimError };

/**
 * Handles one scheduled event; registered by the module that schedules it. `until` is the time the world
 * is being advanced to, so a handler may fold a run of identical periodic events into their last one.
 */
export type EventHandler = (draft: World, event: ScheduledEvent, until: Millis) => void;

const eventHandlers = new Map<ScheduledEvent['kind'], EventHandler>();

export function onScheduledEvent(kind: ScheduledEvent['kind'], handler: EventHandler): void {
  eventHandlers.set(kind, handler);
}

/** Inserts keeping `schedule` sorted by time; equal times keep insertion order. */
export function schedule(draft: World, event: ScheduledEvent): void {
  const list = draft.schedule;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = list[mid];
    if (item !== undefined && item.at <= event.at) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, event);
}

export function unschedule(draft: World, match: (e: ScheduledEvent) => boolean): void {
  draft.schedule = draft.schedule.filter((e) => !match(e));
}

/**
 * Applies every scheduled event due by `now`, in time order, then marks the world as processed up to `now`.
 * Handlers may schedule further events; those inside the window are processed too. Time never moves back.
 */
export function advanceDraft(draft: World, now: Millis): void {
  if (now < draft.processedUntil) return;
  // Work on a plain copy of the queue: shifting and splicing a drafted array re-proxies every entry.
  if (isDraft(draft.schedule)) draft.schedule = currentOf(draft.schedule);
  for (let guard = 0; guard < 1_000_000; guard++) {
    const next = draft.schedule[0];
    if (next === undefined || next.at > now) break;
    draft.schedule.shift();
    draft.processedUntil = Math.max(draft.processedUntil, next.at);
    const handler = eventHandlers.get(next.kind);
    if (handler) handler(draft, next, now);
  }
  draft.processedUntil = now;
}

/**
 * Returns the same object when nothing is due, so callers can tell from identity whether time changed
 * anything; `processedUntil` then stays where it was, which is harmless: no event lies in between.
 */
export function advance(world: World, now: Millis): World {
  if ((world.schedule[0]?.at ?? Infinity) > now) return world;
  return produce(world, (draft) => {
    advanceDraft(draft, now);
  });
}

/** Runs an operation at `now` on a world brought up to `now`. */
export function run<T>(world: World, now: Millis, op: Op<T>): Outcome<T> {
  const current = advance(world, now);
  let value: T | undefined;
  try {
    const next = produce(current, (draft) => {
      const result = op(draft, Math.max(now, current.processedUntil));
      // A draft handed out of the recipe is revoked when produce returns; give callers its final value.
      value = isDraft(result) ? currentOf(result) : result;
    });
    return { ok: true, world: next, value: value as T };
  } catch (error) {
    if (error instanceof SimError) return { ok: false, world: current, error };
    throw error;
  }
}

/** Deterministic ids: a counter in the world, formatted as a GUID-shaped string when needed. */
export function nextSeq(draft: World): number {
  draft.nextSeq += 1;
  return draft.nextSeq;
}

/** A GUID derived from a seed string and a number; stable for a given world history. */
export function guidFrom(seed: string, n: number): string {
  // FNV-1a over the seed and counter, expanded to 128 bits with four differently-salted rounds.
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    const text = `${seed}:${n}:${round}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    parts.push(h.toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  // version 4 / RFC 4122 variant bits, so the result validates as a GUID everywhere
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function newGuid(draft: World, seed = 'id'): string {
  return guidFrom(seed, nextSeq(draft));
}

/**
 * A plain view of a drafted collection, for scanning: iterating a draft of 10,000 VMs creates 10,000
 * proxies, while this reads the current values and leaves the draft to be changed by key.
 */
export function plain<T>(value: T): T {
  return isDraft(value) ? currentOf(value) : value;
}

export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
