import { useEffect } from 'react';

/**
 * Marks the document once a page has shown its data (or its error): end-to-end tests wait on
 * `body[data-app-ready="true"]` instead of guessing at timeouts.
 */
export function useMarkAppReady(settled: boolean): void {
  useEffect(() => {
    if (!settled) return;
    document.body.dataset.appReady = 'true';
    for (const callback of pending.splice(0)) callback();
  }, [settled]);
}

const pending: (() => void)[] = [];

/** Runs `callback` once the first page has shown its data: work that must not slow the first page down. */
export function whenAppReady(callback: () => void): void {
  if (document.body.dataset.appReady === 'true') callback();
  else pending.push(callback);
}
