import { describe, expect, it } from 'vitest';
import { createSimRuntime } from './runtime';
import { buildScenario } from './sim';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('loading a world file', () => {
  it('refuses a node power the simulation does not know, naming the path, and keeps the world', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('fresh', T0) });
    const before = sim.snapshot();
    const file = JSON.parse(before) as { nodes: Record<string, { power: string }> };
    const node = Object.keys(file.nodes)[0] ?? '';
    const target = file.nodes[node];
    if (target) target.power = 'Exploded';
    expect(() => sim.load(JSON.stringify(file))).toThrow(`'nodes.${node}.power' is not valid`);
    expect(sim.snapshot()).toBe(before);
  });

  it('loads an exported world', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const exported = sim.snapshot();
    sim.reset('fresh');
    sim.load(exported);
    expect(sim.world().scenario).toBe('registered');
  });
});
