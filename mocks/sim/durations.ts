import { DAY, HOUR, MINUTE } from './model';
import type { Millis } from './model';

// The grammar is shared with the UI's duration field so both accept and refuse the same texts.
export { checkDuration, MAX_ADVANCE_MS, parseDuration } from '../../src/api/durations';
export type { DurationCheck } from '../../src/api/durations';

export function formatDuration(ms: Millis): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
}
