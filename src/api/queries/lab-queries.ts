import { queryOptions } from '@tanstack/react-query';
import type { LabStateDto, TroubleshootCaseDto } from '@/api/lab-contract';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const labKeys = {
  all: keyRoots.lab,
  state: () => [...labKeys.all, 'state'] as const,
  cases: () => [...labKeys.all, 'cases'] as const,
};

export const labQueries = {
  /** The world as the Simulation lab shows it: clock, scenario, faults. */
  state: () =>
    queryOptions({
      queryKey: labKeys.state(),
      queryFn: ({ signal }) => api.get<LabStateDto>('/api/sim/state', { signal }),
    }),
  /** The troubleshooting guide's cases: the lab reproduces them, the troubleshooter links to them. */
  cases: () =>
    queryOptions({
      queryKey: labKeys.cases(),
      queryFn: ({ signal }) => api.get<TroubleshootCaseDto[]>('/api/sim/cases', { signal }),
      staleTime: Infinity,
    }),
};
