/**
 * Azure benefits under `/api/clusters/:name/benefits/...`: the page's view, turning it on and off for the
 * cluster (or for servers added later), VMs in bulk, and one operation view per job with each VM's outcome.
 * Operations answer 202 with the BenefitsOperationDto to poll; refusals answer in the `{ error }` shape.
 */
import { http, HttpResponse } from 'msw';
import type { SimRuntime } from '../runtime';
import {
  benefitsOperationView,
  clusterBenefitsView,
  requireJob,
  startDisableBenefits,
  startEnableBenefits,
  startVmBenefits,
} from '../sim';
import type { Job, Op } from '../sim';
import { disableBenefitsSchema, enableBenefitsSchema, vmBenefitsSchema } from '../../src/api/request-schemas';
import { acceptedJob, parseBody, simRoute } from './http';

export function benefitsHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  const started = (run: Op<Job>) =>
    acceptedJob(
      sim,
      run,
      (_w, job, now) => benefitsOperationView(job, now),
      (job) => `/api/benefits/operations/${job.id}`,
    );

  return [
    http.get(
      '*/api/clusters/:name/benefits',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => clusterBenefitsView(w, params.name ?? '', now))),
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
        const { vmIds } = await parseBody(request, vmBenefitsSchema);
        return started((draft, now) =>
          startVmBenefits(draft, { cluster: params.name ?? '', vmIds, action: params.action ?? '' }, now),
        );
      }),
    ),

    http.get(
      '*/api/benefits/operations/:id',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => benefitsOperationView(requireJob(w, params.id ?? ''), now))),
      ),
    ),
  ];
}
