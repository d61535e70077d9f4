/**
 * Fault switches (SPEC §5). Each one changes what the world can do, in the place the real failure lives:
 * node faults change the node, identity faults change effective roles or delete what the tenant holds,
 * API faults are read by the HTTP adapters. Injecting twice is a no-op; repairing puts back exactly what
 * the fault took away.
 *
 * Targets: per-node faults take a node name, a cluster name (all its nodes) or nothing (every node);
 * account faults take a user principal name or nothing (everyone); cluster-resource faults take a cluster
 * name or nothing (every registered cluster).
 */
import { hciClusterId, resourceKey } from './arm-ids';
import { SimError, onScheduledEvent, schedule, unschedule } from './core';
import { clusterNodes } from './derive';
import { logHciAdmin } from './events';
import { FAULT_NAMES } from './model';
import type { ActiveFault, AppRegistration, FaultName, Millis, World } from './model';
import { refreshHeartbeats } from './reachability';
import { createApp, putClusterResource } from './registration';
import { failOverVmsFrom } from './vms';
import { own } from './lookup';

export type FaultScope = 'node' | 'account' | 'cluster' | 'api';

export interface FaultInfo {
  name: FaultName;
  scope: FaultScope;
  description: string;
}

export const FAULTS: Record<FaultName, FaultInfo> = {
  'node-down': {
    name: 'node-down',
    scope: 'node',
    description:
      'The server is powered off: it does not answer, its VMs fail over or stop, its Arc agent stops sending heartbeats.',
  },
  'hcisvc-stopped': {
    name: 'hcisvc-stopped',
    scope: 'node',
    description: 'The Azure Stack HCI service (hcisvc) is stopped: no licence sync, no Benefits status.',
  },
  'outbound-blocked': {
    name: 'outbound-blocked',
    scope: 'node',
    description: 'Outbound HTTPS to Azure is blocked by a firewall: no sync, no Arc heartbeats.',
  },
  'time-skew': {
    name: 'time-skew',
    scope: 'node',
    description: 'The server clock is 10 minutes off: certificates cannot be verified and sync fails.',
  },
  'proxy-misconfigured': {
    name: 'proxy-misconfigured',
    scope: 'node',
    description: 'The server proxy points at an unreachable host: no sync, no heartbeats.',
  },
  'tpm-cleared': {
    name: 'tpm-cleared',
    scope: 'node',
    description:
      'The TPM was cleared: the licence data cannot be read (event 594), the cluster is OutOfPolicy until the automatic repair (event 592) completes in 2 hours.',
  },
  'no-aad-consent': {
    name: 'no-aad-consent',
    scope: 'account',
    description:
      'The account cannot grant admin consent in Azure AD: apps wait for an administrator to consent.',
  },
  'no-arc-role': {
    name: 'no-arc-role',
    scope: 'account',
    description: 'The account lacks Owner or User Access Administrator: Arc role assignments fail.',
  },
  'reader-only': {
    name: 'reader-only',
    scope: 'account',
    description: 'The account is only a Reader: every write to Azure is refused with AuthorizationFailed.',
  },
  'cluster-app-deleted': {
    name: 'cluster-app-deleted',
    scope: 'cluster',
    description:
      "The cluster's Azure AD application was deleted: sync fails and the cluster shows Disconnected after 8 hours.",
  },
  'arc-app-deleted': {
    name: 'arc-app-deleted',
    scope: 'cluster',
    description: "The cluster's Arc application (<cluster>.arc) was deleted.",
  },
  'resource-deleted-in-portal': {
    name: 'resource-deleted-in-portal',
    scope: 'cluster',
    description:
      'The Azure Stack HCI resource was deleted in the Azure portal while the cluster still believes it is registered.',
  },
  'api-latency': {
    name: 'api-latency',
    scope: 'api',
    description: 'Every API answer is delayed (target: milliseconds, default 1500).',
  },
  'api-errors': {
    name: 'api-errors',
    scope: 'api',
    description:
      'Azure Resource Manager answers 500 InternalServerError (target: arm, api or nothing for both).',
  },
  'api-throttling': {
    name: 'api-throttling',
    scope: 'api',
    description: 'Azure Resource Manager answers 429 TooManyRequests with Retry-After.',
  },
};

