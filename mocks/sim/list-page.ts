/**
 * One page of a long list, filtered and sorted where the list lives, so a client showing 10,000 rows receives
 * only the rows it shows. Pure: the caller passes the rows and how to read them.
 */
import { SimError } from './core';

export type SortDirection = 'ascending' | 'descending';

export interface ListPageQuery {
  offset: number;
  limit: number;
  /** a key of the list's sort columns; absent: the list's own order */
  sort?: string;
  direction: SortDirection;
  /** case-insensitive substring of the row's search text; empty matches every row */
  search: string;
}

export interface ListPage<T> {
  items: T[];
  offset: number;
  /** rows matching the search */
  total: number;
  /** rows in the list, before the search */
  unfiltered: number;
}

export interface ListShape<T> {
  /** the row's text a search looks in, in lower case */
  searchText: (row: T) => string;
  sortValues: Readonly<Record<string, (row: T) => string | number | null>>;
}

/** The same order the portal's tables use: numbers by value, text naturally ('vm2' before 'vm10'), empty last. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export const LIST_PAGE_MAX = 500;

/** Refuses a query the list can't answer, naming the parameter (never indexes with user input unchecked). */
export function checkListPageQuery(query: ListPageQuery, sortKeys: readonly string[]): void {
  if (!Number.isInteger(query.offset) || query.offset < 0)
    throw new SimError(
      'bad-request',
      'InvalidQueryParameter',
      "'offset' must be a whole number, 0 or more.",
      {
        target: 'offset',
      },
    );
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > LIST_PAGE_MAX)
    throw new SimError(
      'bad-request',
      'InvalidQueryParameter',
      `'limit' must be a whole number from 1 to ${LIST_PAGE_MAX}.`,
      { target: 'limit' },
    );
  if (query.sort !== undefined && !sortKeys.includes(query.sort))
    throw new SimError(
      'bad-request',
      'InvalidQueryParameter',
      `'sort' must be one of ${sortKeys.join(', ')}.`,
      { target: 'sort' },
    );
}

/** The rows in the order of one sort column; stable, so equal values keep the list's own order. */
export function sortRows<T>(
  rows: readonly T[],
  sortValue: (row: T) => string | number | null,
  direction: SortDirection,
): readonly T[] {
  const factor = direction === 'descending' ? -1 : 1;
  // Each value read once, not once per comparison.
  const keyed = rows.map((row) => ({ row, key: sortValue(row) }));
  keyed.sort((x, y) => factor * compare(x.key, y.key));
  return keyed.map((k) => k.row);
}

/**
 * The values of an immutable record (the world's, frozen by immer), read once per record: `Object.values`
 * of the 10,000 VMs of `large` takes 3-4 ms, more than searching them, and a record keeps its identity
 * until one of its rows changes.
 */
const recordValues = new WeakMap<object, readonly unknown[]>();
export function keptValues<T>(record: Readonly<Record<string, T>>): readonly T[] {
  let values = recordValues.get(record) as readonly T[] | undefined;
  if (!values) recordValues.set(record, (values = Object.values(record)));
  return values;
}

/**
 * The search texts of a list, by the list's array and the shape that reads them: a keystroke's request
 * scans an array of strings instead of asking for each row's text (a WeakMap lookup per row cost 3-6 ms
 * over 10,000 rows). Arrays kept between requests (keptValues, a kept sort) are read once; a fresh array
 * costs what it did before.
 */
const searchTexts = new WeakMap<object, WeakMap<readonly unknown[], readonly string[]>>();
function keptTexts<T>(shape: ListShape<T>): WeakMap<readonly unknown[], readonly string[]> {
  let byRows = searchTexts.get(shape);
  if (!byRows) searchTexts.set(shape, (byRows = new WeakMap()));
  return byRows;
}
function searchTextsOf<T>(rows: readonly T[], shape: ListShape<T>): readonly string[] {
  const byRows = keptTexts(shape);
  let texts = byRows.get(rows);
  if (!texts) byRows.set(rows, (texts = rows.map(shape.searchText)));
  return texts;
}

/**
 * Lists a page was answered from without a search, whose texts are not read yet. Reading the texts of the
 * 10,000 VMs the first time takes 20-40 ms, which the first keystroke's request paid; the world host reads
 * them once it is idle instead (readListSearches), after the page's answer has gone. Only the last few lists
 * are held, so a list no longer shown is not kept alive by this.
 */
let unread: { rows: readonly unknown[]; shape: ListShape<unknown> }[] = [];
const UNREAD_MAX = 4;
function rememberUnread<T>(rows: readonly T[], shape: ListShape<T>): void {
  if (keptTexts(shape).has(rows) || unread.some((u) => u.rows === rows && u.shape === shape)) return;
  unread = [...unread, { rows, shape: shape as ListShape<unknown> }].slice(-UNREAD_MAX);
}

/** Reads the search texts of the lists answered since the last call (see rememberUnread); true if any. */
export function readListSearches(): boolean {
  const lists = unread;
  unread = [];
  for (const { rows, shape } of lists) searchTextsOf(rows, shape);
  return lists.length > 0;
}

/**
 * One page of `rows`. `order` sorts them (sortRows unless the caller keeps sorted lists from request to
 * request); rows are searched after sorting, so a sorted list serves every search.
 */
export function listPage<T>(
  rows: readonly T[],
  query: ListPageQuery,
  shape: ListShape<T>,
  order: (rows: readonly T[], sort: string, direction: SortDirection) => readonly T[] = (
    r,
    sort,
    direction,
  ) => sortRows(r, shape.sortValues[sort] ?? (() => null), direction),
): ListPage<T> {
  checkListPageQuery(query, Object.keys(shape.sortValues));
  const ordered = query.sort === undefined ? rows : order(rows, query.sort, query.direction);
  const needle = query.search.trim().toLowerCase();
  const end = query.offset + query.limit;
  if (needle === '') {
    rememberUnread(ordered, shape);
    return {
      items: ordered.slice(query.offset, end),
      offset: query.offset,
      total: ordered.length,
      unfiltered: rows.length,
    };
  }
  // Counts every match but keeps only the page's rows.
  const texts = searchTextsOf(ordered, shape);
  const items: T[] = [];
  let total = 0;
  texts.forEach((text, i) => {
    if (!text.includes(needle)) return;
    const row = ordered[i];
    if (row !== undefined && total >= query.offset && total < end) items.push(row);
    total++;
  });
  return { items, offset: query.offset, total, unfiltered: rows.length };
}
