import { queryOptions } from '@tanstack/react-query';
import type { ArcServerDto } from '@/api/arc-contract';
import type { ClusterDto, NodeDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

const enc = encodeURIComponent;

export const clusterKeys = {
  all: keyRoots.clusters,
  detail: (name: string) => [...clusterKeys.all, 'detail', name] as const,
  nodes: (name: string) => [...clusterKeys.all, 'nodes', name] as const,
};

export const serverKeys = {
  all: keyRoots.servers,
  detail: (name: string) => [...serverKeys.all, 'detail', name] as const,
  arc: (name: string) => [...serverKeys.all, 'arc', name] as const,
};

export const clusterQueries = {
  /** The cluster with its registration, Arc and Benefits summaries: the dashboard, the registration pages and
   * the VM tool all read this one entry. */
  detail: (name: string) =>
    queryOptions({
      queryKey: clusterKeys.detail(name),
      queryFn: ({ signal }) => api.get<ClusterDto>(`/api/clusters/${enc(name)}`, { signal }),
      // Countdowns, sync times and heartbeats move with simulated time even when nobody acts.
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  /** The cluster's servers (also the hosts a VM can be created on). */
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
  /** What the gateway reads from the server's own Arc agent, when it manages that server. */
  arc: (name: string) =>
    queryOptions({
      queryKey: serverKeys.arc(name),
      queryFn: ({ signal }) => api.get<ArcServerDto>(`/api/servers/${enc(name)}/arc`, { signal }),
      // A 404 means the gateway doesn't manage that server: an answer, not a hiccup.
      retry: false,
    }),
};
