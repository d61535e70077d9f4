import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  commonEssentials,
  Essentials,
  withTags,
  type EssentialsField,
} from '@/components/portal-blade/essentials';
import { ResourceId } from '@/components/portal-blade/resource-id';
import { RouterLink } from '@/components/router-link/router-link';
import { armQueries, parseResourceId } from '@/api/queries/arm-queries';

/** Where a resource's blade lives in the cloud view: its ARM id after /azure/resource. */
export const resourcePath = (id: string) => `/azure/resource${id}`;
export const subscriptionPath = (subscriptionId: string) => resourcePath(`/subscriptions/${subscriptionId}`);
export const resourceGroupPath = (subscriptionId: string, resourceGroup: string) =>
  resourcePath(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`);

/** A subscription's display name, or its id until (or unless) the subscription list has it. */
export function useSubscriptionName(subscriptionId: string): string {
  const subscriptions = useQuery(armQueries.subscriptions());
  return (
    subscriptions.data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())
      ?.displayName ?? subscriptionId
  );
}

export interface ArmEssentialsProps {
  /** The resource as ARM returned it; its id names the resource group and subscription. */
  resource: { id: string; location?: string; tags?: Record<string, string> };
  /** The Status row; omitted for a resource without one (a resource group). */
  status?: ReactNode;
  /** Up to five fields of the resource for the right column; Tags follow. */
  fields: readonly EssentialsField[];
}

/**
 * The Essentials of an ARM resource's Overview: the common left column built from the resource id (resource
 * group and subscription as links to their blades), the resource's own fields and Tags on the right.
 */
export function ArmEssentials({ resource, status, fields }: ArmEssentialsProps) {
  const { subscriptionId, resourceGroup } = parseResourceId(resource.id);
  const subscriptionName = useSubscriptionName(subscriptionId);
  const isGroup = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(resource.id);
  return (
    <Essentials
      resource={resource}
      left={commonEssentials({
        resourceGroup: isGroup ? undefined : (
          <RouterLink to={resourceGroupPath(subscriptionId, resourceGroup)}>{resourceGroup}</RouterLink>
        ),
        status,
        location: resource.location ?? '-',
        subscription: <RouterLink to={subscriptionPath(subscriptionId)}>{subscriptionName}</RouterLink>,
        subscriptionId: <ResourceId value={subscriptionId} label="Subscription ID" />,
      })}
      right={withTags(fields, resource.tags)}
    />
  );
}
