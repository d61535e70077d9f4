import { Button, Checkbox, mergeClasses } from '@fluentui/react-components';
import { ArrowSortDownFilled, ArrowSortUpFilled } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { compareSortValues } from '@/lib/sort';
import { useDataTableStyles } from './data-table.styles';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export interface DataTableColumn<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** Makes the column sortable; return the value to compare. */
  sortValue?: (item: T) => string | number | null;
  /** A CSS grid track size. @default 'minmax(120px, 1fr)' */
  width?: string;
}

export type SelectionMode = 'none' | 'single' | 'multi';

export interface DataTableProps<T> {
  /** Names the grid for screen readers, e.g. "Servers". */
  ariaLabel: string;
  items: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowId: (item: T) => string;
  /** Names a row in its checkbox label ("Select hci-node1"). @default getRowId */
  getRowLabel?: (item: T) => string;
  /** @default 'none' */
  selectionMode?: SelectionMode;
  selectedIds?: readonly string[];
  onSelectionChange?: (ids: string[]) => void;
  /** Initial sort when uncontrolled. */
  defaultSort?: SortState;
  /**
   * The owner sorts: the table shows `sort` on its headers, reports a header click here and leaves the items
   * in the order given (a list sorted by the server).
   */
  onSortChange?: (sort: SortState) => void;
  sort?: SortState;
  /**
   * The list's length when the owner holds only a window of it (a server-paged list): `items` are the rows
   * from `rowOffset` on, and rows outside them show as loading until the owner fetches them.
   */
  rowCount?: number;
  /** @default 0 */
  rowOffset?: number;
  /** The first and last row in view (virtual lists), so a paged owner fetches what is on screen. */
  onRangeChange?: (first: number, last: number) => void;
  /** Enter on a row, or a double click. */
  onRowActivate?: (item: T) => void;
  /** @default false */
  loading?: boolean;
  /** @default 'No records found' */
  emptyMessage?: string;
  /** Row height in px; fixed so the virtualiser needs no measuring. @default 36 */
  rowHeight?: number;
  /** Lists longer than this render only the rows in view. @default 100 */
  virtualizeAbove?: number;
  className?: string;
}

const selectionColumnWidth = '44px';

