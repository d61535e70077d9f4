/**
 * The Azure Arc page's servers (the agent on the server and the machine in Azure, side by side) and the
 * cluster's Arc summary above them: what each side says, the status column and whether both sides tell
 * the same story are decided here; the handlers only serialise the view.
 */
import type {
  ArcServerDto,
  AzureMachineStatus,
  ClusterArcDto,
  OnPremAgentStatus,
} from '../../src/api/arc-contract';
import { machineStatus } from './arm/project';
import { arcEnabledOnNode } from './arc';
import { hciClusterId, portalPathOf, resourceKey } from './arm-ids';
import { requireCluster, requireNode } from './cluster-lookup';
import {
  ARC_EXPIRED_AFTER,
  arcStatusChangedAt,
  clusterNodes,
  lastHeartbeat,
  nodeReachesAzure,
} from './derive';
import { iso } from './gateway-views';
import { own } from './lookup';
import type { ClusterNode, Millis, World } from './model';

/** What the server's own agent says (`azcmagent show`), as the gateway reads it. */
export function onPremAgentStatus(node: ClusterNode, now: Millis): OnPremAgentStatus {
  if (node.power === 'Down') return 'Offline';
  const agent = node.arc;
  if (!agent.installed) return 'Not installed';
  if (!agent.connected) return 'Disconnected';
  const last = lastHeartbeat(agent, now);
  if (agent.heartbeatAnchor === undefined && last !== undefined && now - last > ARC_EXPIRED_AFTER)
    return 'Expired';
  return nodeReachesAzure(node) ? 'Connected' : 'Disconnected';
}

/**
 * The status column: Azure's status once the machine has one; a machine created but not yet heard from is
 * "Waiting for first heartbeat"; with no machine, an agent that is connected somewhere else reads as not
 * installed for this portal, anything else as not enabled.
 */
export function arcDisplayStatus(
  node: ClusterNode,
  hasMachine: boolean,
  azureStatus: AzureMachineStatus | null,
): ArcServerDto['displayStatus'] {
  if (hasMachine) return azureStatus ?? 'Waiting for first heartbeat';
  return node.arc.installed && node.arc.connected ? 'Not installed' : 'Not enabled';
}

/** Both sides tell the same story (an offline server's agent counts as disconnected). */
function statusesAgree(
  onPrem: OnPremAgentStatus,
  hasMachine: boolean,
  azureStatus: AzureMachineStatus | null,
): boolean {
  const comparable = onPrem === 'Offline' ? 'Disconnected' : onPrem;
  if (!hasMachine) return comparable === 'Not installed' || comparable === 'Disconnected';
  return azureStatus === null ? comparable === 'Connected' : comparable === azureStatus;
}

export function arcServerView(world: World, node: ClusterNode, now: Millis): ArcServerDto {
  const agent = node.arc;
  const id = agent.machineResourceId;
  const machine = id === undefined ? undefined : own(world.cloud.machines, resourceKey(id));
  const reg = own(world.clusters, node.cluster)?.registration;
  const onPrem = onPremAgentStatus(node, now);
  const azureStatus = machine ? (machineStatus(world, machine, now) ?? null) : null;
  const enabled = arcEnabledOnNode(world, node);
  return {
    name: node.name,
    fqdn: node.fqdn,
    cluster: node.cluster,
    arcStatus: node.cluster !== '' && !reg ? 'Unknown' : enabled ? 'Enabled' : 'Disabled',
    agentVersion: agent.installed ? agent.version : null,
    onPrem: {
      status: onPrem,
      lastHeartbeat: iso(lastHeartbeat(agent, now)),
      checkedAt: new Date(now).toISOString(),
    },
    azure:
      machine && id !== undefined
        ? {
            resourceId: id,
            subscriptionId: machine.subscriptionId,
            resourceGroup: machine.resourceGroup,
            status: azureStatus,
            lastStatusChange: iso(arcStatusChangedAt(agent, now) ?? machine.lastStatusChangeAt),
            portalPath: portalPathOf(id),
          }
        : null,
    displayStatus: arcDisplayStatus(node, machine !== undefined, azureStatus),
    statusesAgree: statusesAgree(onPrem, machine !== undefined, azureStatus),
  };
}

/** One server's Arc view, by its name or FQDN (404 ServerNotFound). */
export const serverArcView = (world: World, name: string, now: Millis): ArcServerDto =>
  arcServerView(world, requireNode(world, name), now);

export function clusterArcView(world: World, clusterName: string, now: Millis): ClusterArcDto {
  const cluster = requireCluster(world, clusterName);
  const reg = cluster.registration;
  const servers = clusterNodes(world, cluster.name).map((n) => arcServerView(world, n, now));
  const clusterId = reg ? hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName) : undefined;
  const resource = clusterId === undefined ? undefined : own(world.cloud.hciClusters, resourceKey(clusterId));
  return {
    cluster: cluster.name,
    registered: reg !== undefined,
    clusterArcStatus: !reg ? 'Unknown' : reg.arcEnabled ? 'Enabled' : 'Disabled',
    resourceGroup:
      resource?.arcSetting?.arcInstanceResourceGroup ?? (reg?.arcEnabled ? reg.arcResourceGroup : null),
    clusterPortalPath: clusterId === undefined ? null : portalPathOf(clusterId),
    servers,
  };
}
