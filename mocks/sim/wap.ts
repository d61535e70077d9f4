/**
 * The Azure Stack portal in multi-cloud mode: the local Azure Stack cloud plus the Windows Azure Pack clouds
 * joined through the Windows Azure Pack Connector (Add-AzurePackConnector). Each WAP cloud answers through
 * its own connector, with its own latency; a connector that does not answer, or a user its identity provider
 * does not know, makes that one cloud unavailable with the reason, and leaves the others working.
 *
 *   cloud status: Available ─(connector down)─▶ ConnectorUnreachable ─(connector back)─▶ Available
 *                 Available ─(UPN missing in the cloud's STS)─▶ UserNotFound
 */
import { SimError } from './core';
import { actingUser } from './identity';
import { defineJobKind, startJob } from './jobs';
import type { Job, Millis, WapCloud, WapNetwork, World } from './model';
import { setWapGuard } from './vms';
import { own } from './lookup';

/** The label of the local cloud (Add-AzurePackConnector -AzureStackCloudName "AzureStack"). */
export const AZURE_STACK_CLOUD = 'AzureStack';
export const VNET_DELETE_MS = 3_000;

export type WapCloudState = 'Available' | 'ConnectorUnreachable' | 'UserNotFound';

export interface WapCloudStatus {
  state: WapCloudState;
  /** why the cloud is unavailable, for the user; undefined when Available */
  reason?: string;
}

/** The connector endpoint the script was given (`CloudEndpoint`, port 40005 by default). */
export function connectorEndpoint(cloud: Pick<WapCloud, 'name'>): string {
  const digits = /\d+$/.exec(cloud.name)?.[0] ?? '';
  return `https://waptenantportal${digits}:40005`;
}

/** The user signed in to the Azure Stack portal: the gateway's account, else the tenant administrator. */
export function portalUser(world: World): string | undefined {
  return actingUser(world, undefined)?.upn;
}

export function wapCloudStatus(world: World, cloud: WapCloud): WapCloudStatus {
  if (!cloud.connectorReachable) {
    return {
      state: 'ConnectorUnreachable',
      reason: `The Windows Azure Pack Connector of ${cloud.name} (${connectorEndpoint(cloud)}) is not responding, so its subscriptions, virtual machines and virtual networks can't be fetched. Ensure there is network connectivity between Azure Stack and Windows Azure Pack, that the connector's FQDNs are correct, and that its SSL certificate is trusted by Azure Stack.`,
    };
  }
  const upn = portalUser(world);
  if (upn === undefined || !cloud.knownUsers.some((u) => u.toLowerCase() === upn.toLowerCase())) {
    return {
      state: 'UserNotFound',
      reason: `The account ${upn ?? '(nobody signed in)'} doesn't exist in the identity provider of ${cloud.name}. Users who access both environments from the Azure Stack portal must have the same user principal name (UPN) in both identity providers.`,
    };
  }
  return { state: 'Available' };
}

export function wapCloudOr404(world: World, name: string): WapCloud {
  const cloud =
    own(world.wapClouds, name) ??
    Object.values(world.wapClouds).find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!cloud)
    throw new SimError(
      'not-found',
      'CloudNotFound',
      `The cloud '${name}' was not found. The clouds are ${[AZURE_STACK_CLOUD, ...Object.keys(world.wapClouds)].join(', ')}.`,
    );
  return cloud;
}

/** Throws the cloud's unavailability as an error whose message starts with `prefix` (a failure sentence). */
export function ensureWapCloudAvailable(world: World, name: string, prefix?: string): WapCloud {
  const cloud = wapCloudOr404(world, name);
  const status = wapCloudStatus(world, cloud);
  if (status.state === 'Available') return cloud;
  const message = prefix === undefined ? (status.reason ?? '') : `${prefix} ${status.reason ?? ''}`;
  throw new SimError(
    status.state === 'ConnectorUnreachable' ? 'unavailable' : 'forbidden',
    status.state,
    message,
  );
}

setWapGuard((draft, cloud, failure) => {
  ensureWapCloudAvailable(draft, cloud, failure);
});

// ───────────── Test and presenter controls ─────────────

