/**
 * The Azure benefits page as one view (ClusterBenefitsDto), so the header counts and both tables always
 * agree, and one operation's view (BenefitsOperationDto) with each VM's outcome. Which blockers the page
 * shows, which servers count as inactive and which jobs are still running are decided here; the handler
 * only serialises.
 */
import type {
  BenefitsBlockerDto,
  BenefitsOperationDto,
  BenefitsServerDto,
  BenefitsVmDto,
  BenefitsVmOutcomeDto,
  ClusterBenefitsDto,
} from '../../src/api/benefits-contract';
import type { BenefitsBlocker } from './benefits';
import {
  benefitsServerView,
  benefitsVmOutcomes,
  disableBlocker,
  enableBlocker,
  runningGen1,
  vmAddBlocker,
  vmRemoveBlocker,
} from './benefits';
import { requireCluster } from './cluster-lookup';
import { benefitsNodeStatus, clusterNodes, clusterVms, nodeIsUp, vmBenefitsStatus } from './derive';
import { iso } from './gateway-views';
import { jobDto } from './job-view';
import type { BenefitsVmOutcome, Job, Millis, World } from './model';
import { syncBlocker } from './registration';

/** The page's "Learn more" link: the product documentation page behaviour.md cites (manage/azure-benefits.md). */
export const BENEFITS_LEARN_MORE_URL = 'https://learn.microsoft.com/azure-stack/hci/manage/azure-benefits';

const blockerDto = (b: BenefitsBlocker | undefined): BenefitsBlockerDto | null =>
  b ? { code: b.code, message: b.message, fix: b.fix } : null;

function outcomeDto(o: BenefitsVmOutcome): BenefitsVmOutcomeDto {
  return {
    vmId: o.vmId,
    vmName: o.vmName,
    hostServer: o.hostServer,
    outcome: o.outcome,
    message: o.message,
    code: o.code ?? null,
    fix: o.fix ?? null,
  };
}

/** One benefits operation: the job, and for the benefits jobs each VM's outcome. */
export function benefitsOperationView(job: Job, now: Millis): BenefitsOperationDto {
  return {
    job: jobDto(job, now),
    vms: job.kind.startsWith('benefits/') ? benefitsVmOutcomes(job).map(outcomeDto) : [],
  };
}

/** The Azure benefits page of the cluster `clusterName` (404 for a cluster there is not). */
export function clusterBenefitsView(world: World, clusterName: string, now: Millis): ClusterBenefitsDto {
  const cluster = requireCluster(world, clusterName);
  const nodes = clusterNodes(world, cluster.name);
  const servers = nodes.map((n): BenefitsServerDto => {
    const view = benefitsServerView(world, n.name, now);
    return {
      name: n.name,
      fqdn: n.fqdn,
      status: view?.status ?? 'Unknown',
      expiration: iso(view?.expiresAt),
      detail: view?.detail ?? null,
    };
  });
  const statusOf = new Map(nodes.map((n) => [n.name, benefitsNodeStatus(n, now)]));
  const vms = clusterVms(world, cluster.name).map((vm): BenefitsVmDto => {
    const connection = vmBenefitsStatus(world, vm, now);
    return {
      id: vm.id,
      name: vm.name,
      generation: vm.generation,
      state: vm.power,
      hostServer: vm.hostNode,
      hostServerBenefits: statusOf.get(vm.hostNode) ?? 'Unknown',
      benefits: vm.attestationNic ? 'On' : 'Off',
      connection: connection === 'Off' ? null : connection,
      // a VM offers the one action that applies to it, with what would stop it
      turnOnBlocker: vm.attestationNic ? null : blockerDto(vmAddBlocker(world, vm, now)),
      turnOffBlocker: vm.attestationNic ? blockerDto(vmRemoveBlocker(world, vm, now)) : null,
    };
  });
  const on = cluster.imdsAttestation === 'Enabled';
  return {
    cluster: cluster.name,
    fqdn: cluster.fqdn,
    clusterStatus: on ? 'On' : 'Off',
    vmsWithBenefits: vms.filter((v) => v.benefits === 'On').length,
    vmCount: vms.length,
    servers,
    vms,
    // only a running server whose service answers can be set up ("Enable inactive server")
    inactiveServers: on
      ? nodes
          .filter((n) => nodeIsUp(n) && n.hcisvcRunning && statusOf.get(n.name) === 'Inactive')
          .map((n) => n.name)
      : [],
    // Enable -AddVM skips these with an error: the pane warns before it starts
    addVmsSkipped: clusterVms(world, cluster.name)
      .filter((vm) => !vm.attestationNic && runningGen1(vm))
      .map((vm) => vm.id),
    turnOnBlocker: blockerDto(enableBlocker(world, cluster.name, now)),
    turnOffBlocker: on ? blockerDto(disableBlocker(world, cluster.name, false, now)) : null,
    turnOffWithVmsBlocker: on ? blockerDto(disableBlocker(world, cluster.name, true, now)) : null,
    syncBlocker: syncBlocker(world, cluster.name) ?? null,
    activeJobs: Object.values(world.jobs)
      .filter((j) => j.status === 'InProgress' && j.target.name === cluster.name)
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((j) => jobDto(j, now)),
    learnMoreUrl: BENEFITS_LEARN_MORE_URL,
  };
}
