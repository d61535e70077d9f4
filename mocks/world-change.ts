/**
 * Which slices of the world differ between two versions of it. Worlds share untouched subtrees (immer's
 * structural sharing), so a reference comparison per slice is exact and costs a dozen comparisons.
 */
import { WORLD_RESOURCES } from '../src/api/world-change-contract';
import type { WorldChange, WorldResource } from '../src/api/world-change-contract';
import type { World } from './sim';

const SLICE_OF: Readonly<Record<Exclude<WorldResource, 'clock'>, (world: World) => unknown>> = {
  gateway: (world) => world.gateway,
  cloud: (world) => world.cloud,
  clusters: (world) => world.clusters,
  nodes: (world) => world.nodes,
  vms: (world) => world.vms,
  wapClouds: (world) => world.wapClouds,
  jobs: (world) => world.jobs,
  events: (world) => world.events,
  notifications: (world) => world.notifications,
  faults: (world) => world.faults,
};

/** Every resource: what a page is told when the whole world was replaced. */
export const WHOLE_WORLD_CHANGE: WorldChange = { resources: WORLD_RESOURCES };

export function worldChange(previous: World, next: World): WorldChange {
  if (previous.scenario !== next.scenario || previous.nextSeq > next.nextSeq) return WHOLE_WORLD_CHANGE;
  const resources: WorldResource[] = [];
  for (const resource of WORLD_RESOURCES) {
    if (resource === 'clock') {
      // Only a moved offset counts: events processed as real time passes show up in the slices they touched.
      if (previous.clockOffsetMs !== next.clockOffsetMs) resources.push('clock');
    } else if (SLICE_OF[resource](previous) !== SLICE_OF[resource](next)) {
      resources.push(resource);
    }
  }
  return { resources };
}
