import { useQueries, useQuery } from '@tanstack/react-query';
import type { DataTableColumn } from '@/components/data-table/data-table';
import { RouterLink } from '@/components/router-link/router-link';
import { useMarkAppReady } from '@/lib/app-ready';
import { armQueries, parseResourceId } from '@/api/queries/arm-queries';
import { BrowseList, type BrowseGrouping } from './portal/browse-list';

interface ResourceRow {
  id: string;
  name: string;
  type: string;
  resourceGroup: string;
  location: string;
  subscription: string;
}

const columns: DataTableColumn<ResourceRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(160px, 1.4fr)',
    cell: (r) => <RouterLink to={`/azure/resource${r.id}`}>{r.name}</RouterLink>,
    sortValue: (r) => r.name,
  },
  { id: 'type', header: 'Type', width: 'minmax(150px, 1fr)', cell: (r) => r.type, sortValue: (r) => r.type },
  {
    id: 'rg',
    header: 'Resource group',
    width: 'minmax(150px, 1fr)',
    cell: (r) => r.resourceGroup,
    sortValue: (r) => r.resourceGroup,
  },
  {
    id: 'location',
    header: 'Location',
    width: 'minmax(100px, 0.7fr)',
    cell: (r) => r.location,
    sortValue: (r) => r.location,
  },
  {
    id: 'subscription',
    header: 'Subscription',
    width: 'minmax(150px, 1fr)',
    cell: (r) => r.subscription,
    sortValue: (r) => r.subscription,
  },
];

const groupings: BrowseGrouping<ResourceRow>[] = [
  { id: 'type', label: 'Type', value: (r) => r.type },
  { id: 'resource-group', label: 'Resource group', value: (r) => r.resourceGroup },
  { id: 'location', label: 'Location', value: (r) => r.location },
  { id: 'subscription', label: 'Subscription', value: (r) => r.subscription },
];

/** All resources: the Azure Stack HCI clusters and Arc machines of every readable subscription; global search lands here. */
export function AllResourcesPage() {
  const subscriptions = useQuery(armQueries.subscriptions());
  const list = subscriptions.data ?? [];
  const clusters = useQueries({ queries: list.map((s) => armQueries.clusters(s.subscriptionId)) });
  const machines = useQueries({ queries: list.map((s) => armQueries.machines(s.subscriptionId)) });
  const all = clusters.concat(machines);
  const pending = subscriptions.isPending || all.some((q) => q.isPending);
  useMarkAppReady(!pending);
  const rows: ResourceRow[] = list.flatMap((s, index) => [
    ...(clusters[index]?.data ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      type: 'Azure Stack HCI',
      resourceGroup: parseResourceId(c.id).resourceGroup,
      location: c.location,
      subscription: s.displayName,
    })),
    ...(machines[index]?.data ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      type: 'Machine - Azure Arc',
      resourceGroup: parseResourceId(m.id).resourceGroup,
      location: m.location,
      subscription: s.displayName,
    })),
  ]);
  const failed = subscriptions.isError ? subscriptions : all.find((q) => q.isError);
  return (
    <BrowseList
      title="All resources"
      items={rows}
      columns={columns}
      getRowId={(r) => r.id}
      filterText={(r) => `${r.name} ${r.type} ${r.resourceGroup} ${r.location} ${r.subscription}`}
      groupings={groupings}
      onRefresh={() => all.forEach((q) => void q.refetch())}
      loading={pending}
      error={failed?.error ?? undefined}
      onRetry={() => void failed?.refetch()}
      emptyMessage="No resources to display"
    />
  );
}
