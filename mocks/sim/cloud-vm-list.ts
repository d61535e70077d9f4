/**
 * The Azure Stack portal's Cloud drop-down, and the VM and network lists of one cloud (ui.md, multi-cloud mode): the local cloud
 * (AzureStack) lists the clusters' VMs grouped by cluster, a WAP cloud its tenant VMs grouped by
 * subscription. One page (`query`) is searched and sorted by the portal's columns; without it the whole
 * list is answered, for clients that want every row.
 */
import type {
  CloudNetworkDto,
  CloudSummaryDto,
  CloudVmDto,
  CloudVmPageDto,
  CloudVmSortKey,
} from '../../src/api/vms-contract';
import { keptValues, listPage, sortRows } from './list-page';
import type { ListPageQuery, ListShape, SortDirection } from './list-page';
import { own } from './lookup';
import type { Millis, VirtualMachine, WapCloud, WapVm, World } from './model';
import { localNetworks } from './multi-cloud';
import { vmsUsingNetwork } from './wap';
import { vmUptimeSeconds } from './server-status';
import {
  AZURE_STACK_CLOUD,
  connectorEndpoint,
  portalUser,
  wapCloudOr404,
  wapCloudStatus,
} from './wap-clouds';

/** A WAP row's group: its subscription's name, or the id of a subscription the cloud no longer lists. */
const subscriptionName = (cloud: WapCloud, subscriptionId: string) =>
  cloud.subscriptions.find((s) => s.subscriptionId === subscriptionId)?.displayName ?? subscriptionId;

export function localVmRow(vm: VirtualMachine, now: Millis): CloudVmDto {
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
    uptimeSeconds: vmUptimeSeconds(vm, now),
  };
}

export function wapVmRow(cloud: WapCloud, vm: WapVm, now: Millis): CloudVmDto {
  return {
    id: vm.id,
    name: vm.name,
    state: vm.power,
    group: subscriptionName(cloud, vm.subscriptionId),
    cpuCount: vm.cpuCount,
    memoryMiB: vm.memoryMiB,
    os: vm.os,
    ipAddress: vm.ipAddress,
    networks: vm.networkIds.map((id) => own(cloud.networks, id)?.name ?? id),
    checkpointCount: vm.checkpoints.length,
    uptimeSeconds: vmUptimeSeconds(vm, now),
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

/**
 * Sorted lists and search texts kept between requests. The world is immutable (immer): a VM record or a VM
 * keeps its identity until it changes, so a keystroke's request filters a list sorted once, instead of
 * sorting 10,000 VMs with a collator again. Keyed by those immutable objects, the memo cannot change an
 * answer, only how soon it comes.
 */
const sortedLists = new WeakMap<object, Map<string, readonly unknown[]>>();
function keptOrder<V extends object>(record: object, shape: ListShape<V>) {
  return (rows: readonly V[], sort: string, direction: SortDirection): readonly V[] => {
    let byKey = sortedLists.get(record);
    if (!byKey) sortedLists.set(record, (byKey = new Map<string, readonly unknown[]>()));
    const key = `${sort} ${direction}`;
    const kept = byKey.get(key) as readonly V[] | undefined;
    if (kept) return kept;
    const sorted = sortRows(rows, own(shape.sortValues, sort) ?? (() => null), direction);
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

const LOCAL_VM_LIST = keptSearchText(vmListShape<VirtualMachine>((vm) => vm.cluster));

/**
 * The list's URL query: `?limit=` asks for one page (`offset`, `sort`, `direction`, `search` refine it);
 * without it the whole list comes back, as before, for clients that want every row.
 */
export function cloudVmPageQuery(params: { get(name: string): string | null }): ListPageQuery | undefined {
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

/** The cloud's VMs: one page when `query` is given, else every row. */
export function cloudVmList(
  world: World,
  cloudName: string,
  query: ListPageQuery | undefined,
  now: Millis,
): CloudVmDto[] | CloudVmPageDto {
  if (cloudName === AZURE_STACK_CLOUD) {
    const vms = keptValues(world.vms);
    if (!query) return vms.map((vm) => localVmRow(vm, now));
    const { items, ...rest } = listPage(vms, query, LOCAL_VM_LIST, keptOrder(world.vms, LOCAL_VM_LIST));
    return { ...rest, items: items.map((vm) => localVmRow(vm, now)) };
  }
  const cloud = wapCloudOr404(world, cloudName);
  const vms = keptValues(cloud.vms);
  if (!query) return vms.map((vm) => wapVmRow(cloud, vm, now));
  // The group (subscription name) depends on the cloud too: its lists are kept by the cloud.
  const shape = vmListShape<WapVm>((vm) => subscriptionName(cloud, vm.subscriptionId));
  const { items, ...rest } = listPage(vms, query, shape, keptOrder(cloud, shape));
  return { ...rest, items: items.map((vm) => wapVmRow(cloud, vm, now)) };
}

/** The cloud's virtual networks, each with the VMs that use it. */
export function cloudNetworks(world: World, cloudName: string): CloudNetworkDto[] {
  if (cloudName === AZURE_STACK_CLOUD) return localNetworks(world);
  const cloud = wapCloudOr404(world, cloudName);
  return Object.values(cloud.networks).map((n) => ({
    id: n.id,
    name: n.name,
    addressSpace: n.addressSpace,
    group: subscriptionName(cloud, n.subscriptionId),
    usedBy: vmsUsingNetwork(cloud, n.id),
  }));
}

function wapCloudSummary(world: World, cloud: WapCloud): CloudSummaryDto {
  const status = wapCloudStatus(world, cloud);
  return {
    name: cloud.name,
    kind: 'AzurePack',
    endpoint: connectorEndpoint(cloud),
    state: status.state,
    reason: status.reason ?? null,
    latencyMs: cloud.connectorLatencyMs,
    user: portalUser(world) ?? null,
  };
}

/** The Cloud drop-down: the local cloud, always available, then each WAP cloud as its connector stands. */
export function portalClouds(world: World): CloudSummaryDto[] {
  return [
    {
      name: AZURE_STACK_CLOUD,
      kind: 'AzureStack',
      endpoint: null,
      state: 'Available',
      reason: null,
      latencyMs: null,
      user: portalUser(world) ?? null,
    },
    ...Object.values(world.wapClouds).map((cloud) => wapCloudSummary(world, cloud)),
  ];
}

/** One WAP cloud's entry of the drop-down, by its name in any case; 404 for a cloud there is not. */
export const wapCloudEntry = (world: World, name: string): CloudSummaryDto =>
  wapCloudSummary(world, wapCloudOr404(world, name));
