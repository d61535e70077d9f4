/**
 * Projections of the world onto the gateway's `/api` wire contract (src/api/contract.ts): connections,
 * clusters, servers, VMs, notifications, events and the gateway's account. Pure functions of (world, now),
 * so what a row says (its status wording, counts, links) is the simulation's; the handlers only serialise.
 */
import type {
  ArcNodeStatusDto,
  AzureStackHciStatusDto,
  ClusterDto,
  ConnectionDto,
  GatewayDto,
  NodeDto,
  NodeEventDto,
  NotificationDto,
  VmDto,
} from '../../src/api/contract';
import { arcNodeStatus } from './arc';
import { hciClusterId, onBoxResourceUri, portalPathOf } from './arm-ids';
import { CLOUDS } from './clouds';
import { requireCluster } from './cluster-lookup';
import { clusterArcStatus, clusterArcText, clusterBenefitsStatus, clusterVmCounts } from './cluster-summary';
import { connectionStatus, connectionTypeLabel } from './connections';
import { clusterNodes, clusterVms, daysLeft, registrationView, vmBenefitsStatus } from './derive';
import { tokenExpired } from './identity';
import { own } from './lookup';
import type {
  ClusterNode,
  GatewayConnection,
  Millis,
  NodeEvent,
  Notification,
  OnPremCluster,
  VirtualMachine,
  World,
} from './model';
import { serverStatus, vmStatus } from './server-status';

export const iso = (t: Millis | undefined): string | null =>
  t === undefined ? null : new Date(t).toISOString();

export function connectionDto(world: World, c: GatewayConnection, now: Millis): ConnectionDto {
  const base = {
    name: c.name,
    type: c.type,
    typeLabel: connectionTypeLabel(c.type),
    lastConnected: iso(c.lastConnectedAt),
    managingAs: c.managingAs,
    tags: [...c.tags],
  };
  return { ...base, ...connectionStatus(world, c, now) };
}

export function registrationDto(world: World, cluster: OnPremCluster, now: Millis): AzureStackHciStatusDto {
  const view = registrationView(world, cluster, now);
  const reg = cluster.registration;
  return {
    clusterStatus: 'Clustered',
    registrationStatus: view.registrationStatus,
    registrationDate: iso(reg?.registeredAt),
    azureResourceName: reg?.resourceName ?? null,
    azureResourceUri: reg ? onBoxResourceUri(reg.subscriptionId, reg.resourceGroup, reg.resourceName) : null,
    connectionStatus: view.connectionStatus,
    lastConnected: iso(view.lastConnected),
    nextSync: iso(view.nextSync),
    imdsAttestation: reg ? cluster.imdsAttestation : '',
    diagnosticLevel: cluster.diagnosticLevel,
    region: reg?.region ?? null,
    outOfPolicyAt: iso(view.outOfPolicyAt),
    daysUntilOutOfPolicy: view.outOfPolicyAt === undefined ? null : daysLeft(view.outOfPolicyAt, now),
    wacConnectionText: view.wacText,
    subscriptionId: reg?.subscriptionId ?? null,
    resourceGroup: reg?.resourceGroup ?? null,
    cloud: reg ? CLOUDS[reg.cloud].displayName : null,
    vmCreationBlocked: view.vmCreationBlocked,
  };
}

function arcDto(world: World, node: ClusterNode, now: Millis): ArcNodeStatusDto {
  const arc = arcNodeStatus(world, node, now);
  return {
    nodeName: node.name,
    arcStatus: arc.arcStatus,
    agentStatus: arc.agentStatus,
    agentVersion: arc.agentVersion ?? null,
    lastHeartbeat: iso(arc.lastHeartbeat),
    machineResourceId: arc.machineResourceId ?? null,
  };
}

export function nodeDto(world: World, node: ClusterNode, now: Millis, vms?: VirtualMachine[]): NodeDto {
  const hosted = (vms ?? Object.values(world.vms)).filter((v) => v.hostNode === node.name);
  const status = serverStatus(node, now);
  return {
    name: node.name,
    fqdn: node.fqdn,
    cluster: node.cluster,
    state: status.state,
    hcisvc: status.hcisvc,
    outboundConnectivity: status.outboundConnectivity,
    clockSkewSeconds: Math.round(node.clockSkewMs / 1000),
    osName: node.osName,
    osBuild: node.osBuild,
    osDisplayVersion: node.osDisplayVersion,
    manufacturer: node.manufacturer,
    model: node.model,
    serialNumber: node.serialNumber,
    coreCount: node.coreCount,
    memoryGiB: node.memoryGiB,
    tpm: status.tpm,
    secureBoot: node.secureBoot,
    uptimeSeconds: status.uptimeSeconds,
    vmCount: hosted.length,
    runningVmCount: hosted.filter((v) => v.power === 'Running').length,
    arc: arcDto(world, node, now),
    benefits: {
      status: status.benefits,
      expiration: iso(node.attestation.enabled ? node.attestation.expiresAt : undefined),
    },
  };
}

