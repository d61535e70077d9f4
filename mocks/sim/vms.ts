/**
 * Hyper-V virtual machines on cluster nodes: power transitions run as jobs with realistic durations,
 * a node going down takes its VMs with it (clustered VMs fail over to a running node), and creating a VM
 * is refused while the cluster is out of policy — the licensing error of the troubleshooting guide.
 */
import { SimError, nextSeq, guidFrom, plain } from './core';
import { clusterNodes, nodeIsUp, registrationView } from './derive';
import { defineJobKind, startJob } from './jobs';
import type { Job, JobKind, Millis, VirtualMachine, VmPowerState, World } from './model';

interface PowerAction {
  kind: JobKind;
  from: VmPowerState[];
  transitional?: VmPowerState;
  to: VmPowerState;
  durationMs: Millis;
  title: (vm: string) => string;
  started: (vm: string) => string;
  success: (vm: string) => string;
  failure: (vm: string) => string;
}

export const POWER_ACTIONS = {
  start: {
    kind: 'vm/start',
    from: ['Off', 'Saved', 'Paused'],
    transitional: 'Starting',
    to: 'Running',
    durationMs: 8_000,
    title: (vm) => `Start virtual machine '${vm}'`,
    started: (vm) => `Starting the virtual machine '${vm}'...`,
    success: (vm) => `Successfully started the virtual machine '${vm}'.`,
    failure: (vm) => `Couldn't start the virtual machine '${vm}'.`,
  },
  'turn-off': {
    kind: 'vm/stop',
    from: ['Running', 'Paused', 'Starting'],
    transitional: 'Stopping',
    to: 'Off',
    durationMs: 2_000,
    title: (vm) => `Turn off virtual machine '${vm}'`,
    started: (vm) => `Turning off the virtual machine '${vm}'...`,
    success: (vm) => `Successfully turned off the virtual machine '${vm}'.`,
    failure: (vm) => `Couldn't turn off the virtual machine '${vm}'.`,
  },
  shutdown: {
    kind: 'vm/shutdown',
    from: ['Running'],
    transitional: 'Stopping',
    to: 'Off',
    durationMs: 12_000,
    title: (vm) => `Shut down virtual machine '${vm}'`,
    started: (vm) => `Shutting down the virtual machine '${vm}'...`,
    success: (vm) => `Successfully shut down the virtual machine '${vm}'.`,
    failure: (vm) => `Couldn't shut down the virtual machine '${vm}'.`,
  },
  save: {
    kind: 'vm/save',
    from: ['Running', 'Paused'],
    transitional: 'Saving',
    to: 'Saved',
    durationMs: 5_000,
    title: (vm) => `Save virtual machine '${vm}'`,
    started: (vm) => `Saving the virtual machine '${vm}'...`,
    success: (vm) => `Successfully saved the virtual machine '${vm}'.`,
    failure: (vm) => `Couldn't save the virtual machine '${vm}'.`,
  },
} as const satisfies Record<string, PowerAction>;

export type PowerActionName = keyof typeof POWER_ACTIONS;

export function powerVm(draft: World, vmId: string, action: PowerActionName, now: Millis): Job {
  const vm = draft.vms[vmId];
  if (!vm) throw new SimError('not-found', 'VirtualMachineNotFound', `The virtual machine '${vmId}' was not found.`);
  const spec: PowerAction = POWER_ACTIONS[action];
  const host = draft.nodes[vm.hostNode];
  if (!host || !nodeIsUp(host)) {
    throw new SimError('conflict', 'HostUnavailable', `${spec.failure(vm.name)} Its host server '${vm.hostNode}' is not responding.`);
  }
  if (!spec.from.includes(vm.power)) {
    throw new SimError('conflict', 'InvalidStateTransition', `${spec.failure(vm.name)} The operation cannot be performed while the virtual machine is in the ${vm.power} state.`);
  }
  const previous = vm.power;
  if (spec.transitional) vm.power = spec.transitional;
  return startJob(
    draft,
    {
      kind: spec.kind,
      title: spec.title(vm.name),
      target: { type: 'cluster', name: vm.cluster },
      steps: [{ at: 0, percent: 0, text: spec.started(vm.name) }],
      durationMs: spec.durationMs,
      input: { vmId, action, previous },
      startedMessage: spec.started(vm.name),
    },
    now,
  );
}

