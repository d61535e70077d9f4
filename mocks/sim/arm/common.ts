/**
 * What every ARM operation shares: the request as the pure core sees it, the reply it gives back, the
 * api-versions each provider accepts, and the opening checks every request goes through, in ARM's order:
 *
 *   api-version ─▶ caller (401) ─▶ subscription id is a GUID (400) ─▶ subscription exists (404)
 *     ─▶ [names in the path (400)] ─▶ role on the subscription (403) ─▶ resource group exists (404) ─▶ body
 */
import { rgKey } from '../arm-ids';
import { ALL_LOCATIONS } from '../clouds';
import type { Region } from '../clouds';
import type { Op } from '../core';
import type { AzureUser, CloudName, Millis, ResourceGroup, Subscription, World } from '../model';
import { authorize, resolveCaller } from './auth';
import type { Access } from './auth';
import {
  invalidApiVersion,
  invalidSubscriptionId,
  missingApiVersion,
  missingSubscriptionRegistration,
  resourceGroupNotFound,
  subscriptionNotFound,
} from './errors';
import { isGuid } from './validate';
import { own } from '../lookup';

/** An ARM request, reduced to what the operations need; the HTTP adapter fills it in. */
export interface ArmRequest {
  /** the `api-version` query parameter; undefined when absent */
  apiVersion?: string | undefined;
  /** the `Authorization` header; undefined when absent */
  authorization?: string | undefined;
  /** the raw request body ('' or undefined when there is none) */
  body?: string | undefined;
  /** the `$top`, `$skipToken` and `$filter` query parameters of a list, where its OpenAPI file defines them */
  top?: string | undefined;
  skipToken?: string | undefined;
  filter?: string | undefined;
  /** the cloud whose Resource Manager host was called (management.chinacloudapi.cn …); AzureCloud when absent */
  cloud?: CloudName | undefined;
}

/** An ARM answer. URIs are paths with their query (`/subscriptions/…?api-version=…`); the adapter adds the host. */
export interface ArmReply {
  status: number;
  body?: unknown;
  /** `Location` header of a long-running operation */
  location?: string;
  /** `Azure-AsyncOperation` header of a long-running operation */
  asyncOperation?: string;
  /** `Retry-After` (seconds) of a long-running operation still running */
  retryAfter?: number;
}

/** Both reads (given to `sim.read`) and writes (given to `sim.run`) have this shape. */
export type ArmOp = Op<ArmReply>;

export type ApiFamily = 'subscriptions' | 'resources' | 'hci' | 'hybridCompute';

/**
 * The api-versions accepted, per provider. The first is the version the simulation implements (SPEC §2)
 * and whose shapes every answer has; the others are what the official JavaScript SDK packages send by
 * default, answered with those same shapes so a client works without pinning a version:
 *
 *   @azure/arm-resources 7.0.0                → 2025-04-01 (answered as Resources 2022-09-01)
 *   @azure/arm-resources-subscriptions 2.1.1  → 2022-12-01 (implemented)
 *   @azure/arm-azurestackhci 3.1.0            → 2022-05-01 (answered as AzureStackHCI 2024-04-01)
 *   @azure/arm-hybridcompute 3.0.0            → 2021-05-20 (answered as HybridCompute 2022-12-27)
 */
export const API_VERSIONS: Record<ApiFamily, readonly string[]> = {
  subscriptions: ['2022-12-01'],
  resources: ['2022-09-01', '2025-04-01'],
  hci: ['2024-04-01', '2022-05-01'],
  hybridCompute: ['2022-12-27', '2021-05-20'],
};

export const NAMESPACES = {
  hci: 'Microsoft.AzureStackHCI',
  hybridCompute: 'Microsoft.HybridCompute',
  resources: 'Microsoft.Resources',
} as const;

export function requireApiVersion(req: ArmRequest, family: ApiFamily): string {
  const given = req.apiVersion;
  if (given === undefined || given === '') throw missingApiVersion();
  const supported = API_VERSIONS[family];
  if (!supported.includes(given)) throw invalidApiVersion(given, supported);
  return given;
}

