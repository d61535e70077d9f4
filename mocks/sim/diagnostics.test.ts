import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import { buildScenario, clusterCountdowns, hcisvcStatus, scQueryText } from './index';
import type { ClusterNode } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const setup = (scenario: string) => createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });

describe('countdowns', () => {
  it('counts down to OutOfPolicy from the last sync and alerts a week before', () => {
    const sim = setup('registered');
    sim.inject('outbound-blocked', 'hci-cluster01');
    const first = sim.read((w, now) =>
      clusterCountdowns(w, 'hci-cluster01', now).find((c) => c.kind === 'out-of-policy'),
    );
    expect(first?.alert).toBe(false);
    expect(first?.daysLeft).toBeGreaterThan(25);
    sim.advance('24d');
    const later = sim.read((w, now) =>
      clusterCountdowns(w, 'hci-cluster01', now).find((c) => c.kind === 'out-of-policy'),
    );
    expect(later?.alert).toBe(true);
    expect(later?.daysLeft).toBeLessThanOrEqual(7);
    expect(later?.message).toMatch(/falls OutOfPolicy unless it syncs with Azure in \d+ days?/);
  });

  it('counts the registration deadline of an unregistered cluster', () => {
    const sim = setup('fresh');
    const c = sim.read((w, now) =>
      clusterCountdowns(w, 'hci-cluster01', now).find((x) => x.kind === 'out-of-policy'),
    );
    expect(c?.title).toBe('Registration deadline');
    expect(c?.daysLeft).toBe(28);
  });

  it('counts Benefits certificates per server, renewed by every sync', () => {
    const sim = setup('benefits-on');
    const certs = sim.read((w, now) =>
      clusterCountdowns(w, 'hci-cluster01', now).filter((c) => c.kind === 'benefits-certificate'),
    );
    expect(certs).toHaveLength(4);
    for (const c of certs) expect(c.alert).toBe(false);
  });

  it('counts Arc expiry only once a machine stops sending heartbeats', () => {
    const sim = setup('registered');
    expect(
      sim.read((w, now) => clusterCountdowns(w, 'hci-cluster01', now).filter((c) => c.kind === 'arc-expiry')),
    ).toEqual([]);
    sim.inject('node-down', 'hci-node2');
    sim.advance('39d');
    const arc = sim.read((w, now) =>
      clusterCountdowns(w, 'hci-cluster01', now).filter((c) => c.kind === 'arc-expiry'),
    );
    expect(arc.map((c) => [c.subject, c.alert])).toEqual([['hci-node2', true]]);
    expect(arc[0]?.daysLeft).toBeLessThanOrEqual(7);
  });
});

describe('sc.exe query hcisvc', () => {
  it('prints RUNNING and STOPPED as the console does, and nothing for a server that is down', () => {
    const sim = setup('registered');
    const node = sim.read((w) => w.nodes['hci-node1']) as ClusterNode;
    const running = hcisvcStatus(node);
    expect(running?.state).toBe('4  RUNNING');
    expect(scQueryText(running ?? (undefined as never))).toContain('SERVICE_NAME: hcisvc');
    expect(hcisvcStatus({ ...node, hcisvcRunning: false })?.state).toBe('1  STOPPED');
    expect(hcisvcStatus({ ...node, power: 'Down' })).toBeUndefined();
  });
});
