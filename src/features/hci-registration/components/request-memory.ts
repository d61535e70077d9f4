import type { RegisterClusterRequestDto } from '@/api/contract';

const requestKey = (jobId: string) => `hci-registration-request:${jobId}`;

/**
 * The request of a job started from this browser tab, so "Register again" re-runs it and "Change the
 * settings" shows it even after a reload (the job itself does not carry the request).
 */
export function rememberRequest(jobId: string, request: RegisterClusterRequestDto): void {
  try {
    sessionStorage.setItem(requestKey(jobId), JSON.stringify(request));
  } catch {
    // storage full or blocked: Register again then falls back to the form's values
  }
}

export function recallRequest(jobId: string | undefined): RegisterClusterRequestDto | undefined {
  if (jobId === undefined) return undefined;
  try {
    const text = sessionStorage.getItem(requestKey(jobId));
    return text ? (JSON.parse(text) as RegisterClusterRequestDto) : undefined;
  } catch {
    return undefined;
  }
}