/** The narrowest a track may get: the px minimum of `minmax(Npx, …)` or of a fixed `Npx` track. */
function trackMinPx(track: string): number {
  const match = /^(?:minmax\(\s*)?(\d+(?:\.\d+)?)px/.exec(track.trim());
  return match ? Number(match[1]) : 0;
}

/**
 * WAC's master-view grid: sortable headers, single or checkbox multi-selection, the WAC keyboard model
 * (↑/↓, Home/End, PageUp/PageDown, Space to toggle, Enter to open) and virtual rows for long lists, so 10,000
 * VMs cost as much as the forty on screen. Focus stays on the grid and `aria-activedescendant` names the
 * active row, which keeps keyboard position stable while rows mount and unmount under the virtualiser.
 */
export function DataTable<T>({
  ariaLabel,
  items,
  columns,
  getRowId,
  getRowLabel = getRowId,
  selectionMode = 'none',
  selectedIds = [],
  onSelectionChange,
  defaultSort,
  onSortChange,
  sort: ownerSort,
  rowCount,
  rowOffset = 0,
  onRangeChange,
  onRowActivate,
  loading = false,
  emptyMessage = 'No records found',
  rowHeight = 36,
  virtualizeAbove = 100,
  className,
}: DataTableProps<T>) {
  const styles = useDataTableStyles();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [ownSort, setSort] = useState<SortState | undefined>(defaultSort);
  const sort = onSortChange ? ownerSort : ownSort;
  const [activeIndex, setActiveIndex] = useState(-1);
  const [hasFocus, setHasFocus] = useState(false);

  const sortedItems = useMemo(() => {
    const column = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
    const sortValue = column?.sortValue;
    if (!sort || !sortValue || onSortChange) return items;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...items].sort((a, b) => factor * compareSortValues(sortValue(a), sortValue(b)));
  }, [items, columns, sort, onSortChange]);
  const count = rowCount ?? sortedItems.length;
  /** The row at a position of the whole list; undefined while a paged owner has not fetched it. */
  const itemAt = (index: number): T | undefined =>
    index >= rowOffset && index - rowOffset < sortedItems.length ? sortedItems[index - rowOffset] : undefined;

  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const gridTemplateColumns = [
    ...(selectionMode === 'multi' ? [selectionColumnWidth] : []),
    ...columns.map((c) => c.width ?? 'minmax(120px, 1fr)'),
  ].join(' ');
  const columnCount = columns.length + (selectionMode === 'multi' ? 1 : 0);
  // Columns shrink to their minimum, then the grid scrolls sideways inside itself (never the page); rows and
  // header keep that width so hover, selection and borders run the whole row.
  const minRowWidth = `${[
    ...(selectionMode === 'multi' ? [selectionColumnWidth] : []),
    ...columns.map((c) => c.width ?? 'minmax(120px, 1fr)'),
  ].reduce((sum, track) => sum + trackMinPx(track), 0)}px`;

  const virtual = count > virtualizeAbove;
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: headerRef.current?.offsetHeight ?? rowHeight,
    // The sticky header covers the first row's height of the viewport; keyboard scrolling must clear it.
    scrollPaddingStart: headerRef.current?.offsetHeight ?? rowHeight,
  });

  // Keep the active row inside the list when filtering shrinks it.
  useEffect(() => {
    if (activeIndex >= count) setActiveIndex(count - 1);
  }, [activeIndex, count]);

  const rowDomId = (index: number) => `${baseId}-row-${index}`;

  const scrollRowIntoView = (index: number) => {
    if (virtual) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      return;
    }
    // Scrolls the grid only: scrollIntoView would also scroll every ancestor, even overflow-hidden layouts.
    const container = scrollRef.current;
    const row = document.getElementById(rowDomId(index));
    if (!container || !row) return;
    const view = container.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const headerHeight = headerRef.current?.offsetHeight ?? 0;
    if (box.top < view.top + headerHeight) container.scrollTop -= view.top + headerHeight - box.top;
    else if (box.bottom > view.bottom) container.scrollTop += box.bottom - view.bottom;
  };

  const changeSelection = (ids: string[]) => onSelectionChange?.(ids);

  const toggleRow = (item: T) => {
    const id = getRowId(item);
    if (selectionMode === 'multi') {
      changeSelection(selected.has(id) ? selectedIds.filter((s) => s !== id) : [...selectedIds, id]);
    } else if (selectionMode === 'single') {
      changeSelection(selected.has(id) ? [] : [id]);
    }
  };

  const moveTo = (index: number) => {
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(clamped);
    scrollRowIntoView(clamped);
    const item = itemAt(clamped);
    // In a single-select grid the selection follows the keyboard, as in WAC's master view.
    if (selectionMode === 'single' && item) changeSelection([getRowId(item)]);
  };

  const pageSize = () => {
    const height = scrollRef.current?.clientHeight ?? 0;
    return Math.max(1, Math.floor(height / rowHeight) - 1 || 10);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a checkbox or link inside a cell belong to that control.
    if (event.target !== event.currentTarget) return;
    const current = activeIndex < 0 ? -1 : activeIndex;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current <= 0 ? 0 : current - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(count - 1);
        break;
      case 'PageDown':
        moveTo(current + pageSize());
        break;
      case 'PageUp':
        moveTo(current - pageSize());
        break;
      case ' ': {
        const item = itemAt(current);
        if (item && selectionMode !== 'none') toggleRow(item);
        break;
      }
      case 'Enter': {
        const item = itemAt(current);
        if (item && onRowActivate) onRowActivate(item);
        else if (item && selectionMode !== 'none') toggleRow(item);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  /** Rows are found from the click target (one listener on the grid, which owns focus and keys). */
  const rowFromEvent = (event: MouseEvent): { item: T; index: number } | undefined => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    const index = Number(row?.dataset.rowIndex);
    const item = Number.isInteger(index) ? itemAt(index) : undefined;
    return item === undefined ? undefined : { item, index };
  };

  const onGridClick = (event: MouseEvent) => {
    const hit = rowFromEvent(event);
    if (!hit) return;
    const { item, index } = hit;
    setActiveIndex(index);
    if (selectionMode === 'none') return;
    // A click on a link or button inside the row acts on that control only (and still marks the row).
    const interactive = (event.target as HTMLElement).closest('a,button,input');
    // A link navigates away: selecting the row too would rewrite the URL and cancel that navigation.
    if (interactive && (selectionMode === 'multi' || interactive.tagName === 'A')) return;
    const id = getRowId(item);
    if (selectionMode === 'multi') {
      changeSelection(
        event.ctrlKey || event.metaKey
          ? selected.has(id)
            ? selectedIds.filter((s) => s !== id)
            : [...selectedIds, id]
          : [id],
      );
    } else {
      changeSelection([id]);
    }
  };

  const onHeaderSort = useStableCallback((column: DataTableColumn<T>) => {
    const next: SortState =
      sort?.columnId === column.id
        ? { columnId: column.id, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { columnId: column.id, direction: 'ascending' };
    if (onSortChange) onSortChange(next);
    else setSort(next);
  });

  const allSelected = sortedItems.length > 0 && sortedItems.every((item) => selected.has(getRowId(item)));
  const someSelected = !allSelected && sortedItems.some((item) => selected.has(getRowId(item)));
  const onSelectAll = useStableCallback(() => changeSelection(allSelected ? [] : sortedItems.map(getRowId)));

  // What every row shares, kept while it does not change, so a row whose item, selection and focus are as
  // before is not rendered again (scrolling, a filter that keeps some rows, the answer of a refetch).
  const onToggleRow = useStableCallback(toggleRow);
  const rowLabel = useStableCallback(getRowLabel);
  const rowLayout = useMemo<RowLayout<T>>(
    () => ({
      columns,
      gridTemplateColumns,
      minRowWidth,
      rowHeight,
      selectionMode,
      rowLabel,
      onToggleRow,
      styles,
    }),
    [columns, gridTemplateColumns, minRowWidth, rowHeight, selectionMode, rowLabel, onToggleRow, styles],
  );

  const renderRow = (item: T, index: number, virtualStart?: number) => {
    const id = getRowId(item);
    return (
      <DataRow
        // By position, not by id: when a filter or sort changes which items fill the rows, React updates the
        // rows on screen instead of unmounting and mounting them all; a row keeps its DOM and only its cells'
        // text changes.
        key={index}
        item={item}
        index={index}
        domId={rowDomId(index)}
        rowId={id}
        isSelected={selected.has(id)}
        isActive={hasFocus && index === activeIndex}
        virtualStart={virtualStart}
        layout={rowLayout}
      />
    );
  };

  /** A row a paged owner is still fetching: no data-row-index, so it is not a row a user can act on yet. */
  const renderPendingRow = (index: number, virtualStart: number) => (
    <div
      key={index}
      role="row"
      aria-rowindex={index + 2}
      aria-busy
      className={mergeClasses(styles.row, styles.virtualRow)}
      style={{
        gridTemplateColumns,
        minWidth: minRowWidth,
        height: rowHeight,
        transform: `translateY(${virtualStart}px)`,
      }}
    >
      <div role="gridcell" aria-colspan={columnCount} className={styles.cell}>
        Loading...
      </div>
    </div>
  );

  const message = loading ? 'Loading...' : count === 0 ? emptyMessage : null;
  const virtualItems = virtual ? virtualizer.getVirtualItems() : [];
  const scrollMargin = virtualizer.options.scrollMargin;
  const firstInView = virtualItems[0]?.index ?? 0;
  const lastInView = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (virtual) onRangeChange?.(firstInView, lastInView);
  }, [virtual, firstInView, lastInView, onRangeChange]);

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={ariaLabel}
      aria-rowcount={count + 1}
      aria-colcount={columnCount}
      aria-multiselectable={selectionMode === 'multi' ? true : undefined}
      aria-busy={loading || undefined}
      aria-activedescendant={hasFocus && activeIndex >= 0 && !message ? rowDomId(activeIndex) : undefined}
      tabIndex={0}
      className={mergeClasses(styles.grid, className)}
      onKeyDown={onKeyDown}
      onClick={onGridClick}
      onDoubleClick={(event) => {
        const hit = rowFromEvent(event);
        if (hit && onRowActivate) onRowActivate(hit.item);
      }}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        setHasFocus(true);
        if (activeIndex < 0 && count > 0) {
          const firstSelected = sortedItems.findIndex((item) => selected.has(getRowId(item)));
          setActiveIndex(firstSelected >= 0 ? firstSelected + rowOffset : 0);
        }
      }}
      onBlur={(event) => {
        if (event.target === event.currentTarget) setHasFocus(false);
      }}
    >
      {/* The rowgroup is the sticky element: a sticky child of a rowgroup exactly its height could not stick. */}
      <div role="rowgroup" className={styles.headerGroup}>
        <HeaderRow
          headerRef={headerRef}
          columns={columns}
          sort={sort}
          selectionMode={selectionMode}
          selectAll={allSelected ? true : someSelected ? 'mixed' : false}
          selectAllDisabled={sortedItems.length === 0}
          onSelectAll={onSelectAll}
          onSort={onHeaderSort}
          gridTemplateColumns={gridTemplateColumns}
          minRowWidth={minRowWidth}
        />
      </div>
      <div
        role="rowgroup"
        className={styles.body}
        style={
          virtual ? { height: virtualizer.getTotalSize(), minWidth: minRowWidth } : { minWidth: minRowWidth }
        }
      >
        {message ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" aria-colspan={columnCount} className={styles.message}>
              {message}
            </div>
          </div>
        ) : virtual ? (
          virtualItems.map((virtualRow) => {
            const item = itemAt(virtualRow.index);
            return item === undefined
              ? renderPendingRow(virtualRow.index, virtualRow.start - scrollMargin)
              : renderRow(item, virtualRow.index, virtualRow.start - scrollMargin);
          })
        ) : (
          sortedItems.map((item, index) => renderRow(item, index + rowOffset))
        )}
      </div>
    </div>
  );
}

