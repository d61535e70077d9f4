import { useMutation } from '@tanstack/react-query';
import type { DiagnosisDto, RemedyActionDto, RemedyResultDto } from '@/api/lab-contract';
import { clusterKeys, serverKeys } from '@/api/queries/cluster-queries';
import { jobKeys, notificationKeys } from '@/api/queries/job-queries';
import { keysReading } from '@/api/queries/world-keys';
import { WORLD_RESOURCES } from '@/api/world-change-contract';
import { api } from '@/lib/api-client';
import { diagnosticsKeys } from './diagnostics-queries';

const enc = encodeURIComponent;
/** The service and the Debug channel show on the Diagnostics page and in the servers' and cluster's status. */
const invalidates = [
  diagnosticsKeys.all,
  clusterKeys.all,
  serverKeys.all,
  jobKeys.all,
  notificationKeys.all,
] as const;

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
    // A remedy may fix anything the guide covers (a service, a role, an app, a registration).
    meta: { invalidates: keysReading(WORLD_RESOURCES) },
  });
