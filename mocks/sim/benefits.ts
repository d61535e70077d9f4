/**
 * Azure Benefits (IMDS attestation, behaviour.md §4): turning it on and off for the cluster, enabling a
 * server added later, and adding or removing VMs — each a job with the cmdlets' progress strings, checked
 * before anything changes and checked again when it completes, against the world as it is then.
 *
 *   Off ──Enable-AzStackHCIAttestation [-AddVM]──▶ per node: host switch AZSHCI_HOST-IMDS_DO_NOT_MODIFY
 *        (registered, every node Up)                 (+ per VM: NIC AZSHCI_GUEST-IMDS_DO_NOT_MODIFY)
 *                                                   ─▶ Sync-AzureStackHCI: certificates valid 30 days, census
 *   On ──Disable-AzStackHCIAttestation [-RemoveVM]──▶ NICs, then switches removed ─▶ sync ─▶ Off
 *        (refused while guests are connected unless -RemoveVM)
 *
 *   node: Inactive (no switch / added later) ─enable─▶ Active ─30 d without sync─▶ Expired ─sync─▶ Active
 *         Unknown while it cannot be queried (down, hcisvc stopped)
 *   VM:   a NIC cannot be hot-added to or removed from a running Generation 1 VM; its host must be set up.
 */
import { SimError, plain } from './core';
import type { SimErrorDetail } from './core';
import { benefitsNodeStatus, clusterNodes, clusterVms, nodeIsUp, registrationView } from './derive';
import type { BenefitsNodeStatus } from './derive';
import { startJob } from './jobs';
import type { JobOutcome } from './jobs';
import type {
  BenefitsFix,
  BenefitsVmOutcome,
  Job,
  JobStep,
  Millis,
  OnPremCluster,
  VirtualMachine,
  World,
} from './model';
import { attemptSync } from './registration';
import { own, quote } from './lookup';
import { requireCluster } from './cluster-lookup';

export const HOST_SWITCH_NAME = 'AZSHCI_HOST-IMDS_DO_NOT_MODIFY';
export const GUEST_NIC_NAME = 'AZSHCI_GUEST-IMDS_DO_NOT_MODIFY';

// ───────────── Messages (behaviour.md §4.3–4.6, verbatim where the cmdlets have them) ─────────────

export const BENEFITS_MESSAGES = {
  notRegistered:
    'The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
  nodesOffline:
    'One or more servers in your cluster are offline. Check that all your servers are up and then try again.',
  attestationNotEnabled: (node: string) =>
    `The IMDS Service on ${node} needs to be activated. This is required before guests can be configured. Run Enable-AzStackHCIAttestation cmdlet.`,
  guestsConnected:
    'There are still guests connected to IMDS Attestation. Use switch -RemoveVM or Remove-AzStackHCIVMAttestation cmdlet.',
  didNotAddAllGuests:
    'Did not add all guests. Try running Add-AzStackHCIVMAttestation on each node manually.',
  hostConfigFailed: (reason: string) => `Unable to configure IMDS Service on host. ${reason}`,
  gen1Add: (vm: string) =>
    `Unable to configure IMDS Service on VM. Failed to add device 'Synthetic Ethernet Port' to '${vm}': the operation cannot be performed while the virtual machine is running. Generation 1 VMs must be turned off before Azure benefits can be turned on for them.`,
  gen1Remove: (vm: string) =>
    `Unable to configure IMDS Service on VM. Failed to remove device 'Synthetic Ethernet Port' from '${vm}': the operation cannot be performed while the virtual machine is running. Generation 1 VMs must be turned off before Azure benefits can be turned off for them.`,
  hostDown: (node: string) =>
    `Couldn't reach ${node}: the server isn't responding, so Azure benefits on it can't be queried or changed.`,
  hostServiceStopped: (node: string) =>
    `Couldn't query Azure benefits on ${node}: the Azure Stack HCI service (hcisvc) isn't running there.`,
  inProgress: (cluster: string) =>
    `Another Azure benefits operation is running on ${cluster}. Wait for it to finish, then try again.`,
  notAttached: (vm: string) => `${vm} doesn't have Azure benefits turned on.`,
} as const;

