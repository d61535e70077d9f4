import { queryOptions } from '@tanstack/react-query';
import type { LabStateDto, TroubleshootCaseDto } from '@/api/lab-contract';
import { api } from '@/lib/api-client';

export const labKeys = {
  all: ['lab'] as const,
  state: () => [...labKeys.all, 'state'] as const,
  cases: () => [...labKeys.all, 'cases'] as const,
};

export const labQueries = {
  state: () =>
    queryOptions({
      queryKey: labKeys.state(),
      queryFn: ({ signal }) => api.get<LabStateDto>('/api/sim/state', { signal }),
    }),
  cases: () =>
    queryOptions({
      queryKey: labKeys.cases(),
      queryFn: ({ signal }) => api.get<TroubleshootCaseDto[]>('/api/sim/cases', { signal }),
      staleTime: Infinity,
    }),
};
