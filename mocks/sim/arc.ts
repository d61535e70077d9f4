/**
 * Azure Arc for the servers of a cluster, and for standalone servers onboarded with the portal's script.
 *
 *   agent:  not installed ──enable (job)──▶ connected ──heartbeat every 5 min──▶ Connected
 *                                            │  no heartbeat 25 min ─▶ Disconnected ─ 45 d ─▶ Expired
 *                                            │  (Expired stays Expired: the certificate is gone; only
 *                                            │   disable + enable, i.e. disconnect and reconnect, clears it)
 *           azcmagent disconnect ──▶ agent disconnected, machine resource deleted
 *           azcmagent disconnect --force-local-only ──▶ agent disconnected, resource left to go Disconnected
 *   script: "run" on a simulated server ─▶ new server + gateway connection + machine with no status until
 *           its first heartbeat 5 minutes later, then Connected.
 *
 * A standalone server is a ClusterNode with `cluster: ''` that no cluster lists in `nodeNames`: everything
 * per node (faults, heartbeats, views) already works on it, and nothing per cluster ever sees it.
 */
import type { RunOnboardingResultDto } from '../../src/api/arc-contract';
import { hciClusterId, machineId, portalPathOf, resourceKey, rgKey } from './arm-ids';
import { ALL_LOCATIONS } from './clouds';
import { SimError, guidFrom } from './core';
import { arcMachineStatus, clusterNodes, lastHeartbeat, nodeIsUp, nodeReachesAzure } from './derive';
import { logHciDebug } from './events';
import { azureReadiness } from './gateway-registration';
import { canAssignRoles } from './identity';
import { evenSteps, startJob } from './jobs';
import type { JobOutcome } from './jobs';
import type { ClusterNode, Job, Millis, World } from './model';
import { MINUTE } from './model';
import { refreshHeartbeats } from './reachability';
import { ARC_AGENT_VERSION, createApp, onboardNodeToArc, systemData } from './registration';
import { own } from './lookup';
import { requireCluster, requireNode } from './cluster-lookup';

export const ARC_MESSAGES = {
  notRegistered:
    'Azure Arc can only be enabled on a cluster that is registered with Azure Stack HCI. Register the cluster first.',
  arcRoles:
    'Failed to assign required roles for Azure Arc integration. Your Azure AD account must be an Owner or User Access Administrator in the subscription to enable Azure Arc integration.',
  resourceMissing: (name: string) =>
    `The Azure Stack HCI resource ${name} no longer exists in Azure. Unregister the cluster, then register it again.`,
  enabled: (nodes: string[]) => `Azure Arc is enabled on ${nodes.join(', ')}.`,
  disabled: (node: string) =>
    `Azure Arc integration is disabled on ${node}. Enable it again to reconnect the server.`,
  nodeUnreachable: (node: string) =>
    `Couldn't reach ${node}: the server is not responding or cannot reach Azure.`,
};

const ENABLE_STEPS = [
  { percent: 5, text: 'Checking the registration of the cluster' },
  { percent: 20, text: 'Assigning required roles for Azure Arc integration' },
  { percent: 40, text: 'Installing the Azure Connected Machine agent' },
  { percent: 75, text: 'Connecting the servers to Azure Arc (azcmagent connect)' },
  { percent: 95, text: 'Verifying Arc settings' },
];
const DISABLE_STEPS = [
  { percent: 10, text: 'Disconnecting the Azure Connected Machine agent (azcmagent disconnect)' },
  { percent: 60, text: 'Deleting the Arc-enabled server resource' },
  { percent: 90, text: 'Updating Arc settings' },
];
export const ARC_ENABLE_DURATION: Millis = 3 * MINUTE;
export const ARC_DISABLE_DURATION: Millis = MINUTE;

function requireReady(world: World, now: Millis): void {
  const blocker = azureReadiness(world, now);
  if (blocker) throw new SimError('precondition', blocker.code, blocker.message);
}

function actingUpn(world: World): string {
  return world.gateway.account?.upn ?? 'unknown';
}

/** A server whose agent is installed, connected and reports to an existing machine resource. */
export function arcEnabledOnNode(world: World, node: ClusterNode): boolean {
  const id = node.arc.machineResourceId;
  return (
    node.arc.installed &&
    node.arc.connected &&
    id !== undefined &&
    own(world.cloud.machines, resourceKey(id)) !== undefined
  );
}