export function clusterDto(world: World, cluster: OnPremCluster, now: Millis): ClusterDto {
  const nodes = clusterNodes(world, cluster.name);
  const vms = clusterVms(world, cluster.name);
  const nodeDtos = nodes.map((n) => nodeDto(world, n, now, vms));
  const reg = cluster.registration;
  const counts = clusterVmCounts(vms);
  const resourceId = reg ? hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName) : null;
  return {
    name: cluster.name,
    fqdn: cluster.fqdn,
    osDisplayVersion: cluster.osDisplayVersion,
    osBuild: cluster.osBuild,
    installedAt: new Date(cluster.installedAt).toISOString(),
    nodes: nodeDtos,
    vms: counts,
    registration: registrationDto(world, cluster, now),
    arc: {
      clusterArcStatus: clusterArcStatus(cluster),
      wacText: clusterArcText(world, cluster, now),
    },
    benefits: {
      clusterStatus: clusterBenefitsStatus(cluster),
      vmsWithBenefits: counts.withBenefits,
      vmCount: counts.total,
    },
    azureResourceId: resourceId,
    portalPath: resourceId ? portalPathOf(resourceId) : null,
  };
}

/** GET /api/clusters/:name: the cluster by name or FQDN (404 ClusterNotFound). */
export const clusterView = (world: World, name: string, now: Millis): ClusterDto =>
  clusterDto(world, requireCluster(world, name), now);

/** GET /api/clusters/:name/nodes: its servers, each with the VMs it hosts counted. */
export function clusterNodesView(world: World, name: string, now: Millis): NodeDto[] {
  const cluster = requireCluster(world, name);
  const vms = clusterVms(world, cluster.name);
  return clusterNodes(world, cluster.name).map((n) => nodeDto(world, n, now, vms));
}

export function vmDto(world: World, vm: VirtualMachine, now: Millis): VmDto {
  const status = vmStatus(vm, now);
  return {
    id: vm.id,
    name: vm.name,
    cluster: vm.cluster,
    hostServer: vm.hostNode,
    state: vm.power,
    generation: vm.generation,
    cpuCount: vm.cpuCount,
    cpuUsagePercent: status.cpuUsagePercent,
    memoryMiB: vm.memoryMiB,
    uptimeSeconds: status.uptimeSeconds,
    os: vm.os,
    ipAddress: vm.ipAddress,
    networks: vm.networks,
    clustered: vm.clustered,
    checkpointCount: vm.checkpoints.length,
    azureBenefits: vmBenefitsStatus(world, vm, now),
  };
}

export function notificationDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    time: new Date(n.time).toISOString(),
    level: n.level,
    title: n.title,
    message: n.message,
    jobId: n.jobId ?? null,
    read: n.read,
  };
}

export function eventDto(e: NodeEvent): NodeEventDto {
  return {
    seq: e.seq,
    node: e.node,
    channel: e.channel,
    source: e.source,
    id: e.id,
    level: e.level,
    time: new Date(e.time).toISOString(),
    message: e.message,
  };
}

export function gatewayDto(world: World, now: Millis): GatewayDto {
  const { registration, account } = world.gateway;
  const user = account ? own(world.cloud.users, account.upn) : undefined;
  return {
    hostName: world.gateway.hostName,
    registered: registration !== undefined,
    registration: registration
      ? {
          cloud: CLOUDS[registration.cloud].displayName,
          tenantId: registration.tenantId,
          appId: registration.appId,
          registeredAt: new Date(registration.registeredAt).toISOString(),
        }
      : null,
    account: account
      ? {
          upn: account.upn,
          displayName: user?.displayName ?? account.upn,
          tenantId: account.tenantId,
          tokenExpiresAt: new Date(account.tokenExpiresAt).toISOString(),
          expired: tokenExpired(world, now),
        }
      : null,
  };
}
