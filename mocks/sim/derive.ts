/**
 * Statuses that follow from stored timestamps and `now`. Nothing here changes the world.
 *
 * Cluster registration (behaviour.md §3, §6):
 *   unregistered ── install + 30 d ──▶ RegistrationStatus OutOfPolicy
 *   registered:  last sync age ≤ 1 d  → WAC "Connected"            ARM ≤ 12 h → Connected
 *                          ≤ 30 d → WAC "Not connected recently"   ARM ≤ 20 h → NotConnectedRecently
 *                          > 30 d → OutOfPolicy (no new VMs)       ARM > 20 h → Disconnected
 *                                                                  ("not in connected state for more than 8 hours"
 *                                                                   past the sync it missed)
 * Arc agent: heartbeat every 5 min; > 25 min without one → Disconnected; > 45 d → Expired.
 * Azure Benefits: certificates valid 30 days from the last sync; a node that cannot be queried is Unknown.
 */
import { DAY, HOUR, MINUTE } from './model';
import type {
  ArcAgent,
  ClusterNode,
  Millis,
  OnPremCluster,
  RegistrationStatus,
  VirtualMachine,
  World,
} from './model';
import { own } from './lookup';

export const SYNC_INTERVAL = 12 * HOUR;
export const CONNECTED_WINDOW = DAY;
export const POLICY_WINDOW = 30 * DAY;
export const ARM_DISCONNECTED_AFTER = SYNC_INTERVAL + 8 * HOUR;
export const HEARTBEAT_INTERVAL = 5 * MINUTE;
export const HEARTBEAT_MISSED_LIMIT = 5 * HEARTBEAT_INTERVAL;
export const ARC_EXPIRED_AFTER = 45 * DAY;
export const ATTESTATION_VALIDITY = 30 * DAY;
/**
 * The guide says only that "the HCI cluster has a small warmup time after a reboot to reconcile the cluster
 * state"; 15 minutes is this simulation's choice.
 */
export const NODE_WARMUP = 15 * MINUTE;

/** Just restarted: the node is reconciling the cluster state and is not in a census yet. */
export function nodeWarmingUp(node: ClusterNode, now: Millis): boolean {
  // A preset may write history before the node's last boot: a boot after `now` is not a warm-up at `now`.
  const age = now - node.lastBootAt;
  return node.power === 'Up' && age >= 0 && age < NODE_WARMUP;
}

// ───────────── Node reachability ─────────────

/** The node answers the gateway at all. */
export function nodeIsUp(node: ClusterNode): boolean {
  return node.power === 'Up';
}

/** The node can reach Azure over HTTPS. */
export function nodeReachesAzure(node: ClusterNode): boolean {
  return node.power === 'Up' && !node.outboundBlocked && !node.proxyMisconfigured;
}

/** hcisvc on this node can talk to the HCI service: renew licence, sync census, renew Benefits certificates. */
export function nodeCanSync(node: ClusterNode): boolean {
  return (
    nodeReachesAzure(node) &&
    node.hcisvcRunning &&
    Math.abs(node.clockSkewMs) < 5 * MINUTE &&
    !node.tpmCleared &&
    node.secureBoot
  );
}

/** The node reaches the Azure Arc endpoints (a proxy can be wrong for them alone). */
export function nodeReachesArc(node: ClusterNode): boolean {
  return nodeReachesAzure(node) && node.arcProxyMisconfigured !== true;
}

export function agentCanHeartbeat(node: ClusterNode): boolean {
  return node.arc.installed && node.arc.connected && nodeReachesArc(node);
}

// ───────────── Arc heartbeats ─────────────

/** The last heartbeat that reached Azure at or before `now`. */
export function lastHeartbeat(agent: ArcAgent, now: Millis): Millis | undefined {
  if (agent.heartbeatAnchor !== undefined && now >= agent.heartbeatAnchor) {
    const ticks = Math.floor((now - agent.heartbeatAnchor) / HEARTBEAT_INTERVAL);
    if (ticks >= 1) return agent.heartbeatAnchor + ticks * HEARTBEAT_INTERVAL;
  }
  return agent.lastHeartbeatAt;
}

export type ArcMachineStatus = 'Connected' | 'Disconnected' | 'Expired';

/** The Azure-side status of a machine whose agent reports through `agent`; undefined before its first heartbeat. */
export function arcMachineStatus(agent: ArcAgent, now: Millis): ArcMachineStatus | undefined {
  const last = lastHeartbeat(agent, now);
  if (last === undefined) return undefined;
  const age = now - last;
  if (age > ARC_EXPIRED_AFTER) return 'Expired';
  if (age > HEARTBEAT_MISSED_LIMIT) return 'Disconnected';
  return 'Connected';
}

/** When the status last changed, as ARM's lastStatusChange reports it. */
export function arcStatusChangedAt(agent: ArcAgent, now: Millis): Millis | undefined {
  const last = lastHeartbeat(agent, now);
  if (last === undefined) return undefined;
  const status = arcMachineStatus(agent, now);
  if (status === 'Expired') return last + ARC_EXPIRED_AFTER;
  if (status === 'Disconnected') return last + HEARTBEAT_MISSED_LIMIT;
  return agent.heartbeatAnchor !== undefined ? agent.heartbeatAnchor + HEARTBEAT_INTERVAL : last;
}

// ───────────── Registration ─────────────

export type OnBoxConnectionStatus =
  '' | 'Connected' | 'NotConnectedRecently' | 'Disconnected' | 'OutOfPolicy';
export type ArmClusterStatus =
  'NotYetRegistered' | 'ConnectedRecently' | 'NotConnectedRecently' | 'Disconnected' | 'Error';
export type ArmConnectivityStatus =
  'NotYetRegistered' | 'Connected' | 'NotConnectedRecently' | 'Disconnected';