/**
 * The subscription named in a path: a GUID, and one the world knows (case-insensitively) in the cloud whose
 * Resource Manager was called: each cloud's ARM knows only its own subscriptions.
 */
export function requireSubscription(
  world: World,
  subscriptionId: string,
  cloud: CloudName = 'AzureCloud',
): Subscription {
  if (!isGuid(subscriptionId)) throw invalidSubscriptionId(subscriptionId);
  const sub =
    own(world.cloud.subscriptions, subscriptionId) ??
    Object.values(world.cloud.subscriptions).find(
      (s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
    );
  if (!sub || cloudOfSubscription(world, sub.subscriptionId) !== cloud)
    throw subscriptionNotFound(subscriptionId);
  return sub;
}

/** The opening checks of a subscription-scoped request, up to (not including) authorisation. */
export function begin(
  world: World,
  req: ArmRequest,
  now: Millis,
  family: ApiFamily,
  subscriptionId: string,
): { caller: AzureUser; sub: Subscription } {
  requireApiVersion(req, family);
  const caller = resolveCaller(world, req.authorization, now);
  const sub = requireSubscription(world, subscriptionId, req.cloud);
  return { caller, sub };
}

/**
 * `begin`, then the role check: the preamble of every operation, in ARM's order (api-version, caller,
 * subscription, role). `scope` gets the subscription id as ARM spells it, for the 403 message.
 */
export function beginAuthorized(
  world: World,
  req: ArmRequest,
  now: Millis,
  family: ApiFamily,
  subscriptionId: string,
  access: Access,
  action: string,
  scope: (subscriptionId: string) => string,
): { caller: AzureUser; sub: Subscription } {
  const started = begin(world, req, now, family, subscriptionId);
  authorize(
    world,
    started.caller,
    started.sub.subscriptionId,
    access,
    action,
    scope(started.sub.subscriptionId),
  );
  return started;
}

/** Resources of one resource group; ARM compares subscription and group names case-insensitively. */
export function inResourceGroup(subscriptionId: string, resourceGroup: string) {
  const sub = subscriptionId.toLowerCase();
  const rg = resourceGroup.toLowerCase();
  return (r: { subscriptionId: string; resourceGroup: string }) =>
    r.subscriptionId.toLowerCase() === sub && r.resourceGroup.toLowerCase() === rg;
}

export function findResourceGroup(
  world: World,
  subscriptionId: string,
  name: string,
): ResourceGroup | undefined {
  return own(world.cloud.resourceGroups, rgKey(subscriptionId, name));
}

export function requireResourceGroup(world: World, subscriptionId: string, name: string): ResourceGroup {
  const rg = findResourceGroup(world, subscriptionId, name);
  if (!rg) throw resourceGroupNotFound(name);
  return rg;
}

/** Creating a provider's resources needs the provider registered on the subscription. */
export function requireProviderRegistered(sub: Subscription, namespace: string): void {
  const state = Object.entries(sub.providers).find(
    ([ns]) => ns.toLowerCase() === namespace.toLowerCase(),
  )?.[1];
  if (state !== 'Registered') throw missingSubscriptionRegistration(namespace);
}

export const iso = (ms: Millis): string => new Date(ms).toISOString();

/** The cloud a subscription lives in: its tenant's. */
export function cloudOfSubscription(world: World, subscriptionId: string): CloudName {
  const sub = own(world.cloud.subscriptions, subscriptionId);
  return (sub && own(world.cloud.tenants, sub.tenantId)?.cloud) ?? 'AzureCloud';
}

/** The locations of one cloud: a public subscription cannot put anything in China East 2. */
export function cloudLocations(cloud: CloudName): Region[] {
  const cloudOf = (r: Region): CloudName =>
    r.name.startsWith('china')
      ? 'AzureChinaCloud'
      : r.name.startsWith('usgov')
        ? 'AzureUSGovernment'
        : 'AzureCloud';
  return ALL_LOCATIONS.filter((r) => cloudOf(r) === cloud);
}

/** Case-insensitive, locale-independent ordering by name, so lists come back in a stable order. */
export const byName = <T extends { name: string }>(a: T, b: T): number => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};
