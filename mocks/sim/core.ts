/**
 * The pieces every module builds on: `SimError`, the operation type, the schedule's ordered insert, the
 * deterministic ids. Running operations and advancing time live in engine.ts, which holds the dispatch.
 */
import { current as currentOf, enableMapSet, freeze, isDraft } from 'immer';
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
