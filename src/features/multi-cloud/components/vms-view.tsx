import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { useSearchParam } from '@/lib/use-search-param';
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
  // The URL's `q` is the text whose rows are on screen. What is typed stays in the filter box (it keeps
  // its own text), so a keystroke renders the box alone: this view renders once, with the rows, when the
  // rows answering the text are in the cache; a slower answer to an earlier key is not shown.
  const [urlSearch, setUrlSearch] = useSearchParam('q');
  const [sort, setSort] = useState<SortState | undefined>();
  const [shownSearch, setShownSearch] = useState(urlSearch);
  const view = useMemo(() => viewOf(shownSearch, sort), [shownSearch, sort]);
  // The simulation filters, sorts and pages; the table asks for the rows around what it shows.
  const { page: vms, onRangeChange, prefetch, rowsCached } = useCloudVmRows(cloud.name, view);
  /** The latest text asked for, typed or from the URL: only its rows are shown. */
  const latestSearch = useRef(urlSearch);
  const showWhenCached = useCallback(
    (text: string) => {
      latestSearch.current = text;
      void rowsCached(viewOf(text, sort)).then(() => {
        if (latestSearch.current === text) setShownSearch(text);
      });
    },
    [rowsCached, sort],
  );
  const onSearchChange = (text: string) => {
    // Sent from the keystroke's own event; showWhenCached waits for that same request.
    prefetch(viewOf(text, sort));
    showWhenCached(text);
  };
  // A `q` this view did not write (the back button, a pasted link) replaces the text, in the box too.
  const writtenSearch = useRef(urlSearch);
  useEffect(() => {
    if (urlSearch === writtenSearch.current) return;
    writtenSearch.current = urlSearch;
    showWhenCached(urlSearch);
  }, [urlSearch, showWhenCached]);
  const [selectedId, setSelectedId] = useSearchParam('vm');
  useMarkAppReady(!vms.isPending);
  // The URL takes the text (`q`) once the rows answering it are on screen, not in their way: in a task after
  // the frame that paints them. Written from this effect directly, the router's navigation and
  // history.replaceState ran inside the rows' own task (React flushes this effect with the commit of a
  // store update); written from a task queued at the commit, it often ran before that frame, and the page's
  // render for the new URL (some 10 ms, CPU slowed 2×) delayed the rows' paint: keydown to the painted rows
  // took 73 against 62 ms (median of 14 first keys a side). A tab in the background paints no frames, so
  // its URL catches up when it is shown again.
  const searchShown = !vms.isPending && !vms.isPlaceholderData;
  useEffect(() => {
    // A text typed past already is not written: each write renders the page again, between keystrokes.
    if (!searchShown || shownSearch === writtenSearch.current) return;
    let later = 0;
    const frame = window.requestAnimationFrame(() => {
      later = window.setTimeout(() => {
        if (shownSearch !== latestSearch.current) return;
        writtenSearch.current = shownSearch;
        setUrlSearch(shownSearch);
      }, 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearTimeout(later);
    };
  }, [searchShown, shownSearch, setUrlSearch]);

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
          value: urlSearch,
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
