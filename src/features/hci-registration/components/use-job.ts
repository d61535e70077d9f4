import { useQuery } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { jobQueries } from '@/api/queries/job-queries';

/**
 * Follows one job by id; its query polls while it runs. What the job changed is refetched when it ends by
 * the mutation that started it (or, for a job found after a reload, by the world-change notification).
 */
export function useJob(jobId: string | undefined) {
  return useQuery({ ...jobQueries.detail(jobId ?? ''), enabled: jobId !== undefined && jobId !== '' });
}

/** The newest job of `kind` on this cluster that is still running: how a reload finds its way back. */
export function runningJob(
  jobs: readonly JobDto[] | undefined,
  cluster: string,
  kinds: readonly string[],
): JobDto | undefined {
  return jobs?.find((j) => j.status === 'InProgress' && j.target.name === cluster && kinds.includes(j.kind));
}