/** The latest `fn` behind one identity, so memoised rows and headers need not render again for a new closure. */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

interface RowLayout<T> {
  columns: readonly DataTableColumn<T>[];
  gridTemplateColumns: string;
  minRowWidth: string;
  rowHeight: number;
  selectionMode: SelectionMode;
  rowLabel: (item: T) => string;
  onToggleRow: (item: T) => void;
  styles: ReturnType<typeof useDataTableStyles>;
}

interface DataRowProps<T> {
  item: T;
  index: number;
  domId: string;
  rowId: string;
  isSelected: boolean;
  isActive: boolean;
  /** Its offset in a virtual list; absent when every row is in the DOM. */
  virtualStart: number | undefined;
  layout: RowLayout<T>;
}

/** One row; rendered again only when its item, selection, focus, position or the shared layout change. */
const DataRow = memo(function DataRow<T>({
  item,
  index,
  domId,
  rowId,
  isSelected,
  isActive,
  virtualStart,
  layout,
}: DataRowProps<T>) {
  const { columns, gridTemplateColumns, minRowWidth, rowHeight, selectionMode, styles } = layout;
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectionMode === 'none' ? undefined : isSelected}
      data-row-id={rowId}
      data-row-index={index}
      className={mergeClasses(
        styles.row,
        virtualStart !== undefined && styles.virtualRow,
        isSelected && styles.selected,
        isActive && styles.active,
      )}
      style={{
        gridTemplateColumns,
        minWidth: minRowWidth,
        height: rowHeight,
        ...(virtualStart !== undefined ? { transform: `translateY(${virtualStart}px)` } : {}),
      }}
    >
      {selectionMode === 'multi' && (
        <div role="gridcell" className={mergeClasses(styles.cell, styles.selectionCell)}>
          <Checkbox
            checked={isSelected}
            aria-label={`Select ${layout.rowLabel(item)}`}
            tabIndex={-1}
            onChange={() => layout.onToggleRow(item)}
          />
        </div>
      )}
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={styles.cell}>
          {column.cell(item)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: DataRowProps<T>) => ReactNode;

interface HeaderRowProps<T> {
  headerRef: RefObject<HTMLDivElement | null>;
  columns: readonly DataTableColumn<T>[];
  sort: SortState | undefined;
  selectionMode: SelectionMode;
  selectAll: boolean | 'mixed';
  selectAllDisabled: boolean;
  onSelectAll: () => void;
  onSort: (column: DataTableColumn<T>) => void;
  gridTemplateColumns: string;
  minRowWidth: string;
}

/** The column headers: their sort buttons render again only when the sort, columns or selection change. */
const HeaderRow = memo(function HeaderRow<T>({
  headerRef,
  columns,
  sort,
  selectionMode,
  selectAll,
  selectAllDisabled,
  onSelectAll,
  onSort,
  gridTemplateColumns,
  minRowWidth,
}: HeaderRowProps<T>) {
  const styles = useDataTableStyles();
  return (
    <div
      ref={headerRef}
      role="row"
      aria-rowindex={1}
      className={styles.header}
      style={{ gridTemplateColumns, minWidth: minRowWidth }}
    >
      {selectionMode === 'multi' && (
        <div role="columnheader" className={mergeClasses(styles.headerCell, styles.selectionCell)}>
          <Checkbox
            aria-label="Select all rows"
            tabIndex={-1}
            checked={selectAll}
            disabled={selectAllDisabled}
            onChange={onSelectAll}
          />
        </div>
      )}
      {columns.map((column) => {
        const sorted = sort?.columnId === column.id ? sort.direction : undefined;
        return (
          <div
            key={column.id}
            role="columnheader"
            aria-sort={column.sortValue ? (sorted ?? 'none') : undefined}
            className={styles.headerCell}
          >
            {column.sortValue ? (
              <Button
                appearance="transparent"
                size="small"
                className={styles.sortButton}
                icon={
                  sorted === 'ascending' ? (
                    <ArrowSortUpFilled />
                  ) : sorted === 'descending' ? (
                    <ArrowSortDownFilled />
                  ) : undefined
                }
                iconPosition="after"
                onClick={() => onSort(column)}
              >
                {column.header}
              </Button>
            ) : (
              column.header
            )}
          </div>
        );
      })}
    </div>
  );
}) as <T>(props: HeaderRowProps<T>) => ReactNode;
