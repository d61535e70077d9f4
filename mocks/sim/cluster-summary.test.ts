import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import { buildScenario, clusterArcText, clusterVmCounts, clusterVms } from './index';
import type { VirtualMachine } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe("a cluster's overview counts", () => {
  it('counts VMs by power state (the transitional ones as other) and those with Azure benefits', () => {
    const vm = (power: VirtualMachine['power'], attestationNic = false) =>
      ({ power, attestationNic }) as VirtualMachine;
    expect(
      clusterVmCounts([
        vm('Running', true),
        vm('Running'),
        vm('Off'),
        vm('Saved', true),
        vm('Starting'),
        vm('Paused'),
      ]),
    ).toEqual({ total: 6, running: 2, off: 1, saved: 1, other: 2, withBenefits: 2 });
    expect(clusterVmCounts([])).toEqual({
      total: 0,
      running: 0,
      off: 0,
      saved: 0,
      other: 0,
      withBenefits: 0,
    });
    const world = buildScenario('benefits-on', T0);
    const vms = clusterVms(world, 'hci-cluster01');
    expect(clusterVmCounts(vms).withBenefits).toBe(vms.length);
  });

  it("Azure Arc: Not configured without Arc, Connected when every server's agent is, Partially when one is down", () => {
    expect(
      clusterArcText(buildScenario('fresh', T0), buildScenario('fresh', T0).clusters['hci-cluster01']!, T0),
    ).toBe('Not configured');
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const text = () => sim.read((w, now) => clusterArcText(w, w.clusters['hci-cluster01']!, now));
    expect(text()).toBe('Connected');
    sim.inject('node-down', 'hci-node2');
    sim.advance('2h');
    expect(text()).toBe('Partially connected');
  });
});
