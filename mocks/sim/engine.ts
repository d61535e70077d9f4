/**
 * The reducer machinery: every change to the world is an operation `(draft, now) => value` run through
 * `run`, which first brings the world up to `now` (`advance`) and then applies the operation with
 * structural sharing (immer), so untouched branches of a 10,000-VM world are reused as they are.
 *
 * An operation that throws `SimError` changes nothing: immer discards the draft.
 *
 *   world(t0) ──advance(t1)──▶ world(t1) ──op(now=t1)──▶ world'(t1)
 *                 │ pops scheduled events with at ≤ t1, in order, each applied at its own time
 *                 │ by its handler in dispatch.ts (a job's end by its kind's completion)
 */
import { current as currentOf, isDraft, produce } from 'immer';
import { SimError } from './core';
import type { Op, Outcome } from './core';
import { dispatchEvent } from './dispatch';
import type { Millis, World } from './model';

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
    dispatchEvent(draft, next, now);
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
