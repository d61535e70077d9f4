import { useMutation } from '@tanstack/react-query';
import type { LabStateDto, ReproduceResultDto } from '@/api/lab-contract';
import { keysReading } from '@/api/queries/world-keys';
import { WORLD_RESOURCES } from '@/api/world-change-contract';
import { api } from '@/lib/api-client';

/** A lab control may change any slice of the world: everything that reads one refetches. */
const invalidates = keysReading(WORLD_RESOURCES);

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
    mutationFn: (text: string) => api.postRaw<LabStateDto>('/api/sim/import', text),
    meta: { invalidates },
  });
