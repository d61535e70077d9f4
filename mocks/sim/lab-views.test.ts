import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  CASES,
  FAULT_NAMES,
  LAB_TARGET_NODES,
  buildScenario,
  clusterDiagnosticsView,
  diagnosisView,
  injectFault,
  labStateView,
  troubleshootCasesView,
} from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';

describe('the lab’s and the Diagnostics tool’s views', () => {
  it('the lab lists every fault with where it is on, and the targets to inject at', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const outcome = sim.run((d, now) => injectFault(d, 'node-down', 'hci-node2', now));
    expect(outcome.ok).toBe(true);
    const state = sim.read((w, now) => labStateView(w, now, [{ name: 'registered', description: 'd' }]));
    expect(state.faults.map((f) => f.name)).toEqual([...FAULT_NAMES]);
    expect(state.faults.find((f) => f.name === 'node-down')?.active).toEqual([
      { target: 'hci-node2', since: new Date(T0).toISOString() },
    ]);
    expect(state.targets.clusters).toContainEqual({ name: CLUSTER, registered: true });
    expect(state.targets.nodes.length).toBeLessThanOrEqual(LAB_TARGET_NODES);
  });

  it('lists the guide’s cases with a sample for the first cluster', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const cases = sim.read(troubleshootCasesView);
    expect(cases.map((c) => c.id)).toEqual(CASES.map((c) => c.id));
    expect(cases.every((c) => c.sample !== '')).toBe(true);
  });

  it('the Diagnostics tool finds the cluster by any spelling and shows hcisvc per server', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const view = sim.read((w, now) => clusterDiagnosticsView(w, CLUSTER.toUpperCase(), now));
    expect(view.cluster).toBe(CLUSTER);
    expect(view.nodes.length).toBeGreaterThan(0);
    expect(view.nodes.every((n) => n.power === 'Up')).toBe(true);
    expect(() => sim.read((w, now) => clusterDiagnosticsView(w, 'nope', now))).toThrow(/was not found/);
  });

  it('a diagnosis carries each step’s action or null, and an unknown text none', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const sample = sim.read(troubleshootCasesView)[0]?.sample ?? '';
    const diagnosis = sim.read((w, now) => diagnosisView(w, CLUSTER, sample, now));
    expect(diagnosis?.steps.every((s) => s.action === null || typeof s.action.kind === 'string')).toBe(true);
    expect(sim.read((w, now) => diagnosisView(w, CLUSTER, 'hello', now))).toBeNull();
  });
});
