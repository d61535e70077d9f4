import { queryOptions } from '@tanstack/react-query';
import type { ClockDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const clockKeys = {
  all: keyRoots.clock,
};

export const clockQueries = {
  now: () =>
    queryOptions({
      queryKey: clockKeys.all,
      queryFn: ({ signal }) => api.get<ClockDto>('/api/sim/clock', { signal }),
    }),
};
