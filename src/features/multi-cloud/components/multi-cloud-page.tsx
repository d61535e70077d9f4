import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, DesktopRegular, PlayRegular, StopRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { CloudNetworkDto, CloudSubscriptionDto, CloudSummaryDto, CloudVmDto } from '@/api/vms-contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { CheckpointPanel } from '@/components/checkpoint-tree/checkpoint-panel';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { downloadText } from '@/lib/download-file';
import { cloudKeys, cloudQueries, cloudVmPath } from '@/api/queries/cloud-queries';
import { formatDuration } from '@/lib/format';
import { rankedSortValue } from '@/lib/ranked-sort';
import { useJobTracker } from '@/lib/use-job-tracker';
import { checkpointRequest, fetchRdp } from '@/lib/vm-requests';
import { useSearchParam, useSearchText } from '@/lib/use-search-param';
import { useCloudVmPower, useDeleteCloudNetwork, useDeleteCloudVm } from '../api/cloud-mutations';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    paddingBottom: tokens.spacingVerticalS,
  },
  cloudPicker: { minWidth: '220px' },
  connector: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    paddingBottom: tokens.spacingVerticalXS,
  },
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
  tabs: { marginBottom: tokens.spacingVerticalS },
  group: {
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

type View = 'vms' | 'networks' | 'subscriptions';
type VmTab = 'overview' | 'settings' | 'checkpoints';

const memory = (mib: number) => `${(mib / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;

function connectorText(cloud: CloudSummaryDto): string {
  if (cloud.kind === 'AzureStack') return 'Local cloud';
  switch (cloud.state) {
    case 'Available':
      return `Connector connected (${cloud.latencyMs ?? 0} ms)`;
    case 'ConnectorUnreachable':
      return 'Connector unreachable';
    case 'UserNotFound':
      return 'Account not in this cloud';
  }
}

/**
 * The Azure Stack user portal in multi-cloud mode: the Cloud drop-down at the top left switches between the
 * local Azure Stack cloud and each Windows Azure Pack cloud; per cloud, subscriptions, virtual machines and
 * virtual networks with the connector's tenant actions. A cloud that can't be reached says why in place,
 * instead of the real portal's modal errors, and the other clouds keep working.
 */
export function MultiCloudPage() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const clouds = useQuery(cloudQueries.list());
  const [cloudParam, setCloud] = useSearchParam('cloud');
  const [viewParam, setView] = useSearchParam('view');
  const cloudList = clouds.data ?? [];
  const current = cloudList.find((c) => c.name === cloudParam) ?? cloudList[0];
  const cloud = current?.name ?? '';
  const view: View = viewParam === 'networks' || viewParam === 'subscriptions' ? viewParam : 'vms';
  const available = current?.state === 'Available';
  useMarkAppReady(clouds.isError || (current !== undefined && !available));

  return (
    <PageLayout fill>
      <div className={styles.top}>
        <Field label="Cloud" className={styles.cloudPicker}>
          <Dropdown
            value={current?.name ?? (clouds.isPending ? 'Loading clouds...' : '')}
            selectedOptions={current ? [current.name] : []}
            onOptionSelect={(_e, d) => {
              setCloud(d.optionValue ?? '');
            }}
          >
            {cloudList.map((c) => (
              <Option key={c.name} value={c.name} text={c.name}>
                {`${c.name}${c.state === 'Available' ? '' : ' (unavailable)'}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {current && (
          <span className={styles.connector} aria-label={`Status of ${current.name}`} role="status">
            <StatusBadge
              status={connectorText(current)}
              kind={
                current.state === 'Available'
                  ? 'success'
                  : current.state === 'UserNotFound'
                    ? 'warning'
                    : 'error'
              }
            />
            {current.endpoint && <span>{current.endpoint}</span>}
          </span>
        )}
      </div>
      <PageHeader
        title={
          view === 'vms' ? 'Virtual machines' : view === 'networks' ? 'Virtual networks' : 'Subscriptions'
        }
      />
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_e, d) => setView(d.value === 'vms' ? '' : String(d.value))}
        aria-label={`Resources of ${cloud}`}
      >
        <Tab value="vms">Virtual machines</Tab>
        <Tab value="networks">Virtual networks</Tab>
        <Tab value="subscriptions">Subscriptions</Tab>
      </TabList>
      {clouds.isError ? (
        <ErrorState
          error={clouds.error}
          title="Couldn't load the clouds of this portal"
          onRetry={() => void clouds.refetch()}
        />
      ) : current && !available ? (
        <Banner
          intent={current.state === 'UserNotFound' ? 'warning' : 'error'}
          title={`${current.name} is unavailable`}
          action={
            <Button
              onClick={() => {
                void queryClient.invalidateQueries({ queryKey: cloudKeys.all });
              }}
            >
              Retry
            </Button>
          }
        >
          {current.reason ?? ''}
        </Banner>
      ) : current ? (
        view === 'vms' ? (
          <VmsView key={cloud} cloud={current} />
        ) : view === 'networks' ? (
          <NetworksView key={cloud} cloud={current} />
        ) : (
          <SubscriptionsView key={cloud} cloud={current} />
        )
      ) : null}
    </PageLayout>
  );
}

