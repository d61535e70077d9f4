import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  vmBenefitsStatus,
  BENEFITS_MESSAGES,
  DAY,
  SimError,
  benefitsNodeStatus,
  benefitsServerView,
  benefitsVmOutcomes,
  buildScenario,
  clusterNodes,
  clusterVms,
  disableBlocker,
  enableBlocker,
  hciClusterId,
  jobProgress,
  powerVm,
  resourceKey,
  startDisableBenefits,
  startEnableBenefits,
  startSyncNow,
  startVmBenefits,
  vmAddBlocker,
} from './index';
import type { Job, Op, World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';

function setup(scenario: string) {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const refused = <T>(op: Op<T>): SimError => {
    const before = sim.snapshot();
    const outcome = sim.run(op);
    if (outcome.ok) throw new Error('expected a refusal');
    // a refusal changes nothing
    expect(sim.snapshot()).toBe(before);
    return outcome.error;
  };
  const finish = (op: Op<Job>): Job => {
    const job = ok(op);
    sim.advance(job.endsAt - job.startedAt + 1000);
    const done = sim.world().jobs[job.id];
    if (!done) throw new Error('job vanished');
    return done;
  };
  const vm = (name: string) => {
    const found = clusterVms(sim.world(), CLUSTER).find((v) => v.name === name);
    if (!found) throw new Error(`no VM ${name}`);
    return found;
  };
  const statuses = (w: World = sim.world()) =>
    clusterNodes(w, CLUSTER).map((n) => `${n.name}:${benefitsNodeStatus(n, sim.now())}`);
  const resource = () => {
    const reg = sim.world().clusters[CLUSTER]?.registration;
    if (!reg) throw new Error('not registered');
    return sim.world().cloud.hciClusters[
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
    ];
  };
  return { sim, ok, refused, finish, vm, statuses, resource };
}

describe('turning Azure benefits on for the cluster', () => {
  it('configures every node with the real progress strings, syncs, and makes every server Active for 30 days', () => {
    const t = setup('registered');
    const started = t.ok((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now));
    expect(started.title).toBe('Enable Azure Stack HCI IMDS Attestation...');
    expect(started.steps.map((s) => s.text)).toEqual([
      'Checking whether the cluster is already registered',
      'Discovering cluster nodes...',
      'Configuring AzureStack HCI IMDS Attestation on hci-node1',
      'Configuring AzureStack HCI IMDS Attestation on hci-node2',
      'Configuring AzureStack HCI IMDS Attestation on hci-node3',
      'Configuring AzureStack HCI IMDS Attestation on hci-node4',
      'Performing billing, licensing, and census sync with Azure',
    ]);
    expect(started.steps.map((s) => s.percent)).toEqual([1, 5, 10, 28, 45, 63, 95]);
    t.sim.advance('5s');
    expect(jobProgress(t.sim.world().jobs[started.id] as Job, t.sim.now()).currentStep).toBe(
      'Configuring AzureStack HCI IMDS Attestation on hci-node1',
    );
    // nothing changes before the job ends
    expect(t.sim.world().clusters[CLUSTER]?.imdsAttestation).toBe('Disabled');

    t.sim.advance('2m');
    const done = t.sim.world().jobs[started.id] as Job;
    expect(done).toMatchObject({
      status: 'Succeeded',
      result: 'Success',
      message: 'Successfully turned on Azure benefits for cluster: hci-cluster01.contoso.local.',
    });
    expect(t.sim.world().clusters[CLUSTER]?.imdsAttestation).toBe('Enabled');
    expect(t.statuses()).toEqual([
      'hci-node1:Active',
      'hci-node2:Active',
      'hci-node3:Active',
      'hci-node4:Active',
    ]);
    for (const node of clusterNodes(t.sim.world(), CLUSTER)) {
      expect(node.attestation).toEqual({
        hostSwitch: true,
        enabled: true,
        expiresAt: done.endsAt + 30 * DAY,
      });
    }
    // the sync at the end reports the new state to Azure
    expect(t.resource()?.reported?.imdsAttestation).toBe('Enabled');
    expect(t.resource()?.lastSyncTimestamp).toBe(done.endsAt);
    expect(clusterVms(t.sim.world(), CLUSTER).filter((v) => v.attestationNic)).toHaveLength(0);
  });

  it('adds every VM with -AddVM but the running Generation 1 VM, and says which and why', () => {
    const t = setup('registered');
    const job = t.finish((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: true }, now));
    expect(job.status).toBe('Succeeded');
    expect(job.result).toBe('SucceededWithWarnings');
    expect(job.message).toContain(BENEFITS_MESSAGES.didNotAddAllGuests);
    expect(job.message).toContain('Not added: legacy-app01.');
    const outcomes = benefitsVmOutcomes(job);
    expect(
      outcomes
        .filter((o) => o.outcome === 'Succeeded')
        .map((o) => o.vmName)
        .sort(),
    ).toEqual(['avd-host01', 'build-agent01', 'dc01', 'file01', 'sql01', 'web01', 'web02']);
    expect(outcomes.find((o) => o.vmName === 'legacy-app01')).toMatchObject({
      outcome: 'Failed',
      code: 'Gen1VmRunning',
      fix: 'turn-off-vm',
      message: BENEFITS_MESSAGES.gen1Add('legacy-app01'),
    });
    expect(t.vm('legacy-app01').attestationNic).toBe(false);
  });

  it('adds all VMs once the Generation 1 VM has been turned off', () => {
    const t = setup('registered');
    t.finish((d, now) => powerVm(d, t.vm('legacy-app01').id, 'turn-off', now));
    const job = t.finish((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: true }, now));
    expect(job.result).toBe('Success');
    expect(clusterVms(t.sim.world(), CLUSTER).every((v) => v.attestationNic)).toBe(true);
  });

  it.each([
    ['fresh', undefined, 'ImdsClusterNotRegistered', BENEFITS_MESSAGES.notRegistered],
    ['registered', 'hci-node3', 'AllClusterNodesAreNotOnline', BENEFITS_MESSAGES.nodesOffline],
  ])('on %s with %s down refuses with %s before anything changes', (scenario, down, code, message) => {
    const t = setup(scenario);
    if (down) t.sim.inject('node-down', down);
    const error = t.refused((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: true }, now));
    expect(error).toMatchObject({ code, message, status: 412 });
    expect(enableBlocker(t.sim.world(), CLUSTER, t.sim.now())?.code).toBe(code);
  });

  it('refuses a second benefits operation while one is running', () => {
    const t = setup('registered');
    t.ok((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now));
    expect(t.refused((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now)).code).toBe(
      'OperationInProgress',
    );
  });

  it('shows Expired right after enabling when the sync at the end cannot reach Azure', () => {
    const t = setup('registered');
    t.sim.inject('outbound-blocked');
    const job = t.finish((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now));
    expect(job.result).toBe('SucceededWithWarnings');
    expect(job.message).toContain('outbound HTTPS connectivity is blocked');
    expect(t.statuses()).toEqual([
      'hci-node1:Expired',
      'hci-node2:Expired',
      'hci-node3:Expired',
      'hci-node4:Expired',
    ]);
  });
});

