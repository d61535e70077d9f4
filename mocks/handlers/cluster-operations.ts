/**
 * Cluster registration (prerequisites, register, unregister, repair, sync, logs) under
 * `/api/clusters/:name/...` (VM routes: vms.ts). Long operations answer 202 with the JobDto to poll.
 */
import { http, HttpResponse } from 'msw';
import type { LogFileDto, PrerequisiteCheckDto, RegionDto } from '../../src/api/contract';
import type { SimRuntime } from '../runtime';
import {
  ALL_LOCATIONS,
  CLOUDS,
  SimError,
  registrationPrerequisites,
  rgKey,
  startClusterRegistration,
  startClusterUnregistration,
  startRepair,
  startSyncNow,
} from '../sim';
import type { CloudName, Job, Op, World } from '../sim';
import { registerClusterSchema, unregisterClusterSchema } from '../../src/api/request-schemas';
import { errorResponse, fromSimError, parseBody, simRoute } from './http';
import { jobDto } from './views';
import { own } from '../sim';

function clusterName(world: World, name: string): string {
  const cluster = Object.values(world.clusters).find(
    (c) => c.name.toLowerCase() === name.toLowerCase() || c.fqdn.toLowerCase() === name.toLowerCase(),
  );
  if (!cluster) throw new SimError('not-found', 'ClusterNotFound', `The cluster '${name}' was not found.`);
  return cluster.name;
}

export function clusterOperationHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  const startJob = (op: Op<Job>) => {
    const outcome = sim.run(op);
    if (!outcome.ok) return fromSimError(outcome.error);
    return HttpResponse.json(
      sim.read((_w, now) => jobDto(outcome.value, now)),
      { status: 202, headers: { Location: `/api/jobs/${outcome.value.id}` } },
    );
  };

  return [
    http.get(
      '*/api/clusters/:name/registration/prerequisites',
      handle((request, params) => {
        const url = new URL(request.url);
        const subscriptionId = url.searchParams.get('subscriptionId') ?? undefined;
        const enableArc = url.searchParams.get('enableArc') !== 'false';
        const checks = sim.read((w, now) =>
          registrationPrerequisites(
            w,
            clusterName(w, params.name ?? ''),
            subscriptionId === '' ? undefined : subscriptionId,
            enableArc,
            now,
          ),
        );
        return HttpResponse.json(
          checks.map((c): PrerequisiteCheckDto => ({
            id: c.id,
            title: c.title,
            state: c.state,
            detail: c.detail,
            remedy: c.remedy ?? null,
            nodes: c.nodes ?? [],
          })),
        );
      }),
    ),

    http.get(
      '*/api/clusters/:name/registration/regions',
      handle(() => {
        const cloud: CloudName = sim.read((w) => w.gateway.registration?.cloud ?? 'AzureCloud');
        const supported = new Set(CLOUDS[cloud].hciRegions.map((r) => r.name));
        const regions: RegionDto[] = [
          ...CLOUDS[cloud].hciRegions.map((r) => ({ ...r, supported: true })),
          ...ALL_LOCATIONS.filter(
            (r) =>
              !supported.has(r.name) &&
              !Object.values(CLOUDS).some(
                (c) => c.name !== cloud && c.hciRegions.some((h) => h.name === r.name),
              ),
          ).map((r) => ({ ...r, supported: false })),
        ];
        return HttpResponse.json(regions);
      }),
    ),

    http.post(
      '*/api/clusters/:name/registration',
      handle(async (request, params) => {
        const body = await parseBody(request, registerClusterSchema);
        const name = sim.read((w) => clusterName(w, params.name ?? ''));
        const subscriptionId = body.subscriptionId.trim();
        const resourceGroup = body.resourceGroup;
        if (
          body.createResourceGroup === true &&
          sim.read((w) => own(w.cloud.resourceGroups, rgKey(subscriptionId, resourceGroup)) !== undefined)
        ) {
          return errorResponse(
            409,
            'ResourceGroupExists',
            `A resource group named '${resourceGroup}' already exists in this subscription. Choose Use existing, or another name.`,
            'resourceGroup',
          );
        }
        if (
          body.createResourceGroup === false &&
          sim.read((w) => own(w.cloud.resourceGroups, rgKey(subscriptionId, resourceGroup)) === undefined)
        ) {
          return errorResponse(
            404,
            'ResourceGroupNotFound',
            `Resource group '${resourceGroup}' could not be found.`,
            'resourceGroup',
          );
        }
        const arcResourceGroup = body.arcResourceGroup ?? '';
        return startJob((draft, now) =>
          startClusterRegistration(
            draft,
            {
              cluster: name,
              subscriptionId,
              resourceGroup,
              region: body.region.trim(),
              enableArc: body.enableArc,
              ...(arcResourceGroup !== '' ? { arcResourceGroup } : {}),
              ...(body.resourceName !== undefined ? { resourceName: body.resourceName } : {}),
            },
            now,
          ),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/unregister',
      handle(async (request, params) => {
        const body = await parseBody(request, unregisterClusterSchema);
        const name = sim.read((w) => clusterName(w, params.name ?? ''));
        const subscriptionId = body.subscriptionId?.trim() ?? '';
        const cloud = body.cloud ?? '';
        return startJob((draft, now) =>
          startClusterUnregistration(
            draft,
            {
              cluster: name,
              ...(subscriptionId !== '' ? { subscriptionId } : {}),
              ...(cloud !== '' ? { cloud } : {}),
            },
            now,
          ),
        );
      }),
    ),

    http.post(
      '*/api/clusters/:name/repair',
      handle((_r, params) =>
        startJob((draft, now) => startRepair(draft, clusterName(draft, params.name ?? ''), now)),
      ),
    ),

    http.post(
      '*/api/clusters/:name/sync',
      handle((_r, params) =>
        startJob((draft, now) => startSyncNow(draft, clusterName(draft, params.name ?? ''), now)),
      ),
    ),

    http.get(
      '*/api/clusters/:name/registration/logs',
      handle((_r, params) =>
        HttpResponse.json(
          sim.read((w) => {
            const cluster = own(w.clusters, clusterName(w, params.name ?? ''));
            return (cluster?.logFiles ?? [])
              .map((f): LogFileDto => ({
                name: f.name,
                createdAt: new Date(f.createdAt).toISOString(),
                lineCount: f.lines.length,
              }))
              .reverse();
          }),
        ),
      ),
    ),

    http.get(
      '*/api/clusters/:name/registration/logs/:file',
      handle((_r, params) => {
        const file = sim.read((w) =>
          own(w.clusters, clusterName(w, params.name ?? ''))?.logFiles.find((f) => f.name === params.file),
        );
        if (!file)
          return errorResponse(404, 'LogNotFound', `There is no log file named '${params.file ?? ''}'.`);
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
