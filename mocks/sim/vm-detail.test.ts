import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  AZURE_STACK_CLOUD,
  GEN1_SECURE_BOOT,
  WAP_MANAGED_BY,
  buildScenario,
  cloudVmDetail,
  cloudVmRdp,
  clusterVmDetail,
} from './index';
import type { SimError } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const sim = createSimRuntime({ clock: () => T0, world: buildScenario('gateway-registered', T0) });
const vmNamed = (name: string) => {
  const vm = Object.values(sim.world().vms).find((v) => v.name === name);
  if (!vm) throw new Error(`no VM ${name}`);
  return vm;
};
const setting = (rows: { label: string; value: string }[], label: string) =>
  rows.find((r) => r.label === label)?.value;
const refusal = (fn: () => unknown): SimError => {
  try {
    fn();
  } catch (error) {
    return error as SimError;
  }
  throw new Error('not refused');
};

describe('a VM’s details', () => {
  it('a cluster VM shows its host and benefits rows; a Generation 1 VM has no Secure Boot', () => {
    const legacy = vmNamed('legacy-app01');
    const detail = sim.read((w, now) => clusterVmDetail(w, legacy, now));
    expect(setting(detail.settings, 'Generation')).toBe('Generation 1');
    expect(setting(detail.settings, 'Secure Boot')).toBe(GEN1_SECURE_BOOT);
    expect(setting(detail.settings, 'Host server')).toBe(legacy.hostNode);
    expect(setting(detail.settings, 'Azure benefits')).toBeDefined();
    const sql = sim.read((w, now) => clusterVmDetail(w, vmNamed('sql01'), now));
    expect(setting(sql.settings, 'Secure Boot')).toMatch(/^On \(template: /);
  });

  it('in the local cloud a VM is the cluster’s, named with its cluster and host', () => {
    const vm = vmNamed('sql01');
    const detail = sim.read((w, now) => cloudVmDetail(w, 'azurestack', vm.id, now));
    expect(detail).toMatchObject({ id: vm.id, cloud: AZURE_STACK_CLOUD, group: vm.cluster });
    expect(setting(detail.settings, 'Cluster')).toBe(vm.cluster);
    expect(setting(detail.settings, 'Managed by')).toBeUndefined();
  });

  it('in a WAP cloud a VM is the tenant’s, managed through the connector', () => {
    const cloud = sim.world().wapClouds.AzurePack_1;
    const vm = Object.values(cloud?.vms ?? {})[0];
    if (!cloud || !vm) throw new Error('no WAP VM');
    const detail = sim.read((w, now) => cloudVmDetail(w, 'AzurePack_1', vm.id, now));
    expect(detail).toMatchObject({ id: vm.id, cloud: cloud.name, subscriptionId: vm.subscriptionId });
    expect(setting(detail.settings, 'Cloud')).toBe(cloud.name);
    expect(setting(detail.settings, 'Managed by')).toBe(WAP_MANAGED_BY);
  });

  it('an id of another cloud is a 404 naming the cloud; .rdp is refused for a VM that is not running', () => {
    const wapVm = Object.values(sim.world().wapClouds.AzurePack_1?.vms ?? {})[0];
    const missing = refusal(() =>
      sim.read((w, now) => cloudVmDetail(w, AZURE_STACK_CLOUD, wapVm?.id ?? '', now)),
    );
    expect(missing).toMatchObject({ status: 404, code: 'VirtualMachineNotFound' });
    expect(missing.message).toContain(AZURE_STACK_CLOUD);
    const running = Object.values(sim.world().vms).find((v) => v.power === 'Running');
    const off = Object.values(sim.world().vms).find((v) => v.power === 'Off');
    expect(sim.read((w) => cloudVmRdp(w, AZURE_STACK_CLOUD, running?.id ?? '')).fileName).toMatch(/\.rdp$/);
    expect(refusal(() => sim.read((w) => cloudVmRdp(w, AZURE_STACK_CLOUD, off?.id ?? ''))).status).toBe(409);
  });
});
