/**
 * Long-running operations, polled as ARM's are. A delete (deletes.ts) answers 202 with `Location` (and, for
 * provider resources, `Azure-AsyncOperation`) pointing at
 *
 *   /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}   → 200 OperationStatusResult
 *   /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{id}    → 202 while running, then 204
 *   /subscriptions/{sub}/operationresults/{id}   (resource groups, as ARM does)  → 202 while running, then 200
 *
 * and `Retry-After` with the seconds the operation still needs. The {id} is base64url JSON of the resource,
 * the start and the end, so polling needs no stored record: before the end the status is InProgress, from
 * the end on Succeeded (the world has run the delete's `arm/delete` event by then).
 */
import type { Millis } from '../model';
import { authorize } from './auth';
import { begin, iso } from './common';
import type { ApiFamily, ArmOp, ArmRequest } from './common';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import { operationNotFound } from './errors';
import { isJsonObject } from './validate';

export interface OperationToken {
  /** what the operation does */
  op: 'delete';
  /** the resource id it acts on */
  resourceId: string;
  /** when it started */
  at: Millis;
  /** when it ends (simulated time) */
  endsAt: Millis;
}

export function encodeOperationId(token: OperationToken): string {
  return base64UrlEncode(
    JSON.stringify({ v: 2, op: token.op, rid: token.resourceId, at: token.at, end: token.endsAt }),
  );
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
    data.v !== 2 ||
    data.op !== 'delete' ||
    typeof data.rid !== 'string' ||
    typeof data.at !== 'number' ||
    typeof data.end !== 'number' ||
    data.end < data.at
  )
    return undefined;
  return { op: 'delete', resourceId: data.rid, at: data.at, endsAt: data.end };
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

/** Seconds until the operation ends, at least 1: what `Retry-After` tells a poller to wait. */
export function secondsLeft(token: OperationToken, now: Millis): number {
  return Math.max(1, Math.ceil((token.endsAt - now) / 1000));
}

const running = (token: OperationToken, now: Millis) => now < token.endsAt;

/** GET …/operationStatuses/{id}: the Azure-AsyncOperation poll. */
export const getOperationStatus =
  (req: ArmRequest, p: OperationParams): ArmOp =>
  (world, now) => {
    const path = `/subscriptions/${p.subscriptionId}/providers/${p.namespace}/locations/${p.location}/operationStatuses/${p.operationId}`;
    const token = readToken(world, req, now, p, `${p.namespace}/locations/operationStatuses/read`, path);
    if (running(token, now)) {
      const span = token.endsAt - token.at;
      return {
        status: 200,
        retryAfter: secondsLeft(token, now),
        body: {
          id: path,
          name: p.operationId,
          resourceId: token.resourceId,
          status: 'InProgress',
          startTime: iso(token.at),
          percentComplete: span > 0 ? Math.floor(((now - token.at) / span) * 100) : 0,
        },
      };
    }
    return {
      status: 200,
      body: {
        id: path,
        name: p.operationId,
        resourceId: token.resourceId,
        status: 'Succeeded',
        startTime: iso(token.at),
        endTime: iso(token.endsAt),
        percentComplete: 100,
      },
    };
  };

/** GET …/operationResults/{id}: the Location poll; 202 to the same URI while the operation runs. */
export const getOperationResult =
  (req: ArmRequest, p: OperationParams): ArmOp =>
  (world, now) => {
    const token = readToken(
      world,
      req,
      now,
      p,
      `${p.namespace}/locations/operationResults/read`,
      `/subscriptions/${p.subscriptionId}`,
    );
    if (!running(token, now)) return { status: 204 };
    const base = `/subscriptions/${p.subscriptionId}/providers/${p.namespace}/locations/${p.location}`;
    return {
      status: 202,
      retryAfter: secondsLeft(token, now),
      location: `${base}/operationResults/${p.operationId}?api-version=${req.apiVersion ?? ''}`,
    };
  };

/** GET /subscriptions/{sub}/operationresults/{id}: the Location poll of a resource group delete. */
export const getResourceGroupOperationResult =
  (req: ArmRequest, p: { subscriptionId: string; operationId: string }): ArmOp =>
  (world, now) => {
    const token = readToken(
      world,
      req,
      now,
      { ...p, family: 'resources' },
      'Microsoft.Resources/subscriptions/operationresults/read',
      `/subscriptions/${p.subscriptionId}`,
    );
    if (!running(token, now)) return { status: 200 };
    return {
      status: 202,
      retryAfter: secondsLeft(token, now),
      location: `/subscriptions/${p.subscriptionId}/operationresults/${p.operationId}?api-version=${req.apiVersion ?? ''}`,
    };
  };
