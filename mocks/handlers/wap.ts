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
  connectorEndpoint,
  effectiveRoles,
  ensureWapCloudAvailable,
  listPage,
  sortRows,
  portalUser,
  setWapConnector,
  setWapUserKnown,
  startDeleteVm,
  startDeleteWapNetwork,
  startPowerJob,
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
import { errorResponse, fromSimError, parseBody, simRoute } from './http';
import { checkpointDtos, checkpointRoutes, jobResponse, rdpResponse, vmSettings } from './vms';
import { own } from '../sim';

const isLocal = (cloud: string) => cloud.toLowerCase() === AZURE_STACK_CLOUD.toLowerCase();

/** The tenant actions of the portal: Start, and Stop (a guest shut down), plus Turn off for a hung guest. */
const CLOUD_POWER = { start: 'start', stop: 'shutdown', 'turn-off': 'turn-off' } as const;

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

/** The local cloud's networks are the clusters' virtual switches, as the VMs use them. */
function localNetworks(world: World): CloudNetworkDto[] {
  const byKey = new Map<string, CloudNetworkDto>();
  for (const vm of Object.values(world.vms)) {
    for (const name of vm.networks) {
      const id = `${vm.cluster}:${name}`;
      let network = byKey.get(id);
      if (!network) {
        network = { id, name, addressSpace: 'External virtual switch', group: vm.cluster, usedBy: [] };
        byKey.set(id, network);
      }
      network.usedBy.push(vm.name);
    }
  }
  return [...byKey.values()].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
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
      if (isLocal(requested)) return fn(request, params, AZURE_STACK_CLOUD);
      const cloud = sim.read((w) => wapCloudOr404(w, requested));
      await sim.delay(cloud.connectorLatencyMs);
      sim.read((w) => ensureWapCloudAvailable(w, cloud.name));
      return fn(request, params, cloud.name);
    });

  const vmRef = (params: Record<string, string>): VmRef => {
    const requested = params.cloud ?? '';
    const id = params.id ?? '';
    return sim.read((w) => {
      if (isLocal(requested)) {
        if (!own(w.vms, id))
          throw new SimError(
            'not-found',
            'VirtualMachineNotFound',
            `The virtual machine '${id}' was not found in ${AZURE_STACK_CLOUD}.`,
          );
        return { vmId: id };
      }
      const cloud = wapCloudOr404(w, requested);
      if (!own(cloud.vms, id))
        throw new SimError(
          'not-found',
          'VirtualMachineNotFound',
          `The virtual machine '${id}' was not found in ${cloud.name}.`,
        );
      return { vmId: id, cloud: cloud.name };
    });
  };

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
        HttpResponse.json(
          sim.read((w): CloudSubscriptionDto[] => {
            if (cloudName === AZURE_STACK_CLOUD) {
              const upn = portalUser(w);
              const clusters = Object.values(w.clusters);
              return Object.values(w.cloud.subscriptions)
                .filter((s) => upn !== undefined && effectiveRoles(w, upn, s.subscriptionId).length > 0)
                .map((s) => {
                  const names = new Set(
                    clusters
                      .filter((c) => c.registration?.subscriptionId === s.subscriptionId)
                      .map((c) => c.name),
                  );
                  return {
                    subscriptionId: s.subscriptionId,
                    displayName: s.displayName,
                    state: s.state,
                    vmCount: Object.values(w.vms).filter((v) => names.has(v.cluster)).length,
                    networkCount: names.size,
                  };
                });
            }
            const cloud = wapCloudOr404(w, cloudName);
            return cloud.subscriptions.map((s) => ({
              subscriptionId: s.subscriptionId,
              displayName: s.displayName,
              state: 'Active',
              vmCount: Object.values(cloud.vms).filter((v) => v.subscriptionId === s.subscriptionId).length,
              networkCount: Object.values(cloud.networks).filter((n) => n.subscriptionId === s.subscriptionId)
                .length,
            }));
          }),
        ),
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
      cloudRoute((_r, params) => {
        const action = params.action ?? '';
        if (!Object.hasOwn(CLOUD_POWER, action)) {
          throw new SimError(
            'bad-request',
            'InvalidParameter',
            `'${action}' is not a virtual machine action: use ${Object.keys(CLOUD_POWER).join(', ')}.`,
            { target: 'action' },
          );
        }
        return jobResponse(sim, (d, now) =>
          startPowerJob(d, vmRef(params), CLOUD_POWER[action as keyof typeof CLOUD_POWER], now),
        );
      }),
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
      cloudRoute((_r, params, cloudName) => {
        const networkId = params.networkId ?? '';
        if (cloudName === AZURE_STACK_CLOUD) {
          const network = sim.read(localNetworks).find((n) => n.id === networkId);
          if (!network)
            throw new SimError(
              'not-found',
              'VirtualNetworkNotFound',
              `The virtual network '${networkId}' was not found in ${AZURE_STACK_CLOUD}.`,
            );
          const shown = network.usedBy
            .slice(0, 5)
            .map((n) => `'${n}'`)
            .join(', ');
          const more = network.usedBy.length > 5 ? ` and ${network.usedBy.length - 5} more` : '';
          return errorResponse(
            409,
            'VirtualNetworkInUse',
            `Couldn't delete the virtual network '${network.name}' of ${network.group}. It is in use by the virtual machines ${shown}${more}. Delete them or connect them to another network first.`,
          );
        }
        return jobResponse(sim, (d, now) => startDeleteWapNetwork(d, cloudName, networkId, now));
      }),
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
