/**
 * The gateway/cluster side at same-origin `/api/...`: what WAC's PowerShell would return, shaped by
 * src/api/contract.ts. Thin: parse and validate the request, run a query or an operation, serialise.
 */
import { http, HttpResponse } from 'msw';
import type { AddConnectionRequest, ClockDto, UpdateConnectionRequest } from '../../src/api/contract';
import type { SimRuntime } from '../runtime';
import {
  addConnection,
  clearNotifications,
  clusterNodesView,
  clusterView,
  clusterVmList,
  clusterVmQuery,
  connectionDto,
  dismissNotification,
  eventDto,
  gatewayDto,
  jobDto,
  markNotificationsRead,
  nodeDto,
  notificationDto,
  notificationsNewestFirst,
  readNodeEvents,
  recentJobs,
  removeConnection,
  requireJob,
  requireNode,
  updateConnection,
} from '../sim';
import { errorResponse, fromSimError, parseBody, simRoute } from './http';
import { addConnectionSchema, updateConnectionSchema } from '../../src/api/request-schemas';

export function gatewayHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  return [
    // The clock is test-control surface: no API faults, so the lab can always tell the time.
    http.get('*/api/sim/clock', () => {
      const body: ClockDto = {
        now: new Date(sim.now()).toISOString(),
        offsetMs: sim.world().clockOffsetMs,
        scenario: sim.world().scenario,
      };
      return HttpResponse.json(body);
    }),

    http.get(
      '*/api/connections',
      handle(() =>
        HttpResponse.json(sim.read((w, now) => w.gateway.connections.map((c) => connectionDto(w, c, now)))),
      ),
    ),

    http.post(
      '*/api/connections',
      handle(async (request) => {
        const body: AddConnectionRequest = await parseBody(request, addConnectionSchema);
        const outcome = sim.run((draft, now) => connectionDto(draft, addConnection(draft, body, now), now));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value, { status: 201 });
      }),
    ),

    // Edit Tags and Manage as: only the fields given change; anything else in the body is ignored.
    http.patch(
      '*/api/connections/:type/:name',
      handle(async (request, params) => {
        const change: UpdateConnectionRequest = await parseBody(request, updateConnectionSchema);
        const outcome = sim.run((draft, now) =>
          connectionDto(draft, updateConnection(draft, params.type ?? '', params.name ?? '', change), now),
        );
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value);
      }),
    ),

    http.delete(
      '*/api/connections/:type/:name',
      handle((_request, params) => {
        const outcome = sim.run((draft) => removeConnection(draft, params.type ?? '', params.name ?? ''));
        if (!outcome.ok) return fromSimError(outcome.error);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      '*/api/clusters/:name',
      handle((_r, params) => HttpResponse.json(sim.read((w, now) => clusterView(w, params.name ?? '', now)))),
    ),

    http.get(
      '*/api/clusters/:name/nodes',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => clusterNodesView(w, params.name ?? '', now))),
      ),
    ),

    http.get(
      '*/api/clusters/:name/vms',
      handle((request, params) => {
        const query = clusterVmQuery(new URL(request.url).searchParams);
        const body = sim.read((w, now) => clusterVmList(w, params.name ?? '', query, now));
        return HttpResponse.json(body);
      }),
    ),

    http.get(
      '*/api/servers/:name',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => nodeDto(w, requireNode(w, params.name ?? ''), now))),
      ),
    ),

    http.get(
      '*/api/nodes/:name/events',
      handle((request, params) => {
        const channel = new URL(request.url).searchParams.get('channel') ?? undefined;
        return HttpResponse.json(
          sim.read((w) => readNodeEvents(w, params.name ?? '', channel).map(eventDto)),
        );
      }),
    ),

    http.get(
      '*/api/gateway',
      handle(() => HttpResponse.json(sim.read(gatewayDto))),
    ),

    http.get(
      '*/api/jobs',
      handle(() => HttpResponse.json(sim.read((w, now) => recentJobs(w).map((j) => jobDto(j, now))))),
    ),

    http.get(
      '*/api/jobs/:id',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => jobDto(requireJob(w, params.id ?? ''), now))),
      ),
    ),

    http.get(
      '*/api/notifications',
      handle(() => HttpResponse.json(sim.read((w) => notificationsNewestFirst(w).map(notificationDto)))),
    ),

    http.post(
      '*/api/notifications/read-all',
      handle(() => {
        sim.run(markNotificationsRead);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.delete(
      '*/api/notifications',
      handle(() => {
        sim.run(clearNotifications);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.delete(
      '*/api/notifications/:id',
      handle((_r, params) => {
        const outcome = sim.run((draft) => dismissNotification(draft, params.id ?? ''));
        if (!outcome.ok) return fromSimError(outcome.error);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    // Anything else under /api is a client bug: say so in the API's error shape rather than fall through.
    // Anchored at the path root: the dev server serves modules such as /src/features/x/api/y.ts, which a
    // '*/api/*' pattern would swallow.
    http.all(/^[a-z]+:\/\/[^/]+\/api\//i, ({ request }) =>
      errorResponse(
        404,
        'NotFound',
        `There is no ${request.method} ${new URL(request.url).pathname} in the gateway API.`,
      ),
    ),
  ];
}
