import { Dropdown, makeStyles, Option, Tab, TabList, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { VmDto } from '@/api/contract';
import type { VmPowerActionDto } from '@/api/vms-contract';
import { ActionFailures } from '@/components/action-failure/action-failures';
import { Banner } from '@/components/banner/banner';
import { CheckpointPanel } from '@/components/checkpoint-tree/checkpoint-panel';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { ContextPane } from '@/components/context-pane/context-pane';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useVmActions } from '@/components/vm-action-bar/use-vm-actions';
import { VmActionBar } from '@/components/vm-action-bar/vm-action-bar';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDuration } from '@/lib/format';
import { vmCommand } from '@/lib/powershell';
import { rankedSortValue } from '@/lib/ranked-sort';
import { useSearchParam, useSearchParamList, useSearchText } from '@/lib/use-search-param';
import { canPower, POWER_ACTIONS } from '@/lib/vm-power-state';
import { VM_ACTION_META, vmPath } from '../api/vm-mutations';
import { vmQueries } from '../api/vm-queries';
import { CreateVmPane } from './create-vm-pane';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  filterLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
  tabs: { marginBottom: tokens.spacingVerticalM },
  settingsGroup: {
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STATE_FILTERS = ['Running', 'Off', 'Saved', 'Other'] as const;

// One formatter for every cell (toLocaleString with options builds one per call, costly in a 10,000-row grid).
const gigabytes = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const formatMemory = (mib: number) => (mib >= 1024 ? `${gigabytes.format(mib / 1024)} GB` : `${mib} MB`);

type DetailsTab = 'summary' | 'checkpoints';

/** Cluster Manager's Virtual machines tool: the inventory, power and lifecycle actions as jobs, checkpoints, Connect. */
export function VmsTool({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const list = useQuery(vmQueries.list(clusterName));
  const [search, setSearch] = useSearchText('q');
  const [selectedIds, setSelectedIds] = useSearchParamList('selected');
  const [stateFilter, setStateFilter] = useSearchParam('state');
  const [hostFilter, setHostFilter] = useSearchParam('host');
  const [tabParam, setTab] = useSearchParam('tab');
  const [detailsExpanded, setDetailsExpanded] = useState(true);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'turn-off' | undefined>();
  const [showSettings, setShowSettings] = useState(false);
  const actions = useVmActions({ vmPath: (vm) => vmPath(vm.id), meta: VM_ACTION_META });
  useMarkAppReady(!list.isPending);

  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const hosts = useMemo(() => [...new Set(all.map((v) => v.hostServer))].sort(), [all]);
  const haystacks = useMemo(
    () =>
      new Map(
        all.map((v) => [v, `${v.name} ${v.state} ${v.hostServer} ${v.os} ${v.ipAddress}`.toLowerCase()]),
      ),
    [all],
  );
  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return all.filter(
      (v) =>
        (q === '' || (haystacks.get(v) ?? '').includes(q)) &&
        (stateFilter === '' ||
          (stateFilter === 'Other'
            ? !['Running', 'Off', 'Saved'].includes(v.state)
            : v.state === stateFilter)) &&
        (hostFilter === '' || v.hostServer === hostFilter),
    );
  }, [all, haystacks, search, stateFilter, hostFilter]);

  const columns = useMemo<DataTableColumn<VmDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(140px, 1.4fr)',
        cell: (v) => v.name,
        sortValue: rankedSortValue(all, (v) => v.name),
      },
      {
        id: 'state',
        header: 'State',
        width: 'minmax(110px, 0.9fr)',
        cell: (v) => <StatusBadge status={v.state} />,
        sortValue: rankedSortValue(all, (v) => v.state),
      },
      {
        id: 'host',
        header: 'Host server',
        width: 'minmax(110px, 1fr)',
        cell: (v) => v.hostServer,
        sortValue: rankedSortValue(all, (v) => v.hostServer),
      },
      {
        id: 'generation',
        header: 'Generation',
        width: 'minmax(112px, 0.7fr)',
        cell: (v) => `Generation ${v.generation}`,
        sortValue: (v) => v.generation,
      },
      {
        id: 'cpu',
        header: 'CPU',
        width: 'minmax(124px, 0.8fr)',
        cell: (v) => `${v.cpuUsagePercent}% of ${v.cpuCount} vCPU`,
        sortValue: (v) => v.cpuUsagePercent,
      },
      {
        id: 'memory',
        header: 'Memory',
        width: 'minmax(80px, 0.6fr)',
        cell: (v) => formatMemory(v.memoryMiB),
        sortValue: (v) => v.memoryMiB,
      },
      {
        id: 'uptime',
        header: 'Uptime',
        width: 'minmax(90px, 0.7fr)',
        cell: (v) => formatDuration(v.uptimeSeconds),
        sortValue: (v) => v.uptimeSeconds ?? -1,
      },
      {
        id: 'benefits',
        header: 'Azure benefits',
        width: 'minmax(130px, 0.8fr)',
        cell: (v) => <StatusBadge status={v.azureBenefits} />,
        sortValue: rankedSortValue(all, (v) => v.azureBenefits),
      },
    ],
    [all],
  );

  const selected = all.filter((v) => selectedIds.includes(v.id));
  const single = selected.length === 1 ? selected[0] : undefined;
  const detail = useQuery({ ...vmQueries.detail(single?.id ?? ''), enabled: single !== undefined });
  const tab: DetailsTab = tabParam === 'checkpoints' ? 'checkpoints' : 'summary';

  const runPower = (action: VmPowerActionDto) => {
    for (const vm of selected.filter((v) => canPower(action, v.state)))
      actions.power(vm, action, POWER_ACTIONS[action].label.toLowerCase());
  };
  const can = (action: VmPowerActionDto) => selected.some((v) => canPower(action, v.state));
  const deletable = selected.filter((v) => v.state === 'Off' || v.state === 'Saved');
  // "Show PowerShell": each action the selection allows, one line a VM, run against the VM's host.
  const psSection = (
    label: string,
    action: VmPowerActionDto | 'checkpoint' | 'delete',
    vms: readonly VmDto[],
  ) =>
    vms.length === 0
      ? []
      : [`# ${label}`, ...vms.map((v) => vmCommand(action, { name: v.name, computerName: v.hostServer }))];
  const vmScript = [
    ...(Object.keys(POWER_ACTIONS) as VmPowerActionDto[]).flatMap((a) =>
      psSection(
        POWER_ACTIONS[a].label,
        a,
        selected.filter((v) => canPower(a, v.state)),
      ),
    ),
    ...psSection('Checkpoint', 'checkpoint', selected),
    ...psSection('Delete', 'delete', deletable.length === selected.length ? deletable : []),
  ];

  const checkpointsOf = (vm: VmDto) => vm.checkpointCount;
  const deleteMessage =
    deletable.length === 1 && deletable[0]
      ? `The virtual machine '${deletable[0].name}' will be deleted from ${deletable[0].hostServer}${checkpointsOf(deletable[0]) > 0 ? `, with its ${checkpointsOf(deletable[0])} checkpoint${checkpointsOf(deletable[0]) === 1 ? '' : 's'}` : ''}. Its virtual hard disk files are kept.`
      : `These ${deletable.length} virtual machines will be deleted, with their checkpoints (${deletable.reduce((n, v) => n + v.checkpointCount, 0)} in all): ${deletable.map((v) => `'${v.name}'`).join(', ')}. Their virtual hard disk files are kept.`;

  return (
    <PageLayout fill>
      <PageHeader title="Virtual machines" />
      <VmActionBar
        commands={[
          { id: 'create', onClick: () => setCreating(true) },
          { id: 'start', disabled: !can('start'), onClick: () => runPower('start') },
          { id: 'turn-off', disabled: !can('turn-off'), onClick: () => setConfirm('turn-off') },
          { id: 'shutdown', disabled: !can('shutdown'), onClick: () => runPower('shutdown') },
          { id: 'save', disabled: !can('save'), onClick: () => runPower('save') },
          {
            id: 'delete',
            disabled: deletable.length === 0 || deletable.length !== selected.length,
            onClick: () => setConfirm('delete'),
          },
          {
            id: 'connect',
            disabled: single?.state !== 'Running' || actions.connecting,
            onClick: () => single && actions.connect(single),
          },
          {
            id: 'checkpoints',
            disabled: !single,
            onClick: () => {
              setTab('checkpoints');
              setDetailsExpanded(true);
            },
          },
          { id: 'settings', disabled: !single, onClick: () => setShowSettings(true) },
        ]}
        extra={
          <ShowPowerShell
            title={
              single
                ? `PowerShell for the actions on '${single.name}'`
                : `PowerShell for the actions on ${selected.length} virtual machines`
            }
            commands={vmScript}
          />
        }
        itemCount={list.data ? all.length : undefined}
        selectedCount={selected.length}
        onClearSelection={() => setSelectedIds([])}
        onRefresh={() => void list.refetch()}
        refreshing={list.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search virtual machines',
        }}
      />
      <div className={styles.filters} role="group" aria-label="Filters">
        <span className={styles.filterLabel}>Filter</span>
        <Dropdown
          aria-label="State"
          size="small"
          value={stateFilter === '' ? 'All states' : stateFilter}
          selectedOptions={[stateFilter]}
          onOptionSelect={(_e, d) => setStateFilter(d.optionValue ?? '')}
        >
          <Option value="">All states</Option>
          {STATE_FILTERS.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          aria-label="Host server"
          size="small"
          value={hostFilter === '' ? 'All servers' : hostFilter}
          selectedOptions={[hostFilter]}
          onOptionSelect={(_e, d) => setHostFilter(d.optionValue ?? '')}
        >
          <Option value="">All servers</Option>
          {hosts.map((h) => (
            <Option key={h} value={h}>
              {h}
            </Option>
          ))}
        </Dropdown>
      </div>
      <div className={styles.banners}>
        {actions.running.length > 0 && (
          <Banner intent="info">
            {actions.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
          </Banner>
        )}
        <ActionFailures
          failures={actions.failures}
          onDismiss={actions.dismiss}
          renderAction={(failure) => (
            <TroubleshootLink cluster={clusterName} error={errorMessage(failure.error)} />
          )}
        />
        {actions.notice && (
          <Banner intent="success" onDismiss={actions.clearNotice}>
            {actions.notice}
          </Banner>
        )}
      </div>
      {isLoadFailure(list) ? (
        <ErrorState
          error={list.error}
          title={`Couldn't load the virtual machines of ${clusterName}`}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel="Virtual machines"
            items={visible}
            columns={columns}
            getRowId={(v) => v.id}
            getRowLabel={(v) => v.name}
            selectionMode="multi"
            selectedIds={selectedIds}
            onSelectionChange={setSelectedIds}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={list.isPending}
          />
        </div>
      )}
      {single ? (
        <DetailsPane name={single.name} expanded={detailsExpanded} onExpandedChange={setDetailsExpanded}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_e, d) => setTab(d.value === 'summary' ? '' : String(d.value))}
            aria-label={`Details of ${single.name}`}
          >
            <Tab value="summary">Summary</Tab>
            <Tab value="checkpoints">{`Checkpoints (${single.checkpointCount})`}</Tab>
          </TabList>
          {tab === 'summary' ? (
            <DetailsGrid
              fields={[
                { label: 'State', value: <StatusBadge status={single.state} /> },
                { label: 'Host server', value: single.hostServer },
                { label: 'Clustered', value: single.clustered ? 'Yes' : 'No' },
                { label: 'Generation', value: `Generation ${single.generation}` },
                { label: 'Operating system', value: single.os },
                { label: 'IP address', value: single.ipAddress },
                { label: 'Virtual processors', value: String(single.cpuCount) },
                { label: 'CPU usage', value: `${single.cpuUsagePercent}%` },
                { label: 'Memory', value: formatMemory(single.memoryMiB) },
                { label: 'Uptime', value: formatDuration(single.uptimeSeconds) },
                { label: 'Networks', value: single.networks.join(', ') },
                { label: 'Azure benefits', value: <StatusBadge status={single.azureBenefits} /> },
              ]}
            />
          ) : detail.isError ? (
            <ErrorState
              error={detail.error}
              title={`Couldn't load the checkpoints of ${single.name}`}
              onRetry={() => void detail.refetch()}
            />
          ) : (
            <CheckpointPanel
              vmName={single.name}
              checkpoints={detail.data?.checkpoints ?? []}
              disabled={detail.isPending}
              onAction={actions.checkpoint(single)}
            />
          )}
        </DetailsPane>
      ) : (
        list.isSuccess && (
          <p className={styles.hint}>
            {selected.length > 1
              ? `${selected.length} virtual machines selected.`
              : 'Select a virtual machine to see its details.'}
          </p>
        )
      )}

      {creating && (
        <CreateVmPane
          cluster={clusterName}
          existingNames={all.map((v) => v.name)}
          onClose={() => setCreating(false)}
          onCreated={(job) => {
            setCreating(false);
            actions.setNotice(job.message ?? undefined);
          }}
        />
      )}

      <ConfirmDialog
        open={confirm === 'delete'}
        title={
          deletable.length === 1
            ? `Delete the virtual machine '${deletable[0]?.name ?? ''}'?`
            : `Delete ${deletable.length} virtual machines?`
        }
        message={deleteMessage}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={actions.deleting}
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => {
          setConfirm(undefined);
          for (const vm of deletable) actions.remove(vm);
          setSelectedIds([]);
        }}
      />
      <ConfirmDialog
        open={confirm === 'turn-off'}
        title={`Turn off ${selected.length === 1 ? `'${selected[0]?.name ?? ''}'` : `${selected.length} virtual machines`}?`}
        message="Turning off is like pulling the power plug: unsaved work in the guest operating system is lost. Choose Shut down to let the guest close cleanly."
        confirmLabel="Turn off"
        cancelLabel="Cancel"
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => {
          setConfirm(undefined);
          runPower('turn-off');
        }}
      />
      {showSettings && single && (
        <ContextPane
          open
          size="wide"
          title={`Settings for ${single.name}`}
          description="The virtual machine's configuration as Hyper-V reports it."
          primaryLabel="Close"
          secondaryLabel="Cancel"
          onSubmit={() => setShowSettings(false)}
          onClose={() => setShowSettings(false)}
        >
          {detail.isError ? (
            <ErrorState
              error={detail.error}
              title={`Couldn't load the settings of ${single.name}`}
              onRetry={() => void detail.refetch()}
            />
          ) : (
            [...new Set((detail.data?.settings ?? []).map((s) => s.group))].map((group) => (
              <section key={group} aria-label={group}>
                <h3 className={styles.settingsGroup}>{group}</h3>
                <DetailsGrid
                  fields={(detail.data?.settings ?? [])
                    .filter((s) => s.group === group)
                    .map((s) => ({ label: s.label, value: s.value }))}
                />
              </section>
            ))
          )}
        </ContextPane>
      )}
    </PageLayout>
  );
}
