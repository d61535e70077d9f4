import type { LabStateDto } from '@/api/lab-contract';

/** A link that loads the same preset and moves the clock the same distance ahead. */
export function shareLink(
  state: Pick<LabStateDto, 'scenario' | 'offsetMs'>,
  origin: string,
  base: string,
): string {
  const url = new URL(base, origin);
  url.searchParams.set('scenario', state.scenario);
  if (state.offsetMs > 0) url.searchParams.set('advance', String(Math.round(state.offsetMs)));
  return url.toString();
}
