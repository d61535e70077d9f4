/**
 * The one way a cluster or server named from outside (a path, a request field) is found: by its name or its
 * FQDN, case-insensitively, as Windows does. Every /api route and command uses these, so a missing cluster
 * is refused everywhere with the same 404 and the same way forward.
 */
import { SimError } from './core';
import { own, quote } from './lookup';
import type { ClusterNode, OnPremCluster, World } from './model';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findCluster(world: World, name: string): OnPremCluster | undefined {
  return (
    own(world.clusters, name) ??
    Object.values(world.clusters).find((c) => same(c.name, name) || same(c.fqdn, name))
  );
}

// The gateway's own message: no source gives WAC's text for a cluster that is not in its list.
export const clusterNotFound = (name: string) =>
  new SimError(
    'not-found',
    'ClusterNotFound',
    `The cluster '${quote(name)}' was not found. Check the name, or add it from All connections.`,
  );

/** The cluster, or 404 ClusterNotFound. */
export function requireCluster(world: World, name: string): OnPremCluster {
  const cluster = findCluster(world, name);
  if (!cluster) throw clusterNotFound(name);
  return cluster;
}

export function findNode(world: World, name: string): ClusterNode | undefined {
  return (
    own(world.nodes, name) ?? Object.values(world.nodes).find((n) => same(n.name, name) || same(n.fqdn, name))
  );
}

/** The server, or 404 ServerNotFound. */
export function requireNode(world: World, name: string): ClusterNode {
  const node = findNode(world, name);
  if (!node) throw new SimError('not-found', 'ServerNotFound', `The server '${quote(name)}' was not found.`);
  return node;
}
