import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { NodeDto } from '@/api/contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane, type DetailsField } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDate, formatDateTime, formatDuration } from '@/lib/format';
import { matchesQuery, useSearchParam, useSearchText } from '@/lib/use-search-param';
import { clusterQueries } from '@/api/queries/cluster-queries';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '160px' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
  tabs: { marginBottom: tokens.spacingVerticalM },
});

const columns: DataTableColumn<NodeDto>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(140px, 1.4fr)',
    cell: (n) => n.name,
    sortValue: (n) => n.name,
  },
  {
    id: 'state',
    header: 'State',
    width: 'minmax(90px, 0.8fr)',
    cell: (n) => <StatusBadge status={n.state} />,
    sortValue: (n) => n.state,
  },
  {
    id: 'hcisvc',
    header: 'hcisvc',
    width: 'minmax(100px, 0.8fr)',
    cell: (n) => <StatusBadge status={n.hcisvc} />,
    sortValue: (n) => n.hcisvc,
  },
  {
    id: 'outbound',
    header: 'Outbound connectivity',
    width: 'minmax(160px, 1.2fr)',
    cell: (n) => <StatusBadge status={n.outboundConnectivity} />,
    sortValue: (n) => n.outboundConnectivity,
  },
  {
    id: 'osBuild',
    header: 'OS build',
    width: 'minmax(100px, 0.8fr)',
    cell: (n) => n.osBuild,
    sortValue: (n) => n.osBuild,
  },
  {
    id: 'uptime',
    header: 'Uptime',
    width: 'minmax(100px, 0.8fr)',
    cell: (n) => formatDuration(n.uptimeSeconds),
    sortValue: (n) => n.uptimeSeconds,
  },
  {
    id: 'vms',
    header: 'VMs',
    width: 'minmax(60px, 0.5fr)',
    cell: (n) => n.vmCount.toLocaleString(),
    sortValue: (n) => n.vmCount,
  },
  {
    id: 'arc',
    header: 'Azure Arc',
    width: 'minmax(130px, 1fr)',
    cell: (n) => <StatusBadge status={n.arc.agentStatus} />,
    sortValue: (n) => n.arc.agentStatus,
  },
];

type DetailsTab = 'general' | 'arc' | 'benefits';
const detailsTabs: { id: DetailsTab; title: string }[] = [
  { id: 'general', title: 'General' },
  { id: 'arc', title: 'Azure Arc' },
  { id: 'benefits', title: 'Azure benefits' },
];

function detailsFields(node: NodeDto, tab: DetailsTab): DetailsField[] {
  switch (tab) {
    case 'general':
      return [
        { label: 'Fully qualified domain name', value: node.fqdn },
        {
          label: 'Operating system',
          value: `${node.osName} ${node.osDisplayVersion} (build ${node.osBuild})`,
        },
        { label: 'Manufacturer', value: node.manufacturer },
        { label: 'Model', value: node.model },
        { label: 'Serial number', value: node.serialNumber },
        { label: 'Cores', value: node.coreCount.toLocaleString() },
        { label: 'Memory', value: `${node.memoryGiB.toLocaleString()} GiB` },
        { label: 'TPM', value: <StatusBadge status={node.tpm} /> },
        {
          label: 'Secure Boot',
          value: (
            <StatusBadge
              status={node.secureBoot ? 'On' : 'Off'}
              kind={node.secureBoot ? 'success' : 'warning'}
            />
          ),
        },
        {
          label: 'Clock skew',
          value: `${node.clockSkewSeconds.toLocaleString()} seconds`,
        },
        { label: 'Running VMs', value: `${node.runningVmCount} of ${node.vmCount}` },
      ];
    case 'arc':
      return [
        { label: 'Azure Arc status', value: <StatusBadge status={node.arc.agentStatus} /> },
        { label: 'Arc integration', value: node.arc.arcStatus },
        {
          label: 'Arc agent version',
          // as on the registration page: no version beside an agent Azure does not know (after Unregister)
          value: node.arc.agentStatus === 'Not installed' ? '-' : (node.arc.agentVersion ?? '-'),
        },
        { label: 'Last heartbeat', value: formatDateTime(node.arc.lastHeartbeat) },
        { label: 'Machine resource ID', value: node.arc.machineResourceId ?? '-' },
      ];
    case 'benefits':
      return [
        { label: 'Azure benefits status', value: <StatusBadge status={node.benefits.status} /> },
        { label: 'Expiration date', value: formatDate(node.benefits.expiration) },
      ];
  }
}

function isDetailsTab(value: string): value is DetailsTab {
  return detailsTabs.some((tab) => tab.id === value);
}

/** Cluster Manager's Servers tool: the nodes, their health signals, and a details pane for the selected one. */
export function ServersTool({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const nodes = useQuery(clusterQueries.nodes(clusterName));
  const [search, setSearch] = useSearchText('q');
  const [selectedName, setSelectedName] = useSearchParam('selected');
  const [tabParam, setTab] = useSearchParam('tab');
  const [detailsExpanded, setDetailsExpanded] = useState(true);
  useMarkAppReady(!nodes.isPending);

  const all = useMemo(() => nodes.data ?? [], [nodes.data]);
  const visible = useMemo(
    () =>
      all.filter((n) =>
        matchesQuery(search, [
          n.name,
          n.fqdn,
          n.state,
          n.hcisvc,
          n.outboundConnectivity,
          n.osBuild,
          n.arc.agentStatus,
        ]),
      ),
    [all, search],
  );
  const selected = all.find((n) => n.name === selectedName);
  const tab: DetailsTab = isDetailsTab(tabParam) ? tabParam : 'general';

  return (
    <PageLayout fill>
      <PageHeader title="Servers" />
      <ActionBar
        itemCount={nodes.data ? all.length : undefined}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedName('')}
        onRefresh={() => void nodes.refetch()}
        refreshing={nodes.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search servers',
        }}
      />
      {isLoadFailure(nodes) ? (
        <ErrorState
          error={nodes.error}
          title={`Couldn't load the servers of ${clusterName}`}
          onRetry={() => void nodes.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel="Servers"
            items={visible}
            columns={columns}
            getRowId={(n) => n.name}
            selectionMode="single"
            selectedIds={selected ? [selected.name] : []}
            onSelectionChange={(ids) => setSelectedName(ids[0] ?? '')}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={nodes.isPending}
          />
        </div>
      )}
      {selected ? (
        <DetailsPane name={selected.name} expanded={detailsExpanded} onExpandedChange={setDetailsExpanded}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_event, data) => setTab(data.value === 'general' ? '' : String(data.value))}
            aria-label={`Details of ${selected.name}`}
          >
            {detailsTabs.map((t) => (
              <Tab key={t.id} value={t.id}>
                {t.title}
              </Tab>
            ))}
          </TabList>
          <DetailsGrid fields={detailsFields(selected, tab)} />
        </DetailsPane>
      ) : (
        nodes.isSuccess && <p className={styles.hint}>Select a server to see its details.</p>
      )}
    </PageLayout>
  );
}
