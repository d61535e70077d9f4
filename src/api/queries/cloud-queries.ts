import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CloudNetworkDto,
  CloudSubscriptionDto,
  CloudSummaryDto,
  CloudVmDetailDto,
  CloudVmPageDto,
  CloudVmSortKey,
} from '@/api/vms-contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { isTransitional } from '@/lib/vm-power-state';
import { keyRoots } from './key-roots';

const enc = encodeURIComponent;

/** The multi-cloud portal's clouds: the local Azure Stack cloud and each Windows Azure Pack connector. */
export const cloudKeys = {
  all: keyRoots.clouds,
  list: () => [...cloudKeys.all, 'list'] as const,
  subscriptions: (cloud: string) => [...cloudKeys.all, cloud, 'subscriptions'] as const,
  vms: (cloud: string) => [...cloudKeys.all, cloud, 'vms'] as const,
  vmPage: (cloud: string, view: CloudVmView, offset: number, limit: number) =>
    [...cloudKeys.vms(cloud), view.search, view.sort ?? '', view.direction, offset, limit] as const,
  vm: (cloud: string, id: string) => [...cloudKeys.all, cloud, 'vm', id] as const,
  networks: (cloud: string) => [...cloudKeys.all, cloud, 'networks'] as const,
};

/** What the VM table shows: the server filters and sorts, the table asks for the rows in view. */
export interface CloudVmView {
  search: string;
  sort?: CloudVmSortKey;
  direction: 'ascending' | 'descending';
}

export const cloudVmPath = (cloud: string, id: string) => `/api/clouds/${enc(cloud)}/vms/${enc(id)}`;

export const cloudQueries = {
  /** The Cloud drop-down, with each connector's status; polled so a connector coming back is noticed. */
  list: () =>
    queryOptions({
      queryKey: cloudKeys.list(),
      queryFn: ({ signal }) => api.get<CloudSummaryDto[]>('/api/clouds', { signal }),
      refetchInterval: () => timing.idlePollMs,
    }),
  subscriptions: (cloud: string) =>
    queryOptions({
      queryKey: cloudKeys.subscriptions(cloud),
      queryFn: ({ signal }) =>
        api.get<CloudSubscriptionDto[]>(`/api/clouds/${enc(cloud)}/subscriptions`, { signal }),
    }),
  /** One page of a cloud's VMs; the previous page stays on screen while the next (another filter) loads. */
  vmPage: (cloud: string, view: CloudVmView, offset: number, limit: number) =>
    queryOptions({
      queryKey: cloudKeys.vmPage(cloud, view, offset, limit),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
        if (view.search.trim()) query.set('search', view.search.trim());
        if (view.sort) query.set('sort', view.sort);
        if (view.direction === 'descending') query.set('direction', 'descending');
        return api.get<CloudVmPageDto>(`/api/clouds/${enc(cloud)}/vms?${query.toString()}`, { signal });
      },
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.items.some((vm) => isTransitional(vm.state)) ? timing.pollMs : false,
    }),
  vm: (cloud: string, id: string) =>
    queryOptions({
      queryKey: cloudKeys.vm(cloud, id),
      queryFn: ({ signal }) => api.get<CloudVmDetailDto>(cloudVmPath(cloud, id), { signal }),
    }),
  networks: (cloud: string) =>
    queryOptions({
      queryKey: cloudKeys.networks(cloud),
      queryFn: ({ signal }) => api.get<CloudNetworkDto[]>(`/api/clouds/${enc(cloud)}/networks`, { signal }),
    }),
};
