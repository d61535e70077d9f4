import { queryOptions } from '@tanstack/react-query';
import type { ClusterDto, NodeDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const clusterKeys = {
  all: ['clusters'] as const,
  detail: (name: string) => [...clusterKeys.all, 'detail', name] as const,
  nodes: (name: string) => [...clusterKeys.all, 'nodes', name] as const,
};

export const serverKeys = {
  all: ['servers'] as const,
  detail: (name: string) => [...serverKeys.all, 'detail', name] as const,
};

export const clusterQueries = {
  detail: (name: string) =>
    queryOptions({
      queryKey: clusterKeys.detail(name),
      queryFn: ({ signal }) => api.get<ClusterDto>(`/api/clusters/${enc(name)}`, { signal }),
      // Countdowns, sync times and heartbeats move with simulated time even when nobody acts.
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  nodes: (name: string) =>
    queryOptions({
      queryKey: clusterKeys.nodes(name),
      queryFn: ({ signal }) => api.get<NodeDto[]>(`/api/clusters/${enc(name)}/nodes`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
};

export const serverQueries = {
  detail: (name: string) =>
    queryOptions({
      queryKey: serverKeys.detail(name),
      queryFn: ({ signal }) => api.get<NodeDto>(`/api/servers/${enc(name)}`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
};
