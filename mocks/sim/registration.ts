/**
 * The durable effects of registering a cluster, and the 12-hourly sync that keeps it licensed.
 * The registration wizard's job (a later flow) ends by calling `applyRegistration`; presets call it directly.
 *
 *   applyRegistration ─▶ RG (CreatedBy tag if new) + apps <name>, <name>.arc + clusters/<name>
 *                        + arcSettings/default + one HybridCompute machine per node + first sync
 *   cluster/sync every 12 h ─▶ success: lastSync = t, Benefits certificates valid to t + 30 d
 *                              failure: events 585 (licence not renewed) / 591 (cannot connect)
 */
import { hciClusterId, machineId, resourceKey, rgKey } from './arm-ids';
import { CREATED_BY_TAG } from './clouds';
import { guidFrom, newGuid, schedule, unschedule } from './core';
import {
  ATTESTATION_VALIDITY,
  SYNC_INTERVAL,
  clusterNodes,
  nodeCanSync,
  nodeIsUp,
  nodeReachesArc,
  nodeReachesAzure,
  nodeWarmingUp,
} from './derive';
import { logHciAdmin, logHciDebug } from './events';
import { hasFault } from './faults-state';
import { AAD_TOKEN_FETCH, ROTATION_FAILED, TIME_SKEW, appNotFound, expiredKeyAssertion } from './guide-texts';
import { DAY, HOUR, MINUTE } from './model';
import type {
  AppRegistration,
  ClusterNode,
  HciClusterResource,
  Millis,
  RegistrationInput,
  ScheduledEvent,
  SystemData,
  World,
} from './model';
import { refreshHeartbeats } from './reachability';
import { own } from './lookup';

export const ARC_AGENT_VERSION = '1.34.02716.1166';

export function systemData(upn: string, at: Millis): SystemData {
  return {
    createdBy: upn,
    createdByType: 'User',
    createdAt: at,
    lastModifiedBy: upn,
    lastModifiedByType: 'User',
    lastModifiedAt: at,
  };
}

export function ensureResourceGroup(
  draft: World,
  subscriptionId: string,
  name: string,
  location: string,
  upn: string,
  at: Millis,
): boolean {
  const key = rgKey(subscriptionId, name);
  if (own(draft.cloud.resourceGroups, key)) return false;
  draft.cloud.resourceGroups[key] = {
    subscriptionId,
    name,
    location,
    tags: { ...CREATED_BY_TAG },
    provisioningState: 'Succeeded',
    systemData: systemData(upn, at),
  };
  return true;
}

export function createApp(
  draft: World,
  input: {
    displayName: string;
    tenantId: string;
    kind: AppRegistration['kind'];
    clusterName?: string;
    consent: boolean;
  },
  at: Millis,
): AppRegistration {
  const appId = newGuid(draft, `app:${input.displayName}`);
  const app: AppRegistration = {
    appId,
    objectId: newGuid(draft, `app-object:${input.displayName}`),
    servicePrincipalObjectId: newGuid(draft, `sp:${input.displayName}`),
    displayName: input.displayName,
    tenantId: input.tenantId,
    kind: input.kind,
    replyUrls: [],
    requiredPermissions:
      input.kind === 'gateway'
        ? ['Microsoft Graph: User.Read', 'Azure Service Management: user_impersonation']
        : [
            'Azure Stack HCI: ClusterRead',
            'Azure Stack HCI: ClusterReadWrite',
            'Azure Stack HCI: ClusterNodeRead',
            'Azure Stack HCI: ClusterNodeReadWrite',
          ],
    adminConsentGranted: input.consent,
    createdAt: at,
  };
  if (input.clusterName !== undefined) app.clusterName = input.clusterName;
  draft.cloud.apps[appId] = app;
  return app;
}

