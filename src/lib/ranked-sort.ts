const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A column sort value for large tables: the item's rank in the whole list, computed once (with one shared
 * collator) the first time the column is sorted. Sorting a filtered subset then compares numbers, which
 * keeps a re-sort of 10,000 rows per keystroke within a few milliseconds instead of a collator call per
 * comparison.
 */
export function rankedSortValue<T>(
  all: readonly T[],
  value: (item: T) => string | number | null,
): (item: T) => number {
  let ranks: Map<T, number> | undefined;
  return (item) => {
    if (!ranks) {
      const keyed = all.map((entry) => ({ entry, key: value(entry) }));
      keyed.sort((x, y) => compare(x.key, y.key));
      ranks = new Map(keyed.map((k, index) => [k.entry, index]));
    }
    return ranks.get(item) ?? Number.MAX_SAFE_INTEGER;
  };
}
