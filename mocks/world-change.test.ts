import { describe, expect, it } from 'vitest';
import { createSimRuntime } from './runtime';
import type { WorldChange } from '../src/api/world-change-contract';
import { buildScenario } from './sim';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function recorder() {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
  const changes: WorldChange[] = [];
  sim.subscribe((_world, change) => changes.push(change));
  return { sim, changes };
}

describe('world change notifications', () => {
  it('name the slices a fault touched, not the whole world', () => {
    const { sim, changes } = recorder();
    sim.inject('api-latency');
    expect(changes.at(-1)?.resources).toEqual(['faults']);
  });

  it('include the clock when simulated time is moved', () => {
    const { sim, changes } = recorder();
    sim.advance('1h');
    expect(changes.at(-1)?.resources).toContain('clock');
  });

  it('name every resource when the world is replaced by a preset', () => {
    const { sim, changes } = recorder();
    sim.reset('fresh');
    expect(changes.at(-1)?.resources).toEqual(
      expect.arrayContaining(['gateway', 'cloud', 'clusters', 'clock']),
    );
  });
});