describe('certificates over time', () => {
  it('expire after 31 days without a sync, and Sync with Azure renews them once Azure is reachable', () => {
    const t = setup('benefits-on');
    t.sim.inject('outbound-blocked');
    t.sim.advance('31d');
    expect(t.statuses()).toEqual([
      'hci-node1:Expired',
      'hci-node2:Expired',
      'hci-node3:Expired',
      'hci-node4:Expired',
    ]);
    expect(benefitsServerView(t.sim.world(), 'hci-node1', t.sim.now())?.detail).toMatch(
      /hasn't synced with Azure for more than 30 days/,
    );

    const blocked = t.finish((d, now) => startSyncNow(d, CLUSTER, now));
    expect(blocked.status).toBe('Failed');
    expect(blocked.message).toBe(
      "Couldn't sync with Azure for cluster: hci-cluster01.contoso.local. The servers cannot reach Azure: outbound HTTPS connectivity is blocked or the proxy is misconfigured.",
    );
    expect(t.statuses()[0]).toBe('hci-node1:Expired');

    t.sim.repair('outbound-blocked');
    const synced = t.finish((d, now) => startSyncNow(d, CLUSTER, now));
    expect(synced.status).toBe('Succeeded');
    expect(t.statuses()).toEqual([
      'hci-node1:Active',
      'hci-node2:Active',
      'hci-node3:Active',
      'hci-node4:Active',
    ]);
    expect(clusterNodes(t.sim.world(), CLUSTER)[0]?.attestation.expiresAt).toBe(synced.endsAt + 30 * DAY);
  });

  it('stay Active across 31 healthy days because every 12-hour sync renews them', () => {
    const t = setup('benefits-on');
    t.sim.advance('31d');
    expect(t.statuses().every((s) => s.endsWith(':Active'))).toBe(true);
  });

  it('show Unknown for a node that cannot be queried', () => {
    const t = setup('benefits-on');
    t.sim.inject('hcisvc-stopped', 'hci-node2');
    t.sim.inject('node-down', 'hci-node4');
    expect(t.statuses()).toEqual([
      'hci-node1:Active',
      'hci-node2:Unknown',
      'hci-node3:Active',
      'hci-node4:Unknown',
    ]);
  });
});

