/**
 * Who is calling ARM, and may they. The simulated bearer token is `sim.<base64url(upn)>`: the UI mints
 * one for the account it acts as (`Authorization: Bearer ${encodeSimToken(upn)}`), and a request without
 * the header acts as the gateway's signed-in account, else the tenant administrator (identity.ts
 * `actingUser`), so a presenter can call ARM from the console. Tokens carry no expiry of their own;
 * the implied gateway token does, and ARM refuses it once the sign-in has expired.
 *
 * Roles (identity.ts, after the `reader-only` / `no-arc-role` faults): reads need any role on the
 * subscription, writes need Owner or Contributor.
 */
import { canRead, canWrite, actingUser, tokenExpired } from '../identity';
import type { AzureUser, Millis, World } from '../model';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import {
  authenticationMissing,
  authorizationFailed,
  expiredAuthenticationToken,
  invalidAuthenticationToken,
} from './errors';

export const SIM_TOKEN_PREFIX = 'sim.';

/** The access token the UI sends for `upn`: `sim.` + base64url(upn). */
export function encodeSimToken(upn: string): string {
  return SIM_TOKEN_PREFIX + base64UrlEncode(upn);
}

/** The user principal name inside a simulated token, or undefined when it is not one. */
export function decodeSimToken(token: string): string | undefined {
  if (!token.startsWith(SIM_TOKEN_PREFIX)) return undefined;
  const upn = base64UrlDecode(token.slice(SIM_TOKEN_PREFIX.length));
  return upn === undefined || upn === '' ? undefined : upn;
}

/** `Authorization` header → what it says: nothing, a user, or garbage. */
export function parseAuthorization(
  header: string | undefined,
): { kind: 'none' } | { kind: 'user'; upn: string } | { kind: 'invalid' } {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  const upn = match?.[1] === undefined ? undefined : decodeSimToken(match[1]);
  return upn === undefined ? { kind: 'invalid' } : { kind: 'user', upn };
}

/** .NET's invariant `M/d/yyyy h:mm:ss tt`, the format of ARM's token-expiry message. */
function usDateTime(ms: Millis): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The user a request acts as; throws 401 as ARM does when there is none or the token is bad. */
export function resolveCaller(world: World, authorization: string | undefined, now: Millis): AzureUser {
  const parsed = parseAuthorization(authorization);
  if (parsed.kind === 'invalid') throw invalidAuthenticationToken();
  if (parsed.kind === 'user') {
    const user = actingUser(world, parsed.upn);
    if (!user) throw invalidAuthenticationToken();
    return user;
  }
  const user = actingUser(world, undefined);
  if (!user) throw authenticationMissing();
  const account = world.gateway.account;
  if (account?.upn === user.upn && tokenExpired(world, now)) {
    throw expiredAuthenticationToken(usDateTime(account.tokenExpiresAt), usDateTime(now));
  }
  return user;
}

export type Access = 'read' | 'write';

export function hasAccess(world: World, caller: AzureUser, subscriptionId: string, access: Access): boolean {
  return access === 'read'
    ? canRead(world, caller.upn, subscriptionId)
    : canWrite(world, caller.upn, subscriptionId);
}

/** Throws 403 AuthorizationFailed naming the action and scope, as ARM's message does. */
export function authorize(
  world: World,
  caller: AzureUser,
  subscriptionId: string,
  access: Access,
  action: string,
  scope: string,
): void {
  if (!hasAccess(world, caller, subscriptionId, access))
    throw authorizationFailed(caller.upn, caller.objectId, action, scope);
}
