import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  ADMIN_UPN,
  MESSAGES,
  PROD_SUBSCRIPTION,
  buildScenario,
  clusterNodes,
  grantAdminConsent,
  registrationPrerequisites,
  registrationView,
  startClusterRegistration,
  startClusterUnregistration,
  startRepair,
  startSyncNow,
  arcMachineStatus,
  createVm,
  hciClusterId,
  resourceKey,
  rgKey,
} from './index';
import type { Job, Op, RegisterClusterRequest, World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup(scenario = 'gateway-registered') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  /** starts a job and lets simulated time run until it ends */
  const finish = (op: Op<Job>): Job => {
    const job = ok(op);
    sim.advance(job.endsAt - job.startedAt + 1000);
    const done = sim.world().jobs[job.id];
    if (!done) throw new Error('job vanished');
    return done;
  };
  return { sim, ok, finish };
}

const request = (over: Partial<RegisterClusterRequest> = {}): RegisterClusterRequest => ({
  cluster: 'hci-cluster01',
  subscriptionId: PROD_SUBSCRIPTION,
  resourceGroup: 'hci-rg-new',
  region: 'East US',
  enableArc: true,
  ...over,
});

const view = (w: World, now: number) =>
  registrationView(w, w.clusters['hci-cluster01'] ?? (undefined as never), now);

