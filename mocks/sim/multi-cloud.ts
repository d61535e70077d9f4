/**
 * The Azure Stack portal's Cloud drop-down as commands: which cloud a name means (the local Azure Stack
 * cloud, whose VMs are the clusters' VMs, or a Windows Azure Pack cloud), which VM an id means there, the
 * tenant power actions, the subscriptions the signed-in user sees, and deleting a virtual network in either
 * kind of cloud. The /api handlers only route to these and shape the answers.
 */
import { SimError } from './core';
import { effectiveRoles } from './identity';
import { own, quote } from './lookup';
import type { Job, Millis, VirtualMachine, WapCloud, WapVm, World } from './model';
import { startPowerJob } from './vms';
import type { VmRef } from './vms';
import { startDeleteWapNetwork } from './wap';
import { AZURE_STACK_CLOUD, ensureWapCloudAvailable, portalUser, wapCloudOr404 } from './wap-clouds';

/** A cloud of the drop-down: the local one, or a WAP cloud (found without regard to case). */
export type PortalCloud = { local: true; name: string } | { local: false; name: string; cloud: WapCloud };

const isLocal = (name: string) => name.toLowerCase() === AZURE_STACK_CLOUD.toLowerCase();

/** The cloud `requested` names, or the 404 of an unknown cloud. */
export function portalCloud(world: World, requested: string): PortalCloud {
  if (isLocal(requested)) return { local: true, name: AZURE_STACK_CLOUD };
  const cloud = wapCloudOr404(world, requested);
  return { local: false, name: cloud.name, cloud };
}

/** How long the cloud's connector takes to answer: a WAP cloud's latency, nothing for the local cloud. */
export function cloudLatencyMs(world: World, requested: string): Millis {
  const found = portalCloud(world, requested);
  return found.local ? 0 : found.cloud.connectorLatencyMs;
}

/**
 * The cloud, checked the way the portal finds it after its connector answered: a WAP cloud whose connector
 * is down, or whose identity provider does not know the user, is refused with the reason.
 */
export function availablePortalCloud(world: World, requested: string): PortalCloud {
  const found = portalCloud(world, requested);
  if (!found.local) ensureWapCloudAvailable(world, found.name);
  return found;
}

/** A VM of a portal cloud: one of the clusters' (the local cloud) or a WAP tenant VM. */
export type CloudVm = { local: true; vm: VirtualMachine } | { local: false; vm: WapVm; cloud: WapCloud };

/** The VM `id` in the cloud `requested`, or the 404 that names the cloud. */
export function cloudVm(world: World, requested: string, id: string): CloudVm {
  const found = portalCloud(world, requested);
  if (found.local) {
    const vm = own(world.vms, id);
    if (vm) return { local: true, vm };
  } else {
    const vm = own(found.cloud.vms, id);
    if (vm) return { local: false, vm, cloud: found.cloud };
  }
  throw new SimError(
    'not-found',
    'VirtualMachineNotFound',
    `The virtual machine '${quote(id)}' was not found in ${found.name}.`,
  );
}

/** The VM `id` in the cloud `requested` as a job names it, or the 404 that names the cloud. */
export function cloudVmRef(world: World, requested: string, id: string): VmRef {
  const found = cloudVm(world, requested, id);
  return found.local ? { vmId: id } : { vmId: id, cloud: found.cloud.name };
}

/** The tenant actions of the portal: Start, and Stop (a guest shut down), plus Turn off for a hung guest. */
export const CLOUD_POWER_ACTIONS = { start: 'start', stop: 'shutdown', 'turn-off': 'turn-off' } as const;