/**
 * Enable-AzStackHCIArcIntegration for some or all servers of a registered cluster. Validated now (400/404/409
 * with nothing changed); the outcome is decided when the job ends, per server, against the world then.
 */
export function startArcEnable(
  draft: World,
  clusterName: string,
  nodeNames: string[] | undefined,
  now: Millis,
): Job {
  const cluster = requireCluster(draft, clusterName);
  requireReady(draft, now);
  if (!cluster.registration)
    throw new SimError('conflict', 'ClusterNotRegistered', ARC_MESSAGES.notRegistered);
  const all = clusterNodes(draft, cluster.name);
  const targets =
    nodeNames === undefined ? all.filter((n) => !arcEnabledOnNode(draft, n)).map((n) => n.name) : [];
  if (nodeNames !== undefined) {
    if (nodeNames.length === 0)
      throw new SimError('bad-request', 'InvalidParameter', 'Select at least one server.', {
        target: 'nodes',
      });
    for (const name of nodeNames) {
      const node = all.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!node)
        throw new SimError(
          'bad-request',
          'InvalidParameter',
          `The server '${name}' is not part of ${cluster.name}.`,
          { target: 'nodes' },
        );
      if (arcEnabledOnNode(draft, node))
        throw new SimError('conflict', 'ArcAlreadyEnabled', `Azure Arc is already enabled on ${node.name}.`);
      if (!targets.includes(node.name)) targets.push(node.name);
    }
  }
  if (targets.length === 0)
    throw new SimError(
      'conflict',
      'ArcAlreadyEnabled',
      `Azure Arc is already enabled on every server of ${cluster.name}.`,
    );
  if (
    Object.values(draft.jobs).some(
      (j) =>
        j.status === 'InProgress' &&
        (j.kind === 'arc/enable' || j.kind === 'arc/disable') &&
        j.target.name === cluster.name,
    )
  ) {
    throw new SimError(
      'conflict',
      'OperationInProgress',
      `An Azure Arc operation is already running on ${cluster.name}. Wait for it to finish.`,
    );
  }
  return startJob(
    draft,
    {
      kind: 'arc/enable',
      title: `Enable Azure Arc on ${cluster.name}`,
      target: { type: 'cluster', name: cluster.name },
      steps: evenSteps(ARC_ENABLE_DURATION, ENABLE_STEPS),
      durationMs: ARC_ENABLE_DURATION,
      input: { cluster: cluster.name, nodes: targets, upn: actingUpn(draft) },
      startedMessage: `Enabling Azure Arc on ${targets.join(', ')}...`,
    },
    now,
  );
}

