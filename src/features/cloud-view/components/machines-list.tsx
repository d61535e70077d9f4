import { Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ActionBar } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState } from '@/components/query-state/query-state';
import { RouterButton, RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { matchesQuery, useSearchParam, useSearchText } from '@/lib/use-search-param';
import { armQueries, parseResourceId, type ArmMachine } from '@/api/queries/arm-queries';
import { serverQueries } from '@/api/queries/cluster-queries';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  sideTitle: {
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

interface MachineRow {
  id: string;
  name: string;
  status: string;
  resourceGroup: string;
  os: string;
  agentVersion: string;
  lastStatusChange: string | null;
  cluster: string;
  subscriptionId: string;
}

const NO_STATUS = 'No status yet';

function toRow(m: ArmMachine): MachineRow {
  const { subscriptionId, resourceGroup } = parseResourceId(m.id);
  return {
    id: m.id,
    name: m.name,
    status: m.properties.status ?? NO_STATUS,
    resourceGroup,
    os: m.properties.osType === 'linux' ? 'Linux' : 'Windows',
    agentVersion: m.properties.agentVersion ?? '-',
    lastStatusChange: m.properties.lastStatusChange ?? null,
    cluster: m.properties.parentClusterResourceId
      ? parseResourceId(m.properties.parentClusterResourceId).name
      : '-',
    subscriptionId,
  };
}

const columns: DataTableColumn<MachineRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(140px, 1.2fr)',
    cell: (m) => <RouterLink to={`/azure/resource${m.id}`}>{m.name}</RouterLink>,
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
    id: 'os',
    header: 'Operating system',
    width: 'minmax(110px, 0.8fr)',
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
    id: 'change',
    header: 'Last status change',
    width: 'minmax(170px, 1.2fr)',
    cell: (m) => formatDateTime(m.lastStatusChange, '-'),
    sortValue: (m) => m.lastStatusChange,
  },
  {
    id: 'cluster',
    header: 'Cluster',
    width: 'minmax(120px, 1fr)',
    cell: (m) => m.cluster,
    sortValue: (m) => m.cluster,
  },
];

const STATUS_FILTERS = ['All', 'Connected', 'Disconnected', 'Expired', NO_STATUS] as const;

