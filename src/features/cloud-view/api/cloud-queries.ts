import { queryOptions } from '@tanstack/react-query';
import type { CloudSummaryDto } from '@/api/vms-contract';
import { api } from '@/lib/api-client';

export const cloudKeys = {
  all: ['clouds'] as const,
  list: () => [...cloudKeys.all, 'list'] as const,
};

export const cloudQueries = {
  /** The Cloud drop-down of the multi-cloud portal: Azure Stack first, then each Azure Pack cloud. */
  list: () =>
    queryOptions({
      queryKey: cloudKeys.list(),
      queryFn: ({ signal }) => api.get<CloudSummaryDto[]>('/api/clouds', { signal }),
    }),
};
