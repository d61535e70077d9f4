/**
 * What the troubleshooter observes in the world to tell whether a case still holds: servers, services,
 * connectivity, syncs, Arc machines and their heartbeats, events, jobs. Never which fault or recipe ran.
 */
import { own } from '../lookup';
import { hciClusterId, machineId, resourceKey } from '../arm-ids';
import { SimError } from '../core';
import {
  arcMachineStatus,
  clusterNodes,
  nodeIsUp,
  nodeReachesArc,
  nodeReachesAzure,
  registrationView,
} from '../derive';
import type { ClusterNode, FaultName, Millis, OnPremCluster, World } from '../model';
import type { CaseContext, CheckResult } from './types';
import { utcMinute } from '../time-text';

export function nodesOf(world: World, cluster: OnPremCluster): ClusterNode[] {
  return clusterNodes(world, cluster.name);
}

export function nodeFaults(world: World, node: string): FaultName[] {
  return world.faults.filter((f) => f.target.toLowerCase() === node.toLowerCase()).map((f) => f.fault);
}

export function nodeHealthy(node: ClusterNode): boolean {
  return (
    nodeIsUp(node) && node.hcisvcRunning && nodeReachesAzure(node) && Math.abs(node.clockSkewMs) < 5 * 60_000
  );
}

export function clusterResourceExists(world: World, cluster: OnPremCluster): boolean {
  const reg = cluster.registration;
  return (
    !!reg &&
    !!own(
      world.cloud.hciClusters,
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
    )
  );
}

export function syncedSince(ctx: CaseContext, since: Millis): boolean {
  const reg = ctx.cluster.registration;
  return !!reg && reg.lastSyncAt >= since && reg.lastSyncError === undefined;
}

export function orphans(
  world: World,
  cluster: OnPremCluster,
): { resources: string[]; machines: string[]; apps: string[] } {
  const resources = Object.entries(world.cloud.hciClusters)
    .filter(([, r]) => r.onPremCluster === cluster.name || r.reported?.clusterName === cluster.name)
    .map(([id]) => id);
  const nodeNames = new Set(cluster.nodeNames);
  const machines = Object.entries(world.cloud.machines)
    .filter(([, m]) => nodeNames.has(m.name))
    .map(([id]) => id);
  const apps = Object.values(world.cloud.apps)
    .filter((a) => a.clusterName === cluster.name && (a.kind === 'cluster' || a.kind === 'arc'))
    .map((a) => a.appId);
  return { resources, machines, apps };
}

export function firstNode(cluster: OnPremCluster): string {
  const node = cluster.nodeNames[0];
  if (node === undefined)
    throw new SimError('precondition', 'NoServers', `'${cluster.name}' has no servers.`);
  return node;
}

export function arcMachineIdFor(world: World, cluster: OnPremCluster, node: string): string | undefined {
  const reg = cluster.registration;
  if (!reg) return own(world.nodes, node)?.arc.machineResourceId;
  return (
    own(world.nodes, node)?.arc.machineResourceId ?? machineId(reg.subscriptionId, reg.arcResourceGroup, node)
  );
}

export function arcHealthy(world: World, cluster: OnPremCluster, node: string, now: Millis): boolean {
  const n = own(world.nodes, node);
  const id = arcMachineIdFor(world, cluster, node);
  if (!n?.arc.connected || id === undefined || !own(world.cloud.machines, resourceKey(id))) return false;
  const status = arcMachineStatus(n.arc, now);
  // just onboarded: the first heartbeat is under way
  return status === 'Connected' || (status === undefined && n.arc.heartbeatAnchor !== undefined);
}

export function arcNodesNotHealthy(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => nodeIsUp(n) && !arcHealthy(ctx.world, ctx.cluster, n.name, ctx.now))
    .map((n) => n.name);
}

export function connectivityFaultNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter(
      (n) =>
        n.power === 'Up' &&
        (!nodeReachesAzure(n) || !n.hcisvcRunning || Math.abs(n.clockSkewMs) >= 5 * 60_000),
    )
    .map((n) => n.name);
}

