import { queryOptions } from '@tanstack/react-query';
import type { BenefitsOperationDto, ClusterBenefitsDto } from '@/api/benefits-contract';
import { timing } from '@/config/timing';
import { keyRoots } from '@/api/queries/key-roots';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const benefitsKeys = {
  all: keyRoots.benefits,
  cluster: (name: string) => [...benefitsKeys.all, 'cluster', name] as const,
  operation: (jobId: string) => [...benefitsKeys.all, 'operation', jobId] as const,
};

export const benefitsQueries = {
  cluster: (name: string) =>
    queryOptions({
      queryKey: benefitsKeys.cluster(name),
      queryFn: ({ signal }) => api.get<ClusterBenefitsDto>(`/api/clusters/${enc(name)}/benefits`, { signal }),
      // Live while a job runs against the cluster (statuses flip when it ends); otherwise expirations drift slowly.
      refetchInterval: (query) =>
        (query.state.data?.activeJobs.length ?? 0) > 0 ? timing.pollMs : timing.backgroundRefreshMs,
    }),
  operation: (jobId: string) =>
    queryOptions({
      queryKey: benefitsKeys.operation(jobId),
      queryFn: ({ signal }) =>
        api.get<BenefitsOperationDto>(`/api/benefits/operations/${enc(jobId)}`, { signal }),
      refetchInterval: (query) =>
        query.state.data?.job.status === 'InProgress' || !query.state.data ? timing.pollMs : false,
    }),
};
