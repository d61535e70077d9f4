/**
 * Registering the Windows Admin Center gateway with Azure, and signing in (ui.md §2b, behaviour.md §5.3).
 *
 *   select cloud ─▶ device code (15 min) ─▶ redeemed by an account on the sign-in page
 *     ─▶ Connect (tenant + app: create new / use existing, checked against the tenant)
 *     ─▶ Permissions requested → Accept ─┬─ account can consent ─▶ registered ("Now connected to Azure AD")
 *                                        └─ it cannot ─▶ waits for an admin to grant consent in the cloud view,
 *                                                        then finishes without starting over
 *     ─▶ Sign in (token valid 90 days) … Sign out … Unregister (the app stays in the tenant)
 */
import { CLOUDS } from './clouds';
import { SimError, guidFrom, nextSeq } from './core';
import { apiFaultActive } from './faults';
import { canGrantAdminConsent } from './identity';
import { DAY, MINUTE } from './model';
import type { AppRegistration, CloudName, DeviceCode, Millis, World } from './model';
import { createApp } from './registration';
import { own } from './lookup';

export const DEVICE_CODE_LIFETIME: Millis = 15 * MINUTE;
export const GATEWAY_TOKEN_LIFETIME: Millis = 90 * DAY;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const GATEWAY_APP_PERMISSIONS = [
  'Microsoft Graph: Application.Read.All',
  'Microsoft Graph: Application.ReadWrite.All',
  'Microsoft Graph: Directory.AccessAsUser.All',
  'Microsoft Graph: Directory.Read.All',
  'Microsoft Graph: Directory.ReadWrite.All',
  'Microsoft Graph: User.Read',
  'Azure Service Management: user_impersonation',
];

/** What the consent prompt lists ("This app would like to:"). */
export const CONSENT_PROMPT_LINES = [
  'Access Azure Service Management as you (preview)',
  'View your basic profile',
  'Maintain access to data you have given it access to',
];

export const gatewayAppName = (world: World) => `WindowsAdminCenter-https://${world.gateway.hostName}`;
export const gatewayReplyUrl = (world: World) => `https://${world.gateway.hostName}`;

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && value in CLOUDS;
}

/** Step 2: a fresh code replaces any previous one. */
export function issueDeviceCode(draft: World, cloud: CloudName, now: Millis): DeviceCode {
  if (draft.gateway.registration) {
    throw new SimError(
      'conflict',
      'GatewayAlreadyRegistered',
      'This gateway is already registered with Azure. Unregister it first to register it again.',
    );
  }
  let n = guidFrom('device-code', nextSeq(draft)).replace(/-/g, '');
  let code = '';
  for (let i = 0; i < 9; i++) {
    code += CODE_ALPHABET[parseInt(n.slice(0, 2), 16) % CODE_ALPHABET.length] ?? 'A';
    n = n.slice(2) || n;
  }
  draft.gateway.deviceCode = { code, cloud, issuedAt: now, expiresAt: now + DEVICE_CODE_LIFETIME };
  return draft.gateway.deviceCode;
}

export const DEVICE_CODE_EXPIRED =
  'The code you entered has expired. Get a new code from the device you\u2019re trying to sign in to and try again.';
export const DEVICE_CODE_WRONG = 'That code didn\u2019t work. Check the code and try again.';

/** Step 3, on the sign-in page: "Enter code", then pick an account, then Continue. */
export function checkDeviceCode(world: World, code: string, now: Millis): DeviceCode {
  const current = world.gateway.deviceCode;
  const entered = code.trim().toUpperCase();
  if (current?.code !== entered)
    throw new SimError('bad-request', 'InvalidDeviceCode', DEVICE_CODE_WRONG, { target: 'code' });
  if (now >= current.expiresAt)
    throw new SimError('bad-request', 'ExpiredDeviceCode', DEVICE_CODE_EXPIRED, { target: 'code' });
  return current;
}

/** The sign-in page's Continue: the code is redeemed by the account (device-login.ts words the page). */
export function redeemDeviceCode(draft: World, code: string, upn: string, now: Millis): void {
  const current = checkDeviceCode(draft, code, now);
  const user = own(draft.cloud.users, upn);
  if (!user)
    throw new SimError(
      'bad-request',
      'UserNotFound',
      `We couldn't find an account with the username ${upn}.`,
      { target: 'upn' },
    );
  const cloud = current.cloud;
  if (!user.tenantIds.some((t) => own(draft.cloud.tenants, t)?.cloud === cloud)) {
    throw new SimError(
      'bad-request',
      'UserNotInCloud',
      `The account ${upn} does not belong to a tenant in ${CLOUDS[cloud].displayName}.`,
      { target: 'upn' },
    );
  }
  const redeemed = draft.gateway.deviceCode;
  if (redeemed) redeemed.redeemedBy = upn;
}

