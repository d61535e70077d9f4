import type { QueryKey } from '@tanstack/react-query';
import type { WorldResource } from '@/api/world-change-contract';
import { keyRoots } from './key-roots';

const k = keyRoots;

/**
 * Which queries read each slice of the simulated world: when a slice changes, these key prefixes are refetched
 * and nothing else. A query belongs under a slice when its answer is computed from it, directly or through a
 * derived status (a cluster's connection status reads its nodes and the faults, the lab's state reads
 * everything).
 */
export const WORLD_KEYS: Readonly<Record<WorldResource, readonly QueryKey[]>> = {
  gateway: [k.gateway, k.deviceLogin, k.arm, k.directory, k.registration, k.lab],
  cloud: [k.arm, k.directory, k.gateway, k.clusters, k.servers, k.arc, k.benefits, k.registration, k.lab],
  clusters: [
    k.clusters,
    k.connections,
    k.servers,
    k.arc,
    k.benefits,
    k.diagnostics,
    k.vms,
    k.registration,
    k.clouds,
    k.lab,
  ],
  nodes: [
    k.clusters,
    k.connections,
    k.servers,
    k.arc,
    k.benefits,
    k.diagnostics,
    k.vms,
    k.registration,
    k.clouds,
    k.lab,
  ],
  vms: [k.vms, k.benefits, k.clouds, k.clusters, k.lab],
  wapClouds: [k.clouds, k.lab],
  jobs: [k.jobs, k.benefits, k.lab],
  events: [k.diagnostics, k.lab],
  notifications: [k.notifications],
  // A fault changes derived state anywhere: a stopped service, a blocked network, a missing role or app.
  faults: Object.values(keyRoots).filter((root) => root !== k.clock),
  // Time-derived: countdowns, connection status, heartbeats, Benefits expiry, token lifetime, the clock itself.
  clock: [
    k.clock,
    k.clusters,
    k.connections,
    k.servers,
    k.arc,
    k.benefits,
    k.diagnostics,
    k.gateway,
    k.arm,
    k.lab,
  ],
};

/** The distinct key prefixes that read any of `resources`. */
export function keysReading(resources: readonly WorldResource[]): QueryKey[] {
  const roots = new Set<QueryKey>();
  for (const resource of resources) for (const key of WORLD_KEYS[resource]) roots.add(key);
  return [...roots];
}
