import { useMutation } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { cloudKeys, cloudVmPath } from '@/api/queries/cloud-queries';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;
const meta = { invalidates: [cloudKeys.all], invalidatesWhenJobEnds: [cloudKeys.all] };

export const useCloudVmPower = () =>
  useMutation({
    mutationFn: ({ cloud, id, action }: { cloud: string; id: string; action: 'start' | 'stop' }) =>
      api.post<JobDto>(`${cloudVmPath(cloud, id)}/${action}`),
    meta,
  });

export const useDeleteCloudVm = () =>
  useMutation({
    mutationFn: ({ cloud, id }: { cloud: string; id: string }) => api.delete<JobDto>(cloudVmPath(cloud, id)),
    meta,
  });

export const useDeleteCloudNetwork = () =>
  useMutation({
    mutationFn: ({ cloud, id }: { cloud: string; id: string }) =>
      api.delete<JobDto>(`/api/clouds/${enc(cloud)}/networks/${enc(id)}`),
    meta,
  });
