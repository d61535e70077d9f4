/**
 * The Entra side the cloud view lists: the tenant's app registrations in name order, and each user with
 * the role they hold in every subscription, as Azure evaluates it now (faults such as reader-only included).
 */
import type { AzureUserDto } from '../../src/api/contract';
import { effectiveRoles } from './identity';
import type { AppRegistration, World } from './model';

export function appRegistrationsByName(world: World): AppRegistration[] {
  return Object.values(world.cloud.apps).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function directoryUsers(world: World): AzureUserDto[] {
  const subscriptions = Object.values(world.cloud.subscriptions);
  return Object.values(world.cloud.users).map((u) => ({
    upn: u.upn,
    displayName: u.displayName,
    tenantIds: [...u.tenantIds],
    canGrantAdminConsent: u.canGrantAdminConsent,
    roles: subscriptions.flatMap((s) =>
      effectiveRoles(world, u.upn, s.subscriptionId).map((role) => ({
        subscriptionId: s.subscriptionId,
        subscriptionName: s.displayName,
        role,
      })),
    ),
  }));
}
