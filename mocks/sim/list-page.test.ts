import { describe, expect, it } from 'vitest';
import { keptValues, listPage, readListSearches } from './list-page';
import type { ListShape } from './list-page';

interface Row {
  name: string;
  size: number;
}
const shape: ListShape<Row> = {
  searchText: (row) => row.name.toLowerCase(),
  sortValues: { name: (row) => row.name, size: (row) => row.size },
};
const query = { offset: 0, limit: 2, direction: 'ascending' as const, search: '' };

describe('a page of a list', () => {
  const record: Record<string, Row> = {
    a: { name: 'web-01', size: 3 },
    b: { name: 'sql-01', size: 1 },
    c: { name: 'Web-02', size: 2 },
    d: { name: 'web-03', size: 4 },
  };

  it('counts every match and sends the rows of the page asked for, in the order asked for', () => {
    const rows = keptValues(record);
    expect(listPage(rows, { ...query, search: ' WEB ' }, shape)).toEqual({
      items: [record.a, record.c],
      offset: 0,
      total: 3,
      unfiltered: 4,
    });
    expect(listPage(rows, { ...query, offset: 2, search: 'web' }, shape).items).toEqual([record.d]);
    expect(listPage(rows, { ...query, sort: 'size', direction: 'descending', search: 'web' }, shape)).toEqual(
      { items: [record.d, record.a], offset: 0, total: 3, unfiltered: 4 },
    );
    expect(listPage(rows, { ...query, offset: 3, search: '' }, shape).items).toEqual([record.d]);
  });

  it('reads a record once, and a changed record (a new object, as immer makes) afresh', () => {
    expect(keptValues(record)).toBe(keptValues(record));
    const changed = { ...record, b: { name: 'web-sql', size: 1 } };
    expect(listPage(keptValues(record), { ...query, search: 'sql' }, shape).total).toBe(1);
    expect(listPage(keptValues(changed), { ...query, limit: 5, search: 'web' }, shape).total).toBe(4);
  });

  it('reads the texts of a list answered without a search when asked to, once', () => {
    readListSearches();
    const rows = keptValues({ a: { name: 'one', size: 1 } });
    listPage(rows, query, shape);
    listPage(rows, query, shape);
    expect(readListSearches()).toBe(true);
    expect(readListSearches()).toBe(false);
    listPage(rows, query, shape);
    expect(readListSearches()).toBe(false);
    expect(listPage(rows, { ...query, search: 'ON' }, shape).total).toBe(1);
  });
});