export const TPM_REPAIR_DURATION: Millis = 2 * 60 * 60_000;
const SKEW: Millis = 10 * 60_000;

export function isFaultName(name: unknown): name is FaultName {
  return typeof name === 'string' && (FAULT_NAMES as readonly string[]).includes(name);
}

function nodesFor(draft: World, target: string | undefined): string[] {
  if (target === undefined || target === '*') return Object.keys(draft.nodes);
  if (own(draft.nodes, target)) return [target];
  if (own(draft.clusters, target)) return clusterNodes(draft, target).map((n) => n.name);
  throw new SimError('not-found', 'TargetNotFound', `There is no server or cluster named '${target}'.`);
}

function clustersFor(draft: World, target: string | undefined): string[] {
  if (target === undefined || target === '*')
    return Object.values(draft.clusters)
      .filter((c) => c.registration)
      .map((c) => c.name);
  if (own(draft.clusters, target)) return [target];
  const node = own(draft.nodes, target);
  if (node) return [node.cluster];
  throw new SimError('not-found', 'TargetNotFound', `There is no cluster named '${target}'.`);
}

function checkAccount(draft: World, target: string | undefined): void {
  if (target !== undefined && target !== '*' && !own(draft.cloud.users, target)) {
    throw new SimError('not-found', 'TargetNotFound', `There is no Azure account named '${target}'.`);
  }
}

function setNode(draft: World, fault: FaultName, node: string, on: boolean, now: Millis): void {
  const n = own(draft.nodes, node);
  if (!n) return;
  switch (fault) {
    case 'node-down':
      n.power = on ? 'Down' : 'Up';
      if (on) failOverVmsFrom(draft, node, now);
      else n.lastBootAt = now;
      break;
    case 'hcisvc-stopped':
      n.hcisvcRunning = !on;
      break;
    case 'outbound-blocked':
      n.outboundBlocked = on;
      break;
    case 'time-skew':
      n.clockSkewMs = on ? SKEW : 0;
      break;
    case 'proxy-misconfigured':
      n.proxyMisconfigured = on;
      break;
    case 'tpm-cleared':
      n.tpmCleared = on;
      if (on) {
        logHciAdmin(draft, node, 594, now);
        schedule(draft, { at: now + TPM_REPAIR_DURATION, kind: 'node/data-repaired', node });
      } else {
        unschedule(draft, (e) => e.kind === 'node/data-repaired' && e.node === node);
        logHciAdmin(draft, node, 592, now);
      }
      break;
    default:
      return;
  }
  refreshHeartbeats(draft, node, now);
}

function record(
  draft: World,
  fault: FaultName,
  target: string,
  now: Millis,
  undo?: ActiveFault['undo'],
): boolean {
  if (draft.faults.some((f) => f.fault === fault && f.target === target)) return false;
  draft.faults.push({ fault, target, since: now, ...(undo ? { undo } : {}) });
  return true;
}

export function injectFault(draft: World, fault: FaultName, target: string | undefined, now: Millis): void {
  const info = FAULTS[fault];
  switch (info.scope) {
    case 'node':
      for (const node of nodesFor(draft, target)) {
        if (record(draft, fault, node, now)) setNode(draft, fault, node, true, now);
      }
      return;
    case 'account':
      checkAccount(draft, target);
      record(draft, fault, target ?? '*', now);
      return;
    case 'cluster':
      for (const name of clustersFor(draft, target)) injectClusterFault(draft, fault, name, now);
      return;
    case 'api':
      if (target !== undefined && !['*', 'arm', 'api'].includes(target) && !/^\d+$/.test(target)) {
        throw new SimError(
          'bad-request',
          'InvalidTarget',
          `'${target}' is not a target of ${fault}: use arm, api, or (for api-latency) a number of milliseconds.`,
        );
      }
      record(draft, fault, target ?? '*', now);
      return;
  }
}