/** Machines - Azure Arc: every HybridCompute machine of every subscription the account can read. */
export function MachinesPage() {
  const styles = useStyles();
  const subscriptions = useQuery(armQueries.subscriptions());
  const lists = useQueries({
    queries: (subscriptions.data ?? []).map((s) => armQueries.machines(s.subscriptionId)),
  });
  const [search, setSearch] = useSearchText('q');
  const [statusFilter, setStatusFilter] = useSearchParam('status');
  const [groupFilter, setGroupFilter] = useSearchParam('rg');
  const [selectedId, setSelectedId] = useSearchParam('selected');
  const pending = subscriptions.isPending || lists.some((q) => q.isPending);
  useMarkAppReady(!pending);

  const rows = lists.flatMap((q) => (q.data ?? []).map(toRow));
  const groups = [...new Set(rows.map((r) => r.resourceGroup))].sort();
  const visible = rows.filter(
    (r) =>
      (statusFilter === '' || statusFilter === 'All' || r.status === statusFilter) &&
      (groupFilter === '' || r.resourceGroup.toLowerCase() === groupFilter.toLowerCase()) &&
      matchesQuery(search, [r.name, r.status, r.resourceGroup, r.os, r.cluster, r.agentVersion]),
  );
  const selected = rows.find((r) => r.id === selectedId);
  const failed = lists.find((q) => q.isError);

  return (
    <PageLayout fill>
      <PageHeader title="Azure Arc | Machines" />
      {subscriptions.isError && (
        <ErrorState
          error={subscriptions.error}
          title="Couldn't list Azure subscriptions"
          onRetry={() => void subscriptions.refetch()}
        />
      )}
      {failed && (
        <ErrorState
          error={failed.error}
          title="Couldn't list the Arc-enabled machines"
          onRetry={() => void failed.refetch()}
        />
      )}
      <ActionBar
        ariaLabel="Machine actions"
        itemCount={pending ? undefined : rows.length}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedId('')}
        onRefresh={() => lists.forEach((q) => void q.refetch())}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search machines',
        }}
        actions={
          <RouterButton to="/azure/machines/add" appearance="subtle" icon={<AddRegular />}>
            Add
          </RouterButton>
        }
      />
      <div className={styles.filters}>
        <Field label="Status">
          <Dropdown
            value={statusFilter === '' ? 'All' : statusFilter}
            selectedOptions={[statusFilter === '' ? 'All' : statusFilter]}
            onOptionSelect={(_e, d) => setStatusFilter(d.optionValue === 'All' ? '' : (d.optionValue ?? ''))}
          >
            {STATUS_FILTERS.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Resource group">
          <Dropdown
            value={groupFilter === '' ? 'All' : groupFilter}
            selectedOptions={[groupFilter === '' ? 'All' : groupFilter]}
            onOptionSelect={(_e, d) => setGroupFilter(d.optionValue === 'All' ? '' : (d.optionValue ?? ''))}
          >
            {['All', ...groups].map((g) => (
              <Option key={g} value={g}>
                {g}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.tableArea}>
        <DataTable
          ariaLabel="Machines - Azure Arc"
          items={visible}
          columns={columns}
          getRowId={(m) => m.id}
          getRowLabel={(m) => m.name}
          selectionMode="single"
          selectedIds={selected ? [selected.id] : []}
          onSelectionChange={(ids) => setSelectedId(ids[0] ?? '')}
          defaultSort={{ columnId: 'name', direction: 'ascending' }}
          loading={pending}
          emptyMessage="No Arc-enabled machines. Select Add to onboard a server."
        />
      </div>
      {selected && <MachineDetails machine={selected} />}
    </PageLayout>
  );
}

/** Azure's record next to what the server's agent says, read from the gateway when it manages the server. */
function MachineDetails({ machine }: { machine: MachineRow }) {
  const styles = useStyles();
  const onPrem = useQuery(serverQueries.arc(machine.name));
  const agent = onPrem.data;
  const differs = agent !== undefined && !agent.statusesAgree;
  return (
    <DetailsPane name={machine.name}>
      {differs && (
        <Banner intent="warning" title="Azure and the server report different statuses">
          Azure marks a machine Disconnected only after 5 missed heartbeats (25 minutes). Compare the
          timestamps.
        </Banner>
      )}
      <div className={styles.sides}>
        <section aria-label="In Azure">
          <h3 className={styles.sideTitle}>In Azure</h3>
          <DetailsGrid
            fields={[
              {
                label: 'Status',
                value: machine.status === NO_STATUS ? NO_STATUS : <StatusBadge status={machine.status} />,
              },
              { label: 'Last status change', value: formatDateTime(machine.lastStatusChange, '-') },
              { label: 'Resource group', value: machine.resourceGroup },
            ]}
          />
        </section>
        <section aria-label="On the server">
          <h3 className={styles.sideTitle}>On the server (through Windows Admin Center)</h3>
          {agent ? (
            <DetailsGrid
              fields={[
                { label: 'Agent status', value: <StatusBadge status={agent.onPrem.status} /> },
                { label: 'Last heartbeat', value: formatDateTime(agent.onPrem.lastHeartbeat) },
                { label: 'Read at', value: formatDateTime(agent.onPrem.checkedAt) },
              ]}
            />
          ) : (
            <p className={styles.hint}>
              {onPrem.isPending
                ? 'Reading the agent...'
                : 'This server is not managed by the gateway, so only Azure\u2019s view is available.'}
            </p>
          )}
        </section>
      </div>
    </DetailsPane>
  );
}
