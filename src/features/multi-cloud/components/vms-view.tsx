import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  CLOUD_VM_SORT_KEYS,
  type CloudSummaryDto,
  type CloudVmDto,
  type CloudVmSortKey,
} from '@/api/vms-contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn, type SortState } from '@/components/data-table/data-table';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { useSearchParam, useSearchText } from '@/lib/use-search-param';
import type { CloudVmView } from '@/api/queries/cloud-queries';
import { useCloudVmRows } from '../api/use-cloud-vm-rows';
import { groupHeaderOf } from './cloud-status';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, paddingBlock: tokens.spacingVerticalS },
});

const isSortKey = (id: string): id is CloudVmSortKey =>
  (CLOUD_VM_SORT_KEYS as readonly string[]).includes(id);

// One formatter for every cell: toLocaleString with options builds a new one per call, which a profile of
// the 10,000-VM filter showed as the costliest part of rendering a row.
const gigabytes = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const memory = (mib: number) => `${gigabytes.format(mib / 1024)} GB`;

/** What the table asks the simulation for: the text typed and the sort of the headers. */
function viewOf(search: string, sort: SortState | undefined): CloudVmView {
  return {
    search,
    ...(sort && isSortKey(sort.columnId) ? { sort: sort.columnId } : {}),
    direction: sort?.direction ?? 'ascending',
  };
}

/** The VM list of one cloud; selecting a VM opens its blade (`vm` in the URL), where its commands are. */
export function VmsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const [search, setSearch, writeSearchToUrl] = useSearchText('q', { urlLater: true });
  const [sort, setSort] = useState<SortState | undefined>();
  // The text whose rows the table shows. It follows the box once those rows are in the cache, so a
  // keystroke renders the box alone, and the table renders once, with its rows, when they arrive (not first
  // with the previous text's rows as a placeholder). Only the latest text is shown: a slower answer to an
  // earlier key is not.
  const [shownSearch, setShownSearch] = useState(search);
  const view = useMemo(() => viewOf(shownSearch, sort), [shownSearch, sort]);
  // The simulation filters, sorts and pages; the table asks for the rows around what it shows.
  const { page: vms, onRangeChange, prefetch, rowsCached } = useCloudVmRows(cloud.name, view);
  const onSearchChange = (text: string) => {
    setSearch(text);
    // Sent from the keystroke's own event; the effect below waits for that same request.
    prefetch(viewOf(text, sort));
  };
  useEffect(() => {
    let latest = true;
    void rowsCached(viewOf(search, sort)).then(() => {
      if (latest) setShownSearch(search);
    });
    return () => {
      latest = false;
    };
  }, [search, sort, rowsCached]);
  const [selectedId, setSelectedId] = useSearchParam('vm');
  useMarkAppReady(!vms.isPending);
  // The URL takes the text (`q`) once the rows answering it are on screen, not in the keystroke's way: in a
  // task after the one that renders them. Written from this effect directly, the router's navigation and
  // history.replaceState ran inside the rows' own task (React flushes this effect with the commit of a
  // store update), so the browser could show the rows only after the URL had been written.
  const searchShown = shownSearch === search && !vms.isPending && !vms.isPlaceholderData;
  useEffect(() => {
    if (!searchShown) return;
    const later = window.setTimeout(() => writeSearchToUrl(shownSearch), 0);
    return () => window.clearTimeout(later);
  }, [searchShown, shownSearch, writeSearchToUrl]);

  const rows = useMemo(() => vms.data?.items ?? [], [vms.data]);
  const groupHeader = groupHeaderOf(cloud);
  const columns = useMemo<DataTableColumn<CloudVmDto>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        width: 'minmax(115px, 1.3fr)',
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
        width: 'minmax(180px, 1fr)',
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
        // Never cut: "Windows Server 2022 Datacenter" alone does not tell which edition runs. The minimums
        // are the widths of the longest values (here "…: Azure Edition") and add up to what a 1280-wide
        // window leaves the grid; a narrower one scrolls the grid sideways instead of cutting a value.
        width: 'minmax(320px, 2fr)',
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

  return (
    <>
      <ActionBar
        ariaLabel="Virtual machine actions"
        itemCount={vms.data?.unfiltered}
        onRefresh={() => void vms.refetch()}
        refreshing={vms.isFetching}
        search={{
          value: search,
          onChange: onSearchChange,
          matchCount: vms.data?.total ?? 0,
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
