import { queryOptions } from '@tanstack/react-query';
import type { ConnectionDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const connectionKeys = {
  all: keyRoots.connections,
  list: () => [...connectionKeys.all, 'list'] as const,
};

/** Read by the All connections page and by the shell, which resolves the connection in the URL. */
export const connectionQueries = {
  list: () =>
    queryOptions({
      queryKey: connectionKeys.list(),
      queryFn: ({ signal }) => api.get<ConnectionDto[]>('/api/connections', { signal }),
    }),
};
