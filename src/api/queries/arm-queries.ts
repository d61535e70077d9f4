/**
 * Azure Resource Manager, as the signed-in account sees it: subscriptions, resource groups, Arc machines and
 * HCI cluster resources. No Authorization header: the simulated ARM answers as the gateway's account.
 */
import { queryOptions } from '@tanstack/react-query';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const ARM_ENDPOINT = 'https://management.azure.com';
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
export const RESOURCE_GROUPS_API_VERSION = '2022-09-01';
export const HCI_API_VERSION = '2024-04-01';
export const HYBRID_COMPUTE_API_VERSION = '2022-12-27';

/** Subscriptions - List (Microsoft.Resources 2022-12-01), the fields the portal shows. */
export interface ArmSubscription {
  id: string;
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
  tags?: Record<string, string>;
  properties?: { provisioningState?: string };
}

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

interface ArmPage<T> {
  value: T[];
  nextLink?: string | null;
}

/** ARM pages long lists through `nextLink`; a client that ignores it silently shows a partial list. */
export async function listAll<T>(url: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let next: string | null | undefined = url;
  while (next) {
    const page: ArmPage<T> = await api.get<ArmPage<T>>(next, { signal });
    items.push(...page.value);
    next = page.nextLink;
  }
  return items;
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
export const subscriptionsUrl = `${ARM_ENDPOINT}/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`;
export const resourceGroupsUrl = (subscriptionId: string) =>
  `${sub(subscriptionId)}/resourcegroups?api-version=${RESOURCE_GROUPS_API_VERSION}`;
/** A resource by its id, in the api-version its provider speaks. */
export const resourceUrl = (id: string, apiVersion: string) =>
  `${ARM_ENDPOINT}${id}?api-version=${apiVersion}`;

export const armKeys = {
  all: keyRoots.arm,
  subscriptions: () => [...armKeys.all, 'subscriptions'] as const,
  resourceGroups: (subscriptionId: string) => [...armKeys.all, 'resource-groups', subscriptionId] as const,
  machines: (subscriptionId: string) => [...armKeys.all, 'machines', subscriptionId] as const,
  clusters: (subscriptionId: string) => [...armKeys.all, 'clusters', subscriptionId] as const,
  resource: (id: string) => [...armKeys.all, 'resource', id.toLowerCase()] as const,
  arcSetting: (clusterId: string) => [...armKeys.all, 'arc-setting', clusterId.toLowerCase()] as const,
  locations: (subscriptionId: string) => [...armKeys.all, 'locations', subscriptionId] as const,
};

export const armQueries = {
  subscriptions: () =>
    queryOptions({
      queryKey: armKeys.subscriptions(),
      queryFn: ({ signal }) => listAll<ArmSubscription>(subscriptionsUrl, signal),
    }),
  resourceGroups: (subscriptionId: string) =>
    queryOptions({
      queryKey: armKeys.resourceGroups(subscriptionId),
      queryFn: ({ signal }) => listAll<ArmResourceGroup>(resourceGroupsUrl(subscriptionId), signal),
    }),
  machines: (subscriptionId: string) =>
    queryOptions({
      queryKey: armKeys.machines(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmMachine>(
          `${sub(subscriptionId)}/providers/Microsoft.HybridCompute/machines?api-version=${HYBRID_COMPUTE_API_VERSION}`,
          signal,
        ),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  clusters: (subscriptionId: string) =>
    queryOptions({
      queryKey: armKeys.clusters(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmHciCluster>(
          `${sub(subscriptionId)}/providers/Microsoft.AzureStackHCI/clusters?api-version=${HCI_API_VERSION}`,
          signal,
        ),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  cluster: (id: string) =>
    queryOptions({
      queryKey: armKeys.resource(id),
      queryFn: ({ signal }) => api.get<ArmHciCluster>(resourceUrl(id, HCI_API_VERSION), { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  arcSetting: (clusterId: string) =>
    queryOptions({
      queryKey: armKeys.arcSetting(clusterId),
      queryFn: ({ signal }) =>
        api.get<ArmArcSetting>(resourceUrl(`${clusterId}/arcSettings/default`, HCI_API_VERSION), { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  machine: (id: string) =>
    queryOptions({
      queryKey: armKeys.resource(id),
      queryFn: ({ signal }) => api.get<ArmMachine>(resourceUrl(id, HYBRID_COMPUTE_API_VERSION), { signal }),
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
  locations: (subscriptionId: string) =>
    queryOptions({
      queryKey: armKeys.locations(subscriptionId),
      queryFn: ({ signal }) =>
        listAll<ArmLocation>(
          `${sub(subscriptionId)}/locations?api-version=${SUBSCRIPTIONS_API_VERSION}`,
          signal,
        ),
      staleTime: Infinity,
    }),
};
