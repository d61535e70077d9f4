import { Checkbox, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { LinkDismissRegular, PlugConnectedRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ArcServerDto } from '@/api/arc-contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane, type DetailsField } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { azcmagentDisconnect, disableArcIntegration, enableArcIntegration } from '@/lib/powershell';
import { matchesQuery, useSearchParam, useSearchText } from '@/lib/use-search-param';
import { useDisableArc, useDisconnectAgent, useEnableArc } from '../api/arc-mutations';
import { arcQueries } from '@/api/queries/arc-queries';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '160px' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
  tabs: { marginBottom: tokens.spacingVerticalM },
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
});

/** Azure's status is the one WAC shows; "Offline" is the portal's older word for Disconnected. */
function statusLabel(s: ArcServerDto): string {
  return s.displayStatus === 'Disconnected' && s.onPrem.status === 'Offline'
    ? 'Disconnected (Offline)'
    : s.displayStatus;
}

const columns: DataTableColumn<ArcServerDto>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(140px, 1.2fr)',
    cell: (s) => s.name,
    sortValue: (s) => s.name,
  },
  {
    id: 'status',
    header: 'Azure Arc status',
    width: 'minmax(170px, 1.2fr)',
    cell: (s) => (
      <StatusBadge status={statusLabel(s)} kind={s.displayStatus === 'Disconnected' ? 'error' : undefined} />
    ),
    sortValue: (s) => s.displayStatus,
  },
  {
    id: 'integration',
    header: 'Arc integration',
    width: 'minmax(110px, 0.8fr)',
    cell: (s) => s.arcStatus,
    sortValue: (s) => s.arcStatus,
  },
  {
    id: 'version',
    header: 'Agent version',
    width: 'minmax(130px, 1fr)',
    cell: (s) => s.agentVersion ?? 'Not installed',
    sortValue: (s) => s.agentVersion,
  },
  {
    id: 'heartbeat',
    header: 'Last heartbeat',
    width: 'minmax(170px, 1.2fr)',
    cell: (s) => formatDateTime(s.onPrem.lastHeartbeat),
    sortValue: (s) => s.onPrem.lastHeartbeat,
  },
  {
    id: 'rg',
    header: 'Resource group',
    width: 'minmax(130px, 1fr)',
    cell: (s) => s.azure?.resourceGroup ?? '-',
    sortValue: (s) => s.azure?.resourceGroup ?? null,
  },
  {
    id: 'azure',
    header: 'Azure resource',
    width: 'minmax(150px, 1fr)',
    cell: (s) =>
      s.azure ? (
        <RouterLink to={s.azure.portalPath} aria-label={`View ${s.name} in the Azure portal`}>
          View in Azure portal
        </RouterLink>
      ) : (
        '-'
      ),
  },
];

type Tab = 'status' | 'general';

function sideFields(s: ArcServerDto): { onPrem: DetailsField[]; azure: DetailsField[] } {
  return {
    onPrem: [
      { label: 'Agent status', value: <StatusBadge status={s.onPrem.status} /> },
      { label: 'Last heartbeat', value: formatDateTime(s.onPrem.lastHeartbeat) },
      { label: 'Read at', value: formatDateTime(s.onPrem.checkedAt) },
    ],
    azure: s.azure
      ? [
          {
            label: 'Status',
            value: (
              <StatusBadge
                status={s.azure.status ?? 'Waiting for first heartbeat'}
                kind={s.azure.status ? undefined : 'progress'}
              />
            ),
          },
          { label: 'Last status change', value: formatDateTime(s.azure.lastStatusChange) },
          { label: 'Resource group', value: s.azure.resourceGroup },
        ]
      : [{ label: 'Status', value: 'No Arc-enabled server resource in Azure' }],
  };
}

