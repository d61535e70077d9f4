import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  PROD_SUBSCRIPTION,
  arcMachineStatus,
  buildScenario,
  disconnectAgent,
  resourceKey,
  runOnboardingScript,
  startArcDisable,
  startArcEnable,
} from './index';
import type { Job, Op, OnboardingRun, World } from './index';
import { machineStatus } from './arm/project';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup(scenario = 'registered') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const finish = (op: Op<Job>): Job => {
    const job = ok(op);
    sim.advance(job.endsAt - job.startedAt + 1000);
    const done = sim.world().jobs[job.id];
    if (!done) throw new Error('job vanished');
    return done;
  };
  const status = (node: string) =>
    sim.read((w, now) => {
      const n = w.nodes[node];
      return n ? arcMachineStatus(n.arc, now) : undefined;
    });
  const machineOf = (w: World, node: string) => {
    const id = w.nodes[node]?.arc.machineResourceId;
    return id === undefined ? undefined : w.cloud.machines[resourceKey(id)];
  };
  return { sim, ok, finish, status, machineOf };
}

describe('Arc heartbeats', () => {
  it('shows a node that stops heartbeating Disconnected after 25 minutes and Connected within 5 minutes of the repair', () => {
    const { sim, status } = setup();
    expect(status('hci-node3')).toBe('Connected');
    sim.inject('node-down', 'hci-node3');
    sim.advance('20m');
    expect(status('hci-node3')).toBe('Connected');
    sim.advance('10m');
    expect(status('hci-node3')).toBe('Disconnected');
    expect(status('hci-node2')).toBe('Connected');
    sim.repair('node-down', 'hci-node3');
    sim.advance('5m');
    expect(status('hci-node3')).toBe('Connected');
  });

  it('keeps a node offline for more than 45 days Expired after the repair until Arc is disabled and enabled again', () => {
    const { sim, finish, status } = setup();
    sim.inject('node-down', 'hci-node3');
    sim.advance('46d');
    expect(status('hci-node3')).toBe('Expired');
    sim.repair('node-down', 'hci-node3');
    sim.advance('1h');
    expect(status('hci-node3')).toBe('Expired');

    const disabled = finish((d, now) => startArcDisable(d, 'hci-cluster01', 'hci-node3', now));
    expect(disabled).toMatchObject({
      status: 'Succeeded',
      message: expect.stringContaining('disabled on hci-node3') as unknown,
    });
    expect(sim.world().nodes['hci-node3']?.arc).toMatchObject({ installed: true, connected: false });
    expect(sim.world().nodes['hci-node3']?.arc.machineResourceId).toBeUndefined();

    const enabled = finish((d, now) => startArcEnable(d, 'hci-cluster01', ['hci-node3'], now));
    expect(enabled).toMatchObject({ status: 'Succeeded', message: 'Azure Arc is enabled on hci-node3.' });
    sim.advance('5m');
    expect(status('hci-node3')).toBe('Connected');
  });
});

