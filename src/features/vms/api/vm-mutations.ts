import { useMutation } from '@tanstack/react-query';
import type { CreateVmRequestDto, JobDto } from '@/api/contract';
import { clusterKeys } from '@/api/queries/cluster-queries';
import type { VmPowerActionDto } from '@/api/vms-contract';
import { api } from '@/lib/api-client';
import { fetchRdp } from '@/lib/vm-requests';
import { vmKeys } from './vm-queries';

const enc = encodeURIComponent;
/** A VM job changes the VM lists and the cluster's VM counts (dashboard, Servers). */
const meta = { invalidates: [vmKeys.all], invalidatesWhenJobEnds: [vmKeys.all, clusterKeys.all] };

export const useCreateVm = (cluster: string) =>
  useMutation({
    mutationFn: (body: CreateVmRequestDto) => api.post<JobDto>(`/api/clusters/${enc(cluster)}/vms`, body),
    meta,
  });

export const useVmPower = () =>
  useMutation({
    mutationFn: ({ id, action }: { id: string; action: VmPowerActionDto }) =>
      api.post<JobDto>(`/api/vms/${enc(id)}/${action}`),
    meta,
  });

export const useDeleteVm = () =>
  useMutation({
    mutationFn: (id: string) => api.delete<JobDto>(`/api/vms/${enc(id)}`),
    meta,
  });

export const useConnectRdp = () =>
  useMutation({
    mutationFn: ({ id }: { id: string; name: string }) => fetchRdp(`/api/vms/${enc(id)}/rdp`),
  });
