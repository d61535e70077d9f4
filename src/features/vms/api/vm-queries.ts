import { queryOptions } from '@tanstack/react-query';
import type { VmListDto } from '@/api/contract';
import { keyRoots } from '@/api/queries/key-roots';
import type { VmDetailDto } from '@/api/vms-contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { isTransitional } from '@/lib/vm-power-state';

export const vmKeys = {
  all: keyRoots.vms,
  list: (cluster: string) => [...vmKeys.all, 'list', cluster] as const,
  detail: (id: string) => [...vmKeys.all, 'detail', id] as const,
};

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
};
