import { queryOptions, useMutation } from '@tanstack/react-query';
import type { ArcServerDto, RunOnboardingRequest, RunOnboardingResultDto } from '@/api/arc-contract';
import type { AppRegistrationDto, AzureUserDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { ARM_ENDPOINT, armKeys, listAll } from './arm-queries';

export const HCI_API_VERSION = '2024-04-01';
export const HYBRID_COMPUTE_API_VERSION = '2022-12-27';

/** Microsoft.HybridCompute/machines 2022-12-27, the fields the portal shows. */
export interface ArmMachine {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: {
    provisioningState?: string;
    status?: 'Connected' | 'Disconnected' | 'Error' | 'Expired';
    lastStatusChange?: string;
    agentVersion?: string;
    osName?: string;
    osType?: string;
    osVersion?: string;
    osSku?: string;
    machineFqdn?: string;
    parentClusterResourceId?: string;
    displayName?: string;
  };
}

/** Microsoft.AzureStackHCI/clusters 2024-04-01. */
export interface ArmHciCluster {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties: {
    provisioningState?: string;
    status?: string;
    connectivityStatus?: string;
    aadClientId?: string;
    registrationTimestamp?: string;
    lastSyncTimestamp?: string;
    trialDaysRemaining?: number;
    billingModel?: string;
    reportedProperties?: {
      clusterName?: string;
      clusterVersion?: string;
      imdsAttestation?: 'Disabled' | 'Enabled';
      diagnosticLevel?: string;
      nodes?: { name?: string; osName?: string; osVersion?: string }[];
      lastUpdated?: string;
    };
  };
}

export interface ArmArcSetting {
  id: string;
  properties: {
    provisioningState?: string;
    arcInstanceResourceGroup?: string;
    aggregateState?: string;
    perNodeDetails?: { name?: string; arcInstance?: string; state?: string }[];
  };
}

export interface ArmLocation {
  name: string;
  displayName: string;
}

export const parseResourceId = (id: string) => {
  const parts = id.split('/').filter(Boolean);
  const at = (key: string) => {
    const i = parts.findIndex((p) => p.toLowerCase() === key.toLowerCase());
    return i === -1 ? undefined : parts[i + 1];
  };
  return {
    subscriptionId: at('subscriptions') ?? '',
    resourceGroup: at('resourceGroups') ?? '',
    name: parts.at(-1) ?? '',
  };
};

const sub = (id: string) => `${ARM_ENDPOINT}/subscriptions/${encodeURIComponent(id)}`;

export const azureKeys = {
  machines: (subscriptionId: string) => [...armKeys.all, 'machines', subscriptionId] as const,
  clusters: (subscriptionId: string) => [...armKeys.all, 'clusters', subscriptionId] as const,
  resource: (id: string) => [...armKeys.all, 'resource', id.toLowerCase()] as const,
  arcSetting: (clusterId: string) => [...armKeys.all, 'arc-setting', clusterId.toLowerCase()] as const,
  locations: (subscriptionId: string) => [...armKeys.all, 'locations', subscriptionId] as const,
  apps: ['cloud', 'apps'] as const,
  users: ['cloud', 'users'] as const,
  server: (name: string) => ['arc', 'server', name] as const,
};

export const azureQueries = {
  machines: (subscriptionId: string) =>
    queryOptions({
      queryKey: azureKeys.machines(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmMachine>(
          `${sub(subscriptionId)}/providers/Microsoft.HybridCompute/machines?api-version=${HYBRID_COMPUTE_API_VERSION}`,
          signal,
        ),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  clusters: (subscriptionId: string) =>
    queryOptions({
      queryKey: azureKeys.clusters(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmHciCluster>(
          `${sub(subscriptionId)}/providers/Microsoft.AzureStackHCI/clusters?api-version=${HCI_API_VERSION}`,
          signal,
        ),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  cluster: (id: string) =>
    queryOptions({
      queryKey: azureKeys.resource(id),
      queryFn: ({ signal }) =>
        api.get<ArmHciCluster>(`${ARM_ENDPOINT}${id}?api-version=${HCI_API_VERSION}`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  arcSetting: (clusterId: string) =>
    queryOptions({
      queryKey: azureKeys.arcSetting(clusterId),
      queryFn: ({ signal }) =>
        api.get<ArmArcSetting>(
          `${ARM_ENDPOINT}${clusterId}/arcSettings/default?api-version=${HCI_API_VERSION}`,
          { signal },
        ),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  machine: (id: string) =>
    queryOptions({
      queryKey: azureKeys.resource(id),
      queryFn: ({ signal }) =>
        api.get<ArmMachine>(`${ARM_ENDPOINT}${id}?api-version=${HYBRID_COMPUTE_API_VERSION}`, { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  locations: (subscriptionId: string) =>
    queryOptions({
      queryKey: azureKeys.locations(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmLocation>(`${sub(subscriptionId)}/locations?api-version=2022-12-01`, signal),
      staleTime: Infinity,
    }),
  users: () =>
    queryOptions({
      queryKey: azureKeys.users,
      queryFn: ({ signal }) => api.get<AzureUserDto[]>('/api/cloud/users', { signal }),
    }),
  /** what the gateway reads from the server's own agent, when it manages that server */
  server: (name: string) =>
    queryOptions({
      queryKey: azureKeys.server(name),
      queryFn: ({ signal }) =>
        api.get<ArcServerDto>(`/api/servers/${encodeURIComponent(name)}/arc`, { signal }),
      retry: false,
    }),
  apps: () =>
    queryOptions({
      queryKey: azureKeys.apps,
      queryFn: ({ signal }) => api.get<AppRegistrationDto[]>('/api/cloud/apps', { signal }),
    }),
};

export const useDeleteClusterResource = () =>
  useMutation({
    mutationFn: (id: string) => api.delete(`${ARM_ENDPOINT}${id}?api-version=${HCI_API_VERSION}`),
    meta: { invalidates: [armKeys.all, ['clusters'], ['arc']] },
  });

export const useGrantConsent = () =>
  useMutation({
    mutationFn: ({ appId, upn }: { appId: string; upn: string }) =>
      api.post<AppRegistrationDto>(`/api/cloud/apps/${encodeURIComponent(appId)}/grant-consent`, { upn }),
    meta: { invalidates: [azureKeys.apps, ['gateway']] },
  });

export const useDeleteApp = () =>
  useMutation({
    mutationFn: (appId: string) => api.delete(`/api/cloud/apps/${encodeURIComponent(appId)}`),
    meta: { invalidates: [azureKeys.apps] },
  });

export const useRunOnboarding = () =>
  useMutation({
    mutationFn: (request: RunOnboardingRequest) =>
      api.post<RunOnboardingResultDto>('/api/cloud/onboarding/run', request),
    meta: { invalidates: [armKeys.all, ['connections']] },
  });

/** Machines_Delete, one or more: synchronous, 200 or 204. */
export const useDeleteMachines = () =>
  useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids)
        await api.delete(`${ARM_ENDPOINT}${id}?api-version=${HYBRID_COMPUTE_API_VERSION}`);
    },
    meta: { invalidates: [armKeys.all, ['arc']] },
  });
