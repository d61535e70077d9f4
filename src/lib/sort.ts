const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** How every table orders a column's values: numbers by value, text naturally ('node2' before 'node10',
 * case-insensitive), empty values last. */
export function compareSortValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
