import { useMutation } from '@tanstack/react-query';
import type { ArcServerDto, DisconnectAgentRequest, EnableArcRequest } from '@/api/arc-contract';
import type { JobDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { arcKeys } from './arc-queries';

const enc = encodeURIComponent;
const invalidates = [arcKeys.all, ['clusters'], ['servers'], ['jobs'], ['notifications']] as const;

export const useEnableArc = (cluster: string) =>
  useMutation({
    mutationFn: (request: EnableArcRequest) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/arc/enable`, request),
    meta: { invalidates },
  });

export const useDisableArc = (cluster: string) =>
  useMutation({
    mutationFn: (node: string) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/arc/servers/${enc(node)}/disable`),
    meta: { invalidates },
  });

export const useDisconnectAgent = () =>
  useMutation({
    mutationFn: ({ server, ...request }: DisconnectAgentRequest & { server: string }) =>
      api.post<ArcServerDto>(`/api/servers/${enc(server)}/arc/disconnect`, request),
    meta: { invalidates },
  });
