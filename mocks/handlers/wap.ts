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
import type {
  CloudNetworkDto,
  CloudSubscriptionDto,
  CloudSummaryDto,
  CloudVmDetailDto,
  CloudVmDto,
  CloudVmPageDto,
} from '../../src/api/vms-contract';
import type { CloudVmSortKey } from '../../src/api/vms-contract';
import type { SimRuntime } from '../runtime';
import {
  AZURE_STACK_CLOUD,
  SimError,
  availablePortalCloud,
  cloudLatencyMs,
  cloudSubscriptions,
  cloudVmRef,
  connectorEndpoint,
  listPage,
  localNetworks,
  sortRows,
  portalUser,
  setWapConnector,
  setWapUserKnown,
  startCloudVmAction,
  startDeleteCloudNetwork,
  startDeleteVm,
  vmsUsingNetwork,
  wapCloudOr404,
  wapCloudStatus,
} from '../sim';
import type {
  ListPageQuery,
  ListShape,
  Millis,
  SortDirection,
  VirtualMachine,
  VmRef,
  WapCloud,
  WapVm,
  World,
} from '../sim';
import { wapConnectorSchema } from '../../src/api/request-schemas';
import { fromSimError, parseBody, simRoute } from './http';
import { checkpointDtos, checkpointRoutes, jobResponse, rdpResponse, vmSettings } from './vms';
import { own } from '../sim';

function uptime(vm: { power: string; startedAt?: Millis }, now: Millis): number | null {
  return vm.power === 'Running' && vm.startedAt !== undefined
    ? Math.max(0, Math.floor((now - vm.startedAt) / 1000))
    : null;
}

function localVmRow(vm: VirtualMachine, now: Millis): CloudVmDto {
  return {
    id: vm.id,
    name: vm.name,
    state: vm.power,
    group: vm.cluster,
    cpuCount: vm.cpuCount,
    memoryMiB: vm.memoryMiB,
    os: vm.os,
    ipAddress: vm.ipAddress,
    networks: vm.networks,
    checkpointCount: vm.checkpoints.length,
    uptimeSeconds: uptime(vm, now),
  };
}

function wapVmRow(cloud: WapCloud, vm: WapVm, now: Millis): CloudVmDto {
  return {
    id: vm.id,
    name: vm.name,
    state: vm.power,
    group:
      cloud.subscriptions.find((s) => s.subscriptionId === vm.subscriptionId)?.displayName ??
      vm.subscriptionId,
    cpuCount: vm.cpuCount,
    memoryMiB: vm.memoryMiB,
    os: vm.os,
    ipAddress: vm.ipAddress,
    networks: vm.networkIds.map((id) => own(cloud.networks, id)?.name ?? id),
    checkpointCount: vm.checkpoints.length,
    uptimeSeconds: uptime(vm, now),
  };
}

/** How the VM list filters and sorts: the portal's columns, by their ids, read from the world's VMs. */
function vmListShape<V extends VirtualMachine | WapVm>(groupOf: (vm: V) => string): ListShape<V> {
  return {
    searchText: (vm) => `${vm.name} ${vm.power} ${groupOf(vm)} ${vm.os} ${vm.ipAddress}`.toLowerCase(),
    sortValues: {
      name: (vm) => vm.name,
      status: (vm) => vm.power,
      group: groupOf,
      size: (vm) => vm.cpuCount * 1_000_000 + vm.memoryMiB,
      os: (vm) => vm.os,
      ip: (vm) => vm.ipAddress,
      checkpoints: (vm) => vm.checkpoints.length,
    } satisfies Record<CloudVmSortKey, (vm: V) => string | number | null>,
  };
}

const LOCAL_VM_LIST = vmListShape<VirtualMachine>((vm) => vm.cluster);
const wapGroup = (cloud: WapCloud) => (vm: WapVm) =>
  cloud.subscriptions.find((s) => s.subscriptionId === vm.subscriptionId)?.displayName ?? vm.subscriptionId;

/**
 * Sorted lists and search texts kept between requests. The world is immutable (immer): a VM record or a VM
 * keeps its identity until it changes, so a keystroke's request filters a list sorted once, instead of
 * sorting 10,000 VMs with a collator again.
 */
