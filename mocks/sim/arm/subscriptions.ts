/**
 * Subscriptions and tenants (Subscriptions 2022-12-01) and resource-provider registration (Resources
 * 2022-09-01). The subscription list is what the caller can see: only subscriptions they hold a role on.
 */
import type { ProviderState } from '../model';
import { authorize, hasAccess, resolveCaller } from './auth';
import {
  NAMESPACES,
  begin,
  beginAuthorized,
  cloudLocations,
  cloudOfSubscription,
  requireApiVersion,
} from './common';
import type { ArmOp, ArmRequest } from './common';
import { invalidResourceNamespace } from './errors';
import { PROVIDER_RESOURCE_TYPES, armProvider, armSubscription, armTenant } from './project';
import { own } from '../lookup';

export const listSubscriptions =
  (req: ArmRequest): ArmOp =>
  (world, now) => {
    requireApiVersion(req, 'subscriptions');
    const caller = resolveCaller(world, req.authorization, now);
    const cloud = req.cloud ?? 'AzureCloud';
    const value = Object.values(world.cloud.subscriptions)
      .filter(
        (s) =>
          cloudOfSubscription(world, s.subscriptionId) === cloud &&
          hasAccess(world, caller, s.subscriptionId, 'read'),
      )
      .sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0))
      .map((s) => armSubscription(world, s));
    return { status: 200, body: { value } };
  };

export const getSubscription =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'subscriptions',
      p.subscriptionId,
      'read',
      'Microsoft.Resources/subscriptions/read',
      (s) => `/subscriptions/${s}`,
    );
    return { status: 200, body: armSubscription(world, sub) };
  };

/** Subscriptions_ListLocations: the regions of the subscription's cloud. */
export const listLocations =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'subscriptions',
      p.subscriptionId,
      'read',
      'Microsoft.Resources/subscriptions/locations/read',
      (s) => `/subscriptions/${s}`,
    );
    const value = cloudLocations(cloudOfSubscription(world, sub.subscriptionId)).map((r) => ({
      id: `/subscriptions/${sub.subscriptionId}/locations/${r.name}`,
      subscriptionId: sub.subscriptionId,
      name: r.name,
      type: 'Region',
      displayName: r.displayName,
      metadata: { regionType: 'Physical', regionCategory: 'Recommended' },
    }));
    return { status: 200, body: { value } };
  };

/** The tenants the caller belongs to. */
export const listTenants =
  (req: ArmRequest): ArmOp =>
  (world, now) => {
    requireApiVersion(req, 'subscriptions');
    const caller = resolveCaller(world, req.authorization, now);
    const value = caller.tenantIds.flatMap((id) => {
      const tenant = own(world.cloud.tenants, id);
      return tenant?.cloud === (req.cloud ?? 'AzureCloud') ? [armTenant(tenant, caller)] : [];
    });
    return { status: 200, body: { value } };
  };

/** A namespace the world knows, with its canonical casing, or InvalidResourceNamespace. */
function canonicalNamespace(namespace: string): string {
  const known = Object.keys(PROVIDER_RESOURCE_TYPES).find(
    (ns) => ns.toLowerCase() === namespace.toLowerCase(),
  );
  if (known === undefined) throw invalidResourceNamespace(namespace);
  return known;
}

function providerState(providers: Record<string, ProviderState>, namespace: string): ProviderState {
  if (namespace === NAMESPACES.resources) return 'Registered';
  return (
    Object.entries(providers).find(([ns]) => ns.toLowerCase() === namespace.toLowerCase())?.[1] ??
    'NotRegistered'
  );
}

export const listProviders =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'resources',
      p.subscriptionId,
      'read',
      'Microsoft.Resources/subscriptions/providers/read',
      (s) => `/subscriptions/${s}`,
    );
    const value = Object.keys(PROVIDER_RESOURCE_TYPES)
      .sort()
      .map((ns) => armProvider(world, sub, ns, providerState(sub.providers, ns)));
    return { status: 200, body: { value } };
  };

export const getProvider =
  (req: ArmRequest, p: { subscriptionId: string; namespace: string }): ArmOp =>
  (world, now) => {
    const { caller, sub } = begin(world, req, now, 'resources', p.subscriptionId);
    const ns = canonicalNamespace(p.namespace);
    authorize(
      world,
      caller,
      sub.subscriptionId,
      'read',
      'Microsoft.Resources/subscriptions/providers/read',
      `/subscriptions/${sub.subscriptionId}`,
    );
    return { status: 200, body: armProvider(world, sub, ns, providerState(sub.providers, ns)) };
  };

/**
 * POST …/providers/{ns}/register (and unregister). Registration is instantaneous here: real ARM passes
 * through Registering for a minute or so, which nothing in the portal's flows depends on.
 */
export const setProviderRegistration =
  (req: ArmRequest, p: { subscriptionId: string; namespace: string; register: boolean }): ArmOp =>
  (draft, now) => {
    const { caller, sub } = begin(draft, req, now, 'resources', p.subscriptionId);
    const ns = canonicalNamespace(p.namespace);
    authorize(
      draft,
      caller,
      sub.subscriptionId,
      'write',
      `${ns}/${p.register ? 'register' : 'unregister'}/action`,
      `/subscriptions/${sub.subscriptionId}`,
    );
    if (ns !== NAMESPACES.resources) {
      const stored = own(draft.cloud.subscriptions, sub.subscriptionId);
      if (stored) stored.providers[ns] = p.register ? 'Registered' : 'NotRegistered';
    }
    return {
      status: 200,
      body: armProvider(
        draft,
        sub,
        ns,
        p.register || ns === NAMESPACES.resources ? 'Registered' : 'NotRegistered',
      ),
    };
  };
