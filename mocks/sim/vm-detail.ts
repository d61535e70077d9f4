/**
 * A VM's details pane as Hyper-V Manager shows it (its Settings, grouped, and its checkpoint tree), for a
 * cluster VM in Cluster Manager and for a VM of any cloud in the Azure Stack portal: which kind of VM an id
 * means in a cloud, and the rows each kind adds (its cluster and host, or the WAP cloud and the manager that
 * answers for it), are decided here; the handlers only map the answer onto the response.
 */
import type { CloudVmDetailDto, CheckpointDto, VmDetailDto } from '../../src/api/vms-contract';
import { vmBenefitsStatus } from './derive';
import { localVmRow, wapVmRow } from './cloud-vm-list';
import { own } from './lookup';
import type { Millis, VirtualMachine, VmCheckpoint, WapVm, World } from './model';
import { cloudVm } from './multi-cloud';
import { rdpConnection, requireClusterVm } from './vms';
import { vmDto } from './gateway-views';
import { AZURE_STACK_CLOUD } from './wap-clouds';

/** One row of Settings. */
export type VmSettingRow = VmDetailDto['settings'][number];

/**
 * Secure Boot of a Generation 1 VM. No reference file gives Hyper-V Manager's text for it (Generation 1
 * has no UEFI firmware, so there is no Secure Boot to set); this is the simulation's own sentence.
 */
export const GEN1_SECURE_BOOT = 'Not available for Generation 1 virtual machines';

/**
 * Who manages a WAP tenant VM. No reference file words this row; it names the stack the WAP connector
 * reaches (Windows Azure Pack's VM Clouds run on System Center VMM through Service Provider Foundation).
 */
export const WAP_MANAGED_BY = 'System Center Virtual Machine Manager through Service Provider Foundation';

export function checkpointDtos(vm: {
  checkpoints: VmCheckpoint[];
  currentCheckpointId?: string;
}): CheckpointDto[] {
  return vm.checkpoints.map((c) => ({
    id: c.id,
    name: c.name,
    createdAt: new Date(c.createdAt).toISOString(),
    parentId: c.parentId ?? null,
    current: c.id === vm.currentCheckpointId,
  }));
}

const mb = (mib: number) => `${mib.toLocaleString('en-US')} MB`;

/** Secure Boot as Settings shows it: off the table for Generation 1, else on with the OS's template. */
export function secureBootText(generation: 1 | 2, os: string): string {
  if (generation === 1) return GEN1_SECURE_BOOT;
  const linux = /ubuntu|linux|red hat/i.test(os);
  return `On (template: ${linux ? 'Microsoft UEFI Certificate Authority' : 'Microsoft Windows'})`;
}

/** The configuration Settings shows, grouped as Hyper-V Manager's settings are; `extra` follows General. */
export function vmSettings(
  vm: VirtualMachine | WapVm,
  networks: readonly string[],
  extra: readonly VmSettingRow[] = [],
): VmSettingRow[] {
  // a WAP tenant VM does not report its generation: the connector's VMs are Generation 2
  const generation = 'generation' in vm ? vm.generation : 2;
  return [
    { group: 'General', label: 'Name', value: vm.name },
    { group: 'General', label: 'Generation', value: `Generation ${generation}` },
    { group: 'General', label: 'Configuration version', value: generation === 1 ? '8.0' : '10.0' },
    { group: 'General', label: 'Created', value: new Date(vm.createdAt).toISOString() },
    ...extra,
    { group: 'Memory', label: 'Startup memory', value: mb(vm.memoryMiB) },
    { group: 'Memory', label: 'Dynamic memory', value: 'Off' },
    { group: 'Processors', label: 'Virtual processors', value: String(vm.cpuCount) },
    { group: 'Network', label: 'Network adapters', value: networks.join(', ') || 'None' },
    { group: 'Network', label: 'IP address', value: vm.ipAddress },
    { group: 'Operating system', label: 'Operating system', value: vm.os },
    { group: 'Security', label: 'Secure Boot', value: secureBootText(generation, vm.os) },
    { group: 'Checkpoints', label: 'Checkpoint type', value: 'Production' },
    { group: 'Checkpoints', label: 'Checkpoints', value: String(vm.checkpoints.length) },
  ];
}

/** What Cluster Manager's details pane adds to a VM's row (GET /api/vms/:id): created, checkpoints, Settings. */
export function clusterVmDetail(
  world: World,
  vm: VirtualMachine,
  now: Millis,
): Pick<VmDetailDto, 'createdAt' | 'checkpoints' | 'settings'> {
  return {
    createdAt: new Date(vm.createdAt).toISOString(),
    checkpoints: checkpointDtos(vm),
    settings: vmSettings(vm, vm.networks, [
      { group: 'General', label: 'Host server', value: vm.hostNode },
      { group: 'General', label: 'Clustered', value: vm.clustered ? 'Yes (highly available)' : 'No' },
      {
        group: 'Azure benefits',
        label: 'IMDS attestation adapter',
        value: vm.attestationNic ? 'AZSHCI_GUEST-IMDS_DO_NOT_MODIFY' : 'None',
      },
      { group: 'Azure benefits', label: 'Azure benefits', value: vmBenefitsStatus(world, vm, now) },
    ]),
  };
}

/** GET /api/vms/:id: a cluster VM's row and its details (404 for an id that is not a cluster VM). */
export function clusterVmDetailView(world: World, id: string, now: Millis): VmDetailDto {
  const vm = requireClusterVm(world, id);
  return { ...vmDto(world, vm, now), ...clusterVmDetail(world, vm, now) };
}

/** The Azure Stack portal's details of VM `id` in the cloud `requested` (GET /api/clouds/:cloud/vms/:id). */
export function cloudVmDetail(world: World, requested: string, id: string, now: Millis): CloudVmDetailDto {
  const found = cloudVm(world, requested, id);
  if (found.local) {
    const { vm } = found;
    return {
      ...localVmRow(vm, now),
      cloud: AZURE_STACK_CLOUD,
      subscriptionId: own(world.clusters, vm.cluster)?.registration?.subscriptionId ?? null,
      createdAt: new Date(vm.createdAt).toISOString(),
      checkpoints: checkpointDtos(vm),
      settings: vmSettings(vm, vm.networks, [
        { group: 'General', label: 'Cluster', value: vm.cluster },
        { group: 'General', label: 'Host server', value: vm.hostNode },
      ]),
    };
  }
  const { vm, cloud } = found;
  const row = wapVmRow(cloud, vm, now);
  return {
    ...row,
    cloud: cloud.name,
    subscriptionId: vm.subscriptionId,
    createdAt: new Date(vm.createdAt).toISOString(),
    checkpoints: checkpointDtos(vm),
    settings: vmSettings(vm, row.networks, [
      { group: 'General', label: 'Cloud', value: cloud.name },
      { group: 'General', label: 'Subscription', value: row.group },
      { group: 'General', label: 'Managed by', value: WAP_MANAGED_BY },
    ]),
  };
}

/** The .rdp file of VM `id` in the cloud `requested` (refused for a VM that is not running). */
export function cloudVmRdp(world: World, requested: string, id: string): { fileName: string; text: string } {
  return rdpConnection(cloudVm(world, requested, id).vm);
}
