/**
 * Who is acting, and what they may do. Roles are per subscription; faults change the effective roles
 * without touching the stored assignments, so repairing a fault restores exactly what was there.
 */
import type { AzureUser, CloudName, Millis, RoleName, World } from './model';
import { TENANT_MFA } from './guide-texts';
import { hasFault } from './faults-state';
import { own } from './lookup';

export const WRITE_ROLES: readonly RoleName[] = ['Owner', 'Contributor'];
/** Assigning the Arc onboarding roles needs Owner or User Access Administrator. */
export const ROLE_ASSIGNMENT_ROLES: readonly RoleName[] = ['Owner', 'User Access Administrator'];

export function effectiveRoles(world: World, upn: string, subscriptionId: string): RoleName[] {
  const user = own(world.cloud.users, upn);
  if (!user) return [];
  if (hasFault(world, 'reader-only', upn)) {
    return user.roleAssignments.some((r) => r.subscriptionId === subscriptionId) ? ['Reader'] : [];
  }
  let roles = user.roleAssignments.filter((r) => r.subscriptionId === subscriptionId).map((r) => r.role);
  if (hasFault(world, 'no-arc-role', upn)) {
    roles = roles
      .map((r) => (r === 'Owner' ? 'Contributor' : r))
      .filter((r) => r !== 'User Access Administrator');
  }
  return [...new Set(roles)];
}

export function canWrite(world: World, upn: string, subscriptionId: string): boolean {
  return effectiveRoles(world, upn, subscriptionId).some((r) => WRITE_ROLES.includes(r));
}

export function canRead(world: World, upn: string, subscriptionId: string): boolean {
  return effectiveRoles(world, upn, subscriptionId).length > 0;
}

export function canAssignRoles(world: World, upn: string, subscriptionId: string): boolean {
  return effectiveRoles(world, upn, subscriptionId).some((r) => ROLE_ASSIGNMENT_ROLES.includes(r));
}

export function canGrantAdminConsent(world: World, upn: string): boolean {
  const user = own(world.cloud.users, upn);
  return !!user && user.canGrantAdminConsent && !hasFault(world, 'no-aad-consent', upn);
}

/**
 * The identity behind a request: the bearer token's user when the request names one, else the account
 * signed in to the gateway, else the tenant's administrator (so a presenter can call ARM from the console
 * before anyone has signed in).
 */
export function actingUser(world: World, tokenUpn: string | undefined): AzureUser | undefined {
  if (tokenUpn !== undefined) return own(world.cloud.users, tokenUpn);
  const signedIn = world.gateway.account?.upn;
  if (signedIn !== undefined) return own(world.cloud.users, signedIn);
  return Object.values(world.cloud.users).find((u) => u.canGrantAdminConsent);
}

export function tokenExpired(world: World, now: Millis): boolean {
  const account = world.gateway.account;
  return account !== undefined && now >= account.tokenExpiresAt;
}

/**
 * Connect-AzAccount without -TenantId signs in to the account's home tenant and then asks for a token in each
 * of its other tenants of that cloud; one that requires multi-factor authentication fails the sign-in with the
 * guide's "Unable to acquire token for tenant". With -TenantId only that tenant is asked.
 */
export function tenantSignInError(
  world: World,
  upn: string,
  cloud: CloudName,
  tenantId: string | undefined,
): string | undefined {
  if (tenantId !== undefined) return undefined;
  const user = own(world.cloud.users, upn);
  const tenants = (user?.tenantIds ?? []).filter((t) => own(world.cloud.tenants, t)?.cloud === cloud);
  return tenants.length > 1 && hasFault(world, 'tenant-mfa-required', upn) ? TENANT_MFA : undefined;
}

/** The accounts of the tenants in one cloud: who may sign in with a code issued for that cloud. */
export function accountsInCloud(world: World, cloud: CloudName): { upn: string; displayName: string }[] {
  return Object.values(world.cloud.users)
    .filter((u) => u.tenantIds.some((t) => own(world.cloud.tenants, t)?.cloud === cloud))
    .map((u) => ({ upn: u.upn, displayName: u.displayName }));
}