/** The account that signed in with the device code, or why there is none yet. */
function deviceAccount(world: World): { upn: string; cloud: CloudName } {
  const dc = world.gateway.deviceCode;
  if (!dc?.redeemedBy) {
    throw new SimError(
      'precondition',
      'DeviceCodeNotRedeemed',
      'Sign in with the code first: select Enter the code, paste the code and finish signing in.',
    );
  }
  // A redeemed code has already issued its token; only an unused one runs out, so no expiry check here.
  return { upn: dc.redeemedBy, cloud: dc.cloud };
}

export function tenantsForDeviceAccount(world: World) {
  const { upn, cloud } = deviceAccount(world);
  const user = own(world.cloud.users, upn);
  return (user?.tenantIds ?? []).flatMap((id) => {
    const tenant = own(world.cloud.tenants, id);
    return tenant?.cloud === cloud ? [tenant] : [];
  });
}

export type ApplicationChoice = { mode: 'create' } | { mode: 'existing'; appId: string };

/** Step 4: Connect. Creates or checks the app; consent comes next. */
export function connectGateway(
  draft: World,
  input: { tenantId: string; application: ApplicationChoice },
  now: Millis,
): AppRegistration {
  const { upn, cloud } = deviceAccount(draft);
  const user = own(draft.cloud.users, upn);
  if (
    !GUID.test(input.tenantId) ||
    !user?.tenantIds.includes(input.tenantId) ||
    !own(draft.cloud.tenants, input.tenantId)
  ) {
    throw new SimError(
      'bad-request',
      'InvalidTenant',
      `The account ${upn} is not a member of the tenant '${input.tenantId}'. Choose one of the listed tenants.`,
      { target: 'tenantId' },
    );
  }
  const appName = gatewayAppName(draft);
  if (apiFaultActive(draft, 'api-errors', 'api')) {
    throw new SimError(
      'unavailable',
      'AadUnavailable',
      `Couldn't register application '${appName}' in Azure Active Directory. Error: ajax error 500`,
    );
  }
  let app: AppRegistration | undefined;
  let created = false;
  if (input.application.mode === 'existing') {
    const appId = input.application.appId.trim();
    if (!GUID.test(appId)) {
      throw new SimError(
        'bad-request',
        'InvalidApplicationId',
        `'${appId}' is not an application ID: it looks like 00000000-0000-0000-0000-000000000000.`,
        { target: 'appId' },
      );
    }
    app = Object.values(draft.cloud.apps).find(
      (a) => a.appId.toLowerCase() === appId.toLowerCase() && a.tenantId === input.tenantId,
    );
    if (!app)
      throw new SimError(
        'bad-request',
        'ApplicationNotFound',
        `A registered application with the ID '${appId}' was not found.`,
        { target: 'appId' },
      );
    if (!app.replyUrls.includes(gatewayReplyUrl(draft))) {
      throw new SimError(
        'bad-request',
        'ReplyUrlMismatch',
        `AADSTS50011: The reply URL specified in the request does not match the reply URLs configured for the application: '${app.appId}'. Add ${gatewayReplyUrl(draft)} as a redirect URI of the app in the Azure portal, or choose Create new.`,
        { target: 'appId' },
      );
    }
  } else {
    app = Object.values(draft.cloud.apps).find(
      (a) => a.kind === 'gateway' && a.displayName === appName && a.tenantId === input.tenantId,
    );
    if (!app) {
      app = createApp(
        draft,
        { displayName: appName, tenantId: input.tenantId, kind: 'gateway', consent: false },
        now,
      );
      app.replyUrls = [gatewayReplyUrl(draft)];
      app.requiredPermissions = [...GATEWAY_APP_PERMISSIONS];
      created = true;
    }
  }
  draft.gateway.pending = {
    cloud,
    tenantId: input.tenantId,
    appId: app.appId,
    upn,
    createdApp: created,
    startedAt: now,
  };
  return app;
}

export function adminApprovalMessage(appName: string): string {
  return `${appName} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.`;
}

function pendingOrThrow(world: World) {
  const pending = world.gateway.pending;
  if (!pending)
    throw new SimError('precondition', 'NotConnected', 'Connect to Azure Active Directory first (step 4).');
  const app = own(world.cloud.apps, pending.appId);
  if (!app) {
    throw new SimError(
      'conflict',
      'ApplicationDeleted',
      `The application ${pending.appId} was deleted from the tenant. Select Connect again to create a new one.`,
    );
  }
  return { pending, app };
}

/** "Permissions requested" → Accept. Grants consent when the account may; otherwise it needs an admin. */
export function acceptPermissions(draft: World, now: Millis): 'registered' {
  const { pending, app } = pendingOrThrow(draft);
  if (!app.adminConsentGranted) {
    if (!canGrantAdminConsent(draft, pending.upn)) {
      throw new SimError('forbidden', 'AdminConsentRequired', adminApprovalMessage(app.displayName));
    }
    app.adminConsentGranted = true;
  }
  completeGatewayRegistration(draft, now);
  return 'registered';
}

