import { useQueries, useQuery } from '@tanstack/react-query';
import type { DataTableColumn } from '@/components/data-table/data-table';
import { ResourceId } from '@/components/portal-blade/resource-id';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { armQueries, type ArmResourceGroup, type ArmSubscription } from '@/api/queries/arm-queries';
import { resourceGroupPath, subscriptionPath } from './portal/arm-essentials';
import { BrowseList, type BrowseGrouping } from './portal/browse-list';

const subscriptionColumns: DataTableColumn<ArmSubscription>[] = [
  {
    id: 'name',
    header: 'Subscription name',
    width: 'minmax(180px, 1.4fr)',
    cell: (s) => <RouterLink to={subscriptionPath(s.subscriptionId)}>{s.displayName}</RouterLink>,
    sortValue: (s) => s.displayName,
  },
  {
    id: 'id',
    header: 'Subscription ID',
    // A GUID does not break: the column is wide enough for one (the directory is on the subscription's blade).
    width: 'minmax(310px, 2fr)',
    cell: (s) => <ResourceId value={s.subscriptionId} label="Subscription ID" copy={false} />,
    sortValue: (s) => s.subscriptionId,
  },
  {
    id: 'state',
    header: 'Status',
    width: 'minmax(100px, 0.6fr)',
    cell: (s) => <StatusBadge status={s.state} kind={s.state === 'Enabled' ? 'success' : 'warning'} />,
    sortValue: (s) => s.state,
  },
];

const subscriptionGroupings: BrowseGrouping<ArmSubscription>[] = [
  { id: 'status', label: 'Status', value: (s) => s.state },
  { id: 'directory', label: 'Directory', value: (s) => s.tenantId },
];

/** Subscriptions (the cloud view's home): what ARM's GET /subscriptions gives the signed-in account. */
export function SubscriptionsPage() {
  const subscriptions = useQuery(armQueries.subscriptions());
  useMarkAppReady(!subscriptions.isPending);
  return (
    <BrowseList
      title="Subscriptions"
      items={subscriptions.data ?? []}
      columns={subscriptionColumns}
      getRowId={(s) => s.subscriptionId}
      filterText={(s) => `${s.displayName} ${s.subscriptionId} ${s.state} ${s.tenantId}`}
      groupings={subscriptionGroupings}
      onRefresh={() => void subscriptions.refetch()}
      loading={subscriptions.isPending}
      error={subscriptions.isError ? subscriptions.error : undefined}
      onRetry={() => void subscriptions.refetch()}
      emptyMessage="The signed-in account can't see any Azure subscription."
    />
  );
}

interface ResourceGroupRow extends ArmResourceGroup {
  subscriptionId: string;
  subscriptionName: string;
}

const resourceGroupColumns: DataTableColumn<ResourceGroupRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(180px, 1.5fr)',
    cell: (g) => <RouterLink to={resourceGroupPath(g.subscriptionId, g.name)}>{g.name}</RouterLink>,
    sortValue: (g) => g.name,
  },
  {
    id: 'subscription',
    header: 'Subscription',
    width: 'minmax(180px, 1.5fr)',
    cell: (g) => g.subscriptionName,
    sortValue: (g) => g.subscriptionName,
  },
  {
    id: 'location',
    header: 'Location',
    width: 'minmax(100px, 0.8fr)',
    cell: (g) => g.location,
    sortValue: (g) => g.location,
  },
];

const resourceGroupGroupings: BrowseGrouping<ResourceGroupRow>[] = [
  { id: 'subscription', label: 'Subscription', value: (g) => g.subscriptionName },
  { id: 'location', label: 'Location', value: (g) => g.location },
];

/** Resource groups of every readable subscription, in the portal's browse pattern. */
export function ResourceGroupsPage() {
  const subscriptions = useQuery(armQueries.subscriptions());
  const groupQueries = useQueries({
    queries: (subscriptions.data ?? []).map((s) => armQueries.resourceGroups(s.subscriptionId)),
  });
  const pending = subscriptions.isPending || groupQueries.some((q) => q.isPending);
  useMarkAppReady(!pending);
  const rows: ResourceGroupRow[] = (subscriptions.data ?? []).flatMap((s, index) =>
    (groupQueries[index]?.data ?? []).map((g) => ({
      ...g,
      subscriptionId: s.subscriptionId,
      subscriptionName: s.displayName,
    })),
  );
  const failed = subscriptions.isError ? subscriptions : groupQueries.find((q) => q.isError);
  return (
    <BrowseList
      title="Resource groups"
      items={rows}
      columns={resourceGroupColumns}
      getRowId={(g) => g.id}
      filterText={(g) => `${g.name} ${g.subscriptionName} ${g.location}`}
      groupings={resourceGroupGroupings}
      onRefresh={() => groupQueries.forEach((q) => void q.refetch())}
      loading={pending}
      error={failed?.error ?? undefined}
      onRetry={() => void failed?.refetch()}
      emptyMessage="No resource groups to display"
    />
  );
}
