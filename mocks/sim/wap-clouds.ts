/**
 * The Windows Azure Pack clouds as the Azure Stack portal sees them: each answers through its own connector,
 * and a connector that does not answer, or a user its identity provider does not know, makes that one cloud
 * unavailable with the reason. VM jobs (vms.ts) and the network operations (wap.ts) both check it.
 *
 *   cloud status: Available ─(connector down)─▶ ConnectorUnreachable ─(connector back)─▶ Available
 *                 Available ─(UPN missing in the cloud's STS)─▶ UserNotFound
 */
import { own, quote } from './lookup';
import { SimError } from './core';
import { actingUser } from './identity';
import type { WapCloud, World } from './model';

/** The label of the local cloud (Add-AzurePackConnector -AzureStackCloudName "AzureStack"). */
export const AZURE_STACK_CLOUD = 'AzureStack';

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
      `The cloud '${quote(name)}' was not found. The clouds are ${[AZURE_STACK_CLOUD, ...Object.keys(world.wapClouds)].join(', ')}.`,
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
