/**
 * Azure Benefits from the console (behaviour.md §4.3–4.7): the same jobs as the Azure benefits page, with
 * the cmdlets' prompts (-Force skips them), their refusals in their own words, and their output rows.
 */
import { own } from '../lookup';
import {
  BENEFITS_MESSAGES,
  disableBlocker,
  enableBlocker,
  startDisableBenefits,
  startEnableBenefits,
  startVmBenefits,
  vmAddBlocker,
  vmRemoveBlocker,
} from '../benefits';
import { clusterNodes, vmBenefitsStatus } from '../derive';
import type { BenefitsVmOutcome, Job, VirtualMachine } from '../model';
import { attestationObject } from './cmdlets-server';
import { boundString, boundStrings, boundSwitch, cmdletError, done, writeError } from './context';
import type { CmdletContext, CmdletDef, CmdletResult } from './context';
import { continuePrompt, isYes } from './prompts';
import { psEnum, psObject } from './values';
import type { PsObject } from './values';

function vmRow(name: string, host: string, status: string): PsObject {
  return psObject(
    'VMAttestation',
    [
      ['Name', name],
      ['AttestationHost', host.toUpperCase()],
      ['Status', psEnum(status)],
    ],
    { kind: 'table', columns: ['Name', 'AttestationHost', 'Status'] },
  );
}

function nodeRows(ctx: CmdletContext, names: readonly string[]): PsObject[] {
  return names.flatMap((n) => {
    const node = own(ctx.draft.nodes, n);
    const row = node ? attestationObject(node, ctx.now) : undefined;
    return row ? [row] : [];
  });
}

function enableRun(ctx: CmdletContext): CmdletResult {
  const cluster = ctx.cluster;
  if (!cluster) return done();
  const computer = boundString(ctx, 'ComputerName');
  const only = computer
    ? clusterNodes(ctx.draft, cluster.name).find((n) => n.name.toLowerCase() === computer.toLowerCase())
    : undefined;
  // -ComputerName names an added server once the cluster has Benefits on (seed 003's FAQ); before that, the cluster
  const nodes = only && cluster.imdsAttestation === 'Enabled' ? [only.name] : undefined;
  switch (ctx.stage) {
    case 'start': {
      const blocker = enableBlocker(ctx.draft, cluster.name, ctx.now);
      if (blocker) {
        writeError(ctx, blocker.message);
        return done();
      }
      if (!boundSwitch(ctx, 'Force') && cluster.imdsAttestation !== 'Enabled')
        return {
          kind: 'choice',
          prompt: continuePrompt(
            `Enable Cluster ${cluster.name}?`,
            'Enabling IMDS Attestation configures your cluster to use workloads that are exclusively available on Azure.',
          ),
          stage: 'confirmed',
        };
      return enableRun({ ...ctx, stage: 'confirmed', answer: 'Y' });
    }
    case 'confirmed': {
      if (!isYes(ctx.answer)) return done();
      const job = startEnableBenefits(
        ctx.draft,
        { cluster: cluster.name, addVms: boundSwitch(ctx, 'AddVM'), ...(nodes ? { nodes } : {}) },
        ctx.now,
      );
      return { kind: 'job', jobIds: [job.id], stage: 'finished' };
    }
    case 'finished': {
      const job = ctx.jobs?.[0];
      if (!job) return done();
      if (job.status !== 'Succeeded') {
        writeError(ctx, job.message ?? '');
        return done();
      }
      const results = outcomesOf(job);
      if (results.some((r) => r.outcome === 'Failed')) writeError(ctx, BENEFITS_MESSAGES.didNotAddAllGuests);
      return done(nodeRows(ctx, job.kind === 'benefits/enable' ? job.input.nodes : []));
    }
  }
  return done();
}