export interface BenefitsBlocker {
  code: string;
  message: string;
  fix: BenefitsFix;
}

const ACTIVITY = {
  enable: 'Enable Azure Stack HCI IMDS Attestation...',
  disable: 'Disable Azure Stack HCI IMDS Attestation...',
  addVm: 'Add Virtual Machines to Azure Stack HCI IMDS Attestation...',
  removeVm: 'Remove Virtual Machines from Azure Stack HCI IMDS Attestation...',
} as const;

const BENEFITS_KINDS: readonly string[] = [
  'benefits/enable',
  'benefits/disable',
  'benefits/add-vm',
  'benefits/remove-vm',
];

// ───────────── Preconditions ─────────────

const clusterOrThrow = requireCluster;

export function benefitsJobRunning(world: World, clusterName: string): Job | undefined {
  return Object.values(world.jobs).find(
    (j) => j.status === 'InProgress' && j.target.name === clusterName && BENEFITS_KINDS.includes(j.kind),
  );
}

/** Get-AzureStackHCI must say Registered, and every node must be Up (the cmdlets' first two checks). */
function clusterBlocker(world: World, cluster: OnPremCluster, now: Millis): BenefitsBlocker | undefined {
  const status = registrationView(world, cluster, now).registrationStatus;
  if (status !== 'Registered') {
    const message =
      cluster.registration === undefined
        ? BENEFITS_MESSAGES.notRegistered
        : `${BENEFITS_MESSAGES.notRegistered} (Get-AzureStackHCI reports RegistrationStatus ${status}: sync with Azure to bring the cluster back into policy.)`;
    return { code: 'ImdsClusterNotRegistered', message, fix: 'register' };
  }
  if (clusterNodes(world, cluster.name).some((n) => !nodeIsUp(n))) {
    return {
      code: 'AllClusterNodesAreNotOnline',
      message: BENEFITS_MESSAGES.nodesOffline,
      fix: 'start-servers',
    };
  }
  if (benefitsJobRunning(world, cluster.name))
    return { code: 'OperationInProgress', message: BENEFITS_MESSAGES.inProgress(cluster.name), fix: 'wait' };
  return undefined;
}

/** Why Enable-AzStackHCIAttestation would refuse now (turn on, or enable an inactive server). */
export function enableBlocker(world: World, clusterName: string, now: Millis): BenefitsBlocker | undefined {
  return clusterBlocker(world, clusterOrThrow(world, clusterName), now);
}

/** A network adapter can't be hot-added to or removed from a Generation 1 VM that is not turned off. */
export function runningGen1(vm: VirtualMachine): boolean {
  return vm.generation === 1 && vm.power !== 'Off';
}

/**
 * Why Disable-AzStackHCIAttestation would refuse now. Without `removeVms` it refuses while guests are
 * connected; with it, while a connected guest is a running Generation 1 VM (its NIC cannot be hot-removed).
 */
export function disableBlocker(
  world: World,
  clusterName: string,
  removeVms: boolean,
  now: Millis,
): BenefitsBlocker | undefined {
  const cluster = clusterOrThrow(world, clusterName);
  const blocker = clusterBlocker(world, cluster, now);
  if (blocker) return blocker;
  const attached = clusterVms(world, cluster.name).filter((v) => v.attestationNic);
  if (attached.length === 0) return undefined;
  if (!removeVms)
    return { code: 'GuestsStillConnected', message: BENEFITS_MESSAGES.guestsConnected, fix: 'remove-vms' };
  const stuck = attached.filter(runningGen1);
  if (stuck.length > 0) {
    return {
      code: 'Gen1VmRunning',
      message: stuck.map((v) => BENEFITS_MESSAGES.gen1Remove(v.name)).join(' '),
      fix: 'turn-off-vm',
    };
  }
  return undefined;
}

