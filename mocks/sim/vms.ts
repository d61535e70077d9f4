/**
 * Virtual machines: Hyper-V VMs on cluster nodes, and the tenant VMs of Windows Azure Pack clouds (wap.ts),
 * share one set of jobs. Every action is a job whose outcome is decided when it ends, against the world as it
 * is then (a host can go down, a connector can drop mid-job).
 *
 *   Off ──start──▶ Starting ──▶ Running ──shutdown / turn-off──▶ Stopping ──▶ Off
 *                               Running ──save──▶ Saving ──▶ Saved ──start──▶ Starting
 *   checkpoints form a tree: a new one is a child of the current one; applying one makes it current and
 *   leaves the VM Off (production checkpoints); deleting one merges it, its children move to its parent.
 *
 * Creating a VM is refused while the cluster is out of policy: the licensing job error of the guide.
 */
import {
  vmCpuCountProblem,
  vmHostCapacityProblem,
  vmMemoryProblem,
  vmNameProblem,
  vmNameTakenProblem,
  vmOsProblem,
} from '../../src/api/rules';
import { own } from './lookup';
import { requireCluster } from './cluster-lookup';
import { SimError, guidFrom, nextSeq, plain } from './core';
import { clusterNodes, nodeIsUp, registrationView } from './derive';
import { startJob } from './jobs';
import { ensureWapCloudAvailable } from './wap-clouds';
import type { JobOutcome } from './jobs';
import type {
  CreateVmInput,
  Job,
  Millis,
  VirtualMachine,
  VmCheckpoint,
  VmPowerState,
  WapVm,
  World,
} from './model';

type PowerJobKind = 'vm/start' | 'vm/stop' | 'vm/shutdown' | 'vm/save';

interface PowerAction {
  kind: PowerJobKind;
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

export function isPowerAction(value: string): value is PowerActionName {
  return Object.hasOwn(POWER_ACTIONS, value);
}

export const CHECKPOINT_DURATIONS = { create: 3_000, apply: 4_000, rename: 1_000, delete: 3_000 } as const;
export const VM_DELETE_MS = 4_000;
export const VM_CREATE_MS = 6_000;

/** A VM anywhere: on a cluster (no cloud) or in a Windows Azure Pack cloud. */
export interface VmRef {
  vmId: string;
  cloud?: string;
}

type AnyVm = VirtualMachine | WapVm;

function findVm(draft: World, ref: VmRef): AnyVm | undefined {
  return ref.cloud === undefined
    ? own(draft.vms, ref.vmId)
    : own(own(draft.wapClouds, ref.cloud)?.vms, ref.vmId);
}

function vmOr404(draft: World, ref: VmRef): AnyVm {
  const vm = findVm(draft, ref);
  if (!vm)
    throw new SimError(
      'not-found',
      'VirtualMachineNotFound',
      `The virtual machine '${ref.vmId}' was not found.`,
      { target: 'vmId' },
    );
  return vm;
}

/** A cluster VM by its id, for the VM routes: the 404 they answer does not name a field. */
export function requireClusterVm(world: World, id: string): VirtualMachine {
  const vm = own(world.vms, id);
  if (!vm)
    throw new SimError('not-found', 'VirtualMachineNotFound', `The virtual machine '${id}' was not found.`);
  return vm;
}

/** A power action named on the wire (`start`, `turn-off`…) on a cluster VM, or a 400 naming the actions. */
export function startVmAction(draft: World, vmId: string, action: string, now: Millis): Job {
  if (!isPowerAction(action))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${action}' is not a VM action: use ${Object.keys(POWER_ACTIONS).join(', ')}.`,
      { target: 'action' },
    );
  return startPowerJob(draft, { vmId: requireClusterVm(draft, vmId).id }, action, now);
}

function targetOf(draft: World, ref: VmRef, vm: AnyVm): Job['target'] {
  return ref.cloud === undefined
    ? { type: 'cluster', name: (vm as VirtualMachine).cluster }
    : { type: 'cloud', name: own(draft.wapClouds, ref.cloud)?.name ?? ref.cloud };
}

