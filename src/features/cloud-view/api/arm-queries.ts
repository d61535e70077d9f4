import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const ARM_ENDPOINT = 'https://management.azure.com';
export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';
export const RESOURCE_GROUPS_API_VERSION = '2022-09-01';

/** Subscriptions - List (Microsoft.Resources 2022-12-01), the fields the cloud view shows. */
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

export const armKeys = {
  all: ['arm'] as const,
  subscriptions: () => [...armKeys.all, 'subscriptions'] as const,
  resourceGroups: (subscriptionId: string) => [...armKeys.all, 'resource-groups', subscriptionId] as const,
};

export const subscriptionsUrl = `${ARM_ENDPOINT}/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`;
export const resourceGroupsUrl = (subscriptionId: string) =>
  `${ARM_ENDPOINT}/subscriptions/${encodeURIComponent(subscriptionId)}/resourcegroups?api-version=${RESOURCE_GROUPS_API_VERSION}`;

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
};
