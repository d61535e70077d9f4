import { useMutation } from '@tanstack/react-query';
import type { CreateVmRequestDto, JobDto } from '@/api/contract';
import { clusterKeys } from '@/api/queries/cluster-queries';
import { api } from '@/lib/api-client';
import { vmKeys } from './vm-queries';

const enc = encodeURIComponent;
/** A VM job changes the VM lists and the cluster's VM counts (dashboard, Servers). */
const meta = { invalidates: [vmKeys.all], invalidatesWhenJobEnds: [vmKeys.all, clusterKeys.all] };

export const useCreateVm = (cluster: string) =>
  useMutation({
    mutationFn: (body: CreateVmRequestDto) => api.post<JobDto>(`/api/clusters/${enc(cluster)}/vms`, body),
    meta,
  });

/** A cluster VM's path: power, delete, .rdp and checkpoints hang off it (the shared useVmActions). */
export const vmPath = (id: string) => `/api/vms/${enc(id)}`;

/** What a VM action changes, for the mutations of the shared useVmActions. */
export const VM_ACTION_META = meta;