for (const spec of Object.values(POWER_ACTIONS) as PowerAction[]) {
  defineJobKind(spec.kind, (draft, job, at) => {
    const vm = draft.vms[String(job.input.vmId)];
    if (!vm) return { status: 'Failed', message: `${spec.failure(String(job.input.vmId))} The virtual machine no longer exists.` };
    const host = draft.nodes[vm.hostNode];
    if (!host || !nodeIsUp(host)) {
      vm.power = 'Off';
      delete vm.startedAt;
      return { status: 'Failed', message: `${spec.failure(vm.name)} Its host server '${vm.hostNode}' stopped responding.` };
    }
    vm.power = spec.to;
    if (spec.to === 'Running') vm.startedAt = at;
    else delete vm.startedAt;
    return { status: 'Succeeded', message: spec.success(vm.name) };
  });
}

/** A node went down: clustered VMs move to the least-loaded running node, others are off. */
export function failOverVmsFrom(draft: World, nodeName: string, now: Millis): void {
  const node = draft.nodes[nodeName];
  if (!node) return;
  const candidates = clusterNodes(draft, node.cluster).filter((n) => n.name !== nodeName && nodeIsUp(n));
  const load = new Map(candidates.map((n) => [n.name, 0]));
  const all = Object.values(plain(draft.vms));
  for (const vm of all) if (load.has(vm.hostNode)) load.set(vm.hostNode, (load.get(vm.hostNode) ?? 0) + 1);
  for (const { id, hostNode } of all) {
    if (hostNode !== nodeName) continue;
    const vm = draft.vms[id];
    if (!vm) continue;
    const wasRunning = vm.power === 'Running' || vm.power === 'Starting';
    if (vm.clustered && candidates.length > 0) {
      const target = [...load.entries()].sort((a, b) => a[1] - b[1])[0];
      if (target) {
        vm.hostNode = target[0];
        load.set(target[0], target[1] + 1);
        if (wasRunning) {
          vm.power = 'Running';
          vm.startedAt = now;
        }
        continue;
      }
    }
    vm.power = 'Off';
    delete vm.startedAt;
  }
}

/** The job failure text of the troubleshooting guide, for a VM refused by licensing. */
export function vmLicensingError(vmName: string): string {
  return `There was a failure configuring the virtual machine role for '${vmName}'. Job failed. Error opening "${vmName}" clustered roles. The device is not ready.`;
}

export interface CreateVmInput {
  cluster: string;
  name: string;
  hostNode: string;
  generation: 1 | 2;
  cpuCount: number;
  memoryMiB: number;
  os: string;
}

export function createVm(draft: World, input: CreateVmInput, now: Millis): VirtualMachine {
  const cluster = draft.clusters[input.cluster];
  if (!cluster) throw new SimError('not-found', 'ClusterNotFound', `The cluster '${input.cluster}' was not found.`);
  const view = registrationView(draft, cluster, now);
  if (view.vmCreationBlocked) throw new SimError('conflict', 'VmCreationBlockedByLicensing', vmLicensingError(input.name));
  if (Object.values(plain(draft.vms)).some((v) => v.cluster === input.cluster && v.name.toLowerCase() === input.name.toLowerCase())) {
    throw new SimError('conflict', 'VirtualMachineExists', `A virtual machine named '${input.name}' already exists on ${input.cluster}.`);
  }
  const host = draft.nodes[input.hostNode];
  if (host?.cluster !== input.cluster) throw new SimError('bad-request', 'InvalidHost', `'${input.hostNode}' is not a server of ${input.cluster}.`);
  const seq = nextSeq(draft);
  const vm: VirtualMachine = {
    id: guidFrom('vm', seq),
    name: input.name,
    cluster: input.cluster,
    hostNode: input.hostNode,
    clustered: true,
    generation: input.generation,
    power: 'Off',
    cpuCount: input.cpuCount,
    memoryMiB: input.memoryMiB,
    cpuUsagePercent: 0,
    os: input.os,
    ipAddress: `10.0.${Math.floor(seq / 250) % 250}.${(seq % 250) + 2}`,
    networks: ['ConvergedSwitch'],
    checkpoints: [],
    attestationNic: false,
    createdAt: now,
  };
  draft.vms[vm.id] = vm;
  return vm;
}
