import { useMutation } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { cloudKeys } from './cloud-queries';

const enc = encodeURIComponent;
const meta = { invalidates: [cloudKeys.all, ['jobs'], ['notifications']] };

export const useCloudVmPower = () =>
  useMutation({
    mutationFn: ({ cloud, id, action }: { cloud: string; id: string; action: 'start' | 'stop' }) =>
      api.post<JobDto>(`/api/clouds/${enc(cloud)}/vms/${enc(id)}/${action}`),
    meta,
  });

export const useDeleteCloudVm = () =>
  useMutation({
    mutationFn: ({ cloud, id }: { cloud: string; id: string }) =>
      api.delete<JobDto>(`/api/clouds/${enc(cloud)}/vms/${enc(id)}`),
    meta,
  });

export const useDeleteCloudNetwork = () =>
  useMutation({
    mutationFn: ({ cloud, id }: { cloud: string; id: string }) =>
      api.delete<JobDto>(`/api/clouds/${enc(cloud)}/networks/${enc(id)}`),
    meta,
  });

export const cloudVmPath = (cloud: string, id: string) => `/api/clouds/${enc(cloud)}/vms/${enc(id)}`;
