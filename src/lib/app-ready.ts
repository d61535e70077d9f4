import { useEffect } from 'react';

/**
 * Marks the document once a page has shown its data (or its error): end-to-end tests wait on
 * `body[data-app-ready="true"]` instead of guessing at timeouts.
 */
export function useMarkAppReady(settled: boolean): void {
  useEffect(() => {
    if (settled) document.body.dataset.appReady = 'true';
  }, [settled]);
}
