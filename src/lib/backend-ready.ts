/**
 * The app renders while the simulated world starts in its workers (main.tsx), so its first requests may be
 * made before the world mocks this page: such a request would reach the static server instead. Every
 * request waits for the backend first; outside the browser build (Vitest, a page without the simulation)
 * nothing is held.
 */
let backend: Promise<void> = Promise.resolve();

export function holdRequestsUntil(ready: Promise<void>): void {
  backend = ready;
}

export function backendReady(): Promise<void> {
  return backend;
}
