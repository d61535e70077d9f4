import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  arcMachineStatus,
  buildScenario,
  clusterNodes,
  parseDuration,
  parseWorld,
  powerVm,
  registrationView,
  serializeWorld,
  SCENARIOS,
  SimError,
  createVm,
  DAY,
  HOUR,
  MINUTE,
} from './index';
import type { World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function runtime(scenario = 'fresh') {
  let real = T0;
  const sim = createSimRuntime({ clock: () => real, world: buildScenario(scenario, T0) });
  return { sim, tick: (ms: number) => (real += ms) };
}

const cluster01 = (w: World) => {
  const c = w.clusters['hci-cluster01'];
  if (!c) throw new Error('hci-cluster01 missing');
  return c;
};

describe('presets', () => {
  it.each(SCENARIOS.map((s) => s.name))('%s builds the same world twice', (name) => {
    expect(serializeWorld(buildScenario(name, T0))).toBe(serializeWorld(buildScenario(name, T0)));
  });

  it('fresh has four nodes installed two days ago, nothing registered, nobody signed in', () => {
    const w = buildScenario('fresh', T0);
    expect(clusterNodes(w, 'hci-cluster01').map((n) => n.name)).toEqual([
      'hci-node1',
      'hci-node2',
      'hci-node3',
      'hci-node4',
    ]);
    expect(cluster01(w).installedAt).toBe(T0 - 2 * DAY);
    expect(cluster01(w).registration).toBeUndefined();
    expect(w.gateway.registration).toBeUndefined();
    expect(w.gateway.account).toBeUndefined();
    expect(Object.values(w.vms).some((v) => v.generation === 1 && v.power === 'Running')).toBe(true);
  });

  it('large has at least 32 clusters, 256 nodes and 10,000 VMs', () => {
    const w = buildScenario('large', T0);
    expect(Object.keys(w.clusters).length).toBeGreaterThanOrEqual(32);
    expect(Object.keys(w.nodes).length).toBeGreaterThanOrEqual(256);
    expect(Object.keys(w.vms).length).toBeGreaterThanOrEqual(10_000);
  });

  it('rejects an unknown preset by name', () => {
    expect(() => buildScenario('nope', T0)).toThrow(/There is no preset named 'nope'/);
  });
});

describe('the 30-day policy', () => {
  it('fresh counts down from install and is OutOfPolicy after 31 days', () => {
    const { sim } = runtime('fresh');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).registrationStatus).toBe('NotYet');
    sim.advance('31d');
    const view = sim.read((w, now) => registrationView(w, cluster01(w), now));
    expect(view.registrationStatus).toBe('OutOfPolicy');
    expect(view.vmCreationBlocked).toBe(true);
  });

  it('a registered cluster keeps syncing every 12 hours and stays Connected', () => {
    const { sim } = runtime('registered');
    sim.advance('31d');
    const view = sim.read((w, now) => registrationView(w, cluster01(w), now));
    expect(view.registrationStatus).toBe('Registered');
    expect(view.connectionStatus).toBe('Connected');
    expect(sim.now() - (view.lastConnected ?? 0)).toBeLessThanOrEqual(12 * HOUR);
  });

  it('blocked outbound connectivity means no sync: Not connected recently, then OutOfPolicy after 30 days', () => {
    const { sim } = runtime('registered');
    sim.inject('outbound-blocked');
    sim.advance('2d');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).wacText).toBe(
      'Not connected recently',
    );
    sim.advance('29d');
    const view = sim.read((w, now) => registrationView(w, cluster01(w), now));
    expect(view.registrationStatus).toBe('OutOfPolicy');
    expect(sim.read((w) => w.events.some((e) => e.id === 585 && e.node === 'hci-node1'))).toBe(true);
  });

  it('repairing connectivity lets the next sync bring it back', () => {
    const { sim } = runtime('out-of-policy');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).registrationStatus).toBe(
      'OutOfPolicy',
    );
    sim.repair('outbound-blocked');
    sim.advance('12h');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).connectionStatus).toBe('Connected');
  });

  it('refuses to create a VM with the licensing error while out of policy', () => {
    const { sim } = runtime('out-of-policy');
    const outcome = sim.run((draft, now) =>
      createVm(
        draft,
        {
          cluster: 'hci-cluster01',
          name: 'app99',
          hostNode: 'hci-node1',
          generation: 2,
          cpuCount: 2,
          memoryMiB: 4096,
          os: 'Windows Server 2022',
        },
        now,
      ),
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^There was a failure configuring the virtual machine role for 'app99'\. Job failed\./,
        ) as unknown,
      },
    });
  });
});

