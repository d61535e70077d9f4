import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  acceptPermissions,
  azureReadiness,
  azureReadinessView,
  buildScenario,
  checkConsentAndFinish,
  connectGateway,
  deleteApp,
  gatewayRegistrationFlow,
  grantAdminConsent,
  issueDeviceCode,
  redeemDeviceCode,
  signIn,
  signOut,
  unregisterGateway,
  ADMIN_UPN,
  CONTOSO_TENANT,
  FABRIKAM_TENANT,
  MINUTE,
  OPERATOR_UPN,
} from './index';
import type { Op } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup(scenario = 'fresh') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const fails = <T>(op: Op<T>) => {
    const before = sim.snapshot();
    const outcome = sim.run(op);
    expect(outcome.ok).toBe(false);
    expect(sim.snapshot()).toBe(before);
    if (outcome.ok) throw new Error('expected a refusal');
    return outcome.error;
  };
  return { sim, ok, fails };
}

function signInWithCode(t: ReturnType<typeof setup>, upn: string) {
  const code = t.ok((d, now) => issueDeviceCode(d, 'AzureCloud', now)).code;
  t.ok((d, now) => redeemDeviceCode(d, code, upn, now));
  return code;
}

describe('registering the gateway with Azure', () => {
  it('goes from a device code to registered and signed in, creating the app with consent', () => {
    const t = setup();
    signInWithCode(t, ADMIN_UPN);
    const app = t.ok((d, now) =>
      connectGateway(d, { tenantId: CONTOSO_TENANT, application: { mode: 'create' } }, now),
    );
    expect(app.displayName).toBe('WindowsAdminCenter-https://wac.contoso.local');
    expect(app.adminConsentGranted).toBe(false);
    t.ok((d, now) => acceptPermissions(d, now));
    t.ok((d, now) => signIn(d, undefined, now));
    const w = t.sim.world();
    expect(w.gateway.registration?.appId).toBe(app.appId);
    expect(w.cloud.apps[app.appId]?.adminConsentGranted).toBe(true);
    expect(w.gateway.account?.upn).toBe(ADMIN_UPN);
    expect(t.sim.read(azureReadiness)).toBeUndefined();
  });

  it('says an expired code has expired, and a new code works', () => {
    const t = setup();
    const code = t.ok((d, now) => issueDeviceCode(d, 'AzureCloud', now)).code;
    t.sim.advance('16m');
    expect(t.fails((d, now) => redeemDeviceCode(d, code, ADMIN_UPN, now)).message).toMatch(
      /The code you entered has expired/,
    );
    signInWithCode(t, ADMIN_UPN);
    expect(t.sim.world().gateway.deviceCode?.redeemedBy).toBe(ADMIN_UPN);
  });

  it('refuses a wrong code', () => {
    const t = setup();
    t.ok((d, now) => issueDeviceCode(d, 'AzureCloud', now));
    expect(t.fails((d, now) => redeemDeviceCode(d, 'NOTTHEONE', ADMIN_UPN, now)).message).toBe(
      'That code didn\u2019t work. Check the code and try again.',
    );
  });

  it.each([
    ['not-a-guid', /is not an application ID/],
    [
      '11111111-2222-4333-8444-555555555555',
      /A registered application with the ID '11111111-2222-4333-8444-555555555555' was not found\./,
    ],
  ])('Use existing with %s is refused next to the field', (appId, message) => {
    const t = setup();
    signInWithCode(t, ADMIN_UPN);
    const error = t.fails((d, now) =>
      connectGateway(d, { tenantId: CONTOSO_TENANT, application: { mode: 'existing', appId } }, now),
    );
    expect(error.message).toMatch(message);
    expect(error.target).toBe('appId');
  });

  it('refuses an existing app whose reply URLs do not include the gateway', () => {
    const t = setup('registered');
    const clusterApp = Object.values(t.sim.world().cloud.apps).find((a) => a.kind === 'cluster');
    t.ok((d) => unregisterGateway(d));
    signInWithCode(t, ADMIN_UPN);
    const error = t.fails((d, now) =>
      connectGateway(
        d,
        { tenantId: CONTOSO_TENANT, application: { mode: 'existing', appId: clusterApp?.appId ?? '' } },
        now,
      ),
    );
    expect(error.message).toMatch(/^AADSTS50011: The reply URL specified in the request does not match/);
  });

  it('with no-aad-consent, waits for an administrator and then finishes without re-entering anything', () => {
    const t = setup();
    t.sim.inject('no-aad-consent', OPERATOR_UPN);
    signInWithCode(t, OPERATOR_UPN);
    const app = t.ok((d, now) =>
      connectGateway(d, { tenantId: CONTOSO_TENANT, application: { mode: 'create' } }, now),
    );
    expect(t.fails((d, now) => acceptPermissions(d, now)).message).toMatch(
      /needs permission to access resources in your organization that only an admin can grant/,
    );
    expect(t.fails((d, now) => checkConsentAndFinish(d, now)).message).toMatch(
      /Consent has not been granted yet/,
    );
    expect(t.fails((d) => grantAdminConsent(d, app.appId, OPERATOR_UPN)).code).toBe('InsufficientPrivileges');
    t.ok((d) => grantAdminConsent(d, app.appId, ADMIN_UPN));
    t.ok((d, now) => checkConsentAndFinish(d, now));
    t.ok((d, now) => signIn(d, undefined, now));
    expect(t.sim.world().gateway.account?.upn).toBe(OPERATOR_UPN);
  });

  it('after sign-out, Azure actions ask to sign in; the token expires after 90 days', () => {
    const t = setup('gateway-registered');
    expect(t.sim.read(azureReadiness)).toBeUndefined();
    t.ok((d) => signOut(d));
    expect(t.sim.read(azureReadiness)?.code).toBe('NotSignedIn');
    t.ok((d, now) => signIn(d, ADMIN_UPN, now));
    t.sim.advance('91d');
    expect(t.sim.read(azureReadiness)?.code).toBe('SessionExpired');
  });

  it('unregistering keeps the Azure app in the tenant', () => {
    const t = setup('gateway-registered');
    const appId = t.sim.world().gateway.registration?.appId ?? '';
    t.ok((d) => unregisterGateway(d));
    expect(t.sim.world().gateway.registration).toBeUndefined();
    expect(t.sim.world().cloud.apps[appId]).toBeDefined();
    expect(t.sim.read(azureReadiness)?.code).toBe('GatewayNotRegistered');
  });
});

