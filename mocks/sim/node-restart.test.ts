import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import { beginNodeRestart, buildScenario, NODE_RESTART_DURATION, nodeRestarting } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup() {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
  const restart = (node: string) => {
    const outcome = sim.run((draft, now) => beginNodeRestart(draft, node, now));
    if (!outcome.ok) throw outcome.error;
  };
  return { sim, restart };
}

describe('a restart that takes time', () => {
  it('takes the server down, moves its running clustered VMs, and boots it after NODE_RESTART_DURATION', () => {
    const { sim, restart } = setup();
    const hosted = sim.read((w) => Object.values(w.vms).filter((v) => v.hostNode === 'hci-node2').length);
    expect(hosted).toBeGreaterThan(0);
    restart('hci-node2');
    expect(sim.read((w) => w.nodes['hci-node2']?.power)).toBe('Down');
    expect(sim.read((w) => nodeRestarting(w, 'hci-node2'))).toBe(true);
    expect(sim.read((w) => Object.values(w.vms).filter((v) => v.hostNode === 'hci-node2').length)).toBe(0);
    sim.advance(NODE_RESTART_DURATION - 1);
    expect(sim.read((w) => w.nodes['hci-node2']?.power)).toBe('Down');
    sim.advance(1);
    expect(sim.read((w) => w.nodes['hci-node2'])).toMatchObject({
      power: 'Up',
      lastBootAt: T0 + NODE_RESTART_DURATION,
    });
  });

  it('stays down when a node-down fault holds the server off meanwhile, and refuses a server that is down', () => {
    const { sim, restart } = setup();
    restart('hci-node3');
    sim.inject('node-down', 'hci-node3');
    sim.advance(NODE_RESTART_DURATION);
    expect(sim.read((w) => w.nodes['hci-node3']?.power)).toBe('Down');
    const refused = sim.run((draft, now) => beginNodeRestart(draft, 'hci-node3', now));
    expect(refused.ok).toBe(false);
  });
});