function hostBlocker(world: World, vm: VirtualMachine): BenefitsBlocker | undefined {
  const host = own(world.nodes, vm.hostNode);
  if (!host || !nodeIsUp(host))
    return { code: 'HostUnreachable', message: BENEFITS_MESSAGES.hostDown(vm.hostNode), fix: 'host' };
  if (!host.hcisvcRunning)
    return {
      code: 'HostServiceStopped',
      message: BENEFITS_MESSAGES.hostServiceStopped(vm.hostNode),
      fix: 'host',
    };
  if (!host.attestation.hostSwitch || !host.attestation.enabled) {
    return {
      code: 'AttestationNotEnabled',
      message: BENEFITS_MESSAGES.attestationNotEnabled(vm.hostNode),
      fix: 'host',
    };
  }
  return undefined;
}

/** Why Add-AzStackHCIVMAttestation would fail for this VM now (its host is not set up; a running Gen 1 VM). */
export function vmAddBlocker(world: World, vm: VirtualMachine, now: Millis): BenefitsBlocker | undefined {
  const cluster = own(world.clusters, vm.cluster);
  if (cluster) {
    const status = registrationView(world, cluster, now).registrationStatus;
    if (cluster.registration === undefined || status === 'NotYet')
      return { code: 'ImdsClusterNotRegistered', message: BENEFITS_MESSAGES.notRegistered, fix: 'register' };
  }
  const host = hostBlocker(world, vm);
  if (host) return host;
  if (!vm.attestationNic && runningGen1(vm))
    return { code: 'Gen1VmRunning', message: BENEFITS_MESSAGES.gen1Add(vm.name), fix: 'turn-off-vm' };
  return undefined;
}

/** Why Remove-AzStackHCIVMAttestation would fail for this VM now. */
export function vmRemoveBlocker(world: World, vm: VirtualMachine, _now: Millis): BenefitsBlocker | undefined {
  if (!vm.attestationNic)
    return { code: 'VmNotAttached', message: BENEFITS_MESSAGES.notAttached(vm.name), fix: 'wait' };
  const host = hostBlocker(world, vm);
  if (host) return host;
  if (runningGen1(vm))
    return { code: 'Gen1VmRunning', message: BENEFITS_MESSAGES.gen1Remove(vm.name), fix: 'turn-off-vm' };
  return undefined;
}

function refuse(blocker: BenefitsBlocker, details?: SimErrorDetail[]): SimError {
  const kind =
    blocker.code === 'OperationInProgress' ||
    blocker.code === 'GuestsStillConnected' ||
    blocker.code === 'Gen1VmRunning'
      ? 'conflict'
      : 'precondition';
  return new SimError(kind, blocker.code, blocker.message, details ? { details } : undefined);
}

// ───────────── Per-VM outcomes, kept on the job ─────────────

type BenefitsJob = Job<'benefits/enable' | 'benefits/disable' | 'benefits/add-vm' | 'benefits/remove-vm'>;

function isBenefitsJob(job: Job): job is BenefitsJob {
  return (
    job.kind === 'benefits/enable' ||
    job.kind === 'benefits/disable' ||
    job.kind === 'benefits/add-vm' ||
    job.kind === 'benefits/remove-vm'
  );
}

/** Outcomes so far: the refusals known at the start, then each VM's result once the job has completed. */
export function benefitsVmOutcomes(job: Job): BenefitsVmOutcome[] {
  if (!isBenefitsJob(job)) return [];
  const refused = 'refused' in job.input ? job.input.refused : [];
  const results = job.input.results;
  if (results) return [...results, ...refused];
  const pending = job.input.vms;
  return [
    ...pending.map((v): BenefitsVmOutcome => ({
      ...v,
      outcome: 'Pending',
      message: 'Waiting for the job to finish.',
    })),
    ...refused,
  ];
}

// ───────────── Jobs ─────────────

/** Steps at fixed gaps; `at` of each is the sum of the gaps before it. */
function timedSteps(steps: { percent: number; text: string; gap: Millis }[]): {
  steps: JobStep[];
  duration: Millis;
} {
  let at = 0;
  const out: JobStep[] = [];
  for (const s of steps) {
    out.push({ at, percent: s.percent, text: s.text });
    at += s.gap;
  }
  return { steps: out, duration: at };
}

