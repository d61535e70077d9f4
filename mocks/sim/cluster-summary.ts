/**
 * The counts and the one-word states of a cluster's overview: its VMs by power state and with Azure
 * benefits, and Windows Admin Center's Azure Arc summary over the cluster's servers.
 */
import { arcNodeStatus } from './arc';
import { clusterNodes } from './derive';
import type { ClusterDto, VmSummaryDto } from '../../src/api/contract';
import type { Millis, OnPremCluster, VirtualMachine, World } from './model';

/** The cluster's VMs by state (`other`: starting, stopping, saving, paused…), in the wire contract's shape. */
export function clusterVmCounts(vms: readonly VirtualMachine[]): VmSummaryDto {
  const counts: VmSummaryDto = {
    total: vms.length,
    running: 0,
    off: 0,
    saved: 0,
    other: 0,
    withBenefits: 0,
  };
  for (const vm of vms) {
    if (vm.power === 'Running') counts.running += 1;
    else if (vm.power === 'Off') counts.off += 1;
    else if (vm.power === 'Saved') counts.saved += 1;
    else counts.other += 1;
    if (vm.attestationNic) counts.withBenefits += 1;
  }
  return counts;
}

export type ClusterArcText = ClusterDto['arc']['wacText'];

/**
 * WAC's Azure Arc line for a cluster: Not configured without Arc in its registration, else Connected when
 * every server's agent is, Disconnected when none is, Partially connected in between.
 */
export function clusterArcText(world: World, cluster: OnPremCluster, now: Millis): ClusterArcText {
  if (!cluster.registration?.arcEnabled) return 'Not configured';
  const statuses = clusterNodes(world, cluster.name).map(
    (node) => arcNodeStatus(world, node, now).agentStatus,
  );
  const connected = statuses.filter((s) => s === 'Connected').length;
  if (connected === statuses.length) return 'Connected';
  return connected === 0 ? 'Disconnected' : 'Partially connected';
}

/** The cluster's Arc state on its overview: Unknown until it is registered, then as its registration says. */
export function clusterArcStatus(cluster: OnPremCluster): ClusterDto['arc']['clusterArcStatus'] {
  const reg = cluster.registration;
  if (!reg) return 'Unknown';
  return reg.arcEnabled ? 'Enabled' : 'Disabled';
}

/** Azure Benefits on the cluster's overview: On while IMDS attestation is enabled on the cluster. */
export const clusterBenefitsStatus = (cluster: OnPremCluster): ClusterDto['benefits']['clusterStatus'] =>
  cluster.imdsAttestation === 'Enabled' ? 'On' : 'Off';
