/**
 * The Azure Stack portal in multi-cloud mode under `/api/clouds`: the Cloud drop-down, and per cloud its
 * subscriptions, virtual machines and virtual networks with the tenant actions of the WAP connector (start,
 * stop, connect, checkpoints, delete VMs and networks). The local cloud, AzureStack, shows the clusters' VMs.
 * A WAP cloud answers after its connector's latency, or with the reason it is unavailable (503 connector
 * unreachable, 403 user unknown to its identity provider) — never taking the other clouds down with it.
 *
 * Test and presenter control (not subject to API faults):
 *   PUT    /api/wap/clouds/:cloud/connector    { reachable?: boolean, latencyMs?: number }
 *   PUT    /api/wap/clouds/:cloud/users/:upn   adds the UPN to the cloud's identity provider
 *   DELETE /api/wap/clouds/:cloud/users/:upn   removes it
 */
import { http, HttpResponse } from 'msw';
import type { CloudSubscriptionDto } from '../../src/api/vms-contract';
import type { SimRuntime } from '../runtime';
import {
  availablePortalCloud,
  cloudLatencyMs,
  cloudSubscriptions,
  cloudNetworks,
  cloudVmDetail,
  cloudVmList,
  cloudVmPageQuery,
  cloudVmRdp,
  cloudVmRef,
  wapCloudEntry,
  portalClouds,
  setWapConnector,
  setWapUserKnown,
  startCloudVmAction,
  startDeleteCloudNetwork,
  startDeleteVm,
} from '../sim';
import type { VmRef } from '../sim';
import { wapConnectorSchema } from '../../src/api/request-schemas';
import { acceptedJob, fromSimError, parseBody, simRoute, simRouteOwningFaults } from './http';
import { checkpointRoutes, rdpResponse } from './vms';

export function wapHandlers(sim: SimRuntime) {
  /**
   * A route of one cloud: a WAP cloud first pays its connector's latency, then answers with why it is
   * unavailable, if it is; the local cloud answers at once.
   */
  const cloudRoute = (
    fn: (request: Request, params: Record<string, string>, cloud: string) => Promise<Response> | Response,
  ) =>
    simRoute(sim, async (request, params) => {
      const requested = params.cloud ?? '';
      await sim.delay(sim.read((w) => cloudLatencyMs(w, requested)));
      return fn(request, params, sim.read((w) => availablePortalCloud(w, requested)).name);
    });

  const vmRef = (params: Record<string, string>): VmRef =>
    sim.read((w) => cloudVmRef(w, params.cloud ?? '', params.id ?? ''));

  return [
    http.get(
      '*/api/clouds',
      simRoute(sim, () => HttpResponse.json(sim.read(portalClouds))),
    ),

    http.get(
      '*/api/clouds/:cloud/subscriptions',
      cloudRoute((_r, _p, cloudName) =>
        HttpResponse.json(sim.read((w): CloudSubscriptionDto[] => cloudSubscriptions(w, cloudName))),
      ),
    ),

    http.get(
      '*/api/clouds/:cloud/vms',
      cloudRoute((request, _p, cloudName) => {
        const page = cloudVmPageQuery(new URL(request.url).searchParams);
        return HttpResponse.json(sim.read((w, now) => cloudVmList(w, cloudName, page, now)));
      }),
    ),

    http.get(
      '*/api/clouds/:cloud/vms/:id',
      cloudRoute((_r, params, cloudName) =>
        HttpResponse.json(sim.read((w, now) => cloudVmDetail(w, cloudName, params.id ?? '', now))),
      ),
    ),

    http.get(
      '*/api/clouds/:cloud/vms/:id/rdp',
      cloudRoute((_r, params, cloudName) =>
        rdpResponse(sim.read((w) => cloudVmRdp(w, cloudName, params.id ?? ''))),
      ),
    ),

    http.delete(
      '*/api/clouds/:cloud/vms/:id',
      cloudRoute((_r, params) => acceptedJob(sim, (d, now) => startDeleteVm(d, vmRef(params), now))),
    ),

    ...checkpointRoutes(sim, '*/api/clouds/:cloud/vms/:id', vmRef, (fn) =>
      cloudRoute((request, params) => fn(request, params)),
    ),

    http.post(
      '*/api/clouds/:cloud/vms/:id/:action',
      cloudRoute((_r, params) =>
        acceptedJob(sim, (d, now) =>
          startCloudVmAction(d, params.cloud ?? '', params.id ?? '', params.action ?? '', now),
        ),
      ),
    ),

    http.get(
      '*/api/clouds/:cloud/networks',
      cloudRoute((_r, _p, cloudName) => HttpResponse.json(sim.read((w) => cloudNetworks(w, cloudName)))),
    ),

    http.delete(
      '*/api/clouds/:cloud/networks/:networkId',
      cloudRoute((_r, params, cloudName) =>
        acceptedJob(sim, (d, now) => startDeleteCloudNetwork(d, cloudName, params.networkId ?? '', now)),
      ),
    ),

    http.put(
      '*/api/wap/clouds/:cloud/connector',
      simRouteOwningFaults(async (request, params) => {
        const body = await parseBody(request, wapConnectorSchema);
        const outcome = sim.run((d) => {
          setWapConnector(d, params.cloud ?? '', {
            ...(body.reachable === undefined ? {} : { reachable: body.reachable }),
            ...(body.latencyMs === undefined ? {} : { latencyMs: body.latencyMs }),
          });
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(sim.read((w) => wapCloudEntry(w, params.cloud ?? '')));
      }),
    ),

    ...(['put', 'delete'] as const).map((method) =>
      http[method](
        '*/api/wap/clouds/:cloud/users/:upn',
        simRouteOwningFaults((_r, params) => {
          const outcome = sim.run((d) => {
            setWapUserKnown(d, params.cloud ?? '', params.upn ?? '', method === 'put');
          });
          if (!outcome.ok) return Promise.resolve(fromSimError(outcome.error));
          return Promise.resolve(HttpResponse.json(sim.read((w) => wapCloudEntry(w, params.cloud ?? ''))));
        }),
      ),
    ),
  ];
}
