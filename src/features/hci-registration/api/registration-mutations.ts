import { useMutation } from '@tanstack/react-query';
import type { JobDto, RegisterClusterRequestDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { registrationKeys } from './registration-queries';

const enc = encodeURIComponent;
// A started job changes the jobs list and, soon, the cluster; the job itself is followed by polling.
const invalidates = (cluster: string) => [
  registrationKeys.jobs(),
  registrationKeys.cluster(cluster),
  registrationKeys.logs(cluster),
];

export const useRegisterCluster = (cluster: string) =>
  useMutation({
    mutationFn: (request: RegisterClusterRequestDto) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/registration`, request),
    meta: { invalidates: invalidates(cluster) },
  });

export const useUnregisterCluster = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/unregister`, {}),
    meta: { invalidates: invalidates(cluster) },
  });

export const useRepairRegistration = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/repair`),
    meta: { invalidates: invalidates(cluster) },
  });

export const useSyncNow = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/sync`),
    meta: { invalidates: invalidates(cluster) },
  });
