import { queryOptions } from '@tanstack/react-query';
import type { ConnectionDto } from '@/api/contract';
import { api } from '@/lib/api-client';

export const connectionKeys = {
  all: ['connections'] as const,
  list: () => [...connectionKeys.all, 'list'] as const,
};

export const connectionQueries = {
  list: () =>
    queryOptions({
      queryKey: connectionKeys.list(),
      queryFn: ({ signal }) => api.get<ConnectionDto[]>('/api/connections', { signal }),
    }),
};
