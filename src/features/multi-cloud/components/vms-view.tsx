import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CloudSummaryDto, CloudVmDto } from '@/api/vms-contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { rankedSortValue } from '@/lib/ranked-sort';
import { useSearchParam, useSearchText } from '@/lib/use-search-param';
import { cloudQueries } from '@/api/queries/cloud-queries';
import { groupHeaderOf } from './cloud-status';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
});

const memory = (mib: number) => `${(mib / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;

/** The VM list of one cloud; selecting a VM opens its blade (`vm` in the URL), where its commands are. */
export function VmsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const vms = useQuery(cloudQueries.vms(cloud.name));
  const [search, setSearch] = useSearchText('q');
  const [selectedId, setSelectedId] = useSearchParam('vm');
  useMarkAppReady(!vms.isPending);

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
  const groupHeader = groupHeaderOf(cloud);
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

  return (
    <>
      <ActionBar
        ariaLabel="Virtual machine actions"
        itemCount={vms.data ? all.length : undefined}
        onRefresh={() => void vms.refetch()}
        refreshing={vms.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Filter virtual machines',
        }}
      />
      {isLoadFailure(vms) ? (
        <ErrorState
          error={vms.error}
          title={`Couldn't load the virtual machines of ${cloud.name}`}
          onRetry={() => void vms.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>{table}</div>
      )}
      {vms.isSuccess && <p className={styles.hint}>Select a virtual machine to open it.</p>}
    </>
  );
}
