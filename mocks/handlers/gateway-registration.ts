/**
 * `/api/gateway/...` for the gateway's Azure registration and sign-in, `/api/device-login` for the
 * simulated Microsoft sign-in page, and `/api/cloud/...` for the Entra side the cloud view shows.
 */
import { http, HttpResponse } from 'msw';
import type { AppRegistrationDto, DeviceLoginAccountDto } from '../../src/api/contract';
import type { DeviceLoginAppDto } from '../../src/api/powershell-contract';
import type { SimRuntime } from '../runtime';
import {
  acceptPermissions,
  azureReadinessView,
  checkConsentAndFinish,
  connectGateway,
  deleteApp,
  deviceLoginAccounts,
  deviceLoginAppName,
  appRegistrationsByName,
  directoryUsers,
  gatewayDto,
  gatewayRegistrationFlow,
  grantAdminConsent,
  issueDeviceCode,
  redeemDeviceLogin,
  signIn,
  signOut,
  unregisterGateway,
} from '../sim';
import type { AppRegistration, Op } from '../sim';
import {
  connectGatewaySchema,
  deviceCodeSchema,
  deviceLoginSchema,
  grantConsentSchema,
  signInSchema,
} from '../../src/api/request-schemas';
import { fromSimError, parseBody, simRoute, simRouteOwningFaults } from './http';

export function appDto(app: AppRegistration): AppRegistrationDto {
  return {
    appId: app.appId,
    objectId: app.objectId,
    displayName: app.displayName,
    tenantId: app.tenantId,
    kind: app.kind,
    clusterName: app.clusterName ?? null,
    replyUrls: [...app.replyUrls],
    permissions: [...app.requiredPermissions],
    adminConsentGranted: app.adminConsentGranted,
    createdAt: new Date(app.createdAt).toISOString(),
  };
}

export function gatewayRegistrationHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  /** Runs an operation and answers with the flow's state, or the refusal. */
  const step = <T>(op: Op<T>, status = 200) => {
    const outcome = sim.run(op);
    if (!outcome.ok) return fromSimError(outcome.error);
    return HttpResponse.json(sim.read(gatewayRegistrationFlow), { status });
  };

  return [
    http.get(
      '*/api/gateway/registration',
      handle(() => HttpResponse.json(sim.read(gatewayRegistrationFlow))),
    ),

    http.get(
      '*/api/gateway/azure-readiness',
      handle(() => HttpResponse.json(sim.read(azureReadinessView))),
    ),

    http.post(
      '*/api/gateway/device-code',
      handle(async (request) => {
        const { cloud } = await parseBody(request, deviceCodeSchema);
        return step((draft, now) => issueDeviceCode(draft, cloud, now), 201);
      }),
    ),

    // The sign-in page, for the gateway's codes and the consoles' alike (mocks/sim/device-login.ts).
    http.get(
      '*/api/device-login/app',
      handle((request) => {
        const code = new URL(request.url).searchParams.get('code') ?? '';
        const body: DeviceLoginAppDto = { appName: sim.read((w) => deviceLoginAppName(w, code)) };
        return HttpResponse.json(body);
      }),
    ),

    http.get(
      '*/api/device-login/accounts',
      handle((request) => {
        const code = new URL(request.url).searchParams.get('code') ?? '';
        const accounts: DeviceLoginAccountDto[] = sim.read((w, now) => deviceLoginAccounts(w, code, now));
        return HttpResponse.json(accounts);
      }),
    ),

    http.post(
      '*/api/device-login',
      handle(async (request) => {
        const input = await parseBody(request, deviceLoginSchema);
        const outcome = sim.run((draft, now) => redeemDeviceLogin(draft, input.code, input.upn, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json({ message: outcome.value });
      }),
    ),

    http.post(
      '*/api/gateway/connect',
      simRouteOwningFaults(async (request) => {
        const input = await parseBody(request, connectGatewaySchema);
        return step((draft, now) =>
          connectGateway(draft, { tenantId: input.tenantId ?? '', application: input.application }, now),
        );
      }),
    ),

    http.post(
      '*/api/gateway/accept-permissions',
      handle(() => step((draft, now) => acceptPermissions(draft, now))),
    ),
    http.post(
      '*/api/gateway/check-consent',
      handle(() => step((draft, now) => checkConsentAndFinish(draft, now))),
    ),

    http.post(
      '*/api/gateway/sign-in',
      handle(async (request) => {
        const input = await parseBody(request, signInSchema);
        const upn = input.upn === '' ? undefined : input.upn;
        const outcome = sim.run((draft, now) => signIn(draft, upn, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(sim.read(gatewayDto));
      }),
    ),

    http.post(
      '*/api/gateway/sign-out',
      handle(() => {
        const outcome = sim.run((draft) => signOut(draft));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(sim.read(gatewayDto));
      }),
    ),

    http.post(
      '*/api/gateway/unregister',
      handle(() => step((draft) => unregisterGateway(draft))),
    ),

    http.get(
      '*/api/cloud/apps',
      handle(() => HttpResponse.json(sim.read((w) => appRegistrationsByName(w).map(appDto)))),
    ),

    http.post(
      '*/api/cloud/apps/:appId/grant-consent',
      handle(async (request, params) => {
        const admin = (await parseBody(request, grantConsentSchema)).upn ?? '';
        const outcome = sim.run((draft) => appDto(grantAdminConsent(draft, params.appId ?? '', admin)));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value);
      }),
    ),

    http.delete(
      '*/api/cloud/apps/:appId',
      handle((_request, params) => {
        const outcome = sim.run((draft) => deleteApp(draft, params.appId ?? ''));
        if (!outcome.ok) return fromSimError(outcome.error);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      '*/api/cloud/users',
      handle(() => HttpResponse.json(sim.read(directoryUsers))),
    ),
  ];
}
