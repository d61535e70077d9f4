import type { QueryClient } from '@tanstack/react-query';
import { keysReading } from '@/api/queries/world-keys';
import {
  WORLD_CHANGED_EVENT,
  WORLD_RESOURCES,
  type WorldChange,
  type WorldResource,
} from '@/api/world-change-contract';

const isResource = (value: unknown): value is WorldResource =>
  (WORLD_RESOURCES as readonly unknown[]).includes(value);

/** The resources an event names; an event without a readable detail (an older host) means "everything". */
function changedResources(event: Event): readonly WorldResource[] {
  const detail = (event as CustomEvent<Partial<WorldChange> | null>).detail;
  if (!detail || !Array.isArray(detail.resources)) return WORLD_RESOURCES;
  return detail.resources.filter(isResource);
}

/**
 * Refetches what a world change touched, whoever changed it (this tab, another tab, `window.hciSim`, simulated
 * time): the world host dispatches `WORLD_CHANGED_EVENT` with the slices that moved, and each slice's readers
 * come from the data layer's table. In jsdom the test setup dispatches the same event from the in-process runtime.
 */
export function subscribeToWorldChanges(queryClient: QueryClient, target: Window = window): () => void {
  const onChange = (event: Event) => {
    for (const queryKey of keysReading(changedResources(event)))
      void queryClient.invalidateQueries({ queryKey });
  };
  target.addEventListener(WORLD_CHANGED_EVENT, onChange);
  return () => target.removeEventListener(WORLD_CHANGED_EVENT, onChange);
}