export interface RegistrationView {
  registrationStatus: RegistrationStatus;
  connectionStatus: OnBoxConnectionStatus;
  wacText: 'Not yet registered' | 'Connected' | 'Not connected recently' | 'Disconnected' | 'Out of policy';
  lastConnected?: Millis;
  nextSync?: Millis;
  outOfPolicyAt?: Millis;
  vmCreationBlocked: boolean;
}

/** The licence store is unreadable (TPM cleared, big clock change) until the automatic repair finishes. */
export function licenceDataDamaged(world: World, cluster: OnPremCluster, now: Millis): boolean {
  if (cluster.registration?.dataRepairUntil !== undefined && now < cluster.registration.dataRepairUntil)
    return true;
  return clusterNodes(world, cluster.name).some((n) => n.tpmCleared);
}

export function registrationView(world: World, cluster: OnPremCluster, now: Millis): RegistrationView {
  const reg = cluster.registration;
  if (!reg) {
    const outOfPolicyAt = cluster.installedAt + POLICY_WINDOW;
    const past = now > outOfPolicyAt;
    return {
      registrationStatus: past ? 'OutOfPolicy' : 'NotYet',
      connectionStatus: '',
      wacText: past ? 'Out of policy' : 'Not yet registered',
      outOfPolicyAt,
      vmCreationBlocked: past,
    };
  }
  const age = now - reg.lastSyncAt;
  const outOfPolicyAt = reg.lastSyncAt + POLICY_WINDOW;
  const damaged = licenceDataDamaged(world, cluster, now);
  if (age > POLICY_WINDOW || damaged) {
    return {
      registrationStatus: 'OutOfPolicy',
      connectionStatus: 'OutOfPolicy',
      wacText: 'Out of policy',
      lastConnected: reg.lastSyncAt,
      nextSync: nextSyncAt(world, cluster.name),
      outOfPolicyAt,
      vmCreationBlocked: true,
    };
  }
  const connected = age <= CONNECTED_WINDOW;
  return {
    registrationStatus: 'Registered',
    connectionStatus: connected ? 'Connected' : 'NotConnectedRecently',
    wacText: connected ? 'Connected' : 'Not connected recently',
    lastConnected: reg.lastSyncAt,
    nextSync: nextSyncAt(world, cluster.name),
    outOfPolicyAt,
    vmCreationBlocked: false,
  };
}

export function nextSyncAt(world: World, clusterName: string): Millis | undefined {
  return world.schedule.find((e) => e.kind === 'cluster/sync' && e.cluster === clusterName)?.at;
}

/** The Azure resource's view: `status` and `connectivityStatus` as ARM returns them. */
export function armConnectivity(
  lastSyncAt: Millis | undefined,
  now: Millis,
): { status: ArmClusterStatus; connectivityStatus: ArmConnectivityStatus } {
  if (lastSyncAt === undefined) return { status: 'NotYetRegistered', connectivityStatus: 'NotYetRegistered' };
  const age = now - lastSyncAt;
  if (age <= SYNC_INTERVAL + 5 * MINUTE)
    return { status: 'ConnectedRecently', connectivityStatus: 'Connected' };
  if (age <= ARM_DISCONNECTED_AFTER)
    return { status: 'NotConnectedRecently', connectivityStatus: 'NotConnectedRecently' };
  return { status: 'Disconnected', connectivityStatus: 'Disconnected' };
}

/** The cloud view's "Azure Connection" text. */
export function portalConnectionText(lastSyncAt: Millis | undefined, now: Millis): string {
  const { connectivityStatus } = armConnectivity(lastSyncAt, now);
  switch (connectivityStatus) {
    case 'NotYetRegistered':
      return 'Not yet registered';
    case 'Connected':
      return 'Connected';
    case 'NotConnectedRecently':
      return 'Not connected recently';
    case 'Disconnected':
      return 'Disconnected - Cluster not in connected state for more than 8 hours';
  }
}

// ───────────── Azure Benefits ─────────────

export type BenefitsNodeStatus = 'Active' | 'Inactive' | 'Expired' | 'Unknown';

export function benefitsNodeStatus(node: ClusterNode, now: Millis): BenefitsNodeStatus {
  if (!nodeIsUp(node) || !node.hcisvcRunning) return 'Unknown';
  if (!node.attestation.enabled || !node.attestation.hostSwitch) return 'Inactive';
  if (node.attestation.expiresAt === undefined || now > node.attestation.expiresAt) return 'Expired';
  return 'Active';
}

export function vmBenefitsStatus(
  world: World,
  vm: VirtualMachine,
  now: Millis,
): 'Connected' | 'Disconnected' | 'Off' {
  if (!vm.attestationNic) return 'Off';
  // Get-AzStackHCIVMAttestation reports a guest Connected while its host serves attestation, whatever the
  // guest's power state: the Benefits page counts it among "VMs with Azure benefits turned on" too.
  const host = own(world.nodes, vm.hostNode);
  return host && benefitsNodeStatus(host, now) === 'Active' ? 'Connected' : 'Disconnected';
}

// ───────────── Lookups ─────────────

export function clusterNodes(world: World, clusterName: string): ClusterNode[] {
  const names = own(world.clusters, clusterName)?.nodeNames ?? [];
  const nodes: ClusterNode[] = [];
  for (const name of names) {
    const node = own(world.nodes, name);
    if (node) nodes.push(node);
  }
  return nodes;
}

export function clusterVms(world: World, clusterName: string): VirtualMachine[] {
  return Object.values(world.vms).filter((v) => v.cluster === clusterName);
}

export function daysLeft(until: Millis, now: Millis): number {
  return Math.max(0, Math.ceil((until - now) / DAY));
}
