import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  CLOUD_VM_SORT_KEYS,
  type CloudSummaryDto,
  type CloudVmDto,
  type CloudVmSortKey,
} from '@/api/vms-contract';
import { ActionFailures } from '@/components/action-failure/action-failures';
import { useActionFailures } from '@/components/action-failure/use-action-failures';
import { Banner } from '@/components/banner/banner';
import { CheckpointPanel } from '@/components/checkpoint-tree/checkpoint-panel';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn, type SortState } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane } from '@/components/details-pane/details-pane';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { VmActionBar } from '@/components/vm-action-bar/vm-action-bar';
import { useMarkAppReady } from '@/lib/app-ready';
import { downloadText } from '@/lib/download-file';
import { formatDuration } from '@/lib/format';
import { useJobTracker } from '@/lib/use-job-tracker';
import { useSearchParam, useSearchText } from '@/lib/use-search-param';
import { checkpointRequest, fetchRdp } from '@/lib/vm-requests';
import { cloudKeys, cloudQueries, cloudVmPath, type CloudVmView } from '@/api/queries/cloud-queries';
import { useCloudVmPower, useDeleteCloudVm } from '../api/cloud-mutations';
import { useCloudVmRows } from '../api/use-cloud-vm-rows';
import { groupHeaderOf, useCloudErrorRefresh } from './cloud-status';

