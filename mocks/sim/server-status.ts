/**
 * The one-word states a server and a VM show in the Servers and Virtual machines tools (ui.md), from the
 * world's facts: a server that is down reports nothing else it can be asked (Unknown), and a VM that is not
 * running has no uptime and no CPU use. Typed by the wire contract, whose words these are.
 */
import type { NodeDto, VmDto } from '../../src/api/contract';
import { benefitsNodeStatus } from './derive';
import type { ClusterNode, Millis, VirtualMachine } from './model';

export type ServerStatus = Pick<
  NodeDto,
  'state' | 'hcisvc' | 'outboundConnectivity' | 'tpm' | 'uptimeSeconds'
> & {
  benefits: NodeDto['benefits']['status'];
};

export function serverStatus(node: ClusterNode, now: Millis): ServerStatus {
  const up = node.power === 'Up';
  let outbound: NodeDto['outboundConnectivity'] = 'Connected';
  if (!up) outbound = 'Unknown';
  else if (node.outboundBlocked) outbound = 'Blocked';
  else if (node.proxyMisconfigured) outbound = 'Proxy misconfigured';
  return {
    state: up ? 'Up' : 'Down',
    hcisvc: up ? (node.hcisvcRunning ? 'Running' : 'Stopped') : 'Unknown',
    outboundConnectivity: outbound,
    tpm: !node.tpmPresent ? 'Not present' : node.tpmCleared ? 'Cleared' : 'Ready',
    uptimeSeconds: up ? Math.max(0, Math.floor((now - node.lastBootAt) / 1000)) : null,
    benefits: benefitsNodeStatus(node, now),
  };
}

/** Seconds since a running VM started; null when it is not running. Any cloud's VM (local or WAP). */
export function vmUptimeSeconds(vm: { power: string; startedAt?: Millis }, now: Millis): number | null {
  return vm.power === 'Running' && vm.startedAt !== undefined
    ? Math.max(0, Math.floor((now - vm.startedAt) / 1000))
    : null;
}

export function vmStatus(vm: VirtualMachine, now: Millis): Pick<VmDto, 'cpuUsagePercent' | 'uptimeSeconds'> {
  return {
    cpuUsagePercent: vm.power === 'Running' ? vm.cpuUsagePercent : 0,
    uptimeSeconds: vmUptimeSeconds(vm, now),
  };
}