describe('registering a cluster', () => {
  it('registers with a new resource group in East US, with every step in order and Arc on every node', () => {
    const t = setup();
    const started = t.ok((d, now) => startClusterRegistration(d, request(), now));
    expect(started.steps.map((s) => s.percent)).toEqual([
      1, 2, 8, 30, 40, 55, 60, 70, 80, 90, 93, 94, 95, 96, 97, 99,
    ]);
    expect(started.steps[5]?.text).toBe('Creating Azure Resource Group hci-rg-new');
    t.sim.advance(started.endsAt - started.startedAt + 1000);
    const job = t.sim.world().jobs[started.id];
    expect(job).toMatchObject({ status: 'Succeeded', result: 'Success', message: MESSAGES.success });
    const w = t.sim.world();
    expect(t.sim.read(view).wacText).toBe('Connected');
    const resource =
      w.cloud.hciClusters[resourceKey(hciClusterId(PROD_SUBSCRIPTION, 'hci-rg-new', 'hci-cluster01'))];
    expect(resource?.location).toBe('eastus');
    expect(w.cloud.resourceGroups[rgKey(PROD_SUBSCRIPTION, 'hci-rg-new')]?.tags.CreatedBy).toBe(
      '4C02703C-F5D0-44B0-ADC3-4ED5C2839E61',
    );
    t.sim.advance('5m');
    for (const node of clusterNodes(t.sim.world(), 'hci-cluster01')) {
      expect(t.sim.read((_w, now) => arcMachineStatus(node.arc, now))).toBe('Connected');
    }
    expect(w.clusters['hci-cluster01']?.logFiles[0]?.name).toMatch(/^RegisterHCI_\d{8}-\d{4}\.log$/);
    expect(w.events.filter((e) => e.source === 'HCI Registration').map((e) => e.id)).toEqual([
      9001, 9009, 9004, 9002, 9003,
    ]);
  });

  it('names the right nodes in each half of the certificate error, keeps the resource, and succeeds on re-run once fixed', () => {
    const t = setup();
    t.sim.inject('node-down', 'hci-node2');
    t.sim.inject('outbound-blocked', 'hci-node4');
    const job = t.finish((d, now) => startClusterRegistration(d, request(), now));
    expect(job.message).toBe(
      "Failed to register. Couldn't generate self-signed certificate on node(s) hci-node2. Couldn't set and verify registration certificate on node(s) hci-node4. Make sure every clustered node is up and has Internet connectivity (at least outbound to Azure).",
    );
    expect(t.sim.read(view).registrationStatus).toBe('NotYet');
    expect(
      t.sim.world().cloud.hciClusters[
        resourceKey(hciClusterId(PROD_SUBSCRIPTION, 'hci-rg-new', 'hci-cluster01'))
      ],
    ).toBeDefined();
    t.sim.repair('node-down');
    t.sim.repair('outbound-blocked');
    expect(t.finish((d, now) => startClusterRegistration(d, request(), now)).status).toBe('Succeeded');
  });

  it('keeps the registration when Arc roles are missing, and enables Arc on re-run once the role is granted', () => {
    const t = setup();
    t.sim.inject('no-arc-role');
    const job = t.finish((d, now) => startClusterRegistration(d, request(), now));
    expect(job).toMatchObject({
      status: 'Failed',
      result: 'RegisterSucceededButArcFailed',
      message: MESSAGES.arcRoles,
    });
    expect(t.sim.read(view).registrationStatus).toBe('Registered');
    expect(t.sim.world().clusters['hci-cluster01']?.registration?.arcEnabled).toBe(false);
    t.sim.repair('no-arc-role');
    const rerun = t.finish((d, now) => startClusterRegistration(d, request(), now));
    expect(rerun.status).toBe('Succeeded');
    expect(rerun.steps.map((s) => s.text)).not.toContain(
      'Getting new certificate from on-premises cluster to use as application credential',
    );
    expect(t.sim.world().clusters['hci-cluster01']?.registration?.arcEnabled).toBe(true);
  });

  it('stops at PendingForAdminConsent and completes by re-running after an admin consents', () => {
    const t = setup();
    t.sim.inject('no-aad-consent', ADMIN_UPN);
    const job = t.finish((d, now) => startClusterRegistration(d, request(), now));
    expect(job.result).toBe('PendingForAdminConsent');
    expect(job.message).toMatch(
      /^You need additional Azure Active Directory permissions to register in this Azure subscription\. Contact your Azure AD administrator to grant consent to AAD application identity [0-9a-f-]{36} at https:\/\/portal\.azure\.com\/#blade\/Microsoft_AAD_RegisteredApps/,
    );
    const appId = t.sim.world().clusters['hci-cluster01']?.pendingConsent?.appId ?? '';
    t.ok((d) => grantAdminConsent(d, appId, ADMIN_UPN));
    expect(t.finish((d, now) => startClusterRegistration(d, request(), now)).status).toBe('Succeeded');
    expect(t.sim.world().clusters['hci-cluster01']?.registration?.appId).toBe(appId);
  });

  it.each([
    [
      { region: 'West US 3' },
      /^Azure Stack HCI is not yet available in region westus3\. Please choose one of these regions: East US,South Central US,/,
    ],
  ])('fails fast when %o', (over, message) => {
    const t = setup();
    const job = t.finish((d, now) => startClusterRegistration(d, request(over), now));
    expect(job.status).toBe('Failed');
    expect(job.message).toMatch(message);
    expect(job.steps.at(-1)?.text).toBe('Validating cmdlet parameters');
    expect(Object.keys(t.sim.world().cloud.hciClusters)).toHaveLength(0);
  });

  it('refuses a different resource group when already registered', () => {
    const t = setup('registered');
    const job = t.finish((d, now) =>
      startClusterRegistration(d, request({ resourceGroup: 'other-rg' }), now),
    );
    expect(job.message).toBe(MESSAGES.differentResourceGroup('hci-cluster01-rg'));
  });

  it('refuses a resource that already exists in another region', () => {
    const t = setup();
    t.finish((d, now) => startClusterRegistration(d, request(), now));
    t.finish((d, now) =>
      startClusterUnregistration(
        d,
        { cluster: 'hci-cluster01', subscriptionId: '00000000-0000-4000-8000-000000000000' },
        now,
      ),
    );
    const job = t.finish((d, now) => startClusterRegistration(d, request({ region: 'West Europe' }), now));
    expect(job.message).toBe(MESSAGES.differentRegion('eastus', 'westeurope'));
  });

  it('refuses a Reader before creating anything', () => {
    const t = setup();
    t.sim.inject('reader-only');
    const outcome = t.sim.run((d, now) => startClusterRegistration(d, request(), now));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'AuthorizationFailed' } });
  });

  it('prerequisites name the failing nodes and the missing roles', () => {
    const t = setup();
    t.sim.inject('hcisvc-stopped', 'hci-node3');
    t.sim.inject('no-arc-role');
    const checks = t.sim.read((w, now) =>
      registrationPrerequisites(w, 'hci-cluster01', PROD_SUBSCRIPTION, true, now),
    );
    expect(checks.find((c) => c.id === 'hcisvc')).toMatchObject({ state: 'warn', nodes: ['hci-node3'] });
    expect(checks.find((c) => c.id === 'role-arc')?.state).toBe('warn');
    expect(checks.find((c) => c.id === 'role-register')?.state).toBe('pass');
    const fresh = setup('fresh');
    expect(
      fresh.sim
        .read((w, now) => registrationPrerequisites(w, 'hci-cluster01', undefined, true, now))
        .filter((c) => c.state === 'fail')
        .map((c) => c.id),
    ).toEqual(['gateway', 'account']);
  });
});

