import { queryOptions } from '@tanstack/react-query';
import type {
  AzureReadinessDto,
  ClusterDto,
  GatewayDto,
  JobDto,
  LogFileDto,
  PrerequisiteCheckDto,
  RegionDto,
} from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

const enc = encodeURIComponent;

export const ARM_ENDPOINT = 'https://management.azure.com';

/** Subscriptions - List (Microsoft.Resources 2022-12-01): what the subscription drop-down offers. */
export interface ArmSubscription {
  subscriptionId: string;
  displayName: string;
  state: string;
  tenantId: string;
}

/** Resource Groups - List (Microsoft.Resources 2022-09-01). */
export interface ArmResourceGroup {
  id: string;
  name: string;
  location: string;
}

interface ArmPage<T> {
  value: T[];
  nextLink?: string | null;
}

async function listAll<T>(url: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let next: string | null | undefined = url;
  while (next) {
    const page: ArmPage<T> = await api.get<ArmPage<T>>(next, { signal });
    items.push(...page.value);
    next = page.nextLink;
  }
  return items;
}

/** The ClusterDto lives under the same key the dashboard and Servers tool read, so one fetch serves all. */
export const registrationKeys = {
  cluster: (name: string) => ['clusters', 'detail', name] as const,
  all: ['hci-registration'] as const,
  prerequisites: (name: string, subscriptionId: string, enableArc: boolean) =>
    [...registrationKeys.all, 'prerequisites', name, subscriptionId, enableArc] as const,
  regions: (name: string) => [...registrationKeys.all, 'regions', name] as const,
  logs: (name: string) => [...registrationKeys.all, 'logs', name] as const,
  // shared with the gateway's AzureGate: signing in invalidates ['gateway'] and this follows
  readiness: () => ['gateway', 'azure-readiness'] as const,
  job: (id: string) => ['jobs', 'detail', id] as const,
  jobs: () => ['jobs', 'list'] as const,
  subscriptions: () => ['arm', 'subscriptions'] as const,
  resourceGroups: (subscriptionId: string) => ['arm', 'resource-groups', subscriptionId] as const,
};

export const registrationQueries = {
  cluster: (name: string) =>
    queryOptions({
      queryKey: registrationKeys.cluster(name),
      queryFn: ({ signal }) => api.get<ClusterDto>(`/api/clusters/${enc(name)}`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  prerequisites: (name: string, subscriptionId: string, enableArc: boolean) =>
    queryOptions({
      queryKey: registrationKeys.prerequisites(name, subscriptionId, enableArc),
      queryFn: ({ signal }) =>
        api.get<PrerequisiteCheckDto[]>(
          `/api/clusters/${enc(name)}/registration/prerequisites?subscriptionId=${enc(subscriptionId)}&enableArc=${String(enableArc)}`,
          { signal },
        ),
    }),
  regions: (name: string) =>
    queryOptions({
      queryKey: registrationKeys.regions(name),
      queryFn: ({ signal }) =>
        api.get<RegionDto[]>(`/api/clusters/${enc(name)}/registration/regions`, { signal }),
      staleTime: Infinity,
    }),
  logs: (name: string) =>
    queryOptions({
      queryKey: registrationKeys.logs(name),
      queryFn: ({ signal }) =>
        api.get<LogFileDto[]>(`/api/clusters/${enc(name)}/registration/logs`, { signal }),
    }),
  /** The signed-in account, shown read-only in the wizard. */
  gateway: () =>
    queryOptions({
      queryKey: ['gateway', 'detail'] as const,
      queryFn: ({ signal }) => api.get<GatewayDto>('/api/gateway', { signal }),
    }),
  readiness: () =>
    queryOptions({
      queryKey: registrationKeys.readiness(),
      queryFn: ({ signal }) => api.get<AzureReadinessDto>('/api/gateway/azure-readiness', { signal }),
    }),
  /** One job, polled while it runs: the pane shows its steps live. */
  job: (id: string) =>
    queryOptions({
      queryKey: registrationKeys.job(id),
      queryFn: ({ signal }) => api.get<JobDto>(`/api/jobs/${enc(id)}`, { signal }),
      refetchInterval: (query) => (query.state.data?.status === 'InProgress' ? timing.pollMs : false),
    }),
  /** Every job, to find one that was running before a reload. */
  jobs: () =>
    queryOptions({
      queryKey: registrationKeys.jobs(),
      queryFn: ({ signal }) => api.get<JobDto[]>('/api/jobs', { signal }),
      refetchInterval: (query) =>
        query.state.data?.some((job) => job.status === 'InProgress') ? timing.pollMs : timing.idlePollMs,
    }),
  /** Asked of ARM as the signed-in account (no Authorization header: the simulated ARM uses the gateway's account). */
  subscriptions: () =>
    queryOptions({
      queryKey: registrationKeys.subscriptions(),
      queryFn: ({ signal }) =>
        listAll<ArmSubscription>(`${ARM_ENDPOINT}/subscriptions?api-version=2022-12-01`, signal),
    }),
  resourceGroups: (subscriptionId: string) =>
    queryOptions({
      queryKey: registrationKeys.resourceGroups(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmResourceGroup>(
          `${ARM_ENDPOINT}/subscriptions/${enc(subscriptionId)}/resourcegroups?api-version=2022-09-01`,
          signal,
        ),
    }),
};

/** Jobs this feature starts and follows. */
export const REGISTRATION_JOB_KINDS = [
  'cluster/register',
  'cluster/unregister',
  'cluster/repair',
  'cluster/sync',
] as const;

export function logDownloadUrl(cluster: string, file: string): string {
  return `/api/clusters/${enc(cluster)}/registration/logs/${enc(file)}`;
}
