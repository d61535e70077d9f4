import { queryOptions } from '@tanstack/react-query';
import type { ClusterArcDto } from '@/api/arc-contract';
import type { ClusterDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const arcKeys = {
  all: ['arc'] as const,
  cluster: (name: string) => [...arcKeys.all, 'cluster', name] as const,
  summary: (name: string) => [...arcKeys.all, 'summary', name] as const,
};

export const arcQueries = {
  /** the servers, each with the agent's and Azure's view; heartbeats move with simulated time */
  cluster: (name: string) =>
    queryOptions({
      queryKey: arcKeys.cluster(name),
      queryFn: ({ signal }) => api.get<ClusterArcDto>(`/api/clusters/${enc(name)}/arc`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  /** registration and Arc tile texts */
  summary: (name: string) =>
    queryOptions({
      queryKey: arcKeys.summary(name),
      queryFn: ({ signal }) => api.get<ClusterDto>(`/api/clusters/${enc(name)}`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
};