const SYNC_TEXT = 'Performing billing, licensing, and census sync with Azure';
/** Add-HostDevicesForImds waits 10 s for the networking stack after creating the switch. */
const NODE_CONFIGURE_MS = 10_000;
const VM_STEP_MS = 2_000;

export interface EnableBenefitsRequest {
  cluster: string;
  /** -AddVM: add every existing VM on each configured node */
  addVms: boolean;
  /** -ComputerName: only these nodes (the "Enable inactive server" banner); every node when absent */
  nodes?: string[];
}

export function startEnableBenefits(draft: World, request: EnableBenefitsRequest, now: Millis): Job {
  const cluster = clusterOrThrow(draft, request.cluster);
  const all = clusterNodes(draft, cluster.name).map((n) => n.name);
  const targets = request.nodes && request.nodes.length > 0 ? request.nodes : all;
  for (const name of targets) {
    if (!all.includes(name))
      // `servers` is the field of the request that named them (EnableBenefitsRequest on the wire)
      throw new SimError(
        'bad-request',
        'InvalidServer',
        `'${quote(name)}' is not a server of ${cluster.name}.`,
        {
          target: 'servers',
        },
      );
  }
  const blocker = clusterBlocker(draft, cluster, now);
  if (blocker) throw refuse(blocker);

  const vms = request.addVms
    ? clusterVms(draft, cluster.name).filter((v) => targets.includes(v.hostNode) && !v.attestationNic)
    : [];
  const n = targets.length;
  const { steps, duration } = timedSteps([
    { percent: 1, text: 'Checking whether the cluster is already registered', gap: 1_000 },
    { percent: 5, text: 'Discovering cluster nodes...', gap: 1_000 },
    ...targets.map((node, i) => ({
      percent: 10 + Math.round((70 * i) / n),
      text: `Configuring AzureStack HCI IMDS Attestation on ${node}`,
      gap: NODE_CONFIGURE_MS,
    })),
    ...vms.map((vm, i) => ({
      percent: 80 + Math.round((15 * i) / Math.max(1, vms.length)),
      text: `Creating IMDS network adapter on guest ${vm.name}`,
      gap: VM_STEP_MS,
    })),
    { percent: 95, text: SYNC_TEXT, gap: 3_000 },
  ]);
  const partial = request.nodes !== undefined && request.nodes.length > 0;
  return startJob(
    draft,
    {
      kind: 'benefits/enable',
      title: ACTIVITY.enable,
      target: { type: 'cluster', name: cluster.name },
      steps,
      durationMs: duration,
      input: {
        cluster: cluster.name,
        addVms: request.addVms,
        nodes: targets,
        partial,
        vms: vms.map((v) => ({ vmId: v.id, vmName: v.name, hostServer: v.hostNode })),
      },
      startedMessage: partial
        ? `Turning on Azure benefits for ${targets.join(', ')}...`
        : `Turning on Azure benefits for ${cluster.fqdn}...`,
    },
    now,
  );
}

/** Ends every benefits job: the real cmdlets end with Sync-AzureStackHCI, which renews certificates and the census. */
function syncAfter(draft: World, clusterName: string, at: Millis): string | undefined {
  return attemptSync(draft, clusterName, at);
}