/** Creates (or recreates, for repair) the cluster resource from the on-prem registration record. */
export function putClusterResource(
  draft: World,
  input: RegistrationInput,
  app: AppRegistration,
  at: Millis,
): HciClusterResource {
  const id = hciClusterId(input.subscriptionId, input.resourceGroup, input.resourceName);
  const cluster = own(draft.clusters, input.cluster);
  const resource: HciClusterResource = {
    subscriptionId: input.subscriptionId,
    resourceGroup: input.resourceGroup,
    name: input.resourceName,
    location: input.region,
    tags: {},
    provisioningState: 'Succeeded',
    onPremCluster: input.cluster,
    cloudId: guidFrom(`cloud:${input.cluster}`, 1),
    aadClientId: app.appId,
    aadTenantId: input.tenantId,
    aadApplicationObjectId: app.objectId,
    aadServicePrincipalObjectId: app.servicePrincipalObjectId,
    registrationTimestamp: at,
    desiredDiagnosticLevel: cluster?.diagnosticLevel ?? 'Basic',
    desiredWindowsServerSubscription: 'Disabled',
    systemData: systemData(input.upn, at),
  };
  draft.cloud.hciClusters[resourceKey(id)] = resource;
  return resource;
}

export function applyRegistration(draft: World, input: RegistrationInput, at: Millis): void {
  const cluster = own(draft.clusters, input.cluster);
  if (!cluster) throw new Error(`No cluster ${input.cluster}`);
  ensureResourceGroup(draft, input.subscriptionId, input.resourceGroup, input.region, input.upn, at);
  const app = createApp(
    draft,
    {
      displayName: input.resourceName,
      tenantId: input.tenantId,
      kind: 'cluster',
      clusterName: input.cluster,
      consent: true,
    },
    at,
  );
  const sub = own(draft.cloud.subscriptions, input.subscriptionId);
  if (sub) sub.providers['Microsoft.AzureStackHCI'] = 'Registered';
  const resource = putClusterResource(draft, input, app, at);
  cluster.registration = {
    cloud: input.cloud,
    subscriptionId: input.subscriptionId,
    resourceGroup: input.resourceGroup,
    resourceName: input.resourceName,
    region: input.region,
    tenantId: input.tenantId,
    appId: app.appId,
    registeredAt: at,
    lastSyncAt: at,
    arcEnabled: input.enableArc,
    arcResourceGroup: input.arcResourceGroup,
  };
  if (input.enableArc) enableArcIntegration(draft, input, resource, at);
  recordSync(draft, input.cluster, at);
  scheduleNextSync(draft, input.cluster, at + SYNC_INTERVAL);
}

/**
 * Why a node cannot be Arc-enabled right now, if it cannot: ArcRegistrationTask retries such nodes hourly.
 * No source gives a text for these reasons; they are the simulation's own, shown only in the lab's notes.
 */
export function arcOnboardingBlocked(draft: World, node: ClusterNode): boolean {
  return !nodeIsUp(node) || !nodeReachesArc(node) || hasFault(draft, 'hci-rp-role-removed', node.cluster);
}

/** Onboards the nodes that can be; schedules ArcRegistrationTask for the rest. Returns the nodes left. */
export function onboardClusterNodes(
  draft: World,
  clusterName: string,
  nodeNames: string[],
  where: {
    subscriptionId: string;
    resourceGroup: string;
    region: string;
    clusterResourceId: string;
    upn: string;
  },
  at: Millis,
): string[] {
  const pending: string[] = [];
  for (const name of nodeNames) {
    const node = own(draft.nodes, name);
    if (!node) continue;
    if (arcOnboardingBlocked(draft, node)) pending.push(name);
    else onboardNodeToArc(draft, name, where, at);
  }
  unschedule(draft, (e) => e.kind === 'arc/registration-task' && e.cluster === clusterName);
  if (pending.length > 0)
    schedule(draft, {
      at: at + ARC_TASK_INTERVAL,
      kind: 'arc/registration-task',
      cluster: clusterName,
      nodes: pending,
    });
  return pending;
}

/** The clustered scheduled task ArcRegistrationTask: "runs hourly" (behaviour.md §1.3 step 21). */
export const ARC_TASK_INTERVAL = HOUR;

export function arcRegistrationTask(
  draft: World,
  event: Extract<ScheduledEvent, { kind: 'arc/registration-task' }>,
): void {
  const cluster = own(draft.clusters, event.cluster);
  const reg = cluster?.registration;
  if (!cluster || !reg?.arcEnabled) return;
  onboardClusterNodes(
    draft,
    cluster.name,
    event.nodes.filter((n) => own(draft.nodes, n)?.arc.connected !== true),
    {
      subscriptionId: reg.subscriptionId,
      resourceGroup: reg.arcResourceGroup,
      region: reg.region,
      clusterResourceId: hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
      upn: 'ArcRegistrationTask',
    },
    event.at,
  );
}

