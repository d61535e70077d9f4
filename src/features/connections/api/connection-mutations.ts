import { useMutation } from '@tanstack/react-query';
import type { AddConnectionRequest, ConnectionDto, UpdateConnectionRequest } from '@/api/contract';
import { api } from '@/lib/api-client';
import { connectionKeys } from '@/api/queries/connection-queries';

export const useAddConnection = () =>
  useMutation({
    mutationFn: (request: AddConnectionRequest) => api.post<ConnectionDto>('/api/connections', request),
    meta: { invalidates: [connectionKeys.all] },
  });

export type ConnectionRef = Pick<ConnectionDto, 'type' | 'name'>;

export const useRemoveConnections = () =>
  useMutation({
    // One DELETE per connection, as the API is per item; all are attempted so one failure doesn't strand the rest.
    mutationFn: async (connections: readonly ConnectionRef[]) => {
      const results = await Promise.allSettled(
        connections.map((c) => api.delete(`/api/connections/${c.type}/${encodeURIComponent(c.name)}`)),
      );
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    },
    meta: { invalidates: [connectionKeys.all] },
  });

/** Edit Tags and Manage as. */
export const useUpdateConnection = () =>
  useMutation({
    mutationFn: ({ connection, change }: { connection: ConnectionRef; change: UpdateConnectionRequest }) =>
      api.patch<ConnectionDto>(
        `/api/connections/${connection.type}/${encodeURIComponent(connection.name)}`,
        change,
      ),
    meta: { invalidates: [connectionKeys.all] },
  });
