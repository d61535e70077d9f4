import { queryOptions } from '@tanstack/react-query';
import type { NodeEventDto } from '@/api/contract';
import type { DiagnosisDto, DiagnosticsDto } from '@/api/lab-contract';
import { keyRoots } from '@/api/queries/key-roots';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const diagnosticsKeys = {
  all: keyRoots.diagnostics,
  cluster: (cluster: string) => [...diagnosticsKeys.all, cluster] as const,
  events: (node: string, channel: string) => [...diagnosticsKeys.all, 'events', node, channel] as const,
  troubleshoot: (cluster: string, text: string) =>
    [...diagnosticsKeys.all, 'troubleshoot', cluster, text] as const,
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
  /** The troubleshooter's diagnosis of an error text: a read (nothing changes), so it is cached per text. */
  troubleshoot: (cluster: string, text: string) =>
    queryOptions({
      queryKey: diagnosticsKeys.troubleshoot(cluster, text),
      queryFn: ({ signal }) =>
        api.post<{ diagnosis: DiagnosisDto | null }>(
          `/api/clusters/${enc(cluster)}/troubleshoot`,
          { text },
          { signal },
        ),
      enabled: text.trim() !== '',
    }),
};