/** Creates the arcSettings and the `.arc` app, and onboards the nodes that can be. Returns the nodes left. */
export function enableArcIntegration(
  draft: World,
  input: RegistrationInput,
  resource: HciClusterResource,
  at: Millis,
): string[] {
  if (sub(draft, input.subscriptionId)) {
    const providers = own(draft.cloud.subscriptions, input.subscriptionId)?.providers;
    if (providers) {
      providers['Microsoft.HybridCompute'] = 'Registered';
      providers['Microsoft.GuestConfiguration'] = 'Registered';
      providers['Microsoft.HybridConnectivity'] = 'Registered';
    }
  }
  ensureResourceGroup(draft, input.subscriptionId, input.arcResourceGroup, input.region, input.upn, at);
  const arcApp = createApp(
    draft,
    {
      displayName: `${input.resourceName}.arc`,
      tenantId: input.tenantId,
      kind: 'arc',
      clusterName: input.cluster,
      consent: true,
    },
    at,
  );
  const clusterId = hciClusterId(input.subscriptionId, input.resourceGroup, input.resourceName);
  resource.arcSetting = {
    provisioningState: 'Succeeded',
    arcInstanceResourceGroup: input.arcResourceGroup,
    arcApplicationClientId: arcApp.appId,
    arcApplicationTenantId: input.tenantId,
    arcApplicationObjectId: arcApp.objectId,
    arcServicePrincipalObjectId: arcApp.servicePrincipalObjectId,
    perNode: {},
    systemData: systemData(input.upn, at),
  };
  return onboardClusterNodes(
    draft,
    input.cluster,
    clusterNodes(draft, input.cluster).map((n) => n.name),
    {
      subscriptionId: input.subscriptionId,
      resourceGroup: input.arcResourceGroup,
      region: input.region,
      clusterResourceId: clusterId,
      upn: input.upn,
    },
    at,
  );
}

/** Installs and connects the node's agent and creates its machine resource. */
export function onboardNodeToArc(
  draft: World,
  nodeName: string,
  where: {
    subscriptionId: string;
    resourceGroup: string;
    region: string;
    clusterResourceId?: string;
    upn: string;
  },
  at: Millis,
): void {
  const node = own(draft.nodes, nodeName);
  if (!node) return;
  const id = machineId(where.subscriptionId, where.resourceGroup, node.name);
  draft.cloud.machines[resourceKey(id)] = {
    subscriptionId: where.subscriptionId,
    resourceGroup: where.resourceGroup,
    name: node.name,
    location: where.region,
    tags: {},
    vmId: guidFrom(`vmid:${node.name}`, 1),
    osType: 'windows',
    osName: node.osName,
    osVersion: `10.0.${node.osBuild}`,
    osSku: node.osName,
    agentVersion: ARC_AGENT_VERSION,
    hostName: node.name,
    ...(where.clusterResourceId !== undefined ? { parentClusterResourceId: where.clusterResourceId } : {}),
    provisioningState: 'Succeeded',
    lastStatusChangeAt: at,
    systemData: systemData(where.upn, at),
  };
  node.arc = { installed: true, version: ARC_AGENT_VERSION, connected: true, machineResourceId: id };
  if (where.clusterResourceId !== undefined) {
    const resource = own(draft.cloud.hciClusters, resourceKey(where.clusterResourceId));
    if (resource?.arcSetting) {
      resource.arcSetting.perNode[node.name] = {
        arcInstance: id,
        arcNodeServicePrincipalObjectId: guidFrom(`arc-node-sp:${node.name}`, 1),
      };
    }
  }
  refreshHeartbeats(draft, nodeName, at);
}

function sub(draft: World, id: string) {
  return own(draft.cloud.subscriptions, id);
}

export function scheduleNextSync(draft: World, clusterName: string, at: Millis): void {
  unschedule(draft, (e) => e.kind === 'cluster/sync' && e.cluster === clusterName);
  schedule(draft, { at, kind: 'cluster/sync', cluster: clusterName });
}