describe('Arc heartbeats', () => {
  it('a node that goes down is Disconnected after 25 minutes and Connected within 5 minutes of repair', () => {
    const { sim } = runtime('registered');
    const status = () =>
      sim.read((w, now) =>
        arcMachineStatus(
          (w.nodes['hci-node3'] ?? { arc: { installed: false, version: '', connected: false } }).arc,
          now,
        ),
      );
    expect(status()).toBe('Connected');
    sim.inject('node-down', 'hci-node3');
    sim.advance('20m');
    expect(status()).toBe('Connected');
    sim.advance('10m');
    expect(status()).toBe('Disconnected');
    sim.repair('node-down', 'hci-node3');
    sim.advance('5m');
    expect(status()).toBe('Connected');
  });

  it('expires after 45 days without a heartbeat', () => {
    const { sim } = runtime('registered');
    sim.inject('outbound-blocked', 'hci-node1');
    sim.advance('46d');
    expect(
      sim.read((w, now) =>
        arcMachineStatus(
          (w.nodes['hci-node1'] ?? { arc: { installed: false, version: '', connected: false } }).arc,
          now,
        ),
      ),
    ).toBe('Expired');
  });
});

describe('faults', () => {
  it('node-down fails clustered VMs over and stops the others', () => {
    const { sim } = runtime('fresh');
    sim.inject('node-down', 'hci-node1');
    const w = sim.world();
    expect(w.nodes['hci-node1']?.power).toBe('Down');
    const dc01 = Object.values(w.vms).find((v) => v.name === 'dc01');
    const legacy = Object.values(w.vms).find((v) => v.name === 'legacy-app01');
    expect(dc01?.hostNode).not.toBe('hci-node1');
    expect(dc01?.power).toBe('Running');
    expect(legacy?.power).toBe('Off');
  });

  it('injecting twice is the same as once, and repair restores the node', () => {
    const { sim } = runtime('fresh');
    sim.inject('hcisvc-stopped', 'hci-node2');
    sim.inject('hcisvc-stopped', 'hci-node2');
    expect(sim.world().faults.filter((f) => f.fault === 'hcisvc-stopped')).toHaveLength(1);
    sim.repair('hcisvc-stopped');
    expect(sim.world().nodes['hci-node2']?.hcisvcRunning).toBe(true);
    expect(sim.world().faults).toHaveLength(0);
  });

  it.each([
    ['bogus', undefined, /There is no fault named "bogus"/],
    ['node-down', 'no-such-node', /no server or cluster named 'no-such-node'/],
    ['reader-only', 'nobody@contoso.com', /no Azure account named/],
    ['cluster-app-deleted', 'hci-cluster01', /needs a registered cluster/],
  ])('rejects inject(%s, %s) and changes nothing', (fault, target, message) => {
    const { sim } = runtime('fresh');
    const before = serializeWorld(sim.world());
    expect(() => sim.inject(fault, target)).toThrow(message);
    expect(serializeWorld(sim.world())).toBe(before);
  });

  it('cluster-app-deleted stops syncing until repaired; repair puts the same app back', () => {
    const { sim } = runtime('registered');
    const appId = sim.world().clusters['hci-cluster01']?.registration?.appId ?? '';
    sim.inject('cluster-app-deleted');
    expect(sim.world().cloud.apps[appId]).toBeUndefined();
    sim.advance('25h');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).wacText).toBe(
      'Not connected recently',
    );
    sim.repair('cluster-app-deleted');
    expect(sim.world().cloud.apps[appId]?.displayName).toBe('hci-cluster01');
  });

  it('tpm-cleared puts the cluster out of policy and recovers by itself with events 594 then 592', () => {
    const { sim } = runtime('registered');
    sim.inject('tpm-cleared', 'hci-node1');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).registrationStatus).toBe(
      'OutOfPolicy',
    );
    sim.advance('2h');
    expect(sim.read((w, now) => registrationView(w, cluster01(w), now)).registrationStatus).toBe(
      'Registered',
    );
    const ids = sim
      .world()
      .events.filter((e) => e.node === 'hci-node1' && (e.id === 594 || e.id === 592))
      .map((e) => e.id);
    expect(ids).toEqual([594, 592]);
    expect(sim.world().faults).toHaveLength(0);
  });
});

