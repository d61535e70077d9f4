/**
 * The Azure Stack portal in multi-cloud mode: the local Azure Stack cloud plus the Windows Azure Pack clouds
 * joined through the Windows Azure Pack Connector (Add-AzurePackConnector). Each WAP cloud answers through
 * its own connector, with its own latency; a connector that does not answer, or a user its identity provider
 * does not know, makes that one cloud unavailable with the reason, and leaves the others working.
 *
 *   cloud status: Available ─(connector down)─▶ ConnectorUnreachable ─(connector back)─▶ Available
 *                 Available ─(UPN missing in the cloud's STS)─▶ UserNotFound
 */
import { upnProblem } from '../../src/api/rules';
import { own } from './lookup';
import { SimError } from './core';
import { startJob } from './jobs';
import type { JobOutcome } from './jobs';
import type { Job, Millis, WapCloud, WapNetwork, World } from './model';
import { ensureWapCloudAvailable, wapCloudOr404, wapCloudStatus } from './wap-clouds';

export const VNET_DELETE_MS = 3_000;

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
  // the one UPN rule (src/api/rules.ts), as the sign-in schemas apply it
  const problem = upnProblem(upn);
  if (problem !== undefined)
    throw new SimError('bad-request', 'InvalidParameter', problem, { target: 'upn' });
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

export function completeDeleteWapNetwork(draft: World, job: Job<'vnet/delete'>): JobOutcome {
  const { cloud: cloudName, networkId, networkName: name } = job.input;
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
}