const useStyles = makeStyles({
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

type VmTab = 'overview' | 'settings' | 'checkpoints';

const isSortKey = (id: string): id is CloudVmSortKey =>
  (CLOUD_VM_SORT_KEYS as readonly string[]).includes(id);

const memory = (mib: number) => `${(mib / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;

/** The VM list of one cloud with the VM blade's commands: Connect, Start, Stop, Delete, Checkpoints. */
export function VmsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchText('q');
  const [sort, setSort] = useState<SortState | undefined>();
  // The keystroke paints the box at once; the list's request and rows follow as a transition.
  const deferredSearch = useDeferredValue(search);
  const view = useMemo<CloudVmView>(
    () => ({
      search: deferredSearch,
      ...(sort && isSortKey(sort.columnId) ? { sort: sort.columnId } : {}),
      direction: sort?.direction ?? 'ascending',
    }),
    [deferredSearch, sort],
  );
  const { page: vms, onRangeChange } = useCloudVmRows(cloud.name, view);
  const [selectedId, setSelectedId] = useSearchParam('vm');
  const [tabParam, setTab] = useSearchParam('tab');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { failures, report, dismiss } = useActionFailures();
  const [notice, setNotice] = useState<string | undefined>();
  const onCloudError = useCloudErrorRefresh();
  useMarkAppReady(!vms.isPending);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: cloudKeys.all });
  const fail = (title: string, retry: () => void) => (e: unknown) => {
    onCloudError(e);
    report(title, e, retry);
  };
  const tracker = useJobTracker((job) => {
    refresh();
    if (job.status === 'Failed') report(`${job.title} failed`, job.message ?? `${job.title} failed.`);
  });
  const power = useCloudVmPower();
  const del = useDeleteCloudVm();

  const rows = useMemo(() => vms.data?.items ?? [], [vms.data]);
  const groupHeader = groupHeaderOf(cloud);
  const columns = useMemo<DataTableColumn<CloudVmDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(150px, 1.3fr)',
        cell: (v) => v.name,
        sortValue: (v) => v.name,
      },
      {
        id: 'status',
        header: 'Status',
        width: 'minmax(100px, 0.8fr)',
        cell: (v) => <StatusBadge status={v.state} />,
        sortValue: (v) => v.state,
      },
      {
        id: 'group',
        header: groupHeader,
        width: 'minmax(140px, 1fr)',
        cell: (v) => v.group,
        sortValue: (v) => v.group,
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
        sortValue: (v) => v.os,
      },
      {
        id: 'ip',
        header: 'IP address',
        width: 'minmax(110px, 0.8fr)',
        cell: (v) => v.ipAddress,
        sortValue: (v) => v.ipAddress,
      },
      {
        id: 'checkpoints',
        header: 'Checkpoints',
        width: 'minmax(90px, 0.6fr)',
        cell: (v) => String(v.checkpointCount),
        sortValue: (v) => v.checkpointCount,
      },
    ],
    [groupHeader],
  );
  // The selected VM may be on no page fetched (a deep link, a scrolled-away row): its own request finds it.
  const detail = useQuery({ ...cloudQueries.vm(cloud.name, selectedId), enabled: selectedId !== '' });
  const selected: CloudVmDto | undefined =
    rows.find((v) => v.id === selectedId) ?? (detail.isError ? undefined : detail.data);
  const tab: VmTab = tabParam === 'settings' || tabParam === 'checkpoints' ? tabParam : 'overview';

  const selectedRowIds = useMemo(() => (selectedId ? [selectedId] : []), [selectedId]);
  // The grid re-renders only when its rows or selection change, not on every URL update the search causes.
  const table = useMemo(
    () => (
      <DataTable
        ariaLabel={`Virtual machines of ${cloud.name}`}
        items={rows}
        rowCount={vms.data?.total ?? 0}
        rowOffset={vms.data?.offset ?? 0}
        onRangeChange={onRangeChange}
        sort={sort}
        onSortChange={setSort}
        columns={columns}
        getRowId={(v) => v.id}
        getRowLabel={(v) => v.name}
        selectionMode="single"
        selectedIds={selectedRowIds}
        onSelectionChange={(ids) => setSelectedId(ids[0] ?? '')}
        loading={vms.isPending}
      />
    ),
    [cloud.name, rows, vms.data, onRangeChange, sort, columns, selectedRowIds, setSelectedId, vms.isPending],
  );

  const connect = (vm: CloudVmDto) => {
    fetchRdp(`${cloudVmPath(cloud.name, vm.id)}/rdp`)
      .then((text) => {
        downloadText(`${vm.name}.rdp`, text, 'application/x-rdp');
        setNotice(
          `Downloaded ${vm.name}.rdp: open it to connect to ${vm.name} at ${vm.ipAddress} through Remote Desktop.`,
        );
      })
      .catch(fail(`Couldn't connect to the virtual machine '${vm.name}'.`, () => connect(vm)));
  };
  const powerOne = (vm: CloudVmDto, action: 'start' | 'stop') =>
    power.mutate(
      { cloud: cloud.name, id: vm.id, action },
      {
        onSuccess: tracker.track,
        onError: fail(`Couldn't ${action} the virtual machine '${vm.name}'.`, () => powerOne(vm, action)),
      },
    );
  const deleteOne = (vm: CloudVmDto) =>
    del.mutate(
      { cloud: cloud.name, id: vm.id },
      {
        onSuccess: tracker.track,
        onError: fail(`Couldn't delete the virtual machine '${vm.name}'.`, () => deleteOne(vm)),
      },
    );

  return (
    <>
      <VmActionBar
        commands={[
          {
            id: 'connect',
            disabled: selected?.state !== 'Running',
            onClick: () => selected && connect(selected),
          },
          {
            id: 'start',
            disabled: !selected || !['Off', 'Saved', 'Paused'].includes(selected.state),
            onClick: () => selected && powerOne(selected, 'start'),
          },
          {
            id: 'stop',
            disabled: selected?.state !== 'Running',
            onClick: () => selected && powerOne(selected, 'stop'),
          },
          {
            id: 'delete',
            disabled: !selected || !['Off', 'Saved'].includes(selected.state),
            onClick: () => setConfirmDelete(true),
          },
          { id: 'checkpoints', disabled: !selected, onClick: () => setTab('checkpoints') },
        ]}
        itemCount={vms.data?.unfiltered}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedId('')}
        onRefresh={() => void vms.refetch()}
        refreshing={vms.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: vms.data?.total ?? 0,
          placeholder: 'Filter virtual machines',
        }}
      />
      <div className={styles.banners}>
        {tracker.running.length > 0 && (
          <Banner intent="info">
            {tracker.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
          </Banner>
        )}
        <ActionFailures failures={failures} onDismiss={dismiss} />
        {notice && (
          <Banner intent="success" onDismiss={() => setNotice(undefined)}>
            {notice}
          </Banner>
        )}
      </div>
      {isLoadFailure(vms) ? (
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
          if (selected) deleteOne(selected);
          setSelectedId('');
        }}
      />
    </>
  );
}
