import { useMutation } from '@tanstack/react-query';
import type {
  BenefitsOperationDto,
  DisableBenefitsRequestDto,
  EnableBenefitsRequestDto,
  VmBenefitsRequestDto,
} from '@/api/benefits-contract';
import type { JobDto } from '@/api/contract';
import { REGISTRATION_JOB_CHANGES } from '@/api/queries/cluster-mutations';
import { clusterKeys, serverKeys } from '@/api/queries/cluster-queries';
import { keyRoots } from '@/api/queries/key-roots';
import { api } from '@/lib/api-client';
import { benefitsKeys } from './benefits-queries';

const enc = encodeURIComponent;

/** A Benefits job changes the servers' attestation, the VMs' adapters and the dashboard tile. */
const meta = {
  invalidates: [benefitsKeys.all],
  invalidatesWhenJobEnds: [benefitsKeys.all, clusterKeys.all, serverKeys.all, keyRoots.vms],
} as const;

export const useTurnOnBenefits = (cluster: string) =>
  useMutation({
    mutationFn: (body: EnableBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/enable`, body),
    meta,
  });

export const useTurnOffBenefits = (cluster: string) =>
  useMutation({
    mutationFn: (body: DisableBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/disable`, body),
    meta,
  });

export const useVmBenefits = (cluster: string, action: 'add' | 'remove') =>
  useMutation({
    mutationFn: (body: VmBenefitsRequestDto) =>
      api.post<BenefitsOperationDto>(`/api/clusters/${enc(cluster)}/benefits/vms/${action}`, body),
    meta,
  });

/** Sync-AzureStackHCI: the registration feature's "Sync now", which renews the Benefits certificates too. */
export const useSyncWithAzure = (cluster: string) =>
  useMutation({
    mutationFn: () => api.post<JobDto>(`/api/clusters/${enc(cluster)}/sync`),
    meta: { invalidates: [benefitsKeys.all], invalidatesWhenJobEnds: REGISTRATION_JOB_CHANGES },
  });

/** Turns a VM off (or shuts it down) so a network adapter can be added to or removed from a Generation 1 VM. */
export const usePowerOffVm = () =>
  useMutation({
    mutationFn: ({ vmId, how }: { vmId: string; how: 'turn-off' | 'shutdown' }) =>
      api.post<JobDto>(`/api/vms/${enc(vmId)}/${how}`),
    meta,
  });