/** Runs a tenant power action named on the wire on the VM `id` of a cloud. */
export function startCloudVmAction(
  draft: World,
  requested: string,
  id: string,
  action: string,
  now: Millis,
): Job {
  if (!Object.hasOwn(CLOUD_POWER_ACTIONS, action))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${action}' is not a virtual machine action: use ${Object.keys(CLOUD_POWER_ACTIONS).join(', ')}.`,
      { target: 'action' },
    );
  const power = CLOUD_POWER_ACTIONS[action as keyof typeof CLOUD_POWER_ACTIONS];
  return startPowerJob(draft, cloudVmRef(draft, requested, id), power, now);
}

export interface CloudSubscription {
  subscriptionId: string;
  displayName: string;
  state: string;
  vmCount: number;
  networkCount: number;
}

/**
 * The subscriptions of a cloud as its tenant portal lists them. Locally: those the signed-in user holds a
 * role in, counting the VMs and networks (one per cluster) of the clusters registered to each.
 */
export function cloudSubscriptions(world: World, requested: string): CloudSubscription[] {
  const found = portalCloud(world, requested);
  if (found.local) {
    const upn = portalUser(world);
    const clusters = Object.values(world.clusters);
    return Object.values(world.cloud.subscriptions)
      .filter((s) => upn !== undefined && effectiveRoles(world, upn, s.subscriptionId).length > 0)
      .map((s) => {
        const names = new Set(
          clusters.filter((c) => c.registration?.subscriptionId === s.subscriptionId).map((c) => c.name),
        );
        return {
          subscriptionId: s.subscriptionId,
          displayName: s.displayName,
          state: s.state,
          vmCount: Object.values(world.vms).filter((v) => names.has(v.cluster)).length,
          networkCount: names.size,
        };
      });
  }
  const { cloud } = found;
  return cloud.subscriptions.map((s) => ({
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    state: 'Active',
    vmCount: Object.values(cloud.vms).filter((v) => v.subscriptionId === s.subscriptionId).length,
    networkCount: Object.values(cloud.networks).filter((n) => n.subscriptionId === s.subscriptionId).length,
  }));
}

export interface LocalNetwork {
  id: string;
  name: string;
  addressSpace: string;
  /** the cluster */
  group: string;
  /** names of the VMs connected to it */
  usedBy: string[];
}

/** The local cloud's networks are the clusters' virtual switches, as the VMs use them. */
export function localNetworks(world: World): LocalNetwork[] {
  const byKey = new Map<string, LocalNetwork>();
  for (const vm of Object.values(world.vms)) {
    for (const name of vm.networks) {
      const id = `${vm.cluster}:${name}`;
      let network = byKey.get(id);
      if (!network) {
        network = { id, name, addressSpace: 'External virtual switch', group: vm.cluster, usedBy: [] };
        byKey.set(id, network);
      }
      network.usedBy.push(vm.name);
    }
  }
  return [...byKey.values()].sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}

/**
 * Deletes a virtual network of a cloud. A WAP network is deleted by its connector (a job); a local one is a
 * cluster's virtual switch, which exists only while VMs use it, so its delete is always refused as in use.
 */
export function startDeleteCloudNetwork(
  draft: World,
  requested: string,
  networkId: string,
  now: Millis,
): Job {
  const found = portalCloud(draft, requested);
  if (!found.local) return startDeleteWapNetwork(draft, found.name, networkId, now);
  const network = localNetworks(draft).find((n) => n.id === networkId);
  if (!network)
    throw new SimError(
      'not-found',
      'VirtualNetworkNotFound',
      `The virtual network '${networkId}' was not found in ${AZURE_STACK_CLOUD}.`,
    );
  const shown = network.usedBy
    .slice(0, 5)
    .map((n) => `'${n}'`)
    .join(', ');
  const more = network.usedBy.length > 5 ? ` and ${network.usedBy.length - 5} more` : '';
  throw new SimError(
    'conflict',
    'VirtualNetworkInUse',
    `Couldn't delete the virtual network '${network.name}' of ${network.group}. It is in use by the virtual machines ${shown}${more}. Delete them or connect them to another network first.`,
  );
}
