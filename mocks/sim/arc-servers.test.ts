import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  arcServerView,
  buildScenario,
  clusterArcView,
  injectFault,
  runOnboardingScript,
  startArcDisable,
} from './index';
import type { Job, Op } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';

function setup(scenario = 'registered') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const finish = (op: Op<Job>) => {
    const job = ok(op);
    sim.advance(job.endsAt - job.startedAt + 1000);
  };
  const server = (name: string) =>
    sim.read((w, now) => clusterArcView(w, CLUSTER, now).servers.find((s) => s.name === name));
  return { sim, ok, finish, server };
}

describe('the Azure Arc page’s servers', () => {
  it('shows Azure’s status when both sides agree, and the server as not enabled once Arc is disabled on it', () => {
    const { finish, server } = setup();
    expect(server('hci-node3')).toMatchObject({
      arcStatus: 'Enabled',
      displayStatus: 'Connected',
      onPrem: { status: 'Connected' },
      azure: { status: 'Connected' },
      statusesAgree: true,
    });
    finish((d, now) => startArcDisable(d, CLUSTER, 'hci-node3', now));
    expect(server('hci-node3')).toMatchObject({
      arcStatus: 'Disabled',
      displayStatus: 'Not enabled',
      azure: null,
      statusesAgree: true,
    });
  });

  it('says "Waiting for first heartbeat" for a machine Azure has not heard from yet, then Connected', () => {
    const { sim, ok } = setup();
    const group = Object.values(sim.world().cloud.resourceGroups)[0]?.name ?? '';
    const subscriptionId = Object.keys(sim.world().cloud.subscriptions)[0] ?? '';
    const run = ok((d, now) =>
      runOnboardingScript(
        d,
        { serverName: 'web01', subscriptionId, resourceGroup: group, region: 'eastus', osType: 'windows' },
        now,
      ),
    );
    expect(run.portalPath).toBe(`/azure/resource${run.machineResourceId}`);
    const view = () => sim.read((w, now) => arcServerView(w, w.nodes.web01!, now));
    expect(view()).toMatchObject({
      cluster: '',
      displayStatus: 'Waiting for first heartbeat',
      azure: { status: null, portalPath: run.portalPath },
      statusesAgree: true,
    });
    sim.advance('5m');
    expect(view().displayStatus).toBe('Connected');
  });

  it('reads an offline server’s agent as Offline, which disagrees with Azure until Azure sees it disconnected', () => {
    const { sim, ok, server } = setup();
    ok((d, now) => injectFault(d, 'node-down', 'hci-node2', now));
    expect(server('hci-node2')).toMatchObject({
      onPrem: { status: 'Offline' },
      azure: { status: 'Connected' },
      statusesAgree: false,
    });
    sim.advance('30m');
    expect(server('hci-node2')).toMatchObject({
      displayStatus: 'Disconnected',
      statusesAgree: true,
    });
  });

  it('summarises the cluster: Unknown before registration, with no resource group or link', () => {
    const { sim } = setup('gateway-registered');
    expect(sim.read((w, now) => clusterArcView(w, CLUSTER, now))).toMatchObject({
      registered: false,
      clusterArcStatus: 'Unknown',
      resourceGroup: null,
      clusterPortalPath: null,
    });
    expect(sim.read((w, now) => clusterArcView(w, CLUSTER, now).servers.map((s) => s.arcStatus))).toEqual(
      expect.arrayContaining(['Unknown']),
    );
  });
});