describe('a server added after set-up', () => {
  it('is Inactive, refuses its VMs, and becomes Active with Enable inactive server; then its VMs can be added', () => {
    const t = setup('new-node');
    expect(t.statuses().at(-1)).toBe('hci-node5:Inactive');
    const app01 = t.vm('new-app01');
    expect(vmAddBlocker(t.sim.world(), app01, t.sim.now())).toEqual({
      code: 'AttestationNotEnabled',
      message:
        'The IMDS Service on hci-node5 needs to be activated. This is required before guests can be configured. Run Enable-AzStackHCIAttestation cmdlet.',
      fix: 'host',
    });
    const error = t.refused((d, now) =>
      startVmBenefits(d, { cluster: CLUSTER, vmIds: [app01.id], action: 'add' }, now),
    );
    expect(error.code).toBe('AttestationNotEnabled');
    expect(error.details).toEqual([
      {
        code: 'AttestationNotEnabled',
        message: BENEFITS_MESSAGES.attestationNotEnabled('hci-node5'),
        target: app01.id,
      },
    ]);

    const enabled = t.finish((d, now) =>
      startEnableBenefits(d, { cluster: CLUSTER, addVms: false, nodes: ['hci-node5'] }, now),
    );
    expect(enabled.steps.map((s) => s.text)).toContain(
      'Configuring AzureStack HCI IMDS Attestation on hci-node5',
    );
    expect(enabled.steps.map((s) => s.text)).not.toContain(
      'Configuring AzureStack HCI IMDS Attestation on hci-node1',
    );
    expect(enabled.message).toBe('Successfully turned on Azure benefits for hci-node5.');
    expect(t.statuses().every((s) => s.endsWith(':Active'))).toBe(true);

    const added = t.finish((d, now) =>
      startVmBenefits(d, { cluster: CLUSTER, vmIds: [app01.id, t.vm('new-app02').id], action: 'add' }, now),
    );
    expect(added).toMatchObject({
      status: 'Succeeded',
      title: 'Add Virtual Machines to Azure Stack HCI IMDS Attestation...',
      message: 'Successfully turned on Azure benefits for new-app01, new-app02.',
    });
    expect(clusterVms(t.sim.world(), CLUSTER).every((v) => v.attestationNic)).toBe(true);
  });
});

