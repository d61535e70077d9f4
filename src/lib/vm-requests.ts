import type { JobDto } from '@/api/contract';
import { api, ApiError } from './api-client';

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

/** Fetches the .rdp file; refusals (a VM that is not running) come back as ApiError with the server's text. */
export async function fetchRdp(url: string): Promise<string> {
  const response = await fetch(url, { headers: { Accept: 'application/x-rdp, application/json' } });
  if (response.ok) return response.text();
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string } } | undefined;
  throw new ApiError(
    response.status,
    body?.error?.code ?? 'Unknown',
    body?.error?.message ?? `Couldn't download the Remote Desktop file (HTTP ${response.status}).`,
  );
}
