/**
 * Azure benefits under `/api/clusters/:name/benefits/...`: the page's view, turning it on and off for the
 * cluster (or for servers added later), VMs in bulk, and one operation view per job with each VM's outcome.
 * Operations answer 202 with the BenefitsOperationDto to poll; refusals answer in the `{ error }` shape.
 */
import { http, HttpResponse } from 'msw';
import type {
  BenefitsBlockerDto,
  BenefitsOperationDto,
  BenefitsServerDto,
  BenefitsVmDto,
  BenefitsVmOutcomeDto,
  ClusterBenefitsDto,
} from '../../src/api/benefits-contract';
import type { SimRuntime } from '../runtime';
import {
  SimError,
  benefitsNodeStatus,
  benefitsServerView,
  benefitsVmOutcomes,
  clusterNodes,
  clusterVms,
  disableBlocker,
  enableBlocker,
  nodeIsUp,
  startDisableBenefits,
  startEnableBenefits,
  startVmBenefits,
  syncBlocker,
  vmAddBlocker,
  vmBenefitsStatus,
  vmRemoveBlocker,
} from '../sim';
import type { BenefitsBlocker, BenefitsVmOutcome, Job, Millis, OnPremCluster, Op, World } from '../sim';
import { disableBenefitsSchema, enableBenefitsSchema, vmBenefitsSchema } from '../../src/api/request-schemas';
import { acceptedJob, parseBody, simRoute } from './http';
import { iso, jobDto } from './views';
import { requireCluster, requireJob } from '../sim';

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

export function operationDto(job: Job, now: Millis): BenefitsOperationDto {
  return {
    job: jobDto(job, now),
    vms: job.kind.startsWith('benefits/') ? benefitsVmOutcomes(job).map(outcomeDto) : [],
  };
}

/** The page's whole state in one answer, so the header counts and both tables always agree. */
export function clusterBenefitsDto(world: World, cluster: OnPremCluster, now: Millis): ClusterBenefitsDto {
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
    inactiveServers: on
      ? nodes
          .filter((n) => nodeIsUp(n) && n.hcisvcRunning && statusOf.get(n.name) === 'Inactive')
          .map((n) => n.name)
      : [],
    turnOnBlocker: blockerDto(enableBlocker(world, cluster.name, now)),
    turnOffBlocker: on ? blockerDto(disableBlocker(world, cluster.name, false, now)) : null,
    turnOffWithVmsBlocker: on ? blockerDto(disableBlocker(world, cluster.name, true, now)) : null,
    syncBlocker: cluster.registration
      ? (syncBlocker(world, cluster.name) ?? null)
      : 'The cluster is not registered with Azure.',
    activeJobs: Object.values(world.jobs)
      .filter((j) => j.status === 'InProgress' && j.target.name === cluster.name)
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((j) => jobDto(j, now)),
    learnMoreUrl: BENEFITS_LEARN_MORE_URL,
  };
}

export function benefitsHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  const started = (run: Op<Job>) =>
    acceptedJob(
      sim,
      run,
      (_w, job, now) => operationDto(job, now),
      (job) => `/api/benefits/operations/${job.id}`,
    );

  return [
    http.get(
      '*/api/clusters/:name/benefits',
      handle((_r, params) =>
        HttpResponse.json(
          sim.read((w, now) => clusterBenefitsDto(w, requireCluster(w, params.name ?? ''), now)),
        ),
      ),
    ),

    http.post(
      '*/api/clusters/:name/benefits/enable',
      handle(async (request, params) => {
        const { addVms, servers } = await parseBody(request, enableBenefitsSchema);
        return started((draft, now) =>
          startEnableBenefits(
            draft,
            { cluster: params.name ?? '', addVms, ...(servers ? { nodes: servers } : {}) },
            now,
          ),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/benefits/disable',
      handle(async (request, params) => {
        const { removeVms } = await parseBody(request, disableBenefitsSchema);
        return started((draft, now) =>
          startDisableBenefits(draft, { cluster: params.name ?? '', removeVms }, now),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/benefits/vms/:action',
      handle(async (request, params) => {
        const action = params.action;
        if (action !== 'add' && action !== 'remove') {
          throw new SimError(
            'bad-request',
            'InvalidParameter',
            `'${action ?? ''}' is not a VM benefits action: use add or remove.`,
            { target: 'action' },
          );
        }
        const { vmIds } = await parseBody(request, vmBenefitsSchema);
        return started((draft, now) =>
          startVmBenefits(draft, { cluster: params.name ?? '', vmIds, action }, now),
        );
      }),
    ),

    http.get(
      '*/api/benefits/operations/:id',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => operationDto(requireJob(w, params.id ?? ''), now))),
      ),
    ),
  ];
}
