/**
 * Where the gateway's registration stands, as the Register pane shows it (ui.md §2b): the device code and
 * whether it ran out, the tenants the signed-in account may choose from (none until a code is redeemed),
 * and the app waiting for consent. What the pane may offer is decided here, not by the handler.
 */
import type { AzureReadinessDto, GatewayRegistrationFlowDto } from '../../src/api/contract';
import { CLOUDS } from './clouds';
import {
  CONSENT_PROMPT_LINES,
  azureReadiness,
  gatewayAppName,
  tenantsForDeviceAccount,
} from './gateway-registration';
import { own } from './lookup';
import type { Millis, World } from './model';

export function gatewayRegistrationFlow(world: World, now: Millis): GatewayRegistrationFlowDto {
  const dc = world.gateway.deviceCode;
  const pending = world.gateway.pending;
  const pendingApp = pending ? own(world.cloud.apps, pending.appId) : undefined;
  return {
    gatewayHost: world.gateway.hostName,
    appName: gatewayAppName(world),
    clouds: Object.values(CLOUDS).map((c) => ({ name: c.name, displayName: c.displayName })),
    registered: world.gateway.registration !== undefined,
    deviceCode: dc
      ? {
          code: dc.code,
          cloud: dc.cloud,
          expiresAt: new Date(dc.expiresAt).toISOString(),
          // a redeemed code has issued its token: only an unused one runs out
          expired: !dc.redeemedBy && now >= dc.expiresAt,
          redeemedBy: dc.redeemedBy ?? null,
        }
      : null,
    // the tenants are the redeeming account's, in the code's cloud: before that there is nobody to ask
    tenants: dc?.redeemedBy
      ? tenantsForDeviceAccount(world).map((t) => ({
          tenantId: t.tenantId,
          displayName: t.displayName,
          defaultDomain: t.defaultDomain,
        }))
      : [],
    // an app deleted from the tenant meanwhile leaves nothing to consent to (Connect starts again)
    pending:
      pending && pendingApp
        ? {
            tenantId: pending.tenantId,
            appId: pending.appId,
            appName: pendingApp.displayName,
            createdApp: pending.createdApp,
            consentGranted: pendingApp.adminConsentGranted,
            permissions: CONSENT_PROMPT_LINES,
            adminConsentPath: `/azure/app-registrations/${pending.appId}`,
          }
        : null,
  };
}

/** Whether the gateway can act in Azure now (registered, signed in, token valid), or why not. */
export function azureReadinessView(world: World, now: Millis): AzureReadinessDto {
  const problem = azureReadiness(world, now);
  return problem
    ? { ready: false, code: problem.code, message: problem.message }
    : { ready: true, code: null, message: null };
}
