import { useMutation } from '@tanstack/react-query';
import type { ArcServerDto, DisconnectAgentRequest, EnableArcRequest } from '@/api/arc-contract';
import type { JobDto } from '@/api/contract';
import { arcKeys } from '@/api/queries/arc-queries';
import { armKeys } from '@/api/queries/arm-queries';
import { clusterKeys, serverKeys } from '@/api/queries/cluster-queries';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;
/** Arc changes the servers' agents and their machines in Azure. */
const changes = [arcKeys.all, clusterKeys.all, serverKeys.all, armKeys.all] as const;

export const useEnableArc = (cluster: string) =>
  useMutation({
    mutationFn: (request: EnableArcRequest) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/arc/enable`, request),
    meta: { invalidates: [arcKeys.cluster(cluster)], invalidatesWhenJobEnds: changes },
  });

export const useDisableArc = (cluster: string) =>
  useMutation({
    mutationFn: (node: string) =>
      api.post<JobDto>(`/api/clusters/${enc(cluster)}/arc/servers/${enc(node)}/disable`),
    meta: { invalidates: [arcKeys.cluster(cluster)], invalidatesWhenJobEnds: changes },
  });

/** azcmagent disconnect: synchronous, it answers the server's new state. */
export const useDisconnectAgent = () =>
  useMutation({
    mutationFn: ({ server, ...request }: DisconnectAgentRequest & { server: string }) =>
      api.post<ArcServerDto>(`/api/servers/${enc(server)}/arc/disconnect`, request),
    meta: { invalidates: changes },
  });
