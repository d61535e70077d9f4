import { createContext, useContext } from 'react';
import type { ClusterBenefitsDto } from '@/api/benefits-contract';
import type { ApiError } from '@/lib/api-client';

/** What the page shows the outcome of: a job it started, or a refusal the server answered with. */
export type TrackedOperation = { title: string; jobId: string } | { title: string; error: ApiError };

export type BenefitsTab = 'cluster' | 'vms';

export interface BenefitsPageContextValue {
  data: ClusterBenefitsDto;
  showTab: (tab: BenefitsTab) => void;
  /** Shows the outcome of an operation started from the page (a job to follow, or a refusal). */
  track: (operation: TrackedOperation) => void;
}

const BenefitsPageContext = createContext<BenefitsPageContextValue | null>(null);

export const BenefitsPageProvider = BenefitsPageContext.Provider;

export function useBenefitsPage(): BenefitsPageContextValue {
  const value = useContext(BenefitsPageContext);
  if (!value) throw new Error('useBenefitsPage is used outside the Azure benefits page.');
  return value;
}

/** A benefits job (or a sync) is running: WAC lets one run at a time per cluster. */
export function benefitsJobRunning(data: ClusterBenefitsDto): boolean {
  return data.activeJobs.some((j) => j.kind.startsWith('benefits/'));
}