export function completeArcEnable(draft: World, job: Job<'arc/enable'>, at: Millis): JobOutcome {
  const { cluster: clusterName, nodes, upn } = job.input;
  const cluster = own(draft.clusters, clusterName);
  const reg = cluster?.registration;
  if (!cluster || !reg)
    return { status: 'Failed', message: ARC_MESSAGES.notRegistered, result: 'ClusterNotRegistered' };
  const clusterId = hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName);
  const resource = own(draft.cloud.hciClusters, resourceKey(clusterId));
  if (!resource)
    return {
      status: 'Failed',
      message: ARC_MESSAGES.resourceMissing(reg.resourceName),
      result: 'ResourceNotFound',
    };
  if (!canAssignRoles(draft, upn, reg.subscriptionId))
    return { status: 'Failed', message: ARC_MESSAGES.arcRoles, result: 'ArcRoleAssignmentFailed' };
  const arcGroup = reg.arcResourceGroup === '' ? reg.resourceGroup : reg.arcResourceGroup;
  if (!own(draft.cloud.resourceGroups, rgKey(reg.subscriptionId, arcGroup))) {
    draft.cloud.resourceGroups[rgKey(reg.subscriptionId, arcGroup)] = {
      subscriptionId: reg.subscriptionId,
      name: arcGroup,
      location: reg.region,
      tags: {},
      provisioningState: 'Succeeded',
      systemData: systemData(upn, at),
    };
  }
  const providers = own(draft.cloud.subscriptions, reg.subscriptionId)?.providers;
  if (providers) providers['Microsoft.HybridCompute'] = 'Registered';
  if (!resource.arcSetting) {
    const arcApp =
      Object.values(draft.cloud.apps).find((a) => a.kind === 'arc' && a.clusterName === cluster.name) ??
      createApp(
        draft,
        {
          displayName: `${reg.resourceName}.arc`,
          tenantId: reg.tenantId,
          kind: 'arc',
          clusterName: cluster.name,
          consent: true,
        },
        at,
      );
    resource.arcSetting = {
      provisioningState: 'Succeeded',
      arcInstanceResourceGroup: arcGroup,
      arcApplicationClientId: arcApp.appId,
      arcApplicationTenantId: reg.tenantId,
      arcApplicationObjectId: arcApp.objectId,
      arcServicePrincipalObjectId: arcApp.servicePrincipalObjectId,
      perNode: {},
      systemData: systemData(upn, at),
    };
  }
  const done: string[] = [];
  const failed: string[] = [];
  for (const name of nodes) {
    const node = own(draft.nodes, name);
    if (!node || !nodeReachesAzure(node)) {
      failed.push(name);
      continue;
    }
    onboardNodeToArc(
      draft,
      name,
      {
        subscriptionId: reg.subscriptionId,
        resourceGroup: arcGroup,
        region: reg.region,
        clusterResourceId: clusterId,
        upn,
      },
      at,
    );
    logHciDebug(draft, name, 'Azure Arc integration enabled: azcmagent connect succeeded.', at);
    done.push(name);
  }
  if (done.length > 0) {
    reg.arcEnabled = true;
    reg.arcResourceGroup = arcGroup;
  }
  if (failed.length > 0) {
    const message =
      failed.map(ARC_MESSAGES.nodeUnreachable).join(' ') +
      (done.length > 0 ? ` ${ARC_MESSAGES.enabled(done)}` : '');
    return { status: 'Failed', message, result: done.length > 0 ? 'PartiallySucceeded' : 'Failed' };
  }
  return { status: 'Succeeded', message: ARC_MESSAGES.enabled(done), result: 'Success' };
}

/** Disable-AzStackHCIArcIntegration for one server: its agent disconnects and its machine resource goes. */
export function startArcDisable(draft: World, clusterName: string, nodeName: string, now: Millis): Job {
  const cluster = requireCluster(draft, clusterName);
  requireReady(draft, now);
  if (!cluster.registration)
    throw new SimError('conflict', 'ClusterNotRegistered', ARC_MESSAGES.notRegistered);
  const node = clusterNodes(draft, cluster.name).find((n) => n.name.toLowerCase() === nodeName.toLowerCase());
  if (!node)
    throw new SimError(
      'not-found',
      'ServerNotFound',
      `The server '${nodeName}' is not part of ${cluster.name}.`,
      { target: 'node' },
    );
  if (!node.arc.installed || node.arc.machineResourceId === undefined) {
    throw new SimError('conflict', 'ArcNotEnabled', `Azure Arc is not enabled on ${node.name}.`);
  }
  if (
    Object.values(draft.jobs).some(
      (j) =>
        j.status === 'InProgress' &&
        (j.kind === 'arc/enable' || j.kind === 'arc/disable') &&
        j.target.name === cluster.name,
    )
  ) {
    throw new SimError(
      'conflict',
      'OperationInProgress',
      `An Azure Arc operation is already running on ${cluster.name}. Wait for it to finish.`,
    );
  }
  return startJob(
    draft,
    {
      kind: 'arc/disable',
      title: `Disable Azure Arc on ${node.name}`,
      target: { type: 'cluster', name: cluster.name },
      steps: evenSteps(ARC_DISABLE_DURATION, DISABLE_STEPS),
      durationMs: ARC_DISABLE_DURATION,
      input: { cluster: cluster.name, node: node.name },
      startedMessage: `Disabling Azure Arc integration on ${node.name}...`,
    },
    now,
  );
}

export function completeArcDisable(draft: World, job: Job<'arc/disable'>, at: Millis): JobOutcome {
  const nodeName = job.input.node;
  const node = own(draft.nodes, nodeName);
  if (!node || !nodeIsUp(node))
    return { status: 'Failed', message: ARC_MESSAGES.nodeUnreachable(nodeName), result: 'Failed' };
  detachAgent(draft, node, false, at);
  const cluster = own(draft.clusters, job.input.cluster);
  if (cluster?.registration && !clusterNodes(draft, cluster.name).some((n) => arcEnabledOnNode(draft, n))) {
    cluster.registration.arcEnabled = false;
    const reg = cluster.registration;
    const resource = own(
      draft.cloud.hciClusters,
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
    );
    if (resource) delete resource.arcSetting;
  }
  return { status: 'Succeeded', message: ARC_MESSAGES.disabled(nodeName), result: 'Success' };
}