/** Why a sync attempt cannot reach the service, or undefined when it can. */
export function syncBlocker(draft: World, clusterName: string): string | undefined {
  const cluster = own(draft.clusters, clusterName);
  const reg = cluster?.registration;
  if (!cluster || !reg) return 'The cluster is not registered with Azure.';
  const nodes = clusterNodes(draft, clusterName);
  if (!nodes.some(nodeCanSync)) {
    if (nodes.every((n) => n.power === 'Down')) return 'No server in the cluster is running.';
    if (nodes.some((n) => n.power === 'Up' && (n.outboundBlocked || n.proxyMisconfigured)))
      return 'The servers cannot reach Azure: outbound HTTPS connectivity is blocked or the proxy is misconfigured.';
    if (nodes.some((n) => n.tpmCleared || !n.secureBoot))
      return 'Azure Stack HCI cannot read its licence data on this cluster.';
    if (nodes.some((n) => Math.abs(n.clockSkewMs) >= 5 * 60_000))
      return 'The servers\u2019 clocks are out of sync with Azure.';
    return 'The Azure Stack HCI service (hcisvc) is not running on any server.';
  }
  const app = own(draft.cloud.apps, reg.appId);
  // The job's failure texts below are the simulation's own (the product's Sync-AzureStackHCI error is not
  // in the sources); the guide's texts are on the Debug channel (logNodeSyncFailure) and in the events.
  if (!app)
    return `The Azure AD application ${reg.resourceName} (${reg.appId}) no longer exists in the tenant.`;
  if (hasFault(draft, 'cert-rotation-failing', clusterName)) return ROTATION_FAILED.assertion;
  const resource = own(
    draft.cloud.hciClusters,
    resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
  );
  if (!resource) return `The Azure resource ${reg.resourceName} no longer exists.`;
  return undefined;
}

/**
 * A successful sync: census to the cloud, licence and Benefits certificates renewed. The census is only
 * rebuilt when it changed, because a month of syncs across 32 clusters would otherwise dominate a jump.
 */
export function recordSync(draft: World, clusterName: string, at: Millis): void {
  const cluster = own(draft.clusters, clusterName);
  const reg = cluster?.registration;
  if (!cluster || !reg) return;
  reg.lastSyncAt = at;
  if (reg.lastSyncError !== undefined) delete reg.lastSyncError;
  const nodes = clusterNodes(draft, clusterName);
  for (const node of nodes) {
    if (node.attestation.enabled && nodeCanSync(node)) node.attestation.expiresAt = at + ATTESTATION_VALIDITY;
    // Each node renews its own licence: one that cannot logs why, even when the cluster's sync succeeds.
    if (node.power === 'Up' && node.hcisvcRunning && !nodeCanSync(node)) logNodeSyncFailure(draft, node, at);
  }
  const resource = own(
    draft.cloud.hciClusters,
    resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
  );
  if (!resource) return;
  // The guide's census case: a node still warming up after a restart is not in the census, and Azure removes
  // the Arc resource of a node the census does not include. Its agent still believes it is connected.
  for (const node of nodes) {
    if (!nodeWarmingUp(node, at)) continue;
    const id = node.arc.machineResourceId;
    if (id !== undefined) delete draft.cloud.machines[resourceKey(id)];
    if (resource.arcSetting) delete resource.arcSetting.perNode[node.name];
  }
  resource.lastSyncTimestamp = at;
  resource.lastBillingTimestamp = at;
  const census = resource.reported;
  const unchanged =
    census?.imdsAttestation === cluster.imdsAttestation &&
    census.diagnosticLevel === cluster.diagnosticLevel &&
    census.nodes.length === nodes.length &&
    census.nodes.every((n, i) => n.name === nodes[i]?.name);
  if (unchanged) {
    census.lastUpdated = at;
    return;
  }
  resource.reported = {
    clusterName: cluster.name,
    clusterId: guidFrom(`cluster-id:${cluster.name}`, 1),
    clusterVersion: `10.0.${cluster.osBuild}`,
    imdsAttestation: cluster.imdsAttestation,
    diagnosticLevel: cluster.diagnosticLevel,
    lastUpdated: at,
    nodes: nodes.map((n, i) => ({
      name: n.name,
      id: i + 1,
      osName: n.osName,
      osVersion: `10.0.${n.osBuild}`,
      coreCount: n.coreCount,
      memoryInGiB: n.memoryGiB,
    })),
  };
}

