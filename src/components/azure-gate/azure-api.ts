/**
 * Queries and mutations of the gateway's Azure registration and sign-in, shared by the AzureGate (used by
 * every Azure page) and the gateway settings pages. Keys sit under ['gateway'] so one invalidation of
 * ['gateway'] refreshes the registration flow, the readiness check and GET /api/gateway together.
 */
import { queryOptions, useMutation } from '@tanstack/react-query';
import type {
  AzureReadinessDto,
  AzureUserDto,
  DeviceCodeRequest,
  DeviceLoginAccountDto,
  DeviceLoginRequest,
  GatewayConnectRequest,
  GatewayDto,
  GatewayRegistrationFlowDto,
  SignInRequest,
} from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

export const azureGatewayKeys = {
  all: ['gateway'] as const,
  detail: () => [...azureGatewayKeys.all, 'detail'] as const,
  registration: () => [...azureGatewayKeys.all, 'registration'] as const,
  readiness: () => [...azureGatewayKeys.all, 'azure-readiness'] as const,
  cloudUsers: () => ['cloud', 'users'] as const,
  cloudApps: () => ['cloud', 'apps'] as const,
  deviceLoginAccounts: (code: string) => ['device-login', 'accounts', code] as const,
};

/** Steps before registration change the gateway and the tenant's app registrations (the cloud view lists them). */
const invalidatesGateway = { invalidates: [azureGatewayKeys.all, azureGatewayKeys.cloudApps()] } as const;
/** Registering, signing in or out changes what every Azure page may do: refetch everything on screen. */
const invalidatesEverything = { invalidates: [[]] } as const;

/** True while the pane waits for the code to be used on the sign-in page (it polls to notice). */
export function awaitingRedemption(flow: GatewayRegistrationFlowDto | undefined): boolean {
  if (!flow?.deviceCode || flow.registered) return false;
  return flow.deviceCode.redeemedBy === null && !flow.deviceCode.expired;
}

export const azureGatewayQueries = {
  gateway: () =>
    queryOptions({
      queryKey: azureGatewayKeys.detail(),
      queryFn: ({ signal }) => api.get<GatewayDto>('/api/gateway', { signal }),
    }),
  registration: () =>
    queryOptions({
      queryKey: azureGatewayKeys.registration(),
      queryFn: ({ signal }) => api.get<GatewayRegistrationFlowDto>('/api/gateway/registration', { signal }),
      refetchInterval: (query) => (awaitingRedemption(query.state.data) ? timing.pollMs : false),
    }),
  readiness: () =>
    queryOptions({
      queryKey: azureGatewayKeys.readiness(),
      queryFn: ({ signal }) => api.get<AzureReadinessDto>('/api/gateway/azure-readiness', { signal }),
      // The token runs out with simulated time; a page left open notices.
      refetchInterval: timing.backgroundRefreshMs,
    }),
  cloudUsers: () =>
    queryOptions({
      queryKey: azureGatewayKeys.cloudUsers(),
      queryFn: ({ signal }) => api.get<AzureUserDto[]>('/api/cloud/users', { signal }),
    }),
  deviceLoginAccounts: (code: string) =>
    queryOptions({
      queryKey: azureGatewayKeys.deviceLoginAccounts(code),
      queryFn: ({ signal }) =>
        api.get<DeviceLoginAccountDto[]>(`/api/device-login/accounts?code=${encodeURIComponent(code)}`, {
          signal,
        }),
      staleTime: 0,
    }),
};

export function useIssueDeviceCode() {
  return useMutation({
    mutationFn: (body: DeviceCodeRequest) =>
      api.post<GatewayRegistrationFlowDto>('/api/gateway/device-code', body),
    meta: invalidatesGateway,
  });
}

export function useRedeemDeviceCode() {
  return useMutation({
    mutationFn: (body: DeviceLoginRequest) => api.post<{ message: string }>('/api/device-login', body),
    meta: invalidatesGateway,
  });
}

export function useConnectGateway() {
  return useMutation({
    mutationFn: (body: GatewayConnectRequest) =>
      api.post<GatewayRegistrationFlowDto>('/api/gateway/connect', body),
    meta: invalidatesGateway,
  });
}

export function useAcceptPermissions() {
  return useMutation({
    mutationFn: () => api.post<GatewayRegistrationFlowDto>('/api/gateway/accept-permissions'),
    meta: invalidatesEverything,
  });
}

export function useCheckConsent() {
  return useMutation({
    mutationFn: () => api.post<GatewayRegistrationFlowDto>('/api/gateway/check-consent'),
    meta: invalidatesEverything,
  });
}

export function useSignIn() {
  return useMutation({
    mutationFn: (body: SignInRequest) => api.post<GatewayDto>('/api/gateway/sign-in', body),
    meta: invalidatesEverything,
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<GatewayDto>('/api/gateway/sign-out'),
    meta: invalidatesEverything,
  });
}

export function useUnregisterGateway() {
  return useMutation({
    mutationFn: () => api.post<GatewayRegistrationFlowDto>('/api/gateway/unregister'),
    meta: invalidatesEverything,
  });
}