function disableRun(ctx: CmdletContext): CmdletResult {
  const cluster = ctx.cluster;
  if (!cluster) return done();
  switch (ctx.stage) {
    case 'start': {
      const blocker = disableBlocker(ctx.draft, cluster.name, boundSwitch(ctx, 'RemoveVM'), ctx.now);
      if (blocker) {
        writeError(ctx, blocker.message);
        return done();
      }
      if (!boundSwitch(ctx, 'Force'))
        return {
          kind: 'choice',
          prompt: continuePrompt(
            `Disable Cluster ${cluster.name}?`,
            'Disabling IMDS Attestation will remove the ability for some exclusive Azure workloads to function.',
          ),
          stage: 'confirmed',
        };
      return disableRun({ ...ctx, stage: 'confirmed', answer: 'Y' });
    }
    case 'confirmed': {
      if (!isYes(ctx.answer)) return done();
      const job = startDisableBenefits(
        ctx.draft,
        { cluster: cluster.name, removeVms: boundSwitch(ctx, 'RemoveVM') },
        ctx.now,
      );
      return { kind: 'job', jobIds: [job.id], stage: 'finished' };
    }
    case 'finished': {
      const job = ctx.jobs?.[0];
      if (job && job.status !== 'Succeeded') {
        writeError(ctx, job.message ?? '');
        return done();
      }
      return done(
        nodeRows(
          ctx,
          clusterNodes(ctx.draft, cluster.name).map((n) => n.name),
        ),
      );
    }
  }
  return done();
}

/** The VMs named (on this server, as Get-VM finds them), or every VM the -All switch means. */
function localVms(
  ctx: CmdletContext,
  def: CmdletDef,
  all: (vm: VirtualMachine) => boolean,
  allSwitch: string,
): VirtualMachine[] | undefined {
  const here = Object.values(ctx.draft.vms).filter((v) => v.hostNode === ctx.node.name);
  if (boundSwitch(ctx, allSwitch)) return here.filter(all);
  const names = boundStrings(ctx, 'VMName') ?? [];
  const found: VirtualMachine[] = [];
  for (const name of names) {
    const vm = here.find((v) => v.name.toLowerCase() === name.toLowerCase());
    if (!vm) {
      // Get-VM's words (Hyper-V module) for a name that is not on this host
      cmdletError(ctx, def, `Hyper-V was unable to find a virtual machine with name "${name}".`, {
        category: 'InvalidArgument',
        target: `${name}:String`,
        exception: 'VirtualizationException',
        errorId: 'InvalidParameter',
      });
      return undefined;
    }
    found.push(vm);
  }
  return found;
}

function vmRun(action: 'add' | 'remove') {
  return (ctx: CmdletContext, def: CmdletDef): CmdletResult => {
    const cluster = ctx.cluster;
    if (!cluster) return done();
    if (ctx.stage === 'start') {
      const vms = localVms(
        ctx,
        def,
        (v) => (action === 'add' ? !v.attestationNic : v.attestationNic),
        action === 'add' ? 'AddAll' : 'RemoveAll',
      );
      if (!vms) return done();
      const eligible: VirtualMachine[] = [];
      const reported = new Set<string>();
      for (const vm of vms) {
        const blocker =
          action === 'add' ? vmAddBlocker(ctx.draft, vm, ctx.now) : vmRemoveBlocker(ctx.draft, vm, ctx.now);
        if (blocker && !(action === 'remove' && blocker.code === 'VmNotAttached')) {
          if (!reported.has(blocker.message)) writeError(ctx, blocker.message);
          reported.add(blocker.message);
        } else if (!blocker) eligible.push(vm);
      }
      if (eligible.length === 0) return done();
      const job = startVmBenefits(
        ctx.draft,
        { cluster: cluster.name, vmIds: eligible.map((v) => v.id), action },
        ctx.now,
      );
      return { kind: 'job', jobIds: [job.id], stage: 'finished' };
    }
    const job = ctx.jobs?.[0];
    if (!job) return done();
    const results = outcomesOf(job);
    for (const r of results.filter((x) => x.outcome === 'Failed')) writeError(ctx, r.message);
    return done(
      results.filter((r) => r.outcome === 'Succeeded').map((r) => vmRow(r.vmName, r.hostServer, r.message)),
    );
  };
}

