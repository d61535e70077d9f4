import { useMutation } from '@tanstack/react-query';
import type { LabStateDto, ReproduceResultDto } from '@/api/lab-contract';
import { api, ApiError } from '@/lib/api-client';

/** A lab control changes the whole world: everything on screen refetches. */
const invalidates = [[]] as const;

export const useAdvance = () =>
  useMutation({
    mutationFn: (duration: string | number) => api.post<LabStateDto>('/api/sim/advance', { duration }),
    meta: { invalidates },
  });
export const useReset = () =>
  useMutation({
    mutationFn: (scenario: string) => api.post<LabStateDto>('/api/sim/reset', { scenario }),
    meta: { invalidates },
  });
export const useInject = () =>
  useMutation({
    mutationFn: (input: { fault: string; target?: string }) =>
      api.post<LabStateDto>('/api/sim/inject', input),
    meta: { invalidates },
  });
export const useRepair = () =>
  useMutation({
    mutationFn: (input: { fault: string; target?: string }) =>
      api.post<LabStateDto>('/api/sim/repair', input),
    meta: { invalidates },
  });
export const useReproduce = () =>
  useMutation({
    mutationFn: ({ id, cluster }: { id: string; cluster: string }) =>
      api.post<ReproduceResultDto>(`/api/sim/cases/${encodeURIComponent(id)}/reproduce`, { cluster }),
    meta: { invalidates },
  });

/** Sends a file's text as it is; the server validates it and answers the reason when it refuses it. */
export const useImportWorld = () =>
  useMutation({
    mutationFn: async (text: string) => {
      const response = await fetch('/api/sim/import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
      });
      const body = (await response.json().catch(() => undefined)) as
        { error?: { code: string; message: string } } | LabStateDto | undefined;
      if (!response.ok) {
        const error = body && 'error' in body ? body.error : undefined;
        throw new ApiError(
          response.status,
          error?.code ?? `Http${response.status}`,
          error?.message ?? `The import failed: ${response.status}.`,
        );
      }
      return body as LabStateDto;
    },
    meta: { invalidates },
  });
