import { queryOptions } from '@tanstack/react-query';
import type { ClusterDto, NodeDto, VmDto, VmListDto } from '@/api/contract';
import type { VmDetailDto } from '@/api/vms-contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

export const vmKeys = {
  all: ['vms'] as const,
  list: (cluster: string) => [...vmKeys.all, 'list', cluster] as const,
  detail: (id: string) => [...vmKeys.all, 'detail', id] as const,
  hosts: (cluster: string) => [...vmKeys.all, 'hosts', cluster] as const,
  cluster: (cluster: string) => [...vmKeys.all, 'cluster', cluster] as const,
};

const TRANSITIONAL: readonly VmDto['state'][] = ['Starting', 'Stopping', 'Saving'];
export const isTransitional = (state: VmDto['state']) => TRANSITIONAL.includes(state);

/** Every VM of the cluster in one answer (the server caps a page at 20,000); the table filters and sorts locally. */
const ALL = 20_000;

export const vmQueries = {
  list: (cluster: string) =>
    queryOptions({
      queryKey: vmKeys.list(cluster),
      queryFn: ({ signal }) =>
        api.get<VmListDto>(`/api/clusters/${encodeURIComponent(cluster)}/vms?top=${ALL}`, { signal }),
      refetchInterval: (query) =>
        query.state.data?.items.some((vm) => isTransitional(vm.state))
          ? timing.pollMs
          : timing.backgroundRefreshMs,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: vmKeys.detail(id),
      queryFn: ({ signal }) => api.get<VmDetailDto>(`/api/vms/${encodeURIComponent(id)}`, { signal }),
      refetchInterval: (query) =>
        query.state.data && isTransitional(query.state.data.state) ? timing.pollMs : false,
    }),
  /** The servers a VM can be created on, for the Create pane. */
  hosts: (cluster: string) =>
    queryOptions({
      queryKey: vmKeys.hosts(cluster),
      queryFn: ({ signal }) =>
        api.get<NodeDto[]>(`/api/clusters/${encodeURIComponent(cluster)}/nodes`, { signal }),
    }),
  cluster: (cluster: string) =>
    queryOptions({
      queryKey: vmKeys.cluster(cluster),
      queryFn: ({ signal }) =>
        api.get<ClusterDto>(`/api/clusters/${encodeURIComponent(cluster)}`, { signal }),
    }),
};
