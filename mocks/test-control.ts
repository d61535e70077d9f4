/**
 * `window.hciSim`: the stable test-control contract (SPEC §5). Every method returns a Promise, validates
 * its arguments, and rejects with the simulation's message instead of changing anything on bad input.
 */
import type { SimRuntime } from './runtime';
import { serializeWorld } from './sim';

export interface HciSim {
  reset(scenario?: string): Promise<void>;
  advance(duration: number | string): Promise<{ now: string; advancedMs: number }>;
  inject(fault: string, target?: string): Promise<void>;
  repair(fault: string, target?: string): Promise<void>;
  snapshot(): Promise<unknown>;
  /** replaces the world with an exported one (the lab's import) */
  load(world: unknown): Promise<void>;
  now(): Promise<string>;
  scenarios(): Promise<{ name: string; description: string }[]>;
  faults(): Promise<{ name: string; scope: string; description: string }[]>;
}

export function createTestControl(sim: SimRuntime): HciSim {
  const call = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    reset: (scenario) => call(() => sim.reset(scenario)),
    advance: (duration) =>
      call(() => {
        const advancedMs = sim.advance(duration);
        return { now: new Date(sim.now()).toISOString(), advancedMs };
      }),
    inject: (fault, target) => call(() => sim.inject(fault, target)),
    repair: (fault, target) => call(() => sim.repair(fault, target)),
    snapshot: () => call(() => JSON.parse(serializeWorld(sim.world())) as unknown),
    load: (world) => call(() => sim.load(typeof world === 'string' ? world : JSON.stringify(world))),
    now: () => call(() => new Date(sim.now()).toISOString()),
    scenarios: () => call(() => sim.scenarios().map((s) => ({ ...s }))),
    faults: () => call(() => sim.faults()),
  };
}
