import { queryOptions } from '@tanstack/react-query';
import type { LogFileDto, NodeEventDto } from '@/api/contract';
import type { DiagnosticsDto } from '@/api/lab-contract';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const diagnosticsKeys = {
  all: ['diagnostics'] as const,
  cluster: (cluster: string) => [...diagnosticsKeys.all, cluster] as const,
  events: (node: string, channel: string) => [...diagnosticsKeys.all, 'events', node, channel] as const,
  logs: (cluster: string) => [...diagnosticsKeys.all, 'logs', cluster] as const,
};

export const diagnosticsQueries = {
  cluster: (cluster: string) =>
    queryOptions({
      queryKey: diagnosticsKeys.cluster(cluster),
      queryFn: ({ signal }) =>
        api.get<DiagnosticsDto>(`/api/clusters/${enc(cluster)}/diagnostics`, { signal }),
    }),
  events: (node: string, channel: string) =>
    queryOptions({
      queryKey: diagnosticsKeys.events(node, channel),
      queryFn: ({ signal }) =>
        api.get<NodeEventDto[]>(`/api/nodes/${enc(node)}/events?channel=${enc(channel)}`, { signal }),
      enabled: node !== '',
    }),
  logs: (cluster: string) =>
    queryOptions({
      queryKey: diagnosticsKeys.logs(cluster),
      queryFn: ({ signal }) =>
        api.get<LogFileDto[]>(`/api/clusters/${enc(cluster)}/registration/logs`, { signal }),
    }),
};
