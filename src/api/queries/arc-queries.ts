import { queryOptions } from '@tanstack/react-query';
import type { ClusterArcDto } from '@/api/arc-contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const arcKeys = {
  all: keyRoots.arc,
  cluster: (name: string) => [...arcKeys.all, 'cluster', name] as const,
};

export const arcQueries = {
  /** The cluster's servers, each with the agent's and Azure's view; heartbeats move with simulated time. */
  cluster: (name: string) =>
    queryOptions({
      queryKey: arcKeys.cluster(name),
      queryFn: ({ signal }) =>
        api.get<ClusterArcDto>(`/api/clusters/${encodeURIComponent(name)}/arc`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
};
