/**
 * The one impure layer around the pure simulation: it owns the current world, reads the real clock, and
 * tells listeners when the world changed. Storage and the MSW transport are adapters given to it by
 * browser.ts and node.ts. Simulated now = real now + the world's clock offset, never earlier than what the
 * world has already processed.
 */
import {
  buildScenario,
  injectFault,
  advanceDuration,
  faultNamed,
  faultTarget,
  parseWorld,
  repairFault,
  run,
  serializeWorld,
  advance as advanceWorld,
  quote,
  SimError,
  freezeWorld,
  FAULT_NAMES,
  FAULTS,
  SCENARIOS,
} from './sim';
import type { FaultName, Millis, Op, Outcome, World } from './sim';
import type { WorldChange } from '../src/api/world-change-contract';
import { worldChange } from './world-change';
import { worldFileSchema } from '../src/api/world-schema';

/**
 * The whole file against the world schema before the simulation's loader reads it: a refusal names the
 * path of the first problem (`nodes.hci-node1.power`) and nothing is replaced.
 */
function checkWorldFile(json: string): void {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return; // parseWorld answers unparseable files in its own words
  }
  const result = worldFileSchema.safeParse(data);
  if (result.success) return;
  const issue = result.error.issues[0];
  const where = (issue?.path ?? []).map(String).join('.');
  const got = issue !== undefined && 'input' in issue ? ` (it is ${quote(issue.input, 60)})` : '';
  throw new SimError(
    'bad-request',
    'InvalidWorld',
    `This file is not a world this portal can load: '${where}' is not valid${got}.`,
  );
}

export interface SimRuntimeOptions {
  /** real time source; tests pass a manual clock */
  clock: () => Millis;
  /** the world to start from; a `fresh` world is built when absent */
  world?: World;
  /**
   * How the transport waits out simulated latency (the `api-latency` fault, a WAP connector's latency).
   * The browser really waits; node.ts passes one that returns at once, so tests never sleep.
   */
  delay?: (ms: Millis) => Promise<void>;
}

const realDelay = (ms: Millis): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Told after every commit, with the slices that differ from the world before it. */
export type ChangeListener = (world: World, change: WorldChange) => void;

export interface SimRuntime {
  now(): Millis;
  /** the world as of now */
  world(): World;
  read<T>(select: (world: World, now: Millis) => T): T;
  /** waits `ms` of latency through the delay adapter the runtime was given */
  delay(ms: Millis): Promise<void>;
  /** applies an operation; on success the new world is kept and listeners are told */
  run<T>(op: Op<T>): Outcome<T>;
  reset(scenario?: string): void;
  advance(duration: unknown): Millis;
  inject(fault: unknown, target?: unknown): void;
  repair(fault: unknown, target?: unknown): void;
  snapshot(): string;
  /** replaces the world with a parsed file; throws SimError and keeps the current world when it is invalid */
  load(json: string): void;
  /** replaces the world with one already built (a preset link's world, whose clock offset is its own) */
  replace(world: World): void;
  subscribe(listener: ChangeListener): () => void;
  scenarios(): typeof SCENARIOS;
  faults(): { name: FaultName; scope: string; description: string }[];
}

export function createSimRuntime(options: SimRuntimeOptions): SimRuntime {
  const listeners = new Set<ChangeListener>();
  let current: World = freezeWorld(options.world ?? buildScenario('fresh', options.clock()));

  const now = (): Millis => Math.max(options.clock() + current.clockOffsetMs, current.processedUntil);

  const commit = (next: World) => {
    if (next === current) return;
    const change = worldChange(current, next);
    current = next;
    for (const listener of listeners) listener(current, change);
  };

  const catchUp = (): World => {
    commit(advanceWorld(current, now()));
    return current;
  };

  const mustSucceed = <T>(outcome: Outcome<T>): T => {
    if (!outcome.ok) throw outcome.error;
    commit(outcome.world);
    return outcome.value;
  };

  return {
    now,
    world: catchUp,
    delay: (ms) => (ms > 0 ? (options.delay ?? realDelay)(ms) : Promise.resolve()),
    read(select) {
      const world = catchUp();
      return select(world, now());
    },
    run(op) {
      const outcome = run(current, now(), op);
      if (outcome.ok) commit(outcome.world);
      else commit(outcome.world);
      return outcome;
    },
    reset(scenario = 'fresh') {
      const at = now();
      const offset = current.clockOffsetMs;
      const world = buildScenario(scenario, at);
      commit(freezeWorld({ ...world, clockOffsetMs: offset }));
    },
    advance(duration) {
      const ms = advanceDuration(duration);
      const target = now() + ms;
      const shifted = { ...current, clockOffsetMs: current.clockOffsetMs + ms };
      commit(advanceWorld(shifted, target));
      return ms;
    },
    inject(fault, where) {
      const name = faultNamed(fault);
      const t = faultTarget(where);
      mustSucceed(run(current, now(), (draft, at) => injectFault(draft, name, t, at)));
    },
    repair(fault, where) {
      const name = faultNamed(fault);
      const t = faultTarget(where);
      mustSucceed(run(current, now(), (draft, at) => repairFault(draft, name, t, at)));
    },
    snapshot() {
      return serializeWorld(catchUp());
    },
    load(json) {
      // the loader's own checks first (JSON, top level, schema version), then the whole file
      const parsed = parseWorld(json);
      checkWorldFile(json);
      const world = freezeWorld(parsed);
      commit(world);
      catchUp();
    },
    replace(world) {
      commit(freezeWorld(world));
      catchUp();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    scenarios: () => SCENARIOS,
    faults: () =>
      FAULT_NAMES.map((name) => ({ name, scope: FAULTS[name].scope, description: FAULTS[name].description })),
  };
}
