import { AddRegular } from '@fluentui/react-icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { DataTableColumn } from '@/components/data-table/data-table';
import { RouterButton, RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { armQueries, parseResourceId, type ArmMachine } from '@/api/queries/arm-queries';
import { resourcePath } from './portal/arm-essentials';
import { BrowseList, type BrowseFacet, type BrowseGrouping } from './portal/browse-list';

interface MachineRow {
  id: string;
  name: string;
  status: string;
  resourceGroup: string;
  os: string;
  agentVersion: string;
  cluster: string;
  location: string;
  subscription: string;
}

const NO_STATUS = 'No status yet';

function toRow(m: ArmMachine, subscription: string): MachineRow {
  const { resourceGroup } = parseResourceId(m.id);
  return {
    id: m.id,
    name: m.name,
    status: m.properties.status ?? NO_STATUS,
    resourceGroup,
    os: m.properties.osType === 'linux' ? 'Linux' : 'Windows',
    agentVersion: m.properties.agentVersion ?? '-',
    cluster: m.properties.parentClusterResourceId
      ? parseResourceId(m.properties.parentClusterResourceId).name
      : '-',
    location: m.location,
    subscription,
  };
}

const columns: DataTableColumn<MachineRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(140px, 1.2fr)',
    cell: (m) => <RouterLink to={resourcePath(m.id)}>{m.name}</RouterLink>,
    sortValue: (m) => m.name,
  },
  {
    id: 'status',
    header: 'Status',
    width: 'minmax(130px, 1fr)',
    cell: (m) =>
      m.status === NO_STATUS ? (
        <span title="The agent has not sent its first heartbeat yet">-</span>
      ) : (
        <StatusBadge status={m.status} />
      ),
    sortValue: (m) => m.status,
  },
  {
    id: 'rg',
    header: 'Resource group',
    width: 'minmax(140px, 1fr)',
    cell: (m) => m.resourceGroup,
    sortValue: (m) => m.resourceGroup,
  },
  {
    id: 'location',
    header: 'Location',
    width: 'minmax(100px, 0.7fr)',
    cell: (m) => m.location,
    sortValue: (m) => m.location,
  },
  {
    id: 'subscription',
    header: 'Subscription',
    width: 'minmax(140px, 1fr)',
    cell: (m) => m.subscription,
    sortValue: (m) => m.subscription,
  },
  {
    id: 'os',
    header: 'Operating system',
    width: 'minmax(150px, 0.9fr)',
    cell: (m) => m.os,
    sortValue: (m) => m.os,
  },
  {
    id: 'agent',
    header: 'Agent version',
    width: 'minmax(130px, 1fr)',
    cell: (m) => m.agentVersion,
    sortValue: (m) => m.agentVersion,
  },
  {
    id: 'cluster',
    header: 'Cluster',
    width: 'minmax(120px, 1fr)',
    cell: (m) => m.cluster,
    sortValue: (m) => m.cluster,
  },
];

const facets: BrowseFacet<MachineRow>[] = [
  {
    id: 'status',
    label: 'Status',
    options: ['Connected', 'Disconnected', 'Expired', NO_STATUS],
    value: (m) => m.status,
  },
];

const groupings: BrowseGrouping<MachineRow>[] = [
  { id: 'resource-group', label: 'Resource group', value: (m) => m.resourceGroup },
  { id: 'location', label: 'Location', value: (m) => m.location },
  { id: 'subscription', label: 'Subscription', value: (m) => m.subscription },
  { id: 'status', label: 'Status', value: (m) => m.status },
  { id: 'cluster', label: 'Cluster', value: (m) => m.cluster },
];

/**
 * Azure Arc | Machines: every HybridCompute machine of every subscription the account can read, in the portal's
 * browse pattern; a machine opens as its blade.
 */
export function MachinesPage() {
  const subscriptions = useQuery(armQueries.subscriptions());
  const lists = useQueries({
    queries: (subscriptions.data ?? []).map((s) => armQueries.machines(s.subscriptionId)),
  });
  const pending = subscriptions.isPending || lists.some((q) => q.isPending);
  useMarkAppReady(!pending);
  const rows: MachineRow[] = (subscriptions.data ?? []).flatMap((s, index) =>
    (lists[index]?.data ?? []).map((m) => toRow(m, s.displayName)),
  );
  const failed = subscriptions.isError ? subscriptions : lists.find((q) => q.isError);
  return (
    <BrowseList
      title="Machines - Azure Arc"
      subtitle="Azure Arc"
      items={rows}
      columns={columns}
      getRowId={(m) => m.id}
      filterText={(m) =>
        `${m.name} ${m.status} ${m.resourceGroup} ${m.location} ${m.subscription} ${m.os} ${m.agentVersion} ${m.cluster}`
      }
      facets={facets}
      groupings={groupings}
      commands={
        <RouterButton to="/azure/machines/add" appearance="subtle" icon={<AddRegular />}>
          Add
        </RouterButton>
      }
      onRefresh={() => lists.forEach((q) => void q.refetch())}
      loading={pending}
      error={failed?.error ?? undefined}
      onRetry={() => void failed?.refetch()}
      emptyMessage="No Arc-enabled machines. Select Add to onboard a server."
    />
  );
}
