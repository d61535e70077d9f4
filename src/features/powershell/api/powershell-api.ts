/**
 * The console's calls. A console is a stream, not a cached resource: nothing here goes through the query
 * cache; what a command changes in the world reaches the other pages through the world-changed event.
 */
import type {
  OpenPowerShellRequest,
  PowerShellCompletionDto,
  PowerShellInputRequest,
  PowerShellStepDto,
} from '@/api/powershell-contract';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;
const base = '/api/powershell/sessions';

export const powershellApi = {
  open: (body: OpenPowerShellRequest) => api.post<PowerShellStepDto>(base, body),
  input: (id: string, body: PowerShellInputRequest) =>
    api.post<PowerShellStepDto>(`${base}/${enc(id)}/input`, body),
  poll: (id: string) => api.get<PowerShellStepDto>(`${base}/${enc(id)}`),
  complete: (id: string, line: string, cursor: number) =>
    api.post<PowerShellCompletionDto>(`${base}/${enc(id)}/complete`, { line, cursor }),
  close: (id: string) => api.delete(`${base}/${enc(id)}`),
};