/**
 * `azcmagent disconnect`: deletes the machine resource in Azure, then disconnects the agent. With
 * `--force-local-only` Azure is not told: the resource stays and goes Disconnected after 25 minutes.
 */
/** Answers the server's name as the world spells it. */
export function disconnectAgent(
  draft: World,
  nodeName: string,
  forceLocalOnly: boolean,
  now: Millis,
): string {
  const node = requireNode(draft, nodeName);
  if (!node.arc.installed)
    throw new SimError(
      'conflict',
      'AgentNotInstalled',
      `The Azure Connected Machine agent is not installed on ${node.name}.`,
    );
  if (!node.arc.connected)
    throw new SimError(
      'conflict',
      'AgentNotConnected',
      `The Azure Connected Machine agent on ${node.name} is already disconnected.`,
    );
  if (!nodeIsUp(node))
    throw new SimError('conflict', 'ServerUnreachable', ARC_MESSAGES.nodeUnreachable(node.name));
  if (!forceLocalOnly && !nodeReachesAzure(node)) {
    throw new SimError(
      'conflict',
      'AZCM0026',
      `AZCM0026: Network Error. ${node.name} cannot reach Azure to delete its resource. Use --force-local-only to disconnect the agent without deleting the resource in Azure.`,
    );
  }
  detachAgent(draft, node, forceLocalOnly, now);
  return node.name;
}

/** The agent stops reporting; unless only local, its machine resource and arcSettings entry go too. */
function detachAgent(draft: World, node: ClusterNode, forceLocalOnly: boolean, now: Millis): void {
  const id = node.arc.machineResourceId;
  refreshHeartbeats(draft, node.name, now);
  node.arc.connected = false;
  refreshHeartbeats(draft, node.name, now);
  if (!forceLocalOnly && id !== undefined) {
    delete draft.cloud.machines[resourceKey(id)];
    for (const resource of Object.values(draft.cloud.hciClusters)) {
      const perNode = resource.arcSetting?.perNode;
      if (perNode && own(perNode, node.name)?.arcInstance.toLowerCase() === id.toLowerCase())
        delete perNode[node.name];
    }
    delete node.arc.machineResourceId;
  }
}

// ───────────── The portal's onboarding script, run on a simulated server ─────────────

export interface OnboardingRun {
  serverName: string;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  osType: 'windows' | 'linux';
  /** none when the script sets no tags */
  tags?: Record<string, string> | undefined;
  /** '' or absent: the server reaches Azure directly */
  proxyUrl?: string | undefined;
}

