import { useMutation } from '@tanstack/react-query';
import type { CreateVmRequestDto, JobDto } from '@/api/contract';
import type { VmPowerActionDto } from '@/api/vms-contract';
import { api, ApiError } from '@/lib/api-client';
import { vmKeys } from './vm-queries';

const enc = encodeURIComponent;
const meta = { invalidates: [vmKeys.all, ['jobs'], ['notifications']] };

export const useCreateVm = (cluster: string) =>
  useMutation({
    mutationFn: (body: CreateVmRequestDto) => api.post<JobDto>(`/api/clusters/${enc(cluster)}/vms`, body),
    meta,
  });

export const useVmPower = () =>
  useMutation({
    mutationFn: ({ id, action }: { id: string; action: VmPowerActionDto }) => api.post<JobDto>(`/api/vms/${enc(id)}/${action}`),
    meta,
  });

export const useDeleteVm = () =>
  useMutation({
    mutationFn: (id: string) => api.delete<JobDto>(`/api/vms/${enc(id)}`),
    meta,
  });

export type CheckpointAction =
  | { op: 'create'; vmId: string; name: string }
  | { op: 'apply'; vmId: string; checkpointId: string }
  | { op: 'rename'; vmId: string; checkpointId: string; name: string }
  | { op: 'delete'; vmId: string; checkpointId: string };

/** Checkpoint actions under any VM path (`/api/vms/:id` or a cloud's `/api/clouds/:cloud/vms/:id`). */
export function checkpointRequest(vmPath: string, action: CheckpointAction): Promise<JobDto> {
  switch (action.op) {
    case 'create':
      return api.post<JobDto>(`${vmPath}/checkpoints`, { name: action.name });
    case 'apply':
      return api.post<JobDto>(`${vmPath}/checkpoints/${enc(action.checkpointId)}/apply`);
    case 'rename':
      return api.patch<JobDto>(`${vmPath}/checkpoints/${enc(action.checkpointId)}`, { name: action.name });
    case 'delete':
      return api.delete<JobDto>(`${vmPath}/checkpoints/${enc(action.checkpointId)}`);
  }
}

export const useCheckpointAction = () =>
  useMutation({
    mutationFn: (action: CheckpointAction) => checkpointRequest(`/api/vms/${enc(action.vmId)}`, action),
    meta,
  });

/** Fetches the .rdp file; refusals (a VM that is not running) come back as ApiError with the server's text. */
export async function fetchRdp(url: string): Promise<string> {
  const response = await fetch(url, { headers: { Accept: 'application/x-rdp, application/json' } });
  if (response.ok) return response.text();
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  throw new ApiError(response.status, body?.error?.code ?? 'Unknown', body?.error?.message ?? `Couldn't download the Remote Desktop file (HTTP ${response.status}).`);
}

export const useConnectRdp = () =>
  useMutation({
    mutationFn: ({ id }: { id: string; name: string }) => fetchRdp(`/api/vms/${enc(id)}/rdp`),
  });