const sortedLists = new WeakMap<object, Map<string, readonly unknown[]>>();
function keptOrder<V extends object>(record: object, shape: ListShape<V>) {
  return (rows: readonly V[], sort: string, direction: SortDirection): readonly V[] => {
    let byKey = sortedLists.get(record);
    if (!byKey) sortedLists.set(record, (byKey = new Map<string, readonly unknown[]>()));
    const key = `${sort} ${direction}`;
    const kept = byKey.get(key) as readonly V[] | undefined;
    if (kept) return kept;
    const sorted = sortRows(rows, shape.sortValues[sort] ?? (() => null), direction);
    byKey.set(key, sorted);
    return sorted;
  };
}
const searchTexts = new WeakMap<object, string>();
function keptSearchText<V extends object>(shape: ListShape<V>): ListShape<V> {
  return {
    ...shape,
    searchText: (vm) => {
      let text = searchTexts.get(vm);
      if (text === undefined) searchTexts.set(vm, (text = shape.searchText(vm)));
      return text;
    },
  };
}

/**
 * `?limit=` asks for one page (`offset`, `sort`, `direction`, `search` refine it) and the answer is a
 * CloudVmPageDto; without it the whole list comes back, as before, for clients that want every row.
 */
function pageQuery(params: URLSearchParams): ListPageQuery | undefined {
  const limit = params.get('limit');
  if (limit === null) return undefined;
  const sort = params.get('sort') ?? undefined;
  return {
    offset: Number(params.get('offset') ?? '0'),
    limit: Number(limit),
    ...(sort ? { sort } : {}),
    direction: params.get('direction') === 'descending' ? 'descending' : 'ascending',
    search: params.get('search') ?? '',
  };
}

