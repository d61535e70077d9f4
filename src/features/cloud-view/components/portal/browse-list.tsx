import { Dropdown, makeStyles, Option, SearchBox, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { ErrorState } from '@/components/query-state/query-state';
import { useSearchParam, useSearchText } from '@/lib/use-search-param';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXXL,
    paddingBottom: tokens.spacingVerticalL,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  filters: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filter: { width: '260px' },
  groupBy: { minWidth: '200px' },
  facet: { minWidth: '180px' },
  count: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tables: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    minHeight: 0,
  },
  table: { display: 'flex', flexDirection: 'column', minHeight: '120px', flexGrow: 1 },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface BrowseGrouping<T> {
  id: string;
  label: string;
  value: (item: T) => string;
}

/** A filter pill: "Status : All", one value at a time, kept in the URL under its id. */
export interface BrowseFacet<T> {
  id: string;
  label: string;
  options: readonly string[];
  value: (item: T) => string;
}

export interface BrowseListProps<T> {
  /** A plural noun: "Azure Stack HCI", "Resource groups". */
  title: string;
  subtitle?: string;
  items: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowId: (item: T) => string;
  /** The text "Filter for any field…" searches in. */
  filterText: (item: T) => string;
  groupings: readonly BrowseGrouping<T>[];
  facets?: readonly BrowseFacet<T>[];
  /** Commands before Refresh (Add, …). */
  commands?: ReactNode;
  onRefresh: () => void;
  loading: boolean;
  /** A failed load with nothing to show. */
  error?: unknown;
  onRetry?: () => void;
  emptyMessage: string;
}

/**
 * The portal's browse page (ui.md §1.7): a command bar, "Filter for any field...", grouping, the record count,
 * then the list (one table a group when grouped). Filter and grouping live in the URL, so a link shows the same.
 */
export function BrowseList<T>({
  title,
  subtitle,
  items,
  columns,
  getRowId,
  filterText,
  groupings,
  facets = [],
  commands,
  onRefresh,
  loading,
  error,
  onRetry,
  emptyMessage,
}: BrowseListProps<T>) {
  const styles = useStyles();
  const [filter, setFilter] = useSearchText('filter');
  const [groupParam, setGroup] = useSearchParam('group');
  const grouping = groupings.find((g) => g.id === groupParam);
  const [searchParams, setSearchParams] = useSearchParams();
  const facetValues = facets.map((f) => searchParams.get(f.id) ?? '');
  const facetKey = facetValues.join('\u0000');
  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const chosen = facetKey.split('\u0000');
    return items.filter(
      (item) =>
        (q === '' || filterText(item).toLowerCase().includes(q)) &&
        facets.every((f, i) => (chosen[i] ?? '') === '' || f.value(item) === chosen[i]),
    );
  }, [items, filter, filterText, facets, facetKey]);
  const setFacet = (id: string, value: string) =>
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === '') next.delete(id);
        else next.set(id, value);
        return next;
      },
      { replace: true },
    );
  const groups = useMemo(() => {
    if (!grouping) return [{ key: '', items: visible }];
    const byKey = new Map<string, T[]>();
    for (const item of visible) {
      const key = grouping.value(item);
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, groupItems]) => ({ key, items: groupItems }));
  }, [grouping, visible]);

  return (
    <div className={styles.root}>
      <div>
        <h1 className={styles.title}>{title}</h1>
        {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
      </div>
      <ActionBar
        ariaLabel={`${title} commands`}
        actions={
          <>
            {commands}
            <ActionButton icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
              Refresh
            </ActionButton>
          </>
        }
      />
      <div className={styles.filters}>
        <SearchBox
          className={styles.filter}
          aria-label="Filter for any field..."
          placeholder="Filter for any field..."
          value={filter}
          onChange={(_e, d) => setFilter(d.value)}
        />
        {facets.map((f, i) => (
          <Dropdown
            key={f.id}
            className={styles.facet}
            aria-label={f.label}
            value={`${f.label} : ${facetValues[i] === '' ? 'All' : (facetValues[i] ?? 'All')}`}
            selectedOptions={[facetValues[i] ?? '']}
            onOptionSelect={(_e, d) => setFacet(f.id, d.optionValue ?? '')}
          >
            <Option value="" text="All">
              All
            </Option>
            {f.options.map((o) => (
              <Option key={o} value={o} text={o}>
                {o}
              </Option>
            ))}
          </Dropdown>
        ))}
        <Dropdown
          className={styles.groupBy}
          aria-label="Group by"
          value={grouping ? `Group by ${grouping.label.toLowerCase()}` : 'No grouping'}
          selectedOptions={[grouping?.id ?? '']}
          onOptionSelect={(_e, d) => setGroup(d.optionValue ?? '')}
        >
          <Option value="" text="No grouping">
            No grouping
          </Option>
          {groupings.map((g) => (
            <Option key={g.id} value={g.id} text={`Group by ${g.label.toLowerCase()}`}>
              {`Group by ${g.label.toLowerCase()}`}
            </Option>
          ))}
        </Dropdown>
      </div>
      <p className={styles.count} aria-live="polite">
        {loading
          ? 'Loading...'
          : visible.length === 0
            ? `Showing 0 of ${items.length} records.`
            : `Showing 1 to ${visible.length} of ${items.length} records.`}
      </p>
      {error !== undefined && items.length === 0 ? (
        <ErrorState error={error} title={`Couldn't list ${title}`} onRetry={onRetry} />
      ) : (
        <div className={styles.tables}>
          {groups.map((group) => (
            <section
              key={group.key}
              className={styles.table}
              aria-label={grouping ? `${grouping.label}: ${group.key}` : undefined}
            >
              {grouping && <h2 className={styles.groupHeading}>{`${group.key} (${group.items.length})`}</h2>}
              <DataTable
                ariaLabel={grouping ? `${title}, ${grouping.label} ${group.key}` : title}
                items={group.items}
                columns={columns}
                getRowId={getRowId}
                loading={loading}
                emptyMessage={emptyMessage}
                defaultSort={{ columnId: columns[0]?.id ?? '', direction: 'ascending' }}
              />
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
