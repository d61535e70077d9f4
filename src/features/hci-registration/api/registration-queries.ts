import { queryOptions } from '@tanstack/react-query';
import type { PrerequisiteCheckDto, RegionDto } from '@/api/contract';
import { keyRoots } from '@/api/queries/key-roots';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

/** What only the registration pages read; the cluster, the gateway, jobs and ARM lists are in the data layer. */
export const registrationKeys = {
  all: keyRoots.registration,
  prerequisites: (name: string, subscriptionId: string, enableArc: boolean) =>
    [...registrationKeys.all, 'prerequisites', name, subscriptionId, enableArc] as const,
  regions: (name: string) => [...registrationKeys.all, 'regions', name] as const,
};

export const registrationQueries = {
  prerequisites: (name: string, subscriptionId: string, enableArc: boolean) =>
    queryOptions({
      queryKey: registrationKeys.prerequisites(name, subscriptionId, enableArc),
      queryFn: ({ signal }) =>
        api.get<PrerequisiteCheckDto[]>(
          `/api/clusters/${enc(name)}/registration/prerequisites?subscriptionId=${enc(subscriptionId)}&enableArc=${String(enableArc)}`,
          { signal },
        ),
    }),
  regions: (name: string) =>
    queryOptions({
      queryKey: registrationKeys.regions(name),
      queryFn: ({ signal }) =>
        api.get<RegionDto[]>(`/api/clusters/${enc(name)}/registration/regions`, { signal }),
      staleTime: Infinity,
    }),
};

/** Jobs this feature starts and follows. */
export const REGISTRATION_JOB_KINDS = [
  'cluster/register',
  'cluster/unregister',
  'cluster/repair',
  'cluster/sync',
] as const;
