import { useMutation, type QueryKey } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { api } from './api-client';

const enc = encodeURIComponent;

export type CheckpointAction =
  | { op: 'create'; name: string }
  | { op: 'apply'; checkpointId: string }
  | { op: 'rename'; checkpointId: string; name: string }
  | { op: 'delete'; checkpointId: string };

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

/**
 * A checkpoint action on the VM at `vmPath`, as a mutation: `changes` (the page's VM keys) are refetched when
 * the action starts and again when its job ends.
 */
export const useCheckpointAction = (vmPath: string, changes: readonly QueryKey[]) =>
  useMutation({
    mutationFn: (action: CheckpointAction) => checkpointRequest(vmPath, action),
    meta: { invalidates: changes, invalidatesWhenJobEnds: changes },
  });

/** The .rdp file of a running VM; a refusal (the VM is off) comes back as ApiError with the server's text. */
export const fetchRdp = (url: string): Promise<string> => api.getText(url, { accept: 'application/x-rdp' });
