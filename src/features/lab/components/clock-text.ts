import { advanceSchema } from '@/api/request-schemas';
import { fieldProblems } from '@/api/schema-messages';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What is wrong with the custom duration, if anything: the API's schema (the simulation's grammar and bound). */
export function durationProblem(text: string): string | undefined {
  return fieldProblems(advanceSchema, { duration: text }).get('duration');
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