describe('the registration flow as the Register pane sees it', () => {
  it('offers no tenant until the code is redeemed, then the account’s tenants in that cloud', () => {
    const t = setup();
    t.ok((d, now) => issueDeviceCode(d, 'AzureCloud', now));
    const waiting = gatewayRegistrationFlow(t.sim.world(), T0);
    expect(waiting.tenants).toEqual([]);
    expect(waiting.deviceCode?.redeemedBy).toBeNull();
    const code = waiting.deviceCode?.code ?? '';
    t.ok((d, now) => redeemDeviceCode(d, code, ADMIN_UPN, now));
    const flow = gatewayRegistrationFlow(t.sim.world(), T0);
    expect(flow.tenants.map((x) => x.tenantId).sort()).toEqual([CONTOSO_TENANT, FABRIKAM_TENANT].sort());
    expect(flow.deviceCode?.redeemedBy).toBe(ADMIN_UPN);
  });

  it('says an unused code ran out after 15 minutes, but never a redeemed one', () => {
    const t = setup();
    t.ok((d, now) => issueDeviceCode(d, 'AzureCloud', now));
    expect(gatewayRegistrationFlow(t.sim.world(), T0 + 15 * MINUTE).deviceCode?.expired).toBe(true);
    signInWithCode(t, ADMIN_UPN);
    expect(gatewayRegistrationFlow(t.sim.world(), T0 + 60 * MINUTE).deviceCode?.expired).toBe(false);
  });

  it('shows the app waiting for consent, and nothing pending once that app is deleted', () => {
    const t = setup();
    signInWithCode(t, OPERATOR_UPN);
    const app = t.ok((d, now) =>
      connectGateway(d, { tenantId: CONTOSO_TENANT, application: { mode: 'create' } }, now),
    );
    const pending = gatewayRegistrationFlow(t.sim.world(), T0).pending;
    expect(pending).toMatchObject({ appId: app.appId, createdApp: true, consentGranted: false });
    expect(pending?.adminConsentPath).toBe(`/azure/app-registrations/${app.appId}`);
    t.ok((d) => deleteApp(d, app.appId));
    expect(gatewayRegistrationFlow(t.sim.world(), T0).pending).toBeNull();
  });
});

describe('the gateway’s readiness for Azure, as the pages ask for it', () => {
  it('says why a fresh gateway cannot act in Azure, and nothing once it is registered and signed in', () => {
    const fresh = setup('fresh');
    const before = fresh.sim.read(azureReadinessView);
    expect(before).toMatchObject({ ready: false, code: expect.any(String) as unknown });
    expect(before.message).toBe(fresh.sim.read(azureReadiness)?.message);
    expect(setup('registered').sim.read(azureReadinessView)).toEqual({
      ready: true,
      code: null,
      message: null,
    });
  });
});
