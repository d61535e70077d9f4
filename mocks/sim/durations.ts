import { DAY, HOUR, MINUTE } from './model';
import type { Millis } from './model';

const UNIT: Record<string, Millis> = { ms: 1, s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

/**
 * Parses hciSim.advance's durations: a number of milliseconds, or strings like '90m', '12h', '31d',
 * '1d12h', '45s', '2w'. Returns undefined for anything else, including zero-length and negative values.
 */
export function parseDuration(input: unknown): Millis | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? Math.round(input) : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return parseDuration(Number(text));
  const pattern = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    const [whole, amount, unit] = match;
    total += Number(amount) * (UNIT[unit ?? ''] ?? NaN);
    consumed += whole.length;
  }
  if (consumed !== text.length || !Number.isFinite(total) || total <= 0) return undefined;
  return Math.round(total);
}

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
