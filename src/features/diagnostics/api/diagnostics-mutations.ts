import { useMutation } from '@tanstack/react-query';
import type { DiagnosisDto, RemedyActionDto, RemedyResultDto } from '@/api/lab-contract';
import { api } from '@/lib/api-client';
import { diagnosticsKeys } from './diagnostics-queries';

const enc = encodeURIComponent;
const invalidates = [diagnosticsKeys.all, ['clusters'], ['servers'], ['jobs'], ['notifications']] as const;

export const useHcisvc = (cluster: string) =>
  useMutation({
    mutationFn: ({ node, action }: { node: string; action: 'start' | 'stop' }) =>
      api.post<{ message: string }>(`/api/clusters/${enc(cluster)}/nodes/${enc(node)}/hcisvc`, { action }),
    meta: { invalidates },
  });

export const useEnableDebug = (cluster: string) =>
  useMutation({
    mutationFn: (node: string) =>
      api.post<{ message: string }>(`/api/clusters/${enc(cluster)}/nodes/${enc(node)}/debug-channel`),
    meta: { invalidates },
  });

export const useDiagnose = (cluster: string) =>
  useMutation({
    mutationFn: (text: string) =>
      api.post<{ diagnosis: DiagnosisDto | null }>(`/api/clusters/${enc(cluster)}/troubleshoot`, { text }),
  });

export const useRemedy = (cluster: string) =>
  useMutation({
    mutationFn: (action: RemedyActionDto) =>
      api.post<RemedyResultDto>(`/api/clusters/${enc(cluster)}/troubleshoot/remedy`, { action }),
    meta: { invalidates: [[]] },
  });