export function completeEnableBenefits(draft: World, job: Job<'benefits/enable'>, at: Millis): JobOutcome {
  const name = job.input.cluster;
  const cluster = own(draft.clusters, name);
  if (!cluster)
    return { status: 'Failed', message: `The cluster '${name}' no longer exists.`, result: 'Failed' };
  const status = registrationView(draft, cluster, at).registrationStatus;
  if (status !== 'Registered')
    return { status: 'Failed', message: BENEFITS_MESSAGES.notRegistered, result: 'ImdsClusterNotRegistered' };
  const targets = job.input.nodes;
  const failedNodes: string[] = [];
  for (const nodeName of targets) {
    const node = own(draft.nodes, nodeName);
    if (!node || !nodeIsUp(node)) {
      failedNodes.push(nodeName);
      continue;
    }
    node.attestation.hostSwitch = true;
    node.attestation.enabled = true;
  }
  const configured = targets.filter((t) => !failedNodes.includes(t));
  if (configured.length > 0) cluster.imdsAttestation = 'Enabled';

  const results: BenefitsVmOutcome[] = [];
  for (const planned of job.input.vms) {
    const vm = own(draft.vms, planned.vmId);
    if (!vm) {
      results.push({
        ...planned,
        outcome: 'Failed',
        message: `The virtual machine '${planned.vmName}' no longer exists.`,
        code: 'VirtualMachineNotFound',
      });
      continue;
    }
    const blocker = vmAddBlocker(draft, vm, at);
    if (blocker) {
      results.push({
        vmId: vm.id,
        vmName: vm.name,
        hostServer: vm.hostNode,
        outcome: 'Failed',
        message: blocker.message,
        code: blocker.code,
        fix: blocker.fix,
      });
      continue;
    }
    vm.attestationNic = true;
    results.push({
      vmId: vm.id,
      vmName: vm.name,
      hostServer: vm.hostNode,
      outcome: 'Succeeded',
      message: 'Connected',
    });
  }
  job.input.results = results;

  const syncFailure = configured.length > 0 ? syncAfter(draft, name, at) : undefined;
  const where = job.input.partial ? targets.join(', ') : cluster.fqdn;
  if (configured.length === 0) {
    return {
      status: 'Failed',
      message: `Couldn't turn on Azure benefits for ${where}. ${BENEFITS_MESSAGES.hostConfigFailed(`${failedNodes.join(', ')} stopped responding.`)}`,
      result: 'Failed',
    };
  }
  const parts = [
    `Successfully turned on Azure benefits for ${job.input.partial ? configured.join(', ') : `cluster: ${cluster.fqdn}`}.`,
  ];
  if (failedNodes.length > 0)
    parts.push(BENEFITS_MESSAGES.hostConfigFailed(`${failedNodes.join(', ')} stopped responding.`));
  const failedVms = results.filter((r) => r.outcome === 'Failed');
  if (failedVms.length > 0) {
    parts.push(
      `${BENEFITS_MESSAGES.didNotAddAllGuests} Not added: ${failedVms.map((r) => r.vmName).join(', ')}.`,
    );
  }
  if (syncFailure !== undefined)
    parts.push(
      `Sync with Azure failed, so the servers show Expired until the next successful sync: ${syncFailure}`,
    );
  const clean = failedNodes.length === 0 && failedVms.length === 0 && syncFailure === undefined;
  return {
    status: 'Succeeded',
    message: parts.join(' '),
    result: clean ? 'Success' : 'SucceededWithWarnings',
  };
}

export interface DisableBenefitsRequest {
  cluster: string;
  /** -RemoveVM: remove every guest first; without it, refused while guests are connected */
  removeVms: boolean;
}

export function startDisableBenefits(draft: World, request: DisableBenefitsRequest, now: Millis): Job {
  const cluster = clusterOrThrow(draft, request.cluster);
  const blocker = disableBlocker(draft, cluster.name, request.removeVms, now);
  if (blocker) throw refuse(blocker);
  const nodes = clusterNodes(draft, cluster.name).map((n) => n.name);
  const attached = clusterVms(draft, cluster.name).filter((v) => v.attestationNic);
  const withGuests = nodes.filter((n) => attached.some((v) => v.hostNode === n));
  const { steps, duration } = timedSteps([
    { percent: 1, text: 'Checking whether the cluster is already registered', gap: 1_000 },
    { percent: 5, text: 'Discovering cluster nodes...', gap: 1_000 },
    ...nodes.map((node, i) => ({
      percent: 10 + Math.round((20 * i) / nodes.length),
      text: `Checking AzureStack HCI IMDS Attestation on ${node}`,
      gap: 1_000,
    })),
    ...withGuests.map((node, i) => ({
      percent: 30 + Math.round((30 * i) / withGuests.length),
      text: `Removing AzureStack HCI IMDS Attestation from guests on ${node}`,
      gap: VM_STEP_MS,
    })),
    ...nodes.map((node, i) => ({
      percent: 60 + Math.round((30 * i) / nodes.length),
      text: `Disabling AzureStack HCI IMDS Attestation on ${node}`,
      gap: 3_000,
    })),
    { percent: 95, text: SYNC_TEXT, gap: 3_000 },
  ]);
  return startJob(
    draft,
    {
      kind: 'benefits/disable',
      title: ACTIVITY.disable,
      target: { type: 'cluster', name: cluster.name },
      steps,
      durationMs: duration,
      input: {
        cluster: cluster.name,
        removeVms: request.removeVms,
        vms: attached.map((v) => ({ vmId: v.id, vmName: v.name, hostServer: v.hostNode })),
      },
      startedMessage: `Turning off Azure benefits for ${cluster.fqdn}...`,
    },
    now,
  );
}