/** Cluster Manager → Azure Arc → Arc-enabled servers. */
export function ArcServers({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const arc = useQuery(arcQueries.cluster(clusterName));
  const [search, setSearch] = useSearchText('q');
  const [selectedName, setSelectedName] = useSearchParam('selected');
  const [tabParam, setTab] = useSearchParam('tab');
  const [confirm, setConfirm] = useState<'disable' | 'disconnect' | null>(null);
  const [forceLocalOnly, setForceLocalOnly] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const enable = useEnableArc(clusterName);
  const disable = useDisableArc(clusterName);
  const disconnect = useDisconnectAgent();
  useMarkAppReady(!arc.isPending);

  const servers = useMemo(() => arc.data?.servers ?? [], [arc.data]);
  const visible = servers.filter((s) =>
    matchesQuery(search, [
      s.name,
      s.displayStatus,
      s.arcStatus,
      s.agentVersion ?? '',
      s.azure?.resourceGroup ?? '',
    ]),
  );
  const selected = servers.find((s) => s.name === selectedName);
  const tab: Tab = tabParam === 'general' ? 'general' : 'status';
  const notEnabled = servers.filter((s) => s.arcStatus !== 'Enabled');
  const registered = arc.data?.registered ?? false;
  const enableTargets = selected && selected.arcStatus !== 'Enabled' ? [selected.name] : undefined;
  const mutationError = enable.error ?? disable.error ?? disconnect.error;
  const enableCommands = (enableTargets ?? notEnabled.map((s) => s.name)).flatMap((node) =>
    enableArcIntegration(node),
  );

  const onEnable = () => {
    setMessage(null);
    enable.mutate(enableTargets ? { nodes: enableTargets } : {}, {
      onSuccess: (job) => setMessage(`${job.title}: started. Follow its progress in Notifications.`),
    });
  };

  return (
    <PageLayout fill>
      <PageHeader title="Azure Arc | Arc-enabled servers" />
      {arc.data && !registered && (
        <Banner
          intent="warning"
          title="This cluster isn't registered with Azure"
          action={
            <RouterLink
              to={`/connections/cluster/${encodeURIComponent(clusterName)}/tools/azure-arc/registration`}
            >
              Go to Azure Stack HCI registration
            </RouterLink>
          }
        >
          Register the cluster with Azure Stack HCI first; then you can Arc-enable its servers here.
        </Banner>
      )}
      {arc.data && registered && notEnabled.length > 0 && (
        <Banner intent="info" title="Some servers are not Arc-enabled">
          {`${notEnabled.map((s) => s.name).join(', ')} ${notEnabled.length === 1 ? 'is' : 'are'} not yet Arc-enabled. Select Enable Azure Arc to connect ${notEnabled.length === 1 ? 'it' : 'them'}.`}
        </Banner>
      )}
      {selected?.displayStatus === 'Expired' && (
        <Banner intent="error" title={`The Azure Arc certificate of ${selected.name} has expired`}>
          The server sent no heartbeat for more than 45 days. Select Disable Azure Arc, then Enable Azure Arc,
          to disconnect and reconnect it.
        </Banner>
      )}
      {message && (
        <Banner intent="success" onDismiss={() => setMessage(null)}>
          {message}
        </Banner>
      )}
      {mutationError && confirm === null && (
        <Banner
          intent="error"
          title="The Azure Arc action failed"
          action={<TroubleshootLink cluster={clusterName} error={mutationError.message} />}
        >
          {mutationError.message}
        </Banner>
      )}
      <ActionBar
        ariaLabel="Arc-enabled server actions"
        itemCount={arc.data ? servers.length : undefined}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedName('')}
        onRefresh={() => void arc.refetch()}
        refreshing={arc.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search servers',
        }}
        actions={
          <>
            <ActionButton
              icon={<PlugConnectedRegular />}
              disabled={!registered || notEnabled.length === 0 || enable.isPending}
              onClick={onEnable}
            >
              {enableTargets ? `Enable Azure Arc on ${enableTargets[0] ?? ''}` : 'Enable Azure Arc'}
            </ActionButton>
            <ActionButton
              icon={<PlugDisconnectedRegular />}
              disabled={!selected || (selected.arcStatus !== 'Enabled' && selected.azure === null)}
              onClick={() => setConfirm('disable')}
            >
              Disable Azure Arc
            </ActionButton>
            <ActionButton
              icon={<LinkDismissRegular />}
              disabled={
                !selected ||
                selected.onPrem.status === 'Not installed' ||
                selected.onPrem.status === 'Offline' ||
                selected.agentVersion === null
              }
              onClick={() => {
                setForceLocalOnly(false);
                setConfirm('disconnect');
              }}
            >
              Disconnect agent
            </ActionButton>
            <ShowPowerShell
              title={
                enableTargets
                  ? `PowerShell for Enable Azure Arc on ${enableTargets[0] ?? ''}`
                  : 'PowerShell for Enable Azure Arc'
              }
              commands={enableCommands}
              disabled={!registered}
            />
          </>
        }
      />
      {isLoadFailure(arc) ? (
        <ErrorState
          error={arc.error}
          title={`Couldn't load the Arc-enabled servers of ${clusterName}`}
          onRetry={() => void arc.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel="Arc-enabled servers"
            items={visible}
            columns={columns}
            getRowId={(s) => s.name}
            selectionMode="single"
            selectedIds={selected ? [selected.name] : []}
            onSelectionChange={(ids) => setSelectedName(ids[0] ?? '')}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={arc.isPending}
          />
        </div>
      )}
      {selected ? (
        <DetailsPane name={selected.name}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_e, d) => setTab(d.value === 'status' ? '' : String(d.value))}
            aria-label={`Details of ${selected.name}`}
          >
            <Tab value="status">Status on the server and in Azure</Tab>
            <Tab value="general">General</Tab>
          </TabList>
          {tab === 'status' ? (
            <>
              {!selected.statusesAgree && (
                <Banner intent="warning" title="The server and Azure report different statuses">
                  Azure marks a machine Disconnected only after 5 missed heartbeats (25 minutes), and
                  Connected again at the next heartbeat once the server can reach Azure. Compare the
                  timestamps below.
                </Banner>
              )}
              <div className={styles.sides}>
                <section aria-label="On the server">
                  <h3 className={styles.sideTitle}>On the server (azcmagent show)</h3>
                  <DetailsGrid fields={sideFields(selected).onPrem} />
                </section>
                <section aria-label="In Azure">
                  <h3 className={styles.sideTitle}>In Azure (Microsoft.HybridCompute/machines)</h3>
                  <DetailsGrid fields={sideFields(selected).azure} />
                </section>
              </div>
            </>
          ) : (
            <DetailsGrid
              fields={[
                { label: 'Fully qualified domain name', value: selected.fqdn },
                { label: 'Arc integration', value: selected.arcStatus },
                { label: 'Agent version', value: selected.agentVersion ?? 'Not installed' },
                { label: 'Resource ID', value: selected.azure?.resourceId ?? '-' },
              ]}
            />
          )}
        </DetailsPane>
      ) : (
        arc.isSuccess && (
          <p className={styles.hint}>
            Select a server to see its Azure Arc status on the server and in Azure.
          </p>
        )
      )}
      <ConfirmDialog
        open={confirm === 'disable' && selected !== undefined}
        title="Disable Azure Arc"
        message={
          <>
            <p>{`Disable Azure Arc integration on ${selected?.name ?? ''}? Its agent disconnects and its Arc-enabled server resource is deleted from Azure. You can enable it again afterwards.`}</p>
            {disable.error && <TroubleshootLink cluster={clusterName} error={disable.error.message} />}
            <div>
              <ShowPowerShell
                appearance="secondary"
                title="PowerShell for Disable Azure Arc"
                commands={selected ? disableArcIntegration(selected.name) : []}
              />
            </div>
          </>
        }
        confirmLabel="Disable"
        busy={disable.isPending}
        error={disable.error?.message ?? null}
        onCancel={() => {
          disable.reset();
          setConfirm(null);
        }}
        onConfirm={() =>
          selected &&
          disable.mutate(selected.name, {
            onSuccess: (job) => {
              setConfirm(null);
              setMessage(`${job.title}: started. Follow its progress in Notifications.`);
            },
          })
        }
      />
      <ConfirmDialog
        open={confirm === 'disconnect' && selected !== undefined}
        title="Disconnect the Azure Connected Machine agent"
        message={
          <>
            <p>{`Run azcmagent disconnect on ${selected?.name ?? ''}? Without --force-local-only the agent first deletes the server's resource in Azure.`}</p>
            <Checkbox
              checked={forceLocalOnly}
              onChange={(_e, d) => setForceLocalOnly(d.checked === true)}
              label="--force-local-only (disconnect locally; leave the resource in Azure)"
            />
            {disconnect.error && <TroubleshootLink cluster={clusterName} error={disconnect.error.message} />}
            <div>
              <ShowPowerShell
                appearance="secondary"
                title="PowerShell for Disconnect agent"
                commands={
                  selected ? azcmagentDisconnect({ computerName: selected.name, forceLocalOnly }) : []
                }
              />
            </div>
          </>
        }
        confirmLabel="Disconnect"
        busy={disconnect.isPending}
        error={disconnect.error?.message ?? null}
        onCancel={() => {
          disconnect.reset();
          setConfirm(null);
        }}
        onConfirm={() =>
          selected &&
          disconnect.mutate(
            { server: selected.name, forceLocalOnly },
            {
              onSuccess: () => {
                setConfirm(null);
                setMessage(
                  `The agent on ${selected.name} is disconnected${forceLocalOnly ? ' locally; Azure will show it Disconnected after 25 minutes without heartbeats' : ' and its resource was deleted from Azure'}.`,
                );
              },
            },
          )
        }
      />
    </PageLayout>
  );
}