function injectClusterFault(draft: World, fault: FaultName, clusterName: string, now: Millis): void {
  const reg = own(draft.clusters, clusterName)?.registration;
  if (!reg)
    throw new SimError(
      'precondition',
      'ClusterNotRegistered',
      `${fault} needs a registered cluster; '${clusterName}' is not registered.`,
    );
  const deletedApps: AppRegistration[] = [];
  if (fault === 'cluster-app-deleted' || fault === 'arc-app-deleted') {
    const kind = fault === 'cluster-app-deleted' ? 'cluster' : 'arc';
    for (const app of Object.values(draft.cloud.apps)) {
      if (app.clusterName === clusterName && app.kind === kind) {
        deletedApps.push(app);
        delete draft.cloud.apps[app.appId];
      }
    }
  } else if (fault === 'resource-deleted-in-portal') {
    delete draft.cloud.hciClusters[
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
    ];
  }
  record(
    draft,
    fault,
    clusterName,
    now,
    deletedApps.length > 0 ? { appRegistrations: deletedApps } : undefined,
  );
}

export function repairFault(draft: World, fault: FaultName, target: string | undefined, now: Millis): void {
  const matches = draft.faults.filter((f) => f.fault === fault && matchesTarget(draft, f, target));
  for (const active of matches) {
    draft.faults = draft.faults.filter((f) => f !== active);
    const info = FAULTS[fault];
    if (info.scope === 'node') setNode(draft, fault, active.target, false, now);
    if (info.scope === 'cluster') repairClusterFault(draft, active, now);
  }
}

function matchesTarget(draft: World, active: ActiveFault, target: string | undefined): boolean {
  if (target === undefined || target === '*') return true;
  if (active.target.toLowerCase() === target.toLowerCase()) return true;
  // repairing a cluster repairs its nodes' faults
  return own(draft.nodes, active.target)?.cluster === target;
}

function repairClusterFault(draft: World, active: ActiveFault, now: Millis): void {
  const cluster = own(draft.clusters, active.target);
  const reg = cluster?.registration;
  for (const app of active.undo?.appRegistrations ?? []) draft.cloud.apps[app.appId] = app;
  if (active.fault === 'resource-deleted-in-portal' && cluster && reg) {
    const id = resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName));
    if (!own(draft.cloud.hciClusters, id)) {
      const app =
        own(draft.cloud.apps, reg.appId) ??
        createApp(
          draft,
          {
            displayName: reg.resourceName,
            tenantId: reg.tenantId,
            kind: 'cluster',
            clusterName: cluster.name,
            consent: true,
          },
          now,
        );
      reg.appId = app.appId;
      putClusterResource(
        draft,
        {
          cluster: cluster.name,
          cloud: reg.cloud,
          subscriptionId: reg.subscriptionId,
          resourceGroup: reg.resourceGroup,
          region: reg.region,
          resourceName: reg.resourceName,
          tenantId: reg.tenantId,
          enableArc: reg.arcEnabled,
          arcResourceGroup: reg.arcResourceGroup,
          upn: 'hciSim',
        },
        app,
        reg.registeredAt,
      );
    }
  }
}

/** The automatic recovery of 21H2 + KB5010421: the licence data is rebuilt and the fault clears itself. */
onScheduledEvent('node/data-repaired', (draft, event) => {
  if (event.kind !== 'node/data-repaired') return;
  const node = own(draft.nodes, event.node);
  if (!node?.tpmCleared) return;
  draft.faults = draft.faults.filter((f) => !(f.fault === 'tpm-cleared' && f.target === node.name));
  node.tpmCleared = false;
  logHciAdmin(draft, node.name, 592, event.at);
});

/** api-latency's delay in milliseconds, or 0 when the fault is off. */
export function apiLatencyMs(world: World): number {
  const fault = world.faults.find((f) => f.fault === 'api-latency');
  if (!fault) return 0;
  return /^\d+$/.test(fault.target) ? Number(fault.target) : 1500;
}

export function apiFaultActive(
  world: World,
  fault: 'api-errors' | 'api-throttling',
  surface: 'arm' | 'api',
): boolean {
  return world.faults.some((f) => f.fault === fault && (f.target === '*' || f.target === surface));
}