export function completeDisableBenefits(draft: World, job: Job<'benefits/disable'>, at: Millis): JobOutcome {
  const name = job.input.cluster;
  const cluster = own(draft.clusters, name);
  if (!cluster)
    return { status: 'Failed', message: `The cluster '${name}' no longer exists.`, result: 'Failed' };
  const fail = (message: string, result: string): JobOutcome => ({
    status: 'Failed',
    message: `Couldn't turn off Azure benefits for ${cluster.fqdn}. ${message}`,
    result,
  });
  if (registrationView(draft, cluster, at).registrationStatus !== 'Registered')
    return fail(BENEFITS_MESSAGES.notRegistered, 'ImdsClusterNotRegistered');
  if (clusterNodes(draft, name).some((n) => !nodeIsUp(n)))
    return fail(BENEFITS_MESSAGES.nodesOffline, 'AllClusterNodesAreNotOnline');
  const attached = clusterVms(draft, name).filter((v) => v.attestationNic);
  if (attached.length > 0 && !job.input.removeVms)
    return fail(BENEFITS_MESSAGES.guestsConnected, 'GuestsStillConnected');
  const stuck = attached.filter(runningGen1);
  if (stuck.length > 0)
    return fail(stuck.map((v) => BENEFITS_MESSAGES.gen1Remove(v.name)).join(' '), 'Gen1VmRunning');

  const results: BenefitsVmOutcome[] = [];
  for (const vm of attached) {
    const live = own(draft.vms, vm.id);
    if (!live) continue;
    live.attestationNic = false;
    results.push({
      vmId: vm.id,
      vmName: vm.name,
      hostServer: vm.hostNode,
      outcome: 'Succeeded',
      message: 'Disconnected',
    });
  }
  job.input.results = results;
  for (const node of clusterNodes(draft, name)) {
    node.attestation.hostSwitch = false;
    node.attestation.enabled = false;
    delete node.attestation.expiresAt;
  }
  cluster.imdsAttestation = 'Disabled';
  const syncFailure = syncAfter(draft, name, at);
  const message = `Successfully turned off Azure benefits for cluster: ${cluster.fqdn}.${
    syncFailure === undefined
      ? ''
      : ` Sync with Azure failed, so Azure still shows Azure benefits on until the next successful sync: ${syncFailure}`
  }`;
  return {
    status: 'Succeeded',
    message,
    result: syncFailure === undefined ? 'Success' : 'SucceededWithWarnings',
  };
}

export interface VmBenefitsRequest {
  cluster: string;
  vmIds: string[];
  /** the route's `add` or `remove`; anything else is refused before the cluster is looked at */
  action: string;
}

const isVmBenefitsAction = (action: string): action is 'add' | 'remove' =>
  action === 'add' || action === 'remove';

/**
 * Adds or removes VMs in bulk, as WAC does per host. VMs that would fail are refused up front and reported
 * with the job; when none can change, nothing starts and the refusal carries one detail per VM.
 */