function getVmAttestationRun(ctx: CmdletContext): CmdletResult {
  const cluster = ctx.cluster;
  if (!cluster) return done();
  const local = boundSwitch(ctx, 'Local');
  const vms = Object.values(ctx.draft.vms).filter(
    (v) => v.cluster === cluster.name && v.attestationNic && (!local || v.hostNode === ctx.node.name),
  );
  return done(
    vms.map((v) =>
      vmRow(
        v.name,
        v.hostNode,
        vmBenefitsStatus(ctx.draft, v, ctx.now) === 'Connected' ? 'Connected' : 'Disconnected',
      ),
    ),
  );
}

const withDef = (
  run: (ctx: CmdletContext, def: CmdletDef) => CmdletResult,
  def: Omit<CmdletDef, 'run'>,
): CmdletDef => ({
  ...def,
  run: (ctx) => run(ctx, def),
});

export const BENEFITS_CMDLETS: CmdletDef[] = [
  {
    name: 'Enable-AzStackHCIAttestation',
    module: 'Az.StackHCI',
    errorSource: 'Enable-AzStackHCIAttestation',
    shouldProcess: true,
    synopsis:
      'Enable-AzStackHCIAttestation configures the host and enables specified guests for IMDS attestation.',
    params: [
      { name: 'ComputerName', type: 'string', position: 0 },
      { name: 'Credential', type: 'credential' },
      { name: 'AddVM', type: 'switch' },
      { name: 'Force', type: 'switch' },
    ],
    run: enableRun,
  },
  {
    name: 'Disable-AzStackHCIAttestation',
    module: 'Az.StackHCI',
    errorSource: 'Disable-AzStackHCIAttestation',
    shouldProcess: true,
    synopsis: 'Disable-AzStackHCIAttestation disables IMDS Attestation on the host',
    params: [
      { name: 'ComputerName', type: 'string', position: 0 },
      { name: 'Credential', type: 'credential' },
      { name: 'RemoveVM', type: 'switch' },
      { name: 'Force', type: 'switch' },
    ],
    run: disableRun,
  },
  withDef(vmRun('add'), {
    name: 'Add-AzStackHCIVMAttestation',
    module: 'Az.StackHCI',
    errorSource: 'Add-AzStackHCIVMAttestation',
    shouldProcess: true,
    defaultSet: 'VMName',
    synopsis: 'Add-AzStackHCIVMAttestation configures guests for AzureStack HCI IMDS Attestation.',
    params: [
      { name: 'VMName', type: 'strings', position: 0, mandatory: true, sets: ['VMName'] },
      { name: 'AddAll', type: 'switch', mandatory: true, sets: ['AddAll'] },
      { name: 'Force', type: 'switch' },
    ],
  }),
  withDef(vmRun('remove'), {
    name: 'Remove-AzStackHCIVMAttestation',
    module: 'Az.StackHCI',
    errorSource: 'Remove-AzStackHCIVMAttestation',
    shouldProcess: true,
    defaultSet: 'VMName',
    params: [
      { name: 'VMName', type: 'strings', position: 0, mandatory: true, sets: ['VMName'] },
      { name: 'RemoveAll', type: 'switch', mandatory: true, sets: ['RemoveAll'] },
      { name: 'Force', type: 'switch' },
    ],
  }),
  {
    name: 'Get-AzStackHCIVMAttestation',
    module: 'Az.StackHCI',
    errorSource: 'Get-AzStackHCIVMAttestation',
    synopsis: 'Get-AzStackHCIVMAttestation shows a list of guests added to IMDS Attestation on a node.',
    params: [{ name: 'Local', type: 'switch' }],
    run: getVmAttestationRun,
  },
];

/** What a Benefits job reported per VM; other jobs report none. */
function outcomesOf(job: Job): readonly BenefitsVmOutcome[] {
  switch (job.kind) {
    case 'benefits/enable':
    case 'benefits/disable':
    case 'benefits/add-vm':
    case 'benefits/remove-vm':
      return job.input.results ?? [];
    default:
      return [];
  }
}