describe('VMs in bulk', () => {
  it('runs the eligible VMs and reports each refused one with its reason', () => {
    const t = setup('registered');
    t.finish((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now));
    const ids = ['dc01', 'legacy-app01', 'sql01'].map((n) => t.vm(n).id);
    const job = t.ok((d, now) => startVmBenefits(d, { cluster: CLUSTER, vmIds: ids, action: 'add' }, now));
    expect(job.steps.map((s) => s.text)).toEqual([
      'Verifying attestation',
      'Creating IMDS network adapter on guest dc01',
      'Creating IMDS network adapter on guest sql01',
    ]);
    expect(benefitsVmOutcomes(job).map((o) => `${o.vmName}:${o.outcome}`)).toEqual([
      'dc01:Pending',
      'sql01:Pending',
      'legacy-app01:Failed',
    ]);
    t.sim.advance('1m');
    const done = t.sim.world().jobs[job.id] as Job;
    expect(done.status).toBe('Failed');
    expect(done.result).toBe('PartiallySucceeded');
    expect(done.message).toMatch(
      /^Turned on Azure benefits for 2 of 3 VMs \(dc01, sql01\)\. Couldn't for legacy-app01\. legacy-app01: Unable to configure IMDS Service on VM\./,
    );
    expect(benefitsVmOutcomes(done).map((o) => `${o.vmName}:${o.outcome}:${o.message.slice(0, 12)}`)).toEqual(
      ['dc01:Succeeded:Connected', 'sql01:Succeeded:Connected', 'legacy-app01:Failed:Unable to co'],
    );
  });

  it('refuses a running Generation 1 VM alone, and adds it once it is off', () => {
    const t = setup('registered');
    t.finish((d, now) => startEnableBenefits(d, { cluster: CLUSTER, addVms: false }, now));
    const legacy = t.vm('legacy-app01').id;
    const error = t.refused((d, now) =>
      startVmBenefits(d, { cluster: CLUSTER, vmIds: [legacy], action: 'add' }, now),
    );
    expect(error).toMatchObject({
      code: 'Gen1VmRunning',
      status: 409,
      message: `Couldn't turn on Azure benefits for legacy-app01. ${BENEFITS_MESSAGES.gen1Add('legacy-app01')}`,
    });
    t.finish((d, now) => powerVm(d, legacy, 'turn-off', now));
    expect(
      t.finish((d, now) => startVmBenefits(d, { cluster: CLUSTER, vmIds: [legacy], action: 'add' }, now))
        .status,
    ).toBe('Succeeded');
    expect(t.vm('legacy-app01').attestationNic).toBe(true);
  });

  it('removes VMs with the removal strings, and fails a VM whose host went down meanwhile', () => {
    const t = setup('benefits-on');
    const ids = ['web01', 'file01'].map((n) => t.vm(n).id);
    const job = t.ok((d, now) => startVmBenefits(d, { cluster: CLUSTER, vmIds: ids, action: 'remove' }, now));
    expect(job.title).toBe('Remove Virtual Machines from Azure Stack HCI IMDS Attestation...');
    expect(job.steps.map((s) => s.text)).toEqual([
      'Removing guest attestation',
      'Removing web01 from IMDS Attestation on hci-node3',
      'Removing file01 from IMDS Attestation on hci-node4',
    ]);
    t.sim.inject('hcisvc-stopped', 'hci-node4');
    t.sim.advance('1m');
    const done = t.sim.world().jobs[job.id] as Job;
    expect(benefitsVmOutcomes(done).map((o) => `${o.vmName}:${o.outcome}`)).toEqual([
      'web01:Succeeded',
      'file01:Failed',
    ]);
    expect(t.vm('web01').attestationNic).toBe(false);
    expect(t.vm('file01').attestationNic).toBe(true);
  });

  it('rejects an empty selection and VMs of another cluster', () => {
    const t = setup('benefits-on');
    expect(
      t.refused((d, now) => startVmBenefits(d, { cluster: CLUSTER, vmIds: [], action: 'add' }, now)).code,
    ).toBe('InvalidParameter');
    expect(
      t.refused((d, now) => startVmBenefits(d, { cluster: CLUSTER, vmIds: ['nope'], action: 'add' }, now))
        .code,
    ).toBe('VirtualMachineNotFound');
  });
});

