/**
 * The gateway's Azure registration, its signed-in account and the tenant directory it works in. Every gateway
 * key sits under `gatewayKeys.all`, so one invalidation refreshes the registration flow, the readiness check
 * and GET /api/gateway together.
 */
import { queryOptions } from '@tanstack/react-query';
import type {
  AppRegistrationDto,
  AzureReadinessDto,
  AzureUserDto,
  DeviceLoginAccountDto,
  GatewayDto,
  GatewayRegistrationFlowDto,
} from '@/api/contract';
import type { DeviceLoginAppDto } from '@/api/powershell-contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const gatewayKeys = {
  all: keyRoots.gateway,
  detail: () => [...gatewayKeys.all, 'detail'] as const,
  registration: () => [...gatewayKeys.all, 'registration'] as const,
  readiness: () => [...gatewayKeys.all, 'azure-readiness'] as const,
};

/** The simulated tenant's Azure AD: its users and app registrations. */
export const directoryKeys = {
  all: keyRoots.directory,
  users: () => [...directoryKeys.all, 'users'] as const,
  apps: () => [...directoryKeys.all, 'apps'] as const,
};

export const deviceLoginKeys = {
  all: keyRoots.deviceLogin,
  accounts: (code: string) => [...deviceLoginKeys.all, 'accounts', code] as const,
  app: (code: string) => [...deviceLoginKeys.all, 'app', code] as const,
};

/** True while the pane waits for the code to be used on the sign-in page (it polls to notice). */
export function awaitingRedemption(flow: GatewayRegistrationFlowDto | undefined): boolean {
  if (!flow?.deviceCode || flow.registered) return false;
  return flow.deviceCode.redeemedBy === null && !flow.deviceCode.expired;
}

export const gatewayQueries = {
  /** The gateway and its signed-in account. */
  detail: () =>
    queryOptions({
      queryKey: gatewayKeys.detail(),
      queryFn: ({ signal }) => api.get<GatewayDto>('/api/gateway', { signal }),
    }),
  registration: () =>
    queryOptions({
      queryKey: gatewayKeys.registration(),
      queryFn: ({ signal }) => api.get<GatewayRegistrationFlowDto>('/api/gateway/registration', { signal }),
      refetchInterval: (query) => (awaitingRedemption(query.state.data) ? timing.pollMs : false),
    }),
  readiness: () =>
    queryOptions({
      queryKey: gatewayKeys.readiness(),
      queryFn: ({ signal }) => api.get<AzureReadinessDto>('/api/gateway/azure-readiness', { signal }),
      // The token runs out with simulated time; a page left open notices.
      refetchInterval: () => timing.backgroundRefreshMs,
    }),
};

export const directoryQueries = {
  users: () =>
    queryOptions({
      queryKey: directoryKeys.users(),
      queryFn: ({ signal }) => api.get<AzureUserDto[]>('/api/cloud/users', { signal }),
    }),
  apps: () =>
    queryOptions({
      queryKey: directoryKeys.apps(),
      queryFn: ({ signal }) => api.get<AppRegistrationDto[]>('/api/cloud/apps', { signal }),
    }),
};

export const deviceLoginQueries = {
  accounts: (code: string) =>
    queryOptions({
      queryKey: deviceLoginKeys.accounts(code),
      queryFn: ({ signal }) =>
        api.get<DeviceLoginAccountDto[]>(`/api/device-login/accounts?code=${encodeURIComponent(code)}`, {
          signal,
        }),
      staleTime: 0,
    }),
  /** The app a code signs in to: Windows Admin Center for the gateway's, a console's client for its own. */
  app: (code: string) =>
    queryOptions({
      queryKey: deviceLoginKeys.app(code),
      queryFn: ({ signal }) =>
        api.get<DeviceLoginAppDto>(`/api/device-login/app?code=${encodeURIComponent(code)}`, { signal }),
      staleTime: 0,
    }),
};