/** One sync attempt, as the scheduled task and "Sync now" both run it. Returns the reason it failed, if it did. */
export function attemptSync(draft: World, clusterName: string, at: Millis): string | undefined {
  const blocker = syncBlocker(draft, clusterName);
  const cluster = own(draft.clusters, clusterName);
  if (!cluster?.registration) return blocker;
  if (blocker === undefined) {
    recordSync(draft, clusterName, at);
    return undefined;
  }
  cluster.registration.lastSyncError = blocker;
  for (const node of clusterNodes(draft, clusterName)) {
    if (node.power !== 'Up' || !node.hcisvcRunning) continue;
    logHciAdmin(draft, node.name, 591, at);
    logNodeSyncFailure(draft, node, at);
  }
  return blocker;
}

/** How many "failed with retryable error" lines precede the final one; the guide says "a few times". */
const TOKEN_FETCH_RETRIES = 3;

/**
 * A node's failed licence renewal as hcisvc writes it: event 585 on the Admin channel, and on the Debug
 * channel (when enabled) the guide's AADTokenFetch lines with the Azure AD exception that explains them.
 * Where the guide gives no exception text (a blocked firewall, a cleared TPM) none is written.
 */
function logNodeSyncFailure(draft: World, node: ClusterNode, at: Millis): void {
  logHciAdmin(draft, node.name, 585, at);
  if (!node.debugChannelEnabled) return;
  const reg = own(draft.clusters, node.cluster)?.registration;
  if (!reg) return;
  const debug = (line: string) => {
    logHciDebug(draft, node.name, line, at);
  };
  if (!node.secureBoot || node.tpmCleared) return;
  if (hasFault(draft, 'cert-rotation-failing', node.cluster)) {
    debug(ROTATION_FAILED.assertion);
    debug(ROTATION_FAILED.audience);
    return;
  }
  for (let i = 0; i < TOKEN_FETCH_RETRIES; i++) debug(AAD_TOKEN_FETCH.retryable);
  debug(AAD_TOKEN_FETCH.exhausted);
  if (!nodeReachesAzure(node)) return;
  if (Math.abs(node.clockSkewMs) >= 5 * MINUTE) {
    debug(TIME_SKEW);
    debug(
      expiredKeyAssertion(
        certificateThumbprint(node.name, reg.registeredAt),
        usDate(reg.registeredAt),
        usDate(reg.registeredAt + 2 * 365 * DAY),
      ),
    );
    return;
  }
  if (!own(draft.cloud.apps, reg.appId)) debug(appNotFound(reg.appId));
}

/** The registration certificate's thumbprint: 40 hex digits, stable for a node and its registration. */
function certificateThumbprint(node: string, registeredAt: Millis): string {
  return [1, 2]
    .map((n) => guidFrom(`thumbprint:${node}:${registeredAt}`, n).replace(/-/g, ''))
    .join('')
    .slice(0, 40)
    .toUpperCase();
}

/** `MM/dd/yyyy HH:mm:ss`, as the guide's "Found key 'Start=06/29/2021 21:13:15, …'" shows it. */
function usDate(at: Millis): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * The scheduled sync. A successful sync changes nothing but timestamps, so when nothing other than syncs
 * is due before the next tick, the run of successful syncs up to the horizon collapses into its last one:
 * a healthy month costs one step per cluster, and failures (which log events) are still taken one by one.
 */
export function scheduledSync(
  draft: World,
  event: Extract<ScheduledEvent, { kind: 'cluster/sync' }>,
  until: Millis,
): void {
  if (!own(draft.clusters, event.cluster)?.registration) return;
  const failure = attemptSync(draft, event.cluster, event.at);
  let last = event.at;
  if (failure === undefined) {
    const otherEvent = draft.schedule.find((e) => e.kind !== 'cluster/sync');
    const horizon = Math.min(until, otherEvent ? otherEvent.at - 1 : until);
    const skipped = Math.floor((horizon - event.at) / SYNC_INTERVAL);
    if (skipped > 0) {
      last = event.at + skipped * SYNC_INTERVAL;
      recordSync(draft, event.cluster, last);
    }
  }
  scheduleNextSync(draft, event.cluster, last + SYNC_INTERVAL);
}