export function startVmBenefits(draft: World, request: VmBenefitsRequest, now: Millis): Job {
  const { action } = request;
  if (!isVmBenefitsAction(action))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${quote(action)}' is not a VM benefits action: use add or remove.`,
      { target: 'action' },
    );
  const cluster = clusterOrThrow(draft, request.cluster);
  if (request.vmIds.length === 0)
    throw new SimError('bad-request', 'InvalidParameter', 'Select at least one VM.', { target: 'vmIds' });
  const running = benefitsJobRunning(draft, cluster.name);
  if (running)
    throw new SimError('conflict', 'OperationInProgress', BENEFITS_MESSAGES.inProgress(cluster.name));
  const byId = plain(draft.vms);
  const eligible: VirtualMachine[] = [];
  const refused: BenefitsVmOutcome[] = [];
  for (const id of [...new Set(request.vmIds)]) {
    const vm = byId[id];
    if (vm?.cluster !== cluster.name)
      throw new SimError(
        'not-found',
        'VirtualMachineNotFound',
        `The virtual machine '${id}' was not found on ${cluster.name}.`,
        { target: 'vmIds' },
      );
    const blocker = action === 'add' ? vmAddBlocker(draft, vm, now) : vmRemoveBlocker(draft, vm, now);
    if (blocker)
      refused.push({
        vmId: vm.id,
        vmName: vm.name,
        hostServer: vm.hostNode,
        outcome: 'Failed',
        message: blocker.message,
        code: blocker.code,
        fix: blocker.fix,
      });
    else eligible.push(vm);
  }
  const verb = action === 'add' ? 'on' : 'off';
  if (eligible.length === 0) {
    const first = refused[0];
    const message =
      refused.length === 1 && first
        ? `Couldn't turn ${verb} Azure benefits for ${first.vmName}. ${first.message}`
        : `Couldn't turn ${verb} Azure benefits for any of the ${refused.length} selected VMs. ${[...new Set(refused.map((r) => r.message))].join(' ')}`;
    throw new SimError(
      first?.code === 'Gen1VmRunning' ? 'conflict' : 'precondition',
      refused.length === 1 && first?.code !== undefined ? first.code : 'NoVmCanChange',
      message,
      { details: refused.map((r) => ({ code: r.code ?? 'Failed', message: r.message, target: r.vmId })) },
    );
  }
  const { steps, duration } = timedSteps(
    action === 'add'
      ? [
          { percent: 2, text: 'Verifying attestation', gap: 2_000 },
          ...eligible.map((vm, i) => ({
            percent: 10 + Math.round((85 * i) / eligible.length),
            text: `Creating IMDS network adapter on guest ${vm.name}`,
            gap: vmGap(eligible.length),
          })),
        ]
      : [
          { percent: 2, text: 'Removing guest attestation', gap: 2_000 },
          ...eligible.map((vm, i) => ({
            percent: 10 + Math.round((85 * i) / eligible.length),
            text: `Removing ${vm.name} from IMDS Attestation on ${vm.hostNode}`,
            gap: vmGap(eligible.length),
          })),
        ],
  );
  const count = eligible.length === 1 ? (eligible[0]?.name ?? '') : `${eligible.length} VMs`;
  return startJob(
    draft,
    {
      kind: action === 'add' ? 'benefits/add-vm' : 'benefits/remove-vm',
      title: action === 'add' ? ACTIVITY.addVm : ACTIVITY.removeVm,
      target: { type: 'cluster', name: cluster.name },
      steps,
      durationMs: duration,
      input: {
        cluster: cluster.name,
        action,
        vms: eligible.map((v) => ({ vmId: v.id, vmName: v.name, hostServer: v.hostNode })),
        refused,
      },
      startedMessage: `Turning ${verb} Azure benefits for ${count}...`,
    },
    now,
  );
}

/** Big selections take longer, but not minutes per hundred VMs. */
function vmGap(count: number): Millis {
  return Math.max(250, Math.min(VM_STEP_MS, Math.floor(60_000 / count)));
}