describe('enable and disable Azure Arc', () => {
  it('refuses to enable Arc on a cluster that is not registered, and changes nothing', () => {
    const { sim } = setup('gateway-registered');
    const before = sim.snapshot();
    const outcome = sim.run((d, now) => startArcEnable(d, 'hci-cluster01', undefined, now));
    expect(!outcome.ok && outcome.error).toMatchObject({ code: 'ClusterNotRegistered', status: 409 });
    expect(sim.snapshot()).toBe(before);
  });

  it('refuses to enable Arc where it is already enabled, or on a server of another cluster', () => {
    const { sim } = setup();
    const again = sim.run((d, now) => startArcEnable(d, 'hci-cluster01', ['hci-node1'], now));
    expect(!again.ok && again.error.code).toBe('ArcAlreadyEnabled');
    const stranger = sim.run((d, now) => startArcEnable(d, 'hci-cluster01', ['elsewhere'], now));
    expect(!stranger.ok && stranger.error).toMatchObject({ code: 'InvalidParameter', target: 'nodes' });
  });

  it('fails for a server that is down when the job ends, naming it, and enables the others', () => {
    const { sim, finish } = setup();
    finish((d, now) => startArcDisable(d, 'hci-cluster01', 'hci-node2', now));
    finish((d, now) => startArcDisable(d, 'hci-cluster01', 'hci-node4', now));
    sim.inject('node-down', 'hci-node4');
    const job = finish((d, now) => startArcEnable(d, 'hci-cluster01', undefined, now));
    expect(job.status).toBe('Failed');
    expect(job.message).toContain("Couldn't reach hci-node4");
    expect(job.message).toContain('Azure Arc is enabled on hci-node2.');
  });

  it('clears arcSettings and the on-box Arc status when the last server is disabled', () => {
    const { sim, finish } = setup();
    for (const node of ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'])
      finish((d, now) => startArcDisable(d, 'hci-cluster01', node, now));
    const w = sim.world();
    expect(w.clusters['hci-cluster01']?.registration?.arcEnabled).toBe(false);
    expect(
      Object.values(w.cloud.hciClusters).find((c) => c.onPremCluster === 'hci-cluster01')?.arcSetting,
    ).toBeUndefined();
    const job = finish((d, now) => startArcEnable(d, 'hci-cluster01', undefined, now));
    expect(job.status).toBe('Succeeded');
    expect(sim.world().clusters['hci-cluster01']?.registration?.arcEnabled).toBe(true);
  });
});

describe('azcmagent disconnect', () => {
  it('deletes the machine resource and stops heartbeats', () => {
    const { sim, ok, machineOf } = setup();
    const machine = machineOf(sim.world(), 'hci-node2');
    expect(machine).toBeDefined();
    ok((d, now) => disconnectAgent(d, 'hci-node2', false, now));
    expect(machineOf(sim.world(), 'hci-node2')).toBeUndefined();
    expect(Object.values(sim.world().cloud.machines).some((m) => m.name === 'hci-node2')).toBe(false);
    const again = sim.run((d, now) => disconnectAgent(d, 'hci-node2', false, now));
    expect(!again.ok && again.error.code).toBe('AgentNotConnected');
  });

  it('with --force-local-only leaves the resource, which goes Disconnected after 25 minutes', () => {
    const { sim, ok, machineOf } = setup();
    ok((d, now) => disconnectAgent(d, 'hci-node2', true, now));
    const statusOf = () =>
      sim.read((w, now) => {
        const m = machineOf(w, 'hci-node2');
        return m ? machineStatus(w, m, now) : 'gone';
      });
    expect(statusOf()).toBe('Connected');
    sim.advance('26m');
    expect(statusOf()).toBe('Disconnected');
  });

  it('refuses a full disconnect from a server that cannot reach Azure, with the agent error', () => {
    const { sim } = setup();
    sim.inject('outbound-blocked', 'hci-node2');
    const before = sim.snapshot();
    const outcome = sim.run((d, now) => disconnectAgent(d, 'hci-node2', false, now));
    expect(!outcome.ok && outcome.error.message).toMatch(/^AZCM0026: Network Error/);
    expect(sim.snapshot()).toBe(before);
  });
});

describe('the onboarding script run on a simulated server', () => {
  const input: OnboardingRun = {
    serverName: 'web01',
    subscriptionId: PROD_SUBSCRIPTION,
    resourceGroup: 'hci-rg',
    region: 'eastus',
    osType: 'linux',
    tags: { Datacenter: 'it\'s "$(rm -rf /)" `x`\nnext' },
  };

  it('adds a server connection and a machine with no status until its first heartbeat, then Connected', () => {
    const { sim, ok, machineOf } = setup();
    const group = Object.values(sim.world().cloud.resourceGroups)[0]?.name ?? '';
    const result = ok((d, now) => runOnboardingScript(d, { ...input, resourceGroup: group }, now));
    const w = sim.world();
    expect(w.gateway.connections.find((c) => c.name === 'web01')).toMatchObject({ type: 'server' });
    expect(w.nodes.web01?.cluster).toBe('');
    expect(Object.values(w.clusters).some((c) => c.nodeNames.includes('web01'))).toBe(false);
    const machine = machineOf(w, 'web01');
    expect(machine).toMatchObject({ osType: 'linux', tags: input.tags, resourceGroup: group });
    expect(result.machineResourceId.toLowerCase()).toContain(
      '/providers/microsoft.hybridcompute/machines/web01',
    );
    const statusOf = () =>
      sim.read((world, now) => {
        const m = machineOf(world, 'web01');
        return m ? machineStatus(world, m, now) : 'gone';
      });
    expect(statusOf()).toBeUndefined();
    sim.advance('4m');
    expect(statusOf()).toBeUndefined();
    sim.advance('1m');
    expect(statusOf()).toBe('Connected');
  });

  it.each([
    [{ serverName: 'bad name' }, 'InvalidParameter', 'serverName'],
    [{ serverName: 'hci-node1' }, 'ServerExists', 'serverName'],
    [{ resourceGroup: 'no-such-group' }, 'ResourceGroupNotFound', 'resourceGroup'],
    [{ region: 'moon' }, 'InvalidParameter', 'region'],
    [{ subscriptionId: '00000000-0000-0000-0000-000000000000' }, 'InvalidParameter', 'subscriptionId'],
  ])('refuses %j with %s and changes nothing', (patch, code, target) => {
    const { sim } = setup();
    const group = Object.values(sim.world().cloud.resourceGroups)[0]?.name ?? '';
    const before = sim.snapshot();
    const outcome = sim.run((d, now) =>
      runOnboardingScript(d, { ...input, resourceGroup: group, ...patch }, now),
    );
    expect(!outcome.ok && outcome.error).toMatchObject({ code, target });
    expect(sim.snapshot()).toBe(before);
  });
});