/** After an admin granted consent elsewhere: finish with what was entered before. */
export function checkConsentAndFinish(draft: World, now: Millis): 'registered' {
  const { app } = pendingOrThrow(draft);
  if (!app.adminConsentGranted) {
    throw new SimError(
      'forbidden',
      'AdminConsentRequired',
      `${adminApprovalMessage(app.displayName)} Consent has not been granted yet.`,
    );
  }
  completeGatewayRegistration(draft, now);
  return 'registered';
}

function completeGatewayRegistration(draft: World, now: Millis): void {
  const pending = draft.gateway.pending;
  if (!pending) return;
  draft.gateway.registration = {
    cloud: pending.cloud,
    tenantId: pending.tenantId,
    appId: pending.appId,
    registeredAt: now,
    registeredBy: pending.upn,
  };
  delete draft.gateway.pending;
  delete draft.gateway.deviceCode;
}

/** Grant admin consent, as an administrator does in the cloud view (Entra ID → App registrations → API permissions). */
export function grantAdminConsent(draft: World, appId: string, adminUpn: string): AppRegistration {
  const app = own(draft.cloud.apps, appId);
  if (!app)
    throw new SimError(
      'not-found',
      'ApplicationNotFound',
      `A registered application with the ID '${appId}' was not found.`,
    );
  const admin = own(draft.cloud.users, adminUpn);
  if (!admin?.canGrantAdminConsent || !admin.tenantIds.includes(app.tenantId)) {
    throw new SimError(
      'forbidden',
      'InsufficientPrivileges',
      `${adminUpn} can't grant admin consent: that takes a Global Administrator, Privileged Role Administrator or Cloud Application Administrator of the tenant.`,
    );
  }
  app.adminConsentGranted = true;
  return app;
}

export function deleteApp(draft: World, appId: string): void {
  if (!own(draft.cloud.apps, appId))
    throw new SimError(
      'not-found',
      'ApplicationNotFound',
      `A registered application with the ID '${appId}' was not found.`,
    );
  delete draft.cloud.apps[appId];
}

/** Step 5 and Settings → Account: sign in with an account of the registered tenant. */
export function signIn(draft: World, upn: string | undefined, now: Millis): void {
  const registration = draft.gateway.registration;
  if (!registration) {
    throw new SimError(
      'precondition',
      'GatewayNotRegistered',
      'Register this gateway with Azure before signing in: Settings → Register.',
    );
  }
  const account = upn ?? draft.gateway.account?.upn ?? registration.registeredBy;
  if (account === undefined)
    throw new SimError('bad-request', 'AccountRequired', 'Choose the account to sign in with.', {
      target: 'upn',
    });
  const user = own(draft.cloud.users, account);
  if (!user)
    throw new SimError(
      'bad-request',
      'UserNotFound',
      `We couldn't find an account with the username ${account}.`,
      { target: 'upn' },
    );
  if (!user.tenantIds.includes(registration.tenantId)) {
    throw new SimError(
      'forbidden',
      'UserNotInTenant',
      `The account ${account} is not a member of the tenant this gateway is registered with (${registration.tenantId}).`,
    );
  }
  const app = own(draft.cloud.apps, registration.appId);
  if (!app) {
    throw new SimError(
      'conflict',
      'ApplicationDeleted',
      `The gateway's application ${registration.appId} no longer exists in the tenant. Unregister the gateway, then register it again.`,
    );
  }
  if (!app.adminConsentGranted)
    throw new SimError('forbidden', 'AdminConsentRequired', adminApprovalMessage(app.displayName));
  draft.gateway.account = {
    upn: account,
    tenantId: registration.tenantId,
    signedInAt: now,
    tokenExpiresAt: now + GATEWAY_TOKEN_LIFETIME,
  };
}

export function signOut(draft: World): void {
  if (!draft.gateway.account) throw new SimError('conflict', 'NotSignedIn', 'Nobody is signed in to Azure.');
  delete draft.gateway.account;
}

/** Unregister → Confirm. The Azure app stays in the tenant. */
export function unregisterGateway(draft: World): void {
  if (!draft.gateway.registration && !draft.gateway.pending) {
    throw new SimError('conflict', 'GatewayNotRegistered', 'This gateway is not registered with Azure.');
  }
  delete draft.gateway.registration;
  delete draft.gateway.pending;
  delete draft.gateway.deviceCode;
  delete draft.gateway.account;
}

/** What every Azure action elsewhere needs first, or undefined when it is ready. */
export function azureReadiness(
  world: World,
  now: Millis,
): { code: 'GatewayNotRegistered' | 'NotSignedIn' | 'SessionExpired'; message: string } | undefined {
  if (!world.gateway.registration) {
    return {
      code: 'GatewayNotRegistered',
      message: 'This gateway isn\u2019t yet registered with Azure. Register it, then sign in to continue.',
    };
  }
  const account = world.gateway.account;
  if (!account) return { code: 'NotSignedIn', message: 'Sign in to your Azure account to continue.' };
  if (now >= account.tokenExpiresAt)
    return { code: 'SessionExpired', message: 'Your Azure session has expired. Sign in again to continue.' };
  return undefined;
}
