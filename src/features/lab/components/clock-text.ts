import { checkDuration } from '@/api/durations';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What is wrong with the custom duration, if anything: the simulation's own grammar and bound. */
export function durationProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a duration, like 90m, 12h, 3d or 1d12h.';
  const check = checkDuration(text);
  return check.ok ? undefined : check.problem;
}

/** "3 d 4 h" from milliseconds. */
export function offsetText(ms: number): string {
  if (ms <= 0) return 'in step with real time';
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / 60_000);
  const parts = [d > 0 ? `${d} d` : '', h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean);
  return `${parts.join(' ') || 'less than a minute'} ahead of real time`;
}
