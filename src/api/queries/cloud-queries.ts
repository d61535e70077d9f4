import { queryOptions } from '@tanstack/react-query';
import type {
  CloudNetworkDto,
  CloudSubscriptionDto,
  CloudSummaryDto,
  CloudVmDetailDto,
  CloudVmDto,
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
  vm: (cloud: string, id: string) => [...cloudKeys.all, cloud, 'vm', id] as const,
  networks: (cloud: string) => [...cloudKeys.all, cloud, 'networks'] as const,
};

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
  vms: (cloud: string) =>
    queryOptions({
      queryKey: cloudKeys.vms(cloud),
      queryFn: ({ signal }) => api.get<CloudVmDto[]>(`/api/clouds/${enc(cloud)}/vms`, { signal }),
      refetchInterval: (query) =>
        query.state.data?.some((vm) => isTransitional(vm.state)) ? timing.pollMs : false,
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