export function skewedNodes(ctx: CaseContext): string[] {
  const nodes = ctx.nodes.length > 0 ? ctx.nodes : ctx.cluster.nodeNames;
  return nodes.filter((n) => Math.abs(own(ctx.world.nodes, n)?.clockSkewMs ?? 0) >= 5 * 60_000);
}

export function expiredArcNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => arcMachineStatus(n.arc, ctx.now) === 'Expired')
    .map((n) => n.name);
}

export function syncCheck(ctx: CaseContext): CheckResult {
  const reg = ctx.cluster.registration;
  if (!reg) return { resolved: false, detail: 'The cluster is not registered.' };
  const blocked = connectivityFaultNodes(ctx);
  if (reg.lastSyncError !== undefined)
    return { resolved: false, detail: `The last sync failed: ${reg.lastSyncError}` };
  if (registrationView(ctx.world, ctx.cluster, ctx.now).registrationStatus === 'OutOfPolicy')
    return { resolved: false, detail: 'The cluster is still OutOfPolicy: sync now.' };
  if (blocked.length > 0)
    return { resolved: false, detail: `${blocked.join(', ')} still can't reach Azure.` };
  return {
    resolved: true,
    detail: `The last sync at ${utcMinute(reg.lastSyncAt)} succeeded and every server reaches Azure.`,
  };
}

export function arcCheck(ctx: CaseContext): CheckResult {
  const bad = arcNodesNotHealthy(ctx);
  if (!ctx.cluster.registration) return { resolved: false, detail: 'The cluster is not registered.' };
  return bad.length > 0
    ? { resolved: false, detail: `Azure Arc isn\u2019t connected on ${bad.join(', ')}.` }
    : { resolved: true, detail: 'Every server that is up is connected to Azure Arc.' };
}

export function lastEventTime(ctx: CaseContext, pattern: RegExp): Millis | undefined {
  const nodes = new Set(ctx.cluster.nodeNames);
  for (let i = ctx.world.events.length - 1; i >= 0; i -= 1) {
    const e = ctx.world.events[i];
    if (e && nodes.has(e.node) && pattern.test(e.message)) return e.time;
  }
  return undefined;
}

export function lastRepairAfter(ctx: CaseContext, since: Millis): boolean {
  return Object.values(ctx.world.jobs).some(
    (j) =>
      j.kind === 'cluster/repair' &&
      j.target.name === ctx.cluster.name &&
      j.status === 'Succeeded' &&
      j.endsAt >= since,
  );
}

export const registeredCheck = (ctx: CaseContext): CheckResult =>
  ctx.cluster.registration
    ? { resolved: true, detail: 'The cluster is registered.' }
    : { resolved: false, detail: 'The cluster is not registered yet.' };

export const unregisteredCheck = (ctx: CaseContext): CheckResult =>
  ctx.cluster.registration
    ? { resolved: false, detail: 'The cluster is still registered: unregister it first.' }
    : { resolved: true, detail: 'The cluster is unregistered; register again.' };

/** The `<cluster>.arc` app the registration's arcSettings names is not in the tenant any more. */
export function arcAppMissing(ctx: CaseContext): boolean {
  const reg = ctx.cluster.registration;
  if (!reg) return false;
  const resource = own(
    ctx.world.cloud.hciClusters,
    resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
  );
  const appId = resource?.arcSetting?.arcApplicationClientId;
  return appId !== undefined && !own(ctx.world.cloud.apps, appId);
}

/** Nodes whose Arc agent still believes it is connected. */
export function arcConnectedNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => n.arc.connected)
    .map((n) => n.name);
}

/** Up, but the Arc endpoints do not answer (what the Arc agent logs show for a wrong proxy). */
export function arcUnreachableNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => nodeIsUp(n) && !nodeReachesArc(n))
    .map((n) => n.name);
}
