import { useMutation } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { arcKeys } from './arc-queries';
import { armKeys } from './arm-queries';
import { clusterKeys, serverKeys } from './cluster-queries';
import { directoryKeys } from './gateway-queries';
import { keyRoots } from './key-roots';

const enc = encodeURIComponent;

/**
 * What a registration job (register, unregister, repair, sync) changes when it ends: the cluster and its
 * servers on premises, the resources and app registrations in Azure, the registration logs.
 */
export const REGISTRATION_JOB_CHANGES = [
  clusterKeys.all,
  serverKeys.all,
  arcKeys.all,
  armKeys.all,
  directoryKeys.all,
  keyRoots.registration,
  keyRoots.benefits,
] as const;

/** Unregister-AzStackHCI: the registration page's Unregister and the portal's way back from a deleted resource. */
export const useUnregisterCluster = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/unregister`, {}),
    meta: { invalidates: [clusterKeys.detail(cluster)], invalidatesWhenJobEnds: REGISTRATION_JOB_CHANGES },
  });
