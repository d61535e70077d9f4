import { useMutation } from '@tanstack/react-query';
import type {
  BenefitsOperationDto,
  DisableBenefitsRequestDto,
  EnableBenefitsRequestDto,
  VmBenefitsRequestDto,
} from '@/api/benefits-contract';
import type { JobDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { benefitsKeys } from './benefits-queries';

const enc = encodeURIComponent;

export const useTurnOnBenefits = (cluster: string) =>
  useMutation({
    mutationFn: (body: EnableBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/enable`, body),
    meta: { invalidates: [benefitsKeys.all] },
  });

export const useTurnOffBenefits = (cluster: string) =>
  useMutation({
    mutationFn: (body: DisableBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/disable`, body),
    meta: { invalidates: [benefitsKeys.all] },
  });

export const useVmBenefits = (cluster: string, action: 'add' | 'remove') =>
  useMutation({
    mutationFn: (body: VmBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/vms/${action}`, body),
    meta: { invalidates: [benefitsKeys.all] },
  });

/** Sync-AzureStackHCI: the registration feature's "Sync now", which renews the Benefits certificates too. */
export const useSyncWithAzure = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/sync`),
    meta: { invalidates: [benefitsKeys.all] },
  });

/** Turns a VM off (or shuts it down) so a network adapter can be added to or removed from a Generation 1 VM. */
export const usePowerOffVm = () =>
  useMutation({
    mutationFn: ({ vmId, how }: { vmId: string; how: 'turn-off' | 'shutdown' }) =>
      api.post<JobDto>(`/api/vms/${enc(vmId)}/${how}`),
    meta: { invalidates: [benefitsKeys.all] },
  });