const HOST_NAME = /^(?=.{1,15}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Installs the agent on a new simulated server and runs `azcmagent connect` with the script's values. */
export function runOnboardingScript(draft: World, input: OnboardingRun, now: Millis): RunOnboardingResultDto {
  const name = input.serverName.trim();
  if (!HOST_NAME.test(name)) {
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      'The server name must be 1 to 15 letters, digits or hyphens, and cannot start or end with a hyphen.',
      { target: 'serverName' },
    );
  }
  if (
    Object.values(draft.nodes).some((n) => n.name.toLowerCase() === name.toLowerCase()) ||
    draft.gateway.connections.some((c) => c.name.toLowerCase() === name.toLowerCase())
  ) {
    throw new SimError(
      'conflict',
      'ServerExists',
      `A server named ${name} already exists. Choose another name.`,
      { target: 'serverName' },
    );
  }
  const sub = own(draft.cloud.subscriptions, input.subscriptionId);
  if (!sub)
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `The subscription '${input.subscriptionId}' could not be found.`,
      { target: 'subscriptionId' },
    );
  const rg = own(draft.cloud.resourceGroups, rgKey(sub.subscriptionId, input.resourceGroup));
  if (!rg)
    throw new SimError(
      'not-found',
      'ResourceGroupNotFound',
      `Resource group '${input.resourceGroup}' could not be found.`,
      { target: 'resourceGroup' },
    );
  if (!ALL_LOCATIONS.some((l) => l.name === input.region)) {
    throw new SimError('bad-request', 'InvalidParameter', `The region '${input.region}' is not available.`, {
      target: 'region',
    });
  }
  if (own(draft.cloud.machines, resourceKey(machineId(sub.subscriptionId, rg.name, name)))) {
    throw new SimError(
      'conflict',
      'MachineExists',
      `An Arc-enabled server named ${name} already exists in ${rg.name}.`,
      { target: 'serverName' },
    );
  }
  const linux = input.osType === 'linux';
  const domain = own(draft.clusters, Object.keys(draft.clusters)[0] ?? '')?.domain ?? 'contoso.local';
  const node: ClusterNode = {
    name,
    cluster: '',
    fqdn: `${name.toLowerCase()}.${domain}`,
    power: 'Up',
    hcisvcRunning: false,
    outboundBlocked: false,
    proxyMisconfigured: false,
    clockSkewMs: 0,
    osName: linux ? 'Ubuntu 22.04.4 LTS' : 'Windows Server 2022 Datacenter',
    osBuild: linux ? '5.15.0-105-generic' : '20348.2340',
    osDisplayVersion: linux ? '22.04' : '21H2',
    manufacturer: 'Microsoft Corporation',
    model: 'Virtual Machine',
    serialNumber: guidFrom(`serial:${name}`, 1).slice(0, 12).toUpperCase(),
    coreCount: 4,
    memoryGiB: 16,
    tpmPresent: true,
    secureBoot: true,
    tpmCleared: false,
    installedAt: now,
    lastBootAt: now,
    arc: { installed: false, version: '', connected: false },
    attestation: { hostSwitch: false, enabled: false },
    debugChannelEnabled: false,
  };
  draft.nodes[name] = node;
  draft.gateway.connections.push({
    name,
    type: 'server',
    managingAs: 'CONTOSO\\administrator',
    tags: ['arc'],
    addedAt: now,
  });
  const upn = actingUpn(draft);
  onboardNodeToArc(
    draft,
    name,
    { subscriptionId: sub.subscriptionId, resourceGroup: rg.name, region: input.region, upn },
    now,
  );
  const id = machineId(sub.subscriptionId, rg.name, name);
  const machine = own(draft.cloud.machines, resourceKey(id));
  if (machine) {
    machine.tags = { ...(input.tags ?? {}) };
    machine.osType = input.osType;
    machine.osName = node.osName;
    machine.osSku = node.osName;
    machine.osVersion = linux ? node.osBuild : `10.0.${node.osBuild}`;
    machine.agentVersion = ARC_AGENT_VERSION;
  }
  return { serverName: name, machineResourceId: id, portalPath: portalPathOf(id) };
}

/** What the cluster's Arc integration and Azure say about one server (Get-AzureStackHCIArcIntegration). */
export interface ArcNodeStatus {
  arcStatus: 'Unknown' | 'Enabled' | 'Disabled';
  agentStatus: 'Connected' | 'Disconnected' | 'Expired' | 'Not installed' | 'Pending';
  agentVersion?: string;
  lastHeartbeat?: Millis;
  machineResourceId?: string;
}

export function arcNodeStatus(world: World, node: ClusterNode, now: Millis): ArcNodeStatus {
  const agent = node.arc;
  const machine = agent.machineResourceId
    ? own(world.cloud.machines, agent.machineResourceId.toLowerCase())
    : undefined;
  const reg = own(world.clusters, node.cluster)?.registration;
  // A server onboarded on its own (no cluster) is Arc-enabled by its agent alone; a cluster node through the
  // cluster's Arc integration.
  const standalone = node.cluster === '';
  let arcStatus: ArcNodeStatus['arcStatus'] = 'Disabled';
  if (agent.installed && agent.connected && (standalone || reg?.arcEnabled)) arcStatus = 'Enabled';
  else if (!standalone && !reg) arcStatus = 'Unknown';
  const agentStatus: ArcNodeStatus['agentStatus'] =
    !agent.installed || !machine ? 'Not installed' : (arcMachineStatus(agent, now) ?? 'Pending');
  const heartbeat = lastHeartbeat(agent, now);
  return {
    arcStatus,
    agentStatus,
    ...(agent.installed ? { agentVersion: agent.version } : {}),
    ...(heartbeat === undefined ? {} : { lastHeartbeat: heartbeat }),
    ...(machine && agent.machineResourceId ? { machineResourceId: agent.machineResourceId } : {}),
  };
}