function summaries(world: World): CloudSummaryDto[] {
  const user = portalUser(world) ?? null;
  return [
    {
      name: AZURE_STACK_CLOUD,
      kind: 'AzureStack',
      endpoint: null,
      state: 'Available',
      reason: null,
      latencyMs: null,
      user,
    },
    ...Object.values(world.wapClouds).map((cloud): CloudSummaryDto => {
      const status = wapCloudStatus(world, cloud);
      return {
        name: cloud.name,
        kind: 'AzurePack',
        endpoint: connectorEndpoint(cloud),
        state: status.state,
        reason: status.reason ?? null,
        latencyMs: cloud.connectorLatencyMs,
        user,
      };
    }),
  ];
}

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

  const control =
    (fn: (request: Request, params: Record<string, string>) => Promise<Response>) =>
    async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      const plain: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') plain[k] = v;
      try {
        return await fn(request, plain);
      } catch (error) {
        if (error instanceof SimError) return fromSimError(error);
        throw error;
      }
    };

  return [
    http.get(
      '*/api/clouds',
      simRoute(sim, () => HttpResponse.json(sim.read(summaries))),
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
        const page = pageQuery(new URL(request.url).searchParams);
        return HttpResponse.json(
          sim.read((w, now): CloudVmDto[] | CloudVmPageDto => {
            if (cloudName === AZURE_STACK_CLOUD) {
              const vms = Object.values(w.vms);
              if (!page) return vms.map((vm) => localVmRow(vm, now));
              const shape = keptSearchText(LOCAL_VM_LIST);
              const { items, ...rest } = listPage(vms, page, shape, keptOrder(w.vms, shape));
              return { ...rest, items: items.map((vm) => localVmRow(vm, now)) };
            }
            const cloud = wapCloudOr404(w, cloudName);
            const vms = Object.values(cloud.vms);
            if (!page) return vms.map((vm) => wapVmRow(cloud, vm, now));
            // The group (subscription name) depends on the cloud too: its lists are kept by the cloud.
            const shape = vmListShape(wapGroup(cloud));
            const { items, ...rest } = listPage(vms, page, shape, keptOrder(cloud, shape));
            return { ...rest, items: items.map((vm) => wapVmRow(cloud, vm, now)) };
          }),
        );
      }),
    ),

    http.get(
      '*/api/clouds/:cloud/vms/:id',
      cloudRoute((_r, params, cloudName) => {
        const ref = vmRef(params);
        return HttpResponse.json(
          sim.read((w, now): CloudVmDetailDto => {
            if (ref.cloud === undefined) {
              const vm = own(w.vms, ref.vmId) as VirtualMachine;
              return {
                ...localVmRow(vm, now),
                cloud: cloudName,
                subscriptionId: own(w.clusters, vm.cluster)?.registration?.subscriptionId ?? null,
                createdAt: new Date(vm.createdAt).toISOString(),
                checkpoints: checkpointDtos(vm),
                settings: vmSettings(vm, vm.networks, [
                  { group: 'General', label: 'Cluster', value: vm.cluster },
                  { group: 'General', label: 'Host server', value: vm.hostNode },
                ]),
              };
            }
            const cloud = wapCloudOr404(w, ref.cloud);
            const vm = own(cloud.vms, ref.vmId) as WapVm;
            const row = wapVmRow(cloud, vm, now);
            return {
              ...row,
              cloud: cloud.name,
              subscriptionId: vm.subscriptionId,
              createdAt: new Date(vm.createdAt).toISOString(),
              checkpoints: checkpointDtos(vm),
              settings: vmSettings(vm, row.networks, [
                { group: 'General', label: 'Cloud', value: cloud.name },
                { group: 'General', label: 'Subscription', value: row.group },
                {
                  group: 'General',
                  label: 'Managed by',
                  value: 'System Center Virtual Machine Manager through Service Provider Foundation',
                },
              ]),
            };
          }),
        );
      }),
    ),

    http.get(
      '*/api/clouds/:cloud/vms/:id/rdp',
      cloudRoute((_r, params) => {
        const ref = vmRef(params);
        return rdpResponse(
          sim.read((w) =>
            ref.cloud === undefined
              ? (own(w.vms, ref.vmId) as VirtualMachine)
              : (own(own(w.wapClouds, ref.cloud)?.vms, ref.vmId) as WapVm),
          ),
        );
      }),
    ),

    http.delete(
      '*/api/clouds/:cloud/vms/:id',
      cloudRoute((_r, params) => jobResponse(sim, (d, now) => startDeleteVm(d, vmRef(params), now))),
    ),

    ...checkpointRoutes(sim, '*/api/clouds/:cloud/vms/:id', vmRef, (fn) =>
      cloudRoute((request, params) => fn(request, params)),
    ),

    http.post(
      '*/api/clouds/:cloud/vms/:id/:action',
      cloudRoute((_r, params) =>
        jobResponse(sim, (d, now) =>
          startCloudVmAction(d, params.cloud ?? '', params.id ?? '', params.action ?? '', now),
        ),
      ),
    ),

    http.get(
      '*/api/clouds/:cloud/networks',
      cloudRoute((_r, _p, cloudName) =>
        HttpResponse.json(
          sim.read((w): CloudNetworkDto[] => {
            if (cloudName === AZURE_STACK_CLOUD) return localNetworks(w);
            const cloud = wapCloudOr404(w, cloudName);
            return Object.values(cloud.networks).map((n) => ({
              id: n.id,
              name: n.name,
              addressSpace: n.addressSpace,
              group:
                cloud.subscriptions.find((s) => s.subscriptionId === n.subscriptionId)?.displayName ??
                n.subscriptionId,
              usedBy: vmsUsingNetwork(cloud, n.id),
            }));
          }),
        ),
      ),
    ),

    http.delete(
      '*/api/clouds/:cloud/networks/:networkId',
      cloudRoute((_r, params, cloudName) =>
        jobResponse(sim, (d, now) => startDeleteCloudNetwork(d, cloudName, params.networkId ?? '', now)),
      ),
    ),

    http.put(
      '*/api/wap/clouds/:cloud/connector',
      control(async (request, params) => {
        const body = await parseBody(request, wapConnectorSchema);
        const outcome = sim.run((d) => {
          setWapConnector(d, params.cloud ?? '', {
            ...(body.reachable === undefined ? {} : { reachable: body.reachable }),
            ...(body.latencyMs === undefined ? {} : { latencyMs: body.latencyMs }),
          });
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(
          sim.read(summaries).find((c) => c.name.toLowerCase() === (params.cloud ?? '').toLowerCase()),
        );
      }),
    ),

    ...(['put', 'delete'] as const).map((method) =>
      http[method](
        '*/api/wap/clouds/:cloud/users/:upn',
        control((_r, params) => {
          const outcome = sim.run((d) => {
            setWapUserKnown(d, params.cloud ?? '', params.upn ?? '', method === 'put');
          });
          if (!outcome.ok) return Promise.resolve(fromSimError(outcome.error));
          return Promise.resolve(
            HttpResponse.json(
              sim.read(summaries).find((c) => c.name.toLowerCase() === (params.cloud ?? '').toLowerCase()),
            ),
          );
        }),
      ),
    ),
  ];
}