/** Makes a cloud's connector answer or not, and sets its latency; changes nothing else. */
export function setWapConnector(
  draft: World,
  name: string,
  change: { reachable?: boolean; latencyMs?: number },
): WapCloud {
  const cloud = wapCloudOr404(draft, name);
  if (
    change.latencyMs !== undefined &&
    (!Number.isInteger(change.latencyMs) || change.latencyMs < 0 || change.latencyMs > 30_000)
  ) {
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      "'latencyMs' must be a whole number of milliseconds from 0 to 30000.",
      { target: 'latencyMs' },
    );
  }
  if (change.reachable !== undefined) cloud.connectorReachable = change.reachable;
  if (change.latencyMs !== undefined) cloud.connectorLatencyMs = change.latencyMs;
  return cloud;
}

/** Adds or removes a UPN in a cloud's identity provider. */
export function setWapUserKnown(draft: World, name: string, upn: string, known: boolean): WapCloud {
  const cloud = wapCloudOr404(draft, name);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(upn))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${upn}' is not a user principal name (name@domain).`,
      { target: 'upn' },
    );
  const others = cloud.knownUsers.filter((u) => u.toLowerCase() !== upn.toLowerCase());
  cloud.knownUsers = known ? [...others, upn] : others;
  return cloud;
}

// ───────────── Virtual networks ─────────────

export function vmsUsingNetwork(cloud: WapCloud, networkId: string): string[] {
  return Object.values(cloud.vms)
    .filter((vm) => vm.networkIds.includes(networkId))
    .map((vm) => vm.name)
    .sort();
}

function inUseMessage(network: WapNetwork, users: string[]): string {
  return `Couldn't delete the virtual network '${network.name}'. It is in use by the virtual machine${users.length === 1 ? '' : 's'} ${users.map((u) => `'${u}'`).join(', ')}. Delete ${users.length === 1 ? 'it' : 'them'} or connect ${users.length === 1 ? 'it' : 'them'} to another network first.`;
}

export function startDeleteWapNetwork(draft: World, cloudName: string, networkId: string, now: Millis): Job {
  const cloud = wapCloudOr404(draft, cloudName);
  const network = own(cloud.networks, networkId);
  if (!network)
    throw new SimError(
      'not-found',
      'VirtualNetworkNotFound',
      `The virtual network '${networkId}' was not found in ${cloud.name}.`,
      { target: 'networkId' },
    );
  ensureWapCloudAvailable(draft, cloud.name, `Couldn't delete the virtual network '${network.name}'.`);
  const users = vmsUsingNetwork(cloud, networkId);
  if (users.length > 0) throw new SimError('conflict', 'VirtualNetworkInUse', inUseMessage(network, users));
  return startJob(
    draft,
    {
      kind: 'vnet/delete',
      title: `Delete virtual network '${network.name}'`,
      target: { type: 'cloud', name: cloud.name },
      steps: [{ at: 0, percent: 0, text: `Deleting the virtual network '${network.name}'...` }],
      durationMs: VNET_DELETE_MS,
      input: { cloud: cloud.name, networkId, networkName: network.name },
      startedMessage: `Deleting the virtual network '${network.name}'...`,
    },
    now,
  );
}

defineJobKind('vnet/delete', (draft, job) => {
  const cloudName = String(job.input.cloud);
  const networkId = String(job.input.networkId);
  const name = String(job.input.networkName);
  const failure = `Couldn't delete the virtual network '${name}'.`;
  const cloud = own(draft.wapClouds, cloudName);
  const network = own(cloud?.networks, networkId);
  if (!cloud || !network)
    return { status: 'Failed', message: `${failure} The virtual network no longer exists.` };
  const status = wapCloudStatus(draft, cloud);
  if (status.state !== 'Available') return { status: 'Failed', message: `${failure} ${status.reason ?? ''}` };
  const users = vmsUsingNetwork(cloud, networkId);
  if (users.length > 0) return { status: 'Failed', message: inUseMessage(network, users) };
  const { [networkId]: _gone, ...rest } = cloud.networks;
  cloud.networks = rest;
  return { status: 'Succeeded', message: `Successfully deleted the virtual network '${name}'.` };
});
