/**
 * Mutations of the gateway's Azure registration and sign-in, shared by the AzureGate (used by every Azure page)
 * and the gateway settings pages. Their queries are in the data layer (`@/api/queries/gateway-queries`).
 */
import { useMutation } from '@tanstack/react-query';
import type {
  DeviceCodeRequest,
  DeviceLoginRequest,
  GatewayConnectRequest,
  GatewayDto,
  GatewayRegistrationFlowDto,
  SignInRequest,
} from '@/api/contract';
import { directoryKeys, gatewayKeys } from '@/api/queries/gateway-queries';
import { keysReading } from '@/api/queries/world-keys';
import { api } from '@/lib/api-client';

/** Steps before registration change the gateway and the tenant's app registrations (the cloud view lists them). */
const invalidatesGateway = { invalidates: [gatewayKeys.all, directoryKeys.apps()] } as const;
/** Registering, signing in or out changes what every Azure page may do: everything that reads the gateway's
 * account or Azure is refetched. */
const invalidatesAzure = { invalidates: keysReading(['gateway', 'cloud']) } as const;

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
    meta: invalidatesAzure,
  });
}

export function useCheckConsent() {
  return useMutation({
    mutationFn: () => api.post<GatewayRegistrationFlowDto>('/api/gateway/check-consent'),
    meta: invalidatesAzure,
  });
}

export function useSignIn() {
  return useMutation({
    mutationFn: (body: SignInRequest) => api.post<GatewayDto>('/api/gateway/sign-in', body),
    meta: invalidatesAzure,
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<GatewayDto>('/api/gateway/sign-out'),
    meta: invalidatesAzure,
  });
}

export function useUnregisterGateway() {
  return useMutation({
    mutationFn: () => api.post<GatewayRegistrationFlowDto>('/api/gateway/unregister'),
    meta: invalidatesAzure,
  });
}