export function completeVmBenefits(
  draft: World,
  job: Job<'benefits/add-vm' | 'benefits/remove-vm'>,
  at: Millis,
): JobOutcome {
  const action = job.input.action;
  const verb = action === 'add' ? 'on' : 'off';
  const results: BenefitsVmOutcome[] = [];
  for (const planned of job.input.vms) {
    const vm = own(draft.vms, planned.vmId);
    if (!vm) {
      results.push({
        ...planned,
        outcome: 'Failed',
        message: `The virtual machine '${planned.vmName}' no longer exists.`,
        code: 'VirtualMachineNotFound',
      });
      continue;
    }
    const blocker = action === 'add' ? vmAddBlocker(draft, vm, at) : vmRemoveBlocker(draft, vm, at);
    if (blocker && !(action === 'remove' && blocker.code === 'VmNotAttached')) {
      results.push({
        vmId: vm.id,
        vmName: vm.name,
        hostServer: vm.hostNode,
        outcome: 'Failed',
        message: blocker.message,
        code: blocker.code,
        fix: blocker.fix,
      });
      continue;
    }
    vm.attestationNic = action === 'add';
    results.push({
      vmId: vm.id,
      vmName: vm.name,
      hostServer: vm.hostNode,
      outcome: 'Succeeded',
      message: action === 'add' ? 'Connected' : 'Disconnected',
    });
  }
  job.input.results = results;
  const all = [...results, ...job.input.refused];
  const ok = all.filter((r) => r.outcome === 'Succeeded');
  const failed = all.filter((r) => r.outcome === 'Failed');
  const names = (list: BenefitsVmOutcome[]) => list.map((r) => r.vmName).join(', ');
  if (failed.length === 0)
    return {
      status: 'Succeeded',
      message: `Successfully turned ${verb} Azure benefits for ${names(ok)}.`,
      result: 'Success',
    };
  const reasons = failed.map((r) => `${r.vmName}: ${r.message}`).join(' ');
  if (ok.length === 0)
    return {
      status: 'Failed',
      message: `Couldn't turn ${verb} Azure benefits for ${names(failed)}. ${reasons}`,
      result: 'Failed',
    };
  return {
    status: 'Failed',
    message: `Turned ${verb} Azure benefits for ${ok.length} of ${all.length} VMs (${names(ok)}). Couldn't for ${names(failed)}. ${reasons}`,
    result: 'PartiallySucceeded',
  };
}

// ───────────── Views ─────────────

export interface BenefitsServerView {
  name: string;
  fqdn: string;
  status: BenefitsNodeStatus;
  expiresAt?: Millis;
  /** why the status is not Active, in words a person can act on */
  detail?: string;
}

export function benefitsServerView(
  world: World,
  nodeName: string,
  now: Millis,
): BenefitsServerView | undefined {
  const node = own(world.nodes, nodeName);
  if (!node) return undefined;
  const status = benefitsNodeStatus(node, now);
  const cluster = own(world.clusters, node.cluster);
  const view: BenefitsServerView = { name: node.name, fqdn: node.fqdn, status };
  if (node.attestation.enabled && node.attestation.expiresAt !== undefined)
    view.expiresAt = node.attestation.expiresAt;
  switch (status) {
    case 'Unknown':
      view.detail = !nodeIsUp(node)
        ? BENEFITS_MESSAGES.hostDown(node.name)
        : BENEFITS_MESSAGES.hostServiceStopped(node.name);
      break;
    case 'Inactive':
      if (cluster?.imdsAttestation === 'Enabled') {
        view.detail = `${node.name} hasn't been set up for Azure benefits (no ${HOST_SWITCH_NAME} switch), for example because it joined the cluster after Azure benefits was turned on. Select Enable inactive server.`;
      }
      break;
    case 'Expired':
      view.detail =
        node.attestation.expiresAt === undefined
          ? `${node.name} has no certificate yet: it is issued at the next successful sync with Azure.`
          : `The certificate on ${node.name} expired: the cluster hasn't synced with Azure for more than 30 days. Select Sync with Azure to renew it.`;
      break;
    case 'Active':
      break;
  }
  return view;
}

export function clusterBenefitsCounts(
  world: World,
  clusterName: string,
): { withBenefits: number; total: number } {
  const vms = clusterVms(world, clusterName);
  return { withBenefits: vms.filter((v) => v.attestationNic).length, total: vms.length };
}
