import type { QueryClient } from '@tanstack/react-query';

/** Dispatched on `window` by the simulation runtime whenever the world changes outside an HTTP request
 * (window.hciSim.reset/advance/inject/repair, or simulated time moving on). */
export const SIM_CHANGED_EVENT = 'hci-sim-changed';

/** Refetches everything on screen when the simulated world changes, so presenters never need a reload. */
export function subscribeToSimChanges(queryClient: QueryClient, target: Window = window): () => void {
  const onChange = () => {
    void queryClient.invalidateQueries();
  };
  target.addEventListener(SIM_CHANGED_EVENT, onChange);
  return () => target.removeEventListener(SIM_CHANGED_EVENT, onChange);
}
