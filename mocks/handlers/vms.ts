/**
 * Cluster Manager's Virtual machines tool under `/api/clusters/:name/vms` and `/api/vms/:id/...`: create,
 * power actions, delete, checkpoints, Connect (.rdp) and the details. Every change answers 202 with the
 * JobDto to poll; bad input is a 4xx that changes nothing. Projections shared with the multi-cloud routes.
 */
import { http, HttpResponse } from 'msw';
import type { SimRuntime } from '../runtime';
import {
  clusterVmDetailView,
  rdpConnection,
  requireClusterVm,
  startCheckpointJob,
  startCreateVm,
  startDeleteVm,
  startVmAction,
} from '../sim';
import type { VmRef } from '../sim';
import { checkpointNameSchema, createVmSchema } from '../../src/api/request-schemas';
import { acceptedJob, parseBody, simRoute } from './http';

/** The .rdp download the simulation wrote for a VM (it refuses one that is not running). */
export function rdpResponse({ fileName, text }: { fileName: string; text: string }): Response {
  return new HttpResponse(text, {
    headers: {
      'Content-Type': 'application/x-rdp; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
}

/** Checkpoint routes under a VM path; `ref` resolves the VM from the route. */
export function checkpointRoutes(
  sim: SimRuntime,
  base: string,
  ref: (params: Record<string, string>) => VmRef,
  handle: (fn: Parameters<typeof simRoute>[1]) => ReturnType<typeof simRoute> = (fn) => simRoute(sim, fn),
) {
  return [
    http.post(
      `${base}/checkpoints`,
      handle(async (request, params) => {
        const { name } = await parseBody(request, checkpointNameSchema);
        return acceptedJob(sim, (d, now) => startCheckpointJob(d, ref(params), { op: 'create', name }, now));
      }),
    ),
    http.post(
      `${base}/checkpoints/:checkpointId/apply`,
      handle((_r, params) =>
        acceptedJob(sim, (d, now) =>
          startCheckpointJob(d, ref(params), { op: 'apply', checkpointId: params.checkpointId ?? '' }, now),
        ),
      ),
    ),
    http.patch(
      `${base}/checkpoints/:checkpointId`,
      handle(async (request, params) => {
        const { name } = await parseBody(request, checkpointNameSchema);
        return acceptedJob(sim, (d, now) =>
          startCheckpointJob(
            d,
            ref(params),
            { op: 'rename', checkpointId: params.checkpointId ?? '', name },
            now,
          ),
        );
      }),
    ),
    http.delete(
      `${base}/checkpoints/:checkpointId`,
      handle((_r, params) =>
        acceptedJob(sim, (d, now) =>
          startCheckpointJob(d, ref(params), { op: 'delete', checkpointId: params.checkpointId ?? '' }, now),
        ),
      ),
    ),
  ];
}

export function vmHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);
  const hciRef = (params: Record<string, string>): VmRef => ({
    vmId: sim.read((w) => requireClusterVm(w, params.id ?? '').id),
  });

  return [
    http.post(
      '*/api/clusters/:name/vms',
      handle(async (request, params) => {
        const body = await parseBody(request, createVmSchema);
        return acceptedJob(sim, (d, now) =>
          startCreateVm(
            d,
            {
              cluster: params.name ?? '',
              name: body.name,
              hostNode: body.hostServer,
              generation: body.generation,
              cpuCount: body.cpuCount,
              memoryMiB: body.memoryMiB,
              os: body.os,
            },
            now,
          ),
        );
      }),
    ),

    http.get(
      '*/api/vms/:id',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => clusterVmDetailView(w, params.id ?? '', now))),
      ),
    ),

    http.get(
      '*/api/vms/:id/rdp',
      handle((_r, params) =>
        rdpResponse(sim.read((w) => rdpConnection(requireClusterVm(w, params.id ?? '')))),
      ),
    ),

    http.delete(
      '*/api/vms/:id',
      handle((_r, params) => acceptedJob(sim, (d, now) => startDeleteVm(d, hciRef(params), now))),
    ),

    ...checkpointRoutes(sim, '*/api/vms/:id', hciRef),

    http.post(
      '*/api/vms/:id/:action',
      handle((_r, params) =>
        acceptedJob(sim, (d, now) => startVmAction(d, params.id ?? '', params.action ?? '', now)),
      ),
    ),
  ];
}
