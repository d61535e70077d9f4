/**
 * Long-running operations without stored state.
 *
 * The world has no place for ARM's async operations, and adding one would make every delete leave a
 * record behind that something must expire. So a long-running delete completes in the world at once,
 * and its answer is still ARM's: 202 Accepted with `Location` (and, for provider resources,
 * `Azure-AsyncOperation`) pointing at
 *
 *   /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}   → 200 OperationStatusResult
 *   /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{id}    → 204 (the delete's result)
 *   /subscriptions/{sub}/operationresults/{id}   (resource groups, as ARM does)  → 200
 *
 * The {id} is base64url JSON of what was done (the resource and when), so polling needs nothing but the id:
 * status Succeeded, percentComplete 100, startTime = endTime = the moment of the delete. A client that
 * polls sees a finished operation on its first poll, which is what a fast ARM looks like.
 */
import type { Millis } from '../model';
import { authorize } from './auth';
import { begin, iso } from './common';
import type { ApiFamily, ArmOp, ArmRequest } from './common';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import { operationNotFound } from './errors';
import { isJsonObject } from './validate';

export interface OperationToken {
  /** what finished, e.g. `delete` */
  op: 'delete';
  /** the resource id it acted on */
  resourceId: string;
  at: Millis;
}

export function encodeOperationId(token: OperationToken): string {
  return base64UrlEncode(JSON.stringify({ v: 1, op: token.op, rid: token.resourceId, at: token.at }));
}

export function decodeOperationId(id: string): OperationToken | undefined {
  const text = base64UrlDecode(id);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !isJsonObject(data) ||
    data.v !== 1 ||
    data.op !== 'delete' ||
    typeof data.rid !== 'string' ||
    typeof data.at !== 'number'
  )
    return undefined;
  return { op: 'delete', resourceId: data.rid, at: data.at };
}

/** The headers of a provider resource's 202. */
export function providerOperationUris(
  namespace: string,
  subscriptionId: string,
  location: string,
  token: OperationToken,
  apiVersion: string,
): { location: string; asyncOperation: string } {
  const base = `/subscriptions/${subscriptionId}/providers/${namespace}/locations/${location}`;
  const id = encodeOperationId(token);
  return {
    location: `${base}/operationResults/${id}?api-version=${apiVersion}`,
    asyncOperation: `${base}/operationStatuses/${id}?api-version=${apiVersion}`,
  };
}

/** The `Location` of a resource group delete, as ARM gives it. */
export function resourceGroupOperationUri(
  subscriptionId: string,
  token: OperationToken,
  apiVersion: string,
): string {
  return `/subscriptions/${subscriptionId}/operationresults/${encodeOperationId(token)}?api-version=${apiVersion}`;
}

interface OperationParams {
  subscriptionId: string;
  namespace: string;
  family: ApiFamily;
  location: string;
  operationId: string;
}

function readToken(
  world: Parameters<ArmOp>[0],
  req: ArmRequest,
  now: Millis,
  p: { subscriptionId: string; family: ApiFamily; operationId: string },
  action: string,
  scope: string,
): OperationToken {
  const { caller, sub } = begin(world, req, now, p.family, p.subscriptionId);
  authorize(world, caller, sub.subscriptionId, 'read', action, scope);
  const token = decodeOperationId(p.operationId);
  // an id minted for another subscription is as unknown here as a made-up one
  if (!token?.resourceId.toLowerCase().startsWith(`/subscriptions/${sub.subscriptionId.toLowerCase()}/`))
    throw operationNotFound(p.operationId);
  return token;
}

/** GET …/operationStatuses/{id}: the Azure-AsyncOperation poll. */
export const getOperationStatus =
  (req: ArmRequest, p: OperationParams): ArmOp =>
  (world, now) => {
    const path = `/subscriptions/${p.subscriptionId}/providers/${p.namespace}/locations/${p.location}/operationStatuses/${p.operationId}`;
    const token = readToken(world, req, now, p, `${p.namespace}/locations/operationStatuses/read`, path);
    return {
      status: 200,
      body: {
        id: path,
        name: p.operationId,
        resourceId: token.resourceId,
        status: 'Succeeded',
        startTime: iso(token.at),
        endTime: iso(token.at),
        percentComplete: 100,
      },
    };
  };

/** GET …/operationResults/{id}: the Location poll of a finished delete. */
export const getOperationResult =
  (req: ArmRequest, p: OperationParams): ArmOp =>
  (world, now) => {
    readToken(
      world,
      req,
      now,
      p,
      `${p.namespace}/locations/operationResults/read`,
      `/subscriptions/${p.subscriptionId}`,
    );
    return { status: 204 };
  };

/** GET /subscriptions/{sub}/operationresults/{id}: the Location poll of a resource group delete. */
export const getResourceGroupOperationResult =
  (req: ArmRequest, p: { subscriptionId: string; operationId: string }): ArmOp =>
  (world, now) => {
    readToken(
      world,
      req,
      now,
      { ...p, family: 'resources' },
      'Microsoft.Resources/subscriptions/operationresults/read',
      `/subscriptions/${p.subscriptionId}`,
    );
    return { status: 200 };
  };
