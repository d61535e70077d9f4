const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' });

// The browser's locale, as toLocaleString, in one formatter: a filter formats its count of matches at every
// key, and a profile of the 10,000-VM filter showed a formatter built per call among its costliest work.
const counts = new Intl.NumberFormat();

/** A count of items in the browser's locale ("10,000"). */
export function formatCount(count: number): string {
  return counts.format(count);
}

/** WAC shows dates the US way in its English UI ("12/9/2020, 4:16:32 PM"). */
export function formatDateTime(iso: string | null | undefined, fallback = 'Never'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatDate(iso: string | null | undefined, fallback = '-'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "3d 4h 12m", the uptime format of WAC's server list. */
export function formatDuration(seconds: number | null | undefined, fallback = '-'): string {
  if (seconds === null || seconds === undefined || seconds < 0) return fallback;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return `${minutes}m`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : pluralForm}`;
}
