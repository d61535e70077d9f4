/**
 * Cluster registration (prerequisites, register, unregister, repair, sync, logs) under
 * `/api/clusters/:name/...` (VM routes: vms.ts). Long operations answer 202 with the JobDto to poll.
 */
import { http, HttpResponse } from 'msw';
import type { RegionDto } from '../../src/api/contract';
import type { SimRuntime } from '../runtime';
import {
  registrationLog,
  registrationLogFilesView,
  registrationPrerequisitesView,
  registrationRegions,
  startClusterRegistration,
  startClusterUnregistration,
  startRepair,
  startSyncNow,
} from '../sim';
import { registerClusterSchema, unregisterClusterSchema } from '../../src/api/request-schemas';
import { acceptedJob, parseBody, simRoute } from './http';

export function clusterOperationHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  return [
    http.get(
      '*/api/clusters/:name/registration/prerequisites',
      handle((request, params) => {
        const query = new URL(request.url).searchParams;
        return HttpResponse.json(
          sim.read((w, now) => registrationPrerequisitesView(w, params.name ?? '', query, now)),
        );
      }),
    ),

    http.get(
      '*/api/clusters/:name/registration/regions',
      handle(() => HttpResponse.json(sim.read((w): RegionDto[] => registrationRegions(w)))),
    ),

    http.post(
      '*/api/clusters/:name/registration',
      handle(async (request, params) => {
        const body = await parseBody(request, registerClusterSchema);
        return acceptedJob(sim, (draft, now) =>
          startClusterRegistration(draft, { ...body, cluster: params.name ?? '' }, now),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/unregister',
      handle(async (request, params) => {
        const body = await parseBody(request, unregisterClusterSchema);
        return acceptedJob(sim, (draft, now) =>
          startClusterUnregistration(draft, { ...body, cluster: params.name ?? '' }, now),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/repair',
      handle((_r, params) => acceptedJob(sim, (draft, now) => startRepair(draft, params.name ?? '', now))),
    ),

    http.post(
      '*/api/clusters/:name/sync',
      handle((_r, params) => acceptedJob(sim, (draft, now) => startSyncNow(draft, params.name ?? '', now))),
    ),

    http.get(
      '*/api/clusters/:name/registration/logs',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w) => registrationLogFilesView(w, params.name ?? ''))),
      ),
    ),

    http.get(
      '*/api/clusters/:name/registration/logs/:file',
      handle((_r, params) => {
        const file = sim.read((w) => registrationLog(w, params.name ?? '', params.file ?? ''));
        return new HttpResponse(`${file.lines.join('\r\n')}\r\n`, {
          headers: {
            'Content-Type': 'text/plain; charset=utf-8',
            'Content-Disposition': `attachment; filename="${file.name}"`,
          },
        });
      }),
    ),
  ];
}