function useCloudErrorRefresh() {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    // A connector that stops answering mid-session shows in the drop-down's status at once.
    if (error instanceof ApiError && (error.status === 503 || error.status === 403))
      void queryClient.invalidateQueries({ queryKey: cloudKeys.list() });
  };
}

function VmsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const vms = useQuery(cloudQueries.vms(cloud.name));
  const [search, setSearch] = useSearchText('q');
  const [selectedId, setSelectedId] = useSearchParam('vm');
  const [tabParam, setTab] = useSearchParam('tab');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | undefined>();
  const onCloudError = useCloudErrorRefresh();
  useMarkAppReady(!vms.isPending);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: cloudKeys.all });
  const fail = (e: unknown) => {
    onCloudError(e);
    setErrors((x) => [...x, errorMessage(e)]);
  };
  const tracker = useJobTracker((job) => {
    refresh();
    if (job.status === 'Failed') setErrors((x) => [...x, job.message ?? `${job.title} failed.`]);
  });
  const power = useCloudVmPower();
  const del = useDeleteCloudVm();

  const all = useMemo(() => vms.data ?? [], [vms.data]);
  const haystacks = useMemo(
    () =>
      new Map(all.map((v) => [v, `${v.name} ${v.state} ${v.group} ${v.os} ${v.ipAddress}`.toLowerCase()])),
    [all],
  );
  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q === '' ? all : all.filter((v) => (haystacks.get(v) ?? '').includes(q));
  }, [all, haystacks, search]);
  const groupHeader = cloud.kind === 'AzureStack' ? 'Cluster' : 'Subscription';
  const columns = useMemo<DataTableColumn<CloudVmDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(150px, 1.3fr)',
        cell: (v) => v.name,
        sortValue: rankedSortValue(all, (v) => v.name),
      },
      {
        id: 'status',
        header: 'Status',
        width: 'minmax(100px, 0.8fr)',
        cell: (v) => <StatusBadge status={v.state} />,
        sortValue: rankedSortValue(all, (v) => v.state),
      },
      {
        id: 'group',
        header: groupHeader,
        width: 'minmax(140px, 1fr)',
        cell: (v) => v.group,
        sortValue: rankedSortValue(all, (v) => v.group),
      },
      {
        id: 'size',
        header: 'Size',
        width: 'minmax(120px, 0.8fr)',
        cell: (v) => `${v.cpuCount} vCPU, ${memory(v.memoryMiB)}`,
        sortValue: (v) => v.cpuCount * 1_000_000 + v.memoryMiB,
      },
      {
        id: 'os',
        header: 'Operating system',
        width: 'minmax(160px, 1.4fr)',
        cell: (v) => v.os,
        sortValue: rankedSortValue(all, (v) => v.os),
      },
      {
        id: 'ip',
        header: 'IP address',
        width: 'minmax(110px, 0.8fr)',
        cell: (v) => v.ipAddress,
        sortValue: rankedSortValue(all, (v) => v.ipAddress),
      },
      {
        id: 'checkpoints',
        header: 'Checkpoints',
        width: 'minmax(90px, 0.6fr)',
        cell: (v) => String(v.checkpointCount),
        sortValue: (v) => v.checkpointCount,
      },
    ],
    [all, groupHeader],
  );
  const selected = all.find((v) => v.id === selectedId);
  const detail = useQuery({
    ...cloudQueries.vm(cloud.name, selected?.id ?? ''),
    enabled: selected !== undefined,
  });
  const tab: VmTab = tabParam === 'settings' || tabParam === 'checkpoints' ? tabParam : 'overview';

  const selectedRowIds = useMemo(() => (selected ? [selected.id] : []), [selected]);
  // The grid re-renders only when its rows or selection change, not on every URL update the search causes.
  const table = useMemo(
    () => (
      <DataTable
        ariaLabel={`Virtual machines of ${cloud.name}`}
        items={visible}
        columns={columns}
        getRowId={(v) => v.id}
        getRowLabel={(v) => v.name}
        selectionMode="single"
        selectedIds={selectedRowIds}
        onSelectionChange={(ids) => setSelectedId(ids[0] ?? '')}
        loading={vms.isPending}
      />
    ),
    [cloud.name, visible, columns, selectedRowIds, setSelectedId, vms.isPending],
  );

  const connect = (vm: CloudVmDto) => {
    fetchRdp(`${cloudVmPath(cloud.name, vm.id)}/rdp`)
      .then((text) => {
        downloadText(`${vm.name}.rdp`, text, 'application/x-rdp');
        setNotice(
          `Downloaded ${vm.name}.rdp: open it to connect to ${vm.name} at ${vm.ipAddress} through Remote Desktop.`,
        );
      })
      .catch(fail);
  };

  return (
    <>
      <ActionBar
        ariaLabel="Virtual machine commands"
        actions={
          <>
            <ActionButton
              icon={<DesktopRegular />}
              disabled={selected?.state !== 'Running'}
              onClick={() => selected && connect(selected)}
            >
              Connect
            </ActionButton>
            <ActionButton
              icon={<PlayRegular />}
              disabled={!selected || !['Off', 'Saved', 'Paused'].includes(selected.state)}
              onClick={() =>
                selected &&
                power.mutate(
                  { cloud: cloud.name, id: selected.id, action: 'start' },
                  { onSuccess: tracker.track, onError: fail },
                )
              }
            >
              Start
            </ActionButton>
            <ActionButton
              icon={<StopRegular />}
              disabled={selected?.state !== 'Running'}
              onClick={() =>
                selected &&
                power.mutate(
                  { cloud: cloud.name, id: selected.id, action: 'stop' },
                  { onSuccess: tracker.track, onError: fail },
                )
              }
            >
              Stop
            </ActionButton>
            <ActionButton
              icon={<DeleteRegular />}
              disabled={!selected || !['Off', 'Saved'].includes(selected.state)}
              onClick={() => setConfirmDelete(true)}
            >
              Delete
            </ActionButton>
          </>
        }
        itemCount={vms.data ? all.length : undefined}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedId('')}
        onRefresh={() => void vms.refetch()}
        refreshing={vms.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Filter virtual machines',
        }}
      />
      <div className={styles.banners}>
        {tracker.running.length > 0 && (
          <Banner intent="info">
            {tracker.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
          </Banner>
        )}
        {errors.map((message, i) => (
          <Banner
            key={`${i}-${message}`}
            intent="error"
            onDismiss={() => setErrors((x) => x.filter((_m, k) => k !== i))}
          >
            {message}
          </Banner>
        ))}
        {notice && (
          <Banner intent="success" onDismiss={() => setNotice(undefined)}>
            {notice}
          </Banner>
        )}
      </div>
      {vms.isError ? (
        <ErrorState
          error={vms.error}
          title={`Couldn't load the virtual machines of ${cloud.name}`}
          onRetry={() => void vms.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>{table}</div>
      )}
      {selected ? (
        <DetailsPane name={selected.name}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_e, d) => setTab(d.value === 'overview' ? '' : String(d.value))}
            aria-label={`Details of ${selected.name}`}
          >
            <Tab value="overview">Overview</Tab>
            <Tab value="settings">Configuration</Tab>
            <Tab value="checkpoints">{`Checkpoints (${selected.checkpointCount})`}</Tab>
          </TabList>
          {tab === 'overview' ? (
            <DetailsGrid
              fields={[
                { label: 'Status', value: <StatusBadge status={selected.state} /> },
                { label: groupHeader, value: selected.group },
                { label: 'Cloud', value: cloud.name },
                { label: 'Size', value: `${selected.cpuCount} vCPU, ${memory(selected.memoryMiB)}` },
                { label: 'Operating system', value: selected.os },
                { label: 'IP address', value: selected.ipAddress },
                { label: 'Virtual networks', value: selected.networks.join(', ') || 'None' },
                { label: 'Uptime', value: formatDuration(selected.uptimeSeconds) },
              ]}
            />
          ) : detail.isError ? (
            <ErrorState
              error={detail.error}
              title={`Couldn't load ${selected.name}`}
              onRetry={() => void detail.refetch()}
            />
          ) : tab === 'settings' ? (
            [...new Set((detail.data?.settings ?? []).map((s) => s.group))].map((group) => (
              <section key={group} aria-label={group}>
                <h4 className={styles.group}>{group}</h4>
                <DetailsGrid
                  fields={(detail.data?.settings ?? [])
                    .filter((s) => s.group === group)
                    .map((s) => ({ label: s.label, value: s.value }))}
                />
              </section>
            ))
          ) : (
            <CheckpointPanel
              vmName={selected.name}
              checkpoints={detail.data?.checkpoints ?? []}
              disabled={detail.isPending}
              onAction={async (request) => {
                try {
                  tracker.track(await checkpointRequest(cloudVmPath(cloud.name, selected.id), request));
                } catch (e) {
                  onCloudError(e);
                  throw e;
                }
                refresh();
              }}
            />
          )}
        </DetailsPane>
      ) : (
        vms.isSuccess && (
          <p className={styles.hint}>Select a virtual machine to see its configuration and checkpoints.</p>
        )
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete the virtual machine '${selected?.name ?? ''}'?`}
        message={`'${selected?.name ?? ''}' will be deleted from ${cloud.name}${selected && selected.checkpointCount > 0 ? `, with its ${selected.checkpointCount} checkpoint${selected.checkpointCount === 1 ? '' : 's'}` : ''}.`}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={del.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          if (selected)
            del.mutate({ cloud: cloud.name, id: selected.id }, { onSuccess: tracker.track, onError: fail });
          setSelectedId('');
        }}
      />
    </>
  );
}

function NetworksView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const networks = useQuery(cloudQueries.networks(cloud.name));
  const [selectedId, setSelectedId] = useSearchParam('network');
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const onCloudError = useCloudErrorRefresh();
  const del = useDeleteCloudNetwork();
  useMarkAppReady(!networks.isPending);
  const tracker = useJobTracker((job) => {
    void queryClient.invalidateQueries({ queryKey: cloudKeys.all });
    if (job.status === 'Failed') setErrors((x) => [...x, job.message ?? `${job.title} failed.`]);
  });
  const all = networks.data ?? [];
  const selected = all.find((n) => n.id === selectedId);
  const groupHeader = cloud.kind === 'AzureStack' ? 'Cluster' : 'Subscription';
  const columns: DataTableColumn<CloudNetworkDto>[] = [
    {
      id: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.2fr)',
      cell: (n) => n.name,
      sortValue: (n) => n.name,
    },
    {
      id: 'address',
      header: 'Address space',
      width: 'minmax(140px, 1fr)',
      cell: (n) => n.addressSpace,
      sortValue: (n) => n.addressSpace,
    },
    {
      id: 'group',
      header: groupHeader,
      width: 'minmax(140px, 1fr)',
      cell: (n) => n.group,
      sortValue: (n) => n.group,
    },
    {
      id: 'used',
      header: 'Connected VMs',
      width: 'minmax(100px, 0.6fr)',
      cell: (n) => String(n.usedBy.length),
      sortValue: (n) => n.usedBy.length,
    },
  ];
  return (
    <>
      <ActionBar
        ariaLabel="Virtual network commands"
        actions={
          <ActionButton
            icon={<DeleteRegular />}
            disabled={!selected}
            onClick={() => {
              setError(null);
              setConfirm(true);
            }}
          >
            Delete
          </ActionButton>
        }
        itemCount={networks.data ? all.length : undefined}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedId('')}
        onRefresh={() => void networks.refetch()}
        refreshing={networks.isFetching}
      />
      <div className={styles.banners}>
        {tracker.running.length > 0 && (
          <Banner intent="info">
            {tracker.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
          </Banner>
        )}
        {errors.map((message, i) => (
          <Banner
            key={`${i}-${message}`}
            intent="error"
            onDismiss={() => setErrors((x) => x.filter((_m, k) => k !== i))}
          >
            {message}
          </Banner>
        ))}
      </div>
      {networks.isError ? (
        <ErrorState
          error={networks.error}
          title={`Couldn't load the virtual networks of ${cloud.name}`}
          onRetry={() => void networks.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel={`Virtual networks of ${cloud.name}`}
            items={all}
            columns={columns}
            getRowId={(n) => n.id}
            getRowLabel={(n) => n.name}
            selectionMode="single"
            selectedIds={selected ? [selected.id] : []}
            onSelectionChange={(ids) => setSelectedId(ids[0] ?? '')}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={networks.isPending}
          />
        </div>
      )}
      {selected && (
        <DetailsPane name={selected.name}>
          <DetailsGrid
            fields={[
              { label: 'Address space', value: selected.addressSpace },
              { label: groupHeader, value: selected.group },
              {
                label: 'Connected virtual machines',
                value:
                  selected.usedBy.length === 0
                    ? 'None'
                    : selected.usedBy.slice(0, 20).join(', ') +
                      (selected.usedBy.length > 20 ? ` and ${selected.usedBy.length - 20} more` : ''),
              },
            ]}
          />
        </DetailsPane>
      )}
      <ConfirmDialog
        open={confirm}
        title={`Delete the virtual network '${selected?.name ?? ''}'?`}
        message={`The virtual network '${selected?.name ?? ''}' (${selected?.addressSpace ?? ''}) will be deleted from ${cloud.name}.`}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={del.isPending}
        error={error}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          if (!selected) return;
          del.mutate(
            { cloud: cloud.name, id: selected.id },
            {
              onSuccess: (job) => {
                setConfirm(false);
                setSelectedId('');
                tracker.track(job);
              },
              onError: (e) => {
                onCloudError(e);
                setError(errorMessage(e));
              },
            },
          );
        }}
      />
    </>
  );
}

function SubscriptionsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const subscriptions = useQuery(cloudQueries.subscriptions(cloud.name));
  useMarkAppReady(!subscriptions.isPending);
  const columns: DataTableColumn<CloudSubscriptionDto>[] = [
    {
      id: 'name',
      header: 'Subscription',
      width: 'minmax(180px, 1.4fr)',
      cell: (s) => s.displayName,
      sortValue: (s) => s.displayName,
    },
    {
      id: 'id',
      header: 'Subscription ID',
      width: 'minmax(280px, 1.6fr)',
      cell: (s) => s.subscriptionId,
      sortValue: (s) => s.subscriptionId,
    },
    {
      id: 'state',
      header: 'Status',
      width: 'minmax(90px, 0.6fr)',
      cell: (s) => (
        <StatusBadge
          status={s.state}
          kind={s.state === 'Enabled' || s.state === 'Active' ? 'success' : 'warning'}
        />
      ),
      sortValue: (s) => s.state,
    },
    {
      id: 'vms',
      header: 'Virtual machines',
      width: 'minmax(110px, 0.7fr)',
      cell: (s) => s.vmCount.toLocaleString(),
      sortValue: (s) => s.vmCount,
    },
    {
      id: 'networks',
      header: cloud.kind === 'AzureStack' ? 'Clusters' : 'Virtual networks',
      width: 'minmax(110px, 0.7fr)',
      cell: (s) => String(s.networkCount),
      sortValue: (s) => s.networkCount,
    },
  ];
  return subscriptions.isError ? (
    <ErrorState
      error={subscriptions.error}
      title={`Couldn't load the subscriptions of ${cloud.name}`}
      onRetry={() => void subscriptions.refetch()}
    />
  ) : (
    <>
      <ActionBar
        itemCount={subscriptions.data?.length}
        onRefresh={() => void subscriptions.refetch()}
        refreshing={subscriptions.isFetching}
      />
      <div className={styles.tableArea}>
        <DataTable
          ariaLabel={`Subscriptions in ${cloud.name}`}
          items={subscriptions.data ?? []}
          columns={columns}
          getRowId={(s) => s.subscriptionId}
          defaultSort={{ columnId: 'name', direction: 'ascending' }}
          loading={subscriptions.isPending}
          emptyMessage={`${cloud.user ?? 'This account'} has no subscriptions in ${cloud.name}.`}
        />
      </div>
    </>
  );
}
