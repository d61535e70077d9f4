import { queryOptions } from '@tanstack/react-query';
import type { ClockDto } from '@/api/contract';
import { api } from '@/lib/api-client';

export const clockKeys = {
  all: ['sim-clock'] as const,
};

export const clockQueries = {
  now: () =>
    queryOptions({
      queryKey: clockKeys.all,
      queryFn: ({ signal }) => api.get<ClockDto>('/api/sim/clock', { signal }),
    }),
};
