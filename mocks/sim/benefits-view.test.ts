import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  BENEFITS_MESSAGES,
  benefitsOperationView,
  buildScenario,
  clusterBenefitsView,
  startVmBenefits,
} from './index';
import type { Op } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';

function setup(scenario: string) {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const view = () => sim.read((w, now) => clusterBenefitsView(w, CLUSTER, now));
  const run = <T>(op: Op<T>) => sim.run(op);
  return { sim, view, run };
}

describe('the Azure benefits page’s view', () => {
  it('before registration: Off, nothing to turn off, and sync blocked with the reason', () => {
    const { view } = setup('gateway-registered');
    const page = view();
    expect(page).toMatchObject({
      clusterStatus: 'Off',
      turnOffBlocker: null,
      turnOffWithVmsBlocker: null,
      inactiveServers: [],
      syncBlocker: 'The cluster is not registered with Azure.',
    });
    // Turn on with all VMs would skip the running Generation 1 VM: the pane warns with its name
    const legacy = page.vms.find((v) => v.name === 'legacy-app01');
    expect(page.addVmsSkipped).toEqual([legacy?.id]);
    expect(page.turnOnBlocker).toMatchObject({ message: BENEFITS_MESSAGES.notRegistered });
  });

  it('a VM with benefits offers Turn off only, with the reason a running Generation 1 VM would be refused', () => {
    const { view } = setup('benefits-on');
    const page = view();
    expect(page.clusterStatus).toBe('On');
    const legacy = page.vms.find((v) => v.name === 'legacy-app01');
    expect(legacy).toMatchObject({ generation: 1, state: 'Running', benefits: 'On', turnOnBlocker: null });
    expect(legacy?.turnOffBlocker?.message).toBe(BENEFITS_MESSAGES.gen1Remove('legacy-app01'));
    const gen2 = page.vms.find((v) => v.generation === 2);
    expect(gen2).toMatchObject({ benefits: 'On', turnOnBlocker: null, turnOffBlocker: null });
    expect(page.vmsWithBenefits).toBe(page.vms.filter((v) => v.benefits === 'On').length);
  });

  it('an operation’s view lists each VM’s outcome, and the page lists the job while it runs', () => {
    const { view, run } = setup('benefits-on');
    const page = view();
    const off = page.vms.filter((v) => v.generation === 2).map((v) => v.id);
    const outcome = run((d, now) =>
      startVmBenefits(d, { cluster: CLUSTER, vmIds: off, action: 'remove' }, now),
    );
    if (!outcome.ok) throw outcome.error;
    const operation = benefitsOperationView(outcome.value, T0);
    expect(operation.job).toMatchObject({ id: outcome.value.id, status: 'InProgress' });
    expect(operation.vms.map((v) => v.vmId).sort()).toEqual([...off].sort());
    expect(view().activeJobs.map((j) => j.id)).toEqual([outcome.value.id]);
  });

  it('refuses a VM action other than add or remove before looking at anything else', () => {
    const { run, sim } = setup('benefits-on');
    const before = sim.snapshot();
    const outcome = run((d, now) =>
      startVmBenefits(d, { cluster: 'nope', vmIds: [], action: 'toString' }, now),
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidParameter',
        target: 'action',
        message: "'toString' is not a VM benefits action: use add or remove.",
      },
    });
    expect(sim.snapshot()).toBe(before);
  });
});
