import { useMutation } from '@tanstack/react-query';
import type { RunOnboardingRequest, RunOnboardingResultDto } from '@/api/arc-contract';
import type { AppRegistrationDto } from '@/api/contract';
import { armKeys, HCI_API_VERSION, HYBRID_COMPUTE_API_VERSION, resourceUrl } from '@/api/queries/arm-queries';
import { arcKeys } from '@/api/queries/arc-queries';
import { clusterKeys, serverKeys } from '@/api/queries/cluster-queries';
import { connectionKeys } from '@/api/queries/connection-queries';
import { directoryKeys, gatewayKeys } from '@/api/queries/gateway-queries';
import { api } from '@/lib/api-client';

export const useDeleteClusterResource = () =>
  useMutation({
    mutationFn: (id: string) => api.delete(resourceUrl(id, HCI_API_VERSION)),
    meta: { invalidates: [armKeys.all, clusterKeys.all, arcKeys.all] },
  });

export const useGrantConsent = () =>
  useMutation({
    mutationFn: ({ appId, upn }: { appId: string; upn: string }) =>
      api.post<AppRegistrationDto>(`/api/cloud/apps/${encodeURIComponent(appId)}/grant-consent`, { upn }),
    meta: { invalidates: [directoryKeys.apps(), gatewayKeys.all] },
  });

export const useDeleteApp = () =>
  useMutation({
    mutationFn: (appId: string) => api.delete(`/api/cloud/apps/${encodeURIComponent(appId)}`),
    meta: { invalidates: [directoryKeys.apps()] },
  });

export const useRunOnboarding = () =>
  useMutation({
    mutationFn: (request: RunOnboardingRequest) =>
      api.post<RunOnboardingResultDto>('/api/cloud/onboarding/run', request),
    meta: { invalidates: [armKeys.all, connectionKeys.all] },
  });

/** Machines_Delete, one or more: synchronous, 200 or 204. */
export const useDeleteMachines = () =>
  useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) await api.delete(resourceUrl(id, HYBRID_COMPUTE_API_VERSION));
    },
    meta: { invalidates: [armKeys.all, arcKeys.all, serverKeys.all] },
  });
