import type { Millis } from './model';

/**
 * A moment in the portal's own sentences (not in quoted cmdlet or event texts, which keep their own formats):
 * `2026-12-03 14:27 UTC`. The simulation has no locale, and a raw ISO string with milliseconds reads as a
 * machine's.
 */
export function utcMinute(at: Millis): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
