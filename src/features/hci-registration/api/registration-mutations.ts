import { useMutation } from '@tanstack/react-query';
import type { JobDto, RegisterClusterRequestDto } from '@/api/contract';
import { REGISTRATION_JOB_CHANGES } from '@/api/queries/cluster-mutations';
import { clusterKeys } from '@/api/queries/cluster-queries';
import { logKeys } from '@/api/queries/log-queries';
import { api } from '@/lib/api-client';

export { useUnregisterCluster } from '@/api/queries/cluster-mutations';

const enc = encodeURIComponent;
// A started job shows on the cluster at once (a job in progress); what it changed is refetched when it ends.
const meta = (cluster: string) => ({
  invalidates: [clusterKeys.detail(cluster), logKeys.list(cluster)],
  invalidatesWhenJobEnds: REGISTRATION_JOB_CHANGES,
});

export const useRegisterCluster = (cluster: string) =>
  useMutation({
    mutationFn: (request: RegisterClusterRequestDto) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/registration`, request),
    meta: meta(cluster),
  });

export const useRepairRegistration = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/repair`),
    meta: meta(cluster),
  });

export const useSyncNow = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/sync`),
    meta: meta(cluster),
  });
