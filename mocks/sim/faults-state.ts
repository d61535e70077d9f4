import type { FaultName, World } from './model';

/** True when `fault` is active for `target` (or for the whole world). */
export function hasFault(world: World, fault: FaultName, target?: string): boolean {
  return world.faults.some(
    (f) =>
      f.fault === fault &&
      (f.target === '*' || target === undefined || f.target.toLowerCase() === target.toLowerCase()),
  );
}