/** Host up (cluster VMs) or connector reachable (WAP VMs); throws the failure message otherwise. */
function ensureReachable(draft: World, ref: VmRef, vm: AnyVm, failure: string): void {
  if (ref.cloud !== undefined) {
    ensureWapCloudAvailable(draft, ref.cloud, failure);
    return;
  }
  const hostName = (vm as VirtualMachine).hostNode;
  const host = own(draft.nodes, hostName);
  if (!host || !nodeIsUp(host)) {
    throw new SimError(
      'conflict',
      'HostUnavailable',
      `${failure} Its host server '${hostName}' is not responding.`,
    );
  }
}

/** Same check at a job's end: answers the failure text instead of throwing. */
function unreachableAtEnd(draft: World, ref: VmRef, vm: AnyVm, failure: string): string | undefined {
  try {
    ensureReachable(draft, ref, vm, failure);
    return undefined;
  } catch (error) {
    if (error instanceof SimError) return error.message.replace('is not responding', 'stopped responding');
    throw error;
  }
}

function refOf(input: { vmId: string; cloud?: string }): VmRef {
  return { vmId: input.vmId, ...(input.cloud !== undefined ? { cloud: input.cloud } : {}) };
}

// ───────────── Power ─────────────

export function startPowerJob(draft: World, ref: VmRef, action: PowerActionName, now: Millis): Job {
  const vm = vmOr404(draft, ref);
  const spec: PowerAction = POWER_ACTIONS[action];
  ensureReachable(draft, ref, vm, spec.failure(vm.name));
  if (!spec.from.includes(vm.power)) {
    throw new SimError(
      'conflict',
      'InvalidStateTransition',
      `${spec.failure(vm.name)} The operation cannot be performed while the virtual machine is in the ${vm.power} state.`,
    );
  }
  const previous = vm.power;
  if (spec.transitional) vm.power = spec.transitional;
  return startJob(
    draft,
    {
      kind: spec.kind,
      title: spec.title(vm.name),
      target: targetOf(draft, ref, vm),
      steps: [{ at: 0, percent: 0, text: spec.started(vm.name) }],
      durationMs: spec.durationMs,
      input: { ...ref, action, previous, vmName: vm.name },
      startedMessage: spec.started(vm.name),
    },
    now,
  );
}

/** Power action on a cluster VM (kept for the cluster-side callers). */
export function powerVm(draft: World, vmId: string, action: PowerActionName, now: Millis): Job {
  return startPowerJob(draft, { vmId }, action, now);
}

const POWER_ACTION_BY_KIND: Record<PowerJobKind, PowerAction> = {
  'vm/start': POWER_ACTIONS.start,
  'vm/stop': POWER_ACTIONS['turn-off'],
  'vm/shutdown': POWER_ACTIONS.shutdown,
  'vm/save': POWER_ACTIONS.save,
};

export function completePowerJob(draft: World, job: Job<PowerJobKind>, at: Millis): JobOutcome {
  const spec = POWER_ACTION_BY_KIND[job.kind];
  const ref = refOf(job.input);
  const vm = findVm(draft, ref);
  if (!vm)
    return {
      status: 'Failed',
      message: `${spec.failure(job.input.vmName)} The virtual machine no longer exists.`,
    };
  const unreachable = unreachableAtEnd(draft, ref, vm, spec.failure(vm.name));
  if (unreachable !== undefined) {
    if (ref.cloud === undefined) {
      vm.power = 'Off';
      delete vm.startedAt;
    } else {
      vm.power = job.input.previous;
    }
    return { status: 'Failed', message: unreachable };
  }
  vm.power = spec.to;
  if (spec.to === 'Running') vm.startedAt = at;
  else delete vm.startedAt;
  return { status: 'Succeeded', message: spec.success(vm.name) };
}