describe('unregister, repair and sync', () => {
  it('unregister removes what registration created, and only that', () => {
    const t = setup();
    t.finish((d, now) => startClusterRegistration(d, request(), now));
    const rgsBefore = Object.keys(t.sim.world().cloud.resourceGroups).length;
    const job = t.finish((d, now) => startClusterUnregistration(d, { cluster: 'hci-cluster01' }, now));
    expect(job.message).toBe(MESSAGES.unregistered);
    const w = t.sim.world();
    expect(Object.keys(w.cloud.hciClusters)).toHaveLength(0);
    expect(Object.keys(w.cloud.machines)).toHaveLength(0);
    expect(w.cloud.resourceGroups[rgKey(PROD_SUBSCRIPTION, 'hci-rg-new')]).toBeUndefined();
    expect(Object.keys(w.cloud.resourceGroups)).toHaveLength(rgsBefore - 1);
    expect(Object.values(w.cloud.apps).filter((a) => a.kind !== 'gateway')).toHaveLength(0);
    expect(t.sim.read(view).registrationStatus).toBe('NotYet');
  });

  it('unregistering with the wrong subscription leaves the Azure resources behind while the cluster says NotYet', () => {
    const t = setup('registered');
    t.finish((d, now) =>
      startClusterUnregistration(
        d,
        { cluster: 'hci-cluster01', subscriptionId: '00000000-0000-4000-8000-000000000000' },
        now,
      ),
    );
    expect(t.sim.read(view).registrationStatus).toBe('NotYet');
    expect(Object.keys(t.sim.world().cloud.hciClusters)).toHaveLength(1);
  });

  it('repair recreates a deleted cluster app and the cluster connects again', () => {
    const t = setup('registered');
    t.sim.inject('cluster-app-deleted');
    t.sim.advance('25h');
    expect(t.sim.read(view).wacText).toBe('Not connected recently');
    const job = t.finish((d, now) => startRepair(d, 'hci-cluster01', now));
    expect(job.status).toBe('Succeeded');
    expect(t.sim.read(view).wacText).toBe('Connected');
    expect(t.sim.world().faults).toHaveLength(0);
  });

  it('OutOfPolicy blocks new VMs until connectivity is repaired and a sync succeeds', () => {
    const t = setup('registered');
    t.sim.inject('outbound-blocked');
    t.sim.advance('31d');
    const create: Op<unknown> = (d, now) =>
      createVm(
        d,
        {
          cluster: 'hci-cluster01',
          name: 'app42',
          hostNode: 'hci-node1',
          generation: 2,
          cpuCount: 2,
          memoryMiB: 2048,
          os: 'Windows Server 2022',
        },
        now,
      );
    expect(t.sim.run(create)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^There was a failure configuring the virtual machine role for 'app42'/,
        ) as unknown,
      },
    });
    expect(t.finish((d, now) => startSyncNow(d, 'hci-cluster01', now)).message).toMatch(
      /^Couldn't sync with Azure for cluster: hci-cluster01\.contoso\.local\. The servers cannot reach Azure/,
    );
    t.sim.repair('outbound-blocked');
    expect(t.finish((d, now) => startSyncNow(d, 'hci-cluster01', now)).message).toBe(
      'Successfully synced with Azure for cluster: hci-cluster01.contoso.local',
    );
    expect(t.sim.read(view).wacText).toBe('Connected');
    expect(t.sim.run(create).ok).toBe(true);
  });
});
