/**
 * The cluster's Virtual machines tool: its VMs searched, sorted by one of the tool's columns and paged.
 * The rows are the wire contract's VmDto (the caller projects each VM), so a column sorts by exactly what
 * the tool shows.
 */
import type { VmDto, VmListDto } from '../../src/api/contract';
import { requireCluster } from './cluster-lookup';
import { SimError } from './core';
import { clusterVms } from './derive';
import { quote } from './lookup';
import { vmDto } from './gateway-views';
import type { Millis, VirtualMachine, World } from './model';

export const CLUSTER_VM_SORTS = [
  'name',
  'state',
  'hostServer',
  'generation',
  'cpuCount',
  'memoryMiB',
  'uptimeSeconds',
  'azureBenefits',
] as const satisfies readonly (keyof VmDto)[];
type VmSort = (typeof CLUSTER_VM_SORTS)[number];

export interface ClusterVmQuery {
  skip: number;
  top: number;
  /** case-insensitive, in the name, state, host, OS and IP address */
  search: string;
  /** a column, optionally `:desc` (`name` when absent) */
  sort: string;
}

const isSort = (key: string | undefined): key is VmSort => CLUSTER_VM_SORTS.some((s) => s === key);

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { numeric: true });
  return 0;
}

/** A query parameter that is a count: absent means `fallback`, more than `max` means `max`. */
function countParam(value: string | null, fallback: number, max: number, label: string): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${label}' must be a whole number, not '${quote(value)}'.`,
      {
        target: label,
      },
    );
  return Math.min(Number(value), max);
}

/** The page's URL query (`skip`, `top`, `q`, `sort`): 200 rows unless asked, at most 20,000. */
export function clusterVmQuery(params: { get(name: string): string | null }): ClusterVmQuery {
  return {
    skip: countParam(params.get('skip'), 0, Number.MAX_SAFE_INTEGER, 'skip'),
    top: countParam(params.get('top'), 200, 20_000, 'top'),
    search: params.get('q') ?? '',
    sort: params.get('sort') ?? 'name',
  };
}

/** One page of the tool's VM list, each row as the list shows it. */
export const clusterVmList = (
  world: World,
  clusterName: string,
  query: ClusterVmQuery,
  now: Millis,
): VmListDto => clusterVmPage(world, clusterName, query, (vm) => vmDto(world, vm, now));

export function clusterVmPage(
  world: World,
  clusterName: string,
  query: ClusterVmQuery,
  row: (vm: VirtualMachine) => VmDto,
): VmListDto {
  const [key, direction] = query.sort.split(':');
  if (!isSort(key))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'sort' must be one of ${CLUSTER_VM_SORTS.join(', ')} (optionally ':desc'), not '${quote(query.sort)}'.`,
      { target: 'sort' },
    );
  const cluster = requireCluster(world, clusterName);
  const search = query.search.trim().toLowerCase();
  let items = clusterVms(world, cluster.name).map(row);
  if (search)
    items = items.filter((v) =>
      `${v.name} ${v.state} ${v.hostServer} ${v.os} ${v.ipAddress}`.toLowerCase().includes(search),
    );
  const sign = direction === 'desc' ? -1 : 1;
  items.sort((a, b) => sign * compare(a[key], b[key]) || a.name.localeCompare(b.name));
  return { items: items.slice(query.skip, query.skip + query.top), total: items.length };
}