/** A node went down: clustered VMs move to the least-loaded running node, others are off. */
export function failOverVmsFrom(draft: World, nodeName: string, now: Millis): void {
  const node = own(draft.nodes, nodeName);
  if (!node) return;
  const candidates = clusterNodes(draft, node.cluster).filter((n) => n.name !== nodeName && nodeIsUp(n));
  const load = new Map(candidates.map((n) => [n.name, 0]));
  const all = Object.values(plain(draft.vms));
  for (const vm of all) if (load.has(vm.hostNode)) load.set(vm.hostNode, (load.get(vm.hostNode) ?? 0) + 1);
  for (const { id, hostNode } of all) {
    if (hostNode !== nodeName) continue;
    const vm = own(draft.vms, id);
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

// ───────────── Create ─────────────

/** The job failure text of the troubleshooting guide (seeds 000/001), verbatim, for a VM refused by licensing. */
export function vmLicensingError(vmName: string): string {
  return `There was a failure configuring the virtual machine role for '${vmName}'. Job failed. Error opening "${vmName}" clustered roles. The service being accessed is licensed for a particular number of connections. No more connections can be made to the service at this time because there are already as many connections as the service can accept.`;
}

/** Checks a create request as Hyper-V and WAC would; throws a bad-request naming the field. */
export function validateCreateVm(world: World, input: CreateVmInput): void {
  const bad = (target: string, message: string) =>
    new SimError('bad-request', 'InvalidParameter', message, { target });
  const nameProblem = vmNameProblem(input.name);
  if (nameProblem !== undefined) throw bad('name', nameProblem);
  const host = own(world.nodes, input.hostNode);
  if (input.hostNode === '') throw bad('hostServer', 'Select the server to create the virtual machine on.');
  if (host?.cluster !== input.cluster)
    throw bad('hostServer', `'${input.hostNode}' is not a server of ${input.cluster}.`);
  const cpuProblem = vmCpuCountProblem(input.cpuCount, input.generation);
  if (cpuProblem !== undefined) throw bad('cpuCount', cpuProblem);
  const hostCpu = vmHostCapacityProblem(host, 'cpuCount', input.cpuCount);
  if (hostCpu !== undefined) throw bad('cpuCount', hostCpu);
  const memoryProblem = vmMemoryProblem(input.memoryMiB, input.generation);
  if (memoryProblem !== undefined) throw bad('memoryMiB', memoryProblem);
  const hostMemory = vmHostCapacityProblem(host, 'memoryMiB', input.memoryMiB);
  if (hostMemory !== undefined) throw bad('memoryMiB', hostMemory);
  const osProblem = vmOsProblem(input.os);
  if (osProblem !== undefined) throw bad('os', osProblem);
  const lower = input.name.toLowerCase();
  if (
    Object.values(plain(world.vms)).some((v) => v.cluster === input.cluster && v.name.toLowerCase() === lower)
  ) {
    throw new SimError('conflict', 'VirtualMachineExists', vmNameTakenProblem(input.name, input.cluster), {
      target: 'name',
    });
  }
}

/** Adds the VM at once; refused with the licensing error while the cluster is out of policy. */
export function createVm(draft: World, input: CreateVmInput, now: Millis): VirtualMachine {
  const cluster = requireCluster(draft, input.cluster);
  const view = registrationView(draft, cluster, now);
  if (view.vmCreationBlocked)
    throw new SimError('conflict', 'VmCreationBlockedByLicensing', vmLicensingError(input.name));
  validateCreateVm(draft, input);
  const host = own(draft.nodes, input.hostNode);
  if (!host || !nodeIsUp(host))
    throw new SimError(
      'conflict',
      'HostUnavailable',
      `Couldn't create the virtual machine '${input.name}'. Its host server '${input.hostNode}' is not responding.`,
    );
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

/**
 * Create as WAC runs it: a job that configures the VM and its clustered role. Bad input is refused at once;
 * the licensing check happens when the role is configured, so the job fails with the guide's text.
 */
export function startCreateVm(draft: World, request: CreateVmInput, now: Millis): Job {
  // the cluster as named from outside (any case, or its FQDN), kept as the world spells it
  const input = { ...request, cluster: requireCluster(draft, request.cluster).name };
  validateCreateVm(draft, input);
  const host = own(draft.nodes, input.hostNode);
  if (!host || !nodeIsUp(host)) {
    throw new SimError(
      'conflict',
      'HostUnavailable',
      `Couldn't create the virtual machine '${input.name}'. Its host server '${input.hostNode}' is not responding.`,
      { target: 'hostServer' },
    );
  }
  return startJob(
    draft,
    {
      kind: 'vm/create',
      title: `Create virtual machine '${input.name}'`,
      target: { type: 'cluster', name: input.cluster },
      steps: [
        { at: 0, percent: 0, text: `Creating the virtual machine '${input.name}'...` },
        { at: 2_000, percent: 40, text: `Configuring the virtual machine role for '${input.name}'...` },
        { at: 4_500, percent: 80, text: `Adding '${input.name}' to the cluster...` },
      ],
      durationMs: VM_CREATE_MS,
      input: { ...input },
      startedMessage: `Creating the virtual machine '${input.name}'...`,
    },
    now,
  );
}

export function completeCreateVm(draft: World, job: Job<'vm/create'>, at: Millis): JobOutcome {
  const input = job.input;
  try {
    const vm = createVm(draft, input, at);
    job.input.vmId = vm.id;
    return {
      status: 'Succeeded',
      message: `Successfully created the virtual machine '${vm.name}' on ${vm.hostNode}.`,
    };
  } catch (error) {
    if (error instanceof SimError) return { status: 'Failed', message: error.message, result: error.code };
    throw error;
  }
}

// ───────────── Delete ─────────────

export function startDeleteVm(draft: World, ref: VmRef, now: Millis): Job {
  const vm = vmOr404(draft, ref);
  const failure = `Couldn't delete the virtual machine '${vm.name}'.`;
  ensureReachable(draft, ref, vm, failure);
  if (vm.power !== 'Off' && vm.power !== 'Saved') {
    throw new SimError(
      'conflict',
      'InvalidStateTransition',
      `${failure} It is ${vm.power}: turn it off or shut it down first.`,
    );
  }
  const checkpoints = vm.checkpoints.length;
  return startJob(
    draft,
    {
      kind: 'vm/delete',
      title: `Delete virtual machine '${vm.name}'`,
      target: targetOf(draft, ref, vm),
      steps: [
        { at: 0, percent: 0, text: `Deleting the virtual machine '${vm.name}'...` },
        ...(checkpoints > 0
          ? [
              {
                at: 1_000,
                percent: 30,
                text: `Deleting ${checkpoints} checkpoint${checkpoints === 1 ? '' : 's'} of '${vm.name}'...`,
              },
            ]
          : []),
      ],
      durationMs: VM_DELETE_MS,
      input: { ...ref, vmName: vm.name },
      startedMessage: `Deleting the virtual machine '${vm.name}'...`,
    },
    now,
  );
}

export function completeDeleteVm(draft: World, job: Job<'vm/delete'>): JobOutcome {
  const ref = refOf(job.input);
  const vm = findVm(draft, ref);
  const name = job.input.vmName;
  if (!vm)
    return {
      status: 'Failed',
      message: `Couldn't delete the virtual machine '${name}'. The virtual machine no longer exists.`,
    };
  const unreachable = unreachableAtEnd(draft, ref, vm, `Couldn't delete the virtual machine '${name}'.`);
  if (unreachable !== undefined) return { status: 'Failed', message: unreachable };
  const count = vm.checkpoints.length;
  if (ref.cloud === undefined) {
    const { [ref.vmId]: _gone, ...rest } = draft.vms;
    draft.vms = rest;
  } else {
    const cloud = own(draft.wapClouds, ref.cloud);
    if (cloud) {
      const { [ref.vmId]: _gone, ...rest } = cloud.vms;
      cloud.vms = rest;
    }
  }
  const extra = count > 0 ? ` and its ${count} checkpoint${count === 1 ? '' : 's'}` : '';
  return { status: 'Succeeded', message: `Successfully deleted the virtual machine '${name}'${extra}.` };
}

// ───────────── Checkpoints ─────────────

export function checkpointNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name for the checkpoint.';
  if (name.length > 100) return 'A checkpoint name is at most 100 characters.';
  return undefined;
}

function checkpointOr404(vm: AnyVm, checkpointId: string): VmCheckpoint {
  const cp = vm.checkpoints.find((c) => c.id === checkpointId);
  if (!cp)
    throw new SimError(
      'not-found',
      'CheckpointNotFound',
      `The virtual machine '${vm.name}' has no checkpoint '${checkpointId}'.`,
      { target: 'checkpointId' },
    );
  return cp;
}

function ensureSettled(vm: AnyVm, failure: string): void {
  if (['Starting', 'Stopping', 'Saving'].includes(vm.power)) {
    throw new SimError(
      'conflict',
      'InvalidStateTransition',
      `${failure} The virtual machine is ${vm.power.toLowerCase()}; try again when it has finished.`,
    );
  }
}

type CheckpointOp =
  | { op: 'create'; name: string }
  | { op: 'apply'; checkpointId: string }
  | { op: 'rename'; checkpointId: string; name: string }
  | { op: 'delete'; checkpointId: string };

const CHECKPOINT_KIND = {
  create: 'vm/checkpoint',
  apply: 'vm/apply-checkpoint',
  rename: 'vm/rename-checkpoint',
  delete: 'vm/delete-checkpoint',
} as const;

function checkpointTexts(op: CheckpointOp['op'], vm: string, cp: string) {
  switch (op) {
    case 'create':
      return {
        title: `Create checkpoint of '${vm}'`,
        started: `Creating the checkpoint '${cp}' of '${vm}'...`,
        success: `Successfully created the checkpoint '${cp}' of '${vm}'.`,
        failure: `Couldn't create the checkpoint '${cp}' of '${vm}'.`,
      };
    case 'apply':
      return {
        title: `Apply checkpoint of '${vm}'`,
        started: `Applying the checkpoint '${cp}' to '${vm}'...`,
        success: `Successfully applied the checkpoint '${cp}' to '${vm}'.`,
        failure: `Couldn't apply the checkpoint '${cp}' to '${vm}'.`,
      };
    case 'rename':
      return {
        title: `Rename checkpoint of '${vm}'`,
        started: `Renaming the checkpoint '${cp}' of '${vm}'...`,
        success: `Successfully renamed the checkpoint of '${vm}' to '${cp}'.`,
        failure: `Couldn't rename the checkpoint '${cp}' of '${vm}'.`,
      };
    case 'delete':
      return {
        title: `Delete checkpoint of '${vm}'`,
        started: `Deleting the checkpoint '${cp}' of '${vm}'...`,
        success: `Successfully deleted the checkpoint '${cp}' of '${vm}'.`,
        failure: `Couldn't delete the checkpoint '${cp}' of '${vm}'.`,
      };
  }
}

export function startCheckpointJob(draft: World, ref: VmRef, request: CheckpointOp, now: Millis): Job {
  const vm = vmOr404(draft, ref);
  let label: string;
  if (request.op === 'create' || request.op === 'rename') {
    const problem = checkpointNameProblem(request.name);
    if (problem) throw new SimError('bad-request', 'InvalidParameter', problem, { target: 'name' });
  }
  if (request.op === 'create') label = request.name.trim();
  else {
    const cp = checkpointOr404(vm, request.checkpointId);
    label = request.op === 'rename' ? request.name.trim() : cp.name;
  }
  const texts = checkpointTexts(request.op, vm.name, label);
  ensureReachable(draft, ref, vm, texts.failure);
  ensureSettled(vm, texts.failure);
  return startJob(
    draft,
    {
      kind: CHECKPOINT_KIND[request.op],
      title: texts.title,
      target: targetOf(draft, ref, vm),
      steps: [{ at: 0, percent: 0, text: texts.started }],
      durationMs: CHECKPOINT_DURATIONS[request.op],
      input: { ...ref, ...request, label, vmName: vm.name },
      startedMessage: texts.started,
    },
    now,
  );
}

export function completeCheckpointJob(
  draft: World,
  job: Job<'vm/checkpoint' | 'vm/apply-checkpoint' | 'vm/rename-checkpoint' | 'vm/delete-checkpoint'>,
  at: Millis,
): JobOutcome {
  const op = job.input.op;
  const ref = refOf(job.input);
  const label = job.input.label;
  const vm = findVm(draft, ref);
  const texts = checkpointTexts(op, job.input.vmName, label);
  if (!vm) return { status: 'Failed', message: `${texts.failure} The virtual machine no longer exists.` };
  const unreachable = unreachableAtEnd(draft, ref, vm, texts.failure);
  if (unreachable !== undefined) return { status: 'Failed', message: unreachable };
  const checkpointId = job.input.checkpointId ?? '';
  const cp = vm.checkpoints.find((c) => c.id === checkpointId);
  if (op !== 'create' && !cp)
    return { status: 'Failed', message: `${texts.failure} The checkpoint no longer exists.` };
  switch (op) {
    case 'create': {
      const created: VmCheckpoint = {
        id: guidFrom(`checkpoint:${ref.vmId}`, nextSeq(draft)),
        name: label,
        createdAt: at,
        ...(vm.currentCheckpointId !== undefined ? { parentId: vm.currentCheckpointId } : {}),
      };
      vm.checkpoints.push(created);
      vm.currentCheckpointId = created.id;
      job.input.checkpointId = created.id;
      break;
    }
    case 'apply':
      vm.currentCheckpointId = checkpointId;
      // Production checkpoints hold no memory: the VM is off after applying one.
      vm.power = 'Off';
      delete vm.startedAt;
      break;
    case 'rename':
      if (cp) cp.name = label;
      break;
    case 'delete': {
      const parentId = cp?.parentId;
      for (const child of vm.checkpoints) {
        if (child.parentId !== checkpointId) continue;
        if (parentId === undefined) delete child.parentId;
        else child.parentId = parentId;
      }
      vm.checkpoints = vm.checkpoints.filter((c) => c.id !== checkpointId);
      if (vm.currentCheckpointId === checkpointId) {
        if (parentId === undefined) delete vm.currentCheckpointId;
        else vm.currentCheckpointId = parentId;
      }
      break;
    }
  }
  return { status: 'Succeeded', message: texts.success };
}

/** The .rdp file Connect downloads: Remote Desktop Connection's own format, one `name:type:value` a line. */
/** The .rdp file to connect to a VM; Remote Desktop can only reach a running guest. */
export function rdpConnection(vm: { name: string; power: string; ipAddress: string }): {
  fileName: string;
  text: string;
} {
  if (vm.power !== 'Running')
    throw new SimError(
      'conflict',
      'VirtualMachineNotRunning',
      `Couldn't connect to '${vm.name}'. It is ${vm.power}: start it, then connect.`,
    );
  return { fileName: `${vm.name}.rdp`, text: rdpFileFor(vm) };
}

export function rdpFileFor(vm: { ipAddress: string }): string {
  return [
    `full address:s:${vm.ipAddress}`,
    `alternate full address:s:${vm.ipAddress}`,
    'server port:i:3389',
    'prompt for credentials:i:1',
    'administrative session:i:0',
    'screen mode id:i:2',
    'use multimon:i:0',
    'desktopwidth:i:1920',
    'desktopheight:i:1080',
    'session bpp:i:32',
    'authentication level:i:2',
    'redirectclipboard:i:1',
    'autoreconnection enabled:i:1',
    '',
  ].join('\r\n');
}