describe('turning Azure benefits off', () => {
  it('refuses while guests are connected, and removes them first with removeVms once the Gen 1 VM is off', () => {
    const t = setup('benefits-on');
    expect(disableBlocker(t.sim.world(), CLUSTER, false, t.sim.now())?.code).toBe('GuestsStillConnected');
    expect(
      t.refused((d, now) => startDisableBenefits(d, { cluster: CLUSTER, removeVms: false }, now)),
    ).toMatchObject({ code: 'GuestsStillConnected', message: BENEFITS_MESSAGES.guestsConnected });
    expect(
      t.refused((d, now) => startDisableBenefits(d, { cluster: CLUSTER, removeVms: true }, now)),
    ).toMatchObject({ code: 'Gen1VmRunning' });

    t.finish((d, now) => powerVm(d, t.vm('legacy-app01').id, 'turn-off', now));
    const job = t.finish((d, now) => startDisableBenefits(d, { cluster: CLUSTER, removeVms: true }, now));
    expect(job.title).toBe('Disable Azure Stack HCI IMDS Attestation...');
    expect(job.steps.map((s) => s.text)).toContain(
      'Removing AzureStack HCI IMDS Attestation from guests on hci-node1',
    );
    expect(job.steps.map((s) => s.text)).toContain('Disabling AzureStack HCI IMDS Attestation on hci-node4');
    expect(job).toMatchObject({
      status: 'Succeeded',
      message: 'Successfully turned off Azure benefits for cluster: hci-cluster01.contoso.local.',
    });
    expect(t.sim.world().clusters[CLUSTER]?.imdsAttestation).toBe('Disabled');
    expect(t.statuses().every((s) => s.endsWith(':Inactive'))).toBe(true);
    expect(clusterVms(t.sim.world(), CLUSTER).some((v) => v.attestationNic)).toBe(false);
    expect(t.resource()?.reported?.imdsAttestation).toBe('Disabled');
  });

  it('turns off straight away once no VM is attached', () => {
    const t = setup('benefits-on');
    for (const vm of clusterVms(t.sim.world(), CLUSTER)) {
      if (vm.generation === 1) t.finish((d, now) => powerVm(d, vm.id, 'turn-off', now));
    }
    t.finish((d, now) =>
      startVmBenefits(
        d,
        { cluster: CLUSTER, vmIds: clusterVms(t.sim.world(), CLUSTER).map((v) => v.id), action: 'remove' },
        now,
      ),
    );
    expect(disableBlocker(t.sim.world(), CLUSTER, false, t.sim.now())).toBeUndefined();
    expect(
      t.finish((d, now) => startDisableBenefits(d, { cluster: CLUSTER, removeVms: false }, now)).status,
    ).toBe('Succeeded');
  });
});

describe('a VM with Azure benefits, seen from the VM list', () => {
  it('is Connected while its host is Active, also when it is off or saved (as the Benefits page counts it)', () => {
    const world = buildScenario('benefits-on', T0);
    const vms = Object.values(world.vms);
    expect(vms.filter((v) => v.power !== 'Running').length).toBeGreaterThan(0);
    expect(vms.map((v) => `${v.name}: ${vmBenefitsStatus(world, v, T0)}`)).toEqual(
      vms.map((v) => `${v.name}: Connected`),
    );
  });
});