describe('jobs', () => {
  it('a VM start runs as a job and completes on time', () => {
    const { sim } = runtime('fresh');
    const web02 = Object.values(sim.world().vms).find((v) => v.name === 'web02');
    const outcome = sim.run((draft, now) => powerVm(draft, web02?.id ?? '', 'start', now));
    expect(outcome.ok).toBe(true);
    expect(sim.world().vms[web02?.id ?? '']?.power).toBe('Starting');
    sim.advance('10s');
    const w = sim.world();
    expect(w.vms[web02?.id ?? '']?.power).toBe('Running');
    const job = Object.values(w.jobs)[0];
    expect(job?.status).toBe('Succeeded');
    expect(job?.message).toBe("Successfully started the virtual machine 'web02'.");
    expect(w.notifications.at(-1)?.level).toBe('Success');
  });

  it('refuses an impossible transition with a reason and changes nothing', () => {
    const { sim } = runtime('fresh');
    const dc01 = Object.values(sim.world().vms).find((v) => v.name === 'dc01');
    const outcome = sim.run((draft, now) => powerVm(draft, dc01?.id ?? '', 'start', now));
    expect(outcome).toMatchObject({ ok: false, error: expect.any(SimError) as unknown });
    expect(Object.keys(sim.world().jobs)).toHaveLength(0);
  });
});

describe('clock', () => {
  it.each([
    ['90m', 90 * MINUTE],
    ['12h', 12 * HOUR],
    ['31d', 31 * DAY],
    ['1d12h', 36 * HOUR],
    [5000, 5000],
    ['2w', 14 * DAY],
  ])('parses %s', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['', '0', '-1d', '12x', 'soon', -5, Number.NaN, null])('rejects %s', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('only moves forward, and advancing changes nothing on a bad duration', () => {
    const { sim } = runtime('fresh');
    const before = sim.now();
    expect(() => sim.advance('-3d')).toThrow(/is not a duration/);
    expect(sim.now()).toBe(before);
    sim.advance('1h');
    expect(sim.now()).toBe(before + HOUR);
  });

  it('reset keeps the clock where it is', () => {
    const { sim } = runtime('fresh');
    sim.advance('3d');
    const at = sim.now();
    sim.reset('registered');
    expect(sim.now()).toBe(at);
    expect(cluster01(sim.world()).registration).toBeDefined();
  });
});

describe('persistence', () => {
  it('a world survives a round trip through JSON', () => {
    const { sim } = runtime('benefits-on');
    sim.inject('node-down', 'hci-node2');
    sim.advance('3d');
    const text = sim.snapshot();
    const { sim: other } = runtime('fresh');
    other.load(text);
    expect(other.snapshot()).toBe(text);
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /top level is not an object/],
    ['{"schemaVersion":99}', /schema version is 99/],
  ])('refuses %s and keeps the current world', (text, message) => {
    const { sim } = runtime('registered');
    const before = sim.snapshot();
    expect(() => sim.load(text)).toThrow(message);
    expect(sim.snapshot()).toBe(before);
  });

  it('refuses a world whose VM is hosted on a missing server', () => {
    const w = JSON.parse(serializeWorld(buildScenario('fresh', T0))) as World;
    const vm = Object.values(w.vms)[0];
    if (vm) vm.hostNode = 'ghost-node';
    expect(() => parseWorld(JSON.stringify(w))).toThrow(/hosted on 'ghost-node', which is not in the file/);
  });

  it('refuses a world whose schedule holds an event this simulation has no handler for', () => {
    const w = JSON.parse(serializeWorld(buildScenario('registered', T0))) as World;
    (w.schedule as unknown[]).push({ at: T0 + 1, kind: 'vm/transition-complete', vmId: 'x' });
    expect(() => parseWorld(JSON.stringify(w))).toThrow(
      /schedule has an event of unknown kind "vm\/transition-complete"/,
    );
  });
});

describe('operations', () => {
  it('hand back a usable value when they return a piece of the world', () => {
    const { sim } = runtime('fresh');
    const outcome = sim.run((draft) => draft.nodes['hci-node1']);
    expect(outcome.ok && outcome.value?.name).toBe('hci-node1');
  });
});
