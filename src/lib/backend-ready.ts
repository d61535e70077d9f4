/**
 * The app renders while the simulated world starts in its workers (main.tsx), so its first requests may be
 * made before the world mocks this page: such a request would reach the static server instead. Every
 * request waits for the backend first; outside the browser build (Vitest, a page without the simulation)
 * nothing is held.
 */
let backend: Promise<void> = Promise.resolve();
let ready = true;

export function holdRequestsUntil(until: Promise<void>): void {
  backend = until;
  ready = false;
  until.then(
    () => {
      if (backend === until) ready = true;
    },
    () => undefined,
  );
}

export function backendReady(): Promise<void> {
  return backend;
}

/**
 * Whether requests may leave at once. Awaiting a resolved promise still costs a turn: a request made in a
 * keystroke's event (the 10,000-VM filter) then left only after React had rendered that keystroke, some
 * 40 ms later on a busy machine; a request made when the backend is ready goes within the event.
 */
export function isBackendReady(): boolean {
  return ready;
}
