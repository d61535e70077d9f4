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
import { SimError, schedule, unschedule } from './core';
import { clusterNodes } from './derive';
import { logHciAdmin } from './events';
import { FAULT_NAMES } from './model';
import type { ActiveFault, AppRegistration, FaultName, Millis, ScheduledEvent, World } from './model';
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
      'The TPM was cleared: the licence data cannot be read (event 594). On some nodes the automatic repair starts at once (event 592) and completes in 2 hours; on every node of the cluster it cannot: unregister, restart the servers and register again.',
  },
  'secure-boot-off': {
    name: 'secure-boot-off',
    scope: 'node',
    description:
      'Secure Boot was turned off on the server: its licence data cannot be read (event 594) and it falls OutOfPolicy until Secure Boot is on again.',
  },
  'node-restart': {
    name: 'node-restart',
    scope: 'node',
    description:
      'The server restarts now (an event, not a lasting state): for 15 minutes it reconciles the cluster state, and a census sync in that window leaves it out, which removes its Arc resource.',
  },
  'arc-proxy-misconfigured': {
    name: 'arc-proxy-misconfigured',
    scope: 'node',
    description:
      'The proxy is wrong only for the Azure Arc endpoints: registration and sync work, Arc onboarding and heartbeats fail (Arc "Not installed").',
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
  'tenant-mfa-required': {
    name: 'tenant-mfa-required',
    scope: 'account',
    description:
      "Another Azure AD tenant of the account requires multi-factor authentication: signing in without -TenantId (Register-AzStackHCI, Unregister-AzStackHCI) can't get a token for it; with -TenantId it works.",
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
  'hci-rp-role-removed': {
    name: 'hci-rp-role-removed',
    scope: 'cluster',
    description:
      'The Azure Connected Machine Resource Manager role was removed from the HCI resource provider on the Arc resource group: Arc onboarding fails until a repair registration assigns it again.',
  },
  'cert-rotation-failing': {
    name: 'cert-rotation-failing',
    scope: 'cluster',
    description:
      'Azure China / Azure US Government only: the registration certificate cannot be rotated in the Azure AD application, so every sync fails and the cluster shows Disconnected until a repair registration adds new certificates.',
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
      // on: licenceDataLost runs once every target node has lost its data (injectFault)
      if (!on) unschedule(draft, (e) => e.kind === 'node/data-repaired' && e.node === node);
      break;
    case 'secure-boot-off':
      n.secureBoot = !on;
      if (on) logHciAdmin(draft, node, 594, now);
      break;
    case 'arc-proxy-misconfigured':
      n.arcProxyMisconfigured = on;
      break;
    default:
      return;
  }
  refreshHeartbeats(draft, node, now);
}

/**
 * A node lost its licence data (event 594). 21H2 with KB5010421 repairs it from the other nodes: event 592
 * when the repair starts, the data back 2 hours later. When every node of the cluster has lost it there is
 * nothing to repair from, so nothing starts and pending repairs stop: the guide's manual path (unregister,
 * restart, register) is the way out.
 */
function licenceDataLost(draft: World, node: string, now: Millis): void {
  logHciAdmin(draft, node, 594, now);
  const cluster = own(draft.nodes, node)?.cluster ?? '';
  const nodes = clusterNodes(draft, cluster);
  if (nodes.every((n) => n.tpmCleared)) {
    const names = new Set(nodes.map((n) => n.name));
    unschedule(draft, (e) => e.kind === 'node/data-repaired' && names.has(e.node));
    return;
  }
  logHciAdmin(draft, node, 592, now);
  schedule(draft, { at: now + TPM_REPAIR_DURATION, kind: 'node/data-repaired', node });
}

/**
 * A restart: the server is back at once and warms up for NODE_WARMUP. A node whose licence data was lost
 * gets a new store when it restarts while the cluster is not registered (the guide's unregister, restart,
 * register).
 */
export function restartNode(draft: World, nodeName: string, now: Millis): void {
  const node = own(draft.nodes, nodeName);
  if (!node) throw new SimError('not-found', 'ServerNotFound', `There is no server named '${nodeName}'.`);
  if (node.power !== 'Up')
    throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
  node.lastBootAt = now;
  if (node.tpmCleared && !own(draft.clusters, node.cluster)?.registration) {
    node.tpmCleared = false;
    draft.faults = draft.faults.filter((f) => !(f.fault === 'tpm-cleared' && f.target === node.name));
  }
  refreshHeartbeats(draft, node.name, now);
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
      if (fault === 'node-restart') {
        for (const node of nodesFor(draft, target)) restartNode(draft, node, now);
        return;
      }
      {
        const changed = nodesFor(draft, target).filter((node) => record(draft, fault, node, now));
        for (const node of changed) setNode(draft, fault, node, true, now);
        // Whether a repair can start depends on every node cleared at the same moment.
        if (fault === 'tpm-cleared') for (const node of changed) licenceDataLost(draft, node, now);
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
  // The resource provider's role lives on the Arc resource group, with or without a registration in place.
  if (fault === 'hci-rp-role-removed') {
    record(draft, fault, clusterName, now);
    return;
  }
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
  } else if (fault === 'cert-rotation-failing' && reg.cloud === 'AzureCloud') {
    throw new SimError(
      'precondition',
      'NotInThisCloud',
      `Certificate rotation fails only in Azure China and Azure US Government; '${clusterName}' is registered in AzureCloud.`,
    );
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
export function dataRepaired(
  draft: World,
  event: Extract<ScheduledEvent, { kind: 'node/data-repaired' }>,
): void {
  const node = own(draft.nodes, event.node);
  if (!node?.tpmCleared) return;
  draft.faults = draft.faults.filter((f) => !(f.fault === 'tpm-cleared' && f.target === node.name));
  node.tpmCleared = false;
}

/** api-latency's delay in milliseconds, or 0 when the fault is off. */
export function apiLatencyMs(world: World): number {
  const fault = world.faults.find((f) => f.fault === 'api-latency');
  if (!fault) return 0;
  return /^\d+$/.test(fault.target) ? Number(fault.target) : 1500;
}

/** The two simulated APIs an API fault can target: Resource Manager, and the gateway's /api. */
export type ApiSurface = 'arm' | 'api';

export function apiFaultActive(
  world: World,
  fault: 'api-errors' | 'api-throttling',
  surface: ApiSurface,
): boolean {
  return world.faults.some((f) => f.fault === fault && (f.target === '*' || f.target === surface));
}
