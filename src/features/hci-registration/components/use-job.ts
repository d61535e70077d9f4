import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { JobDto } from '@/api/contract';
import { registrationKeys, registrationQueries } from '../api/registration-queries';

/**
 * Follows one job by id. When it ends, everything it changed is refetched: the cluster's registration,
 * its log files, the jobs and notifications, and ARM (resource groups created or deleted).
 */
export function useJob(jobId: string | undefined, cluster: string) {
  const queryClient = useQueryClient();
  const job = useQuery({
    ...registrationQueries.job(jobId ?? ''),
    enabled: jobId !== undefined && jobId !== '',
  });
  const status = job.data?.status;
  const id = job.data?.id;
  // Last status seen per job, so a moment without a job id (URL catching up) doesn't hide the job's end.
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    if (id === undefined || status === undefined) return;
    const previous = seen.current.get(id);
    seen.current.set(id, status);
    if (previous === 'InProgress' && status !== 'InProgress') {
      for (const queryKey of [
        registrationKeys.cluster(cluster),
        registrationKeys.logs(cluster),
        ['jobs'],
        ['notifications'],
        ['arm'],
        ['cloud'],
        ['servers'],
      ]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    }
  }, [id, status, cluster, queryClient]);
  return job;
}

/** The newest job of `kind` on this cluster that is still running: how a reload finds its way back. */
export function runningJob(
  jobs: readonly JobDto[] | undefined,
  cluster: string,
  kinds: readonly string[],
): JobDto | undefined {
  return jobs?.find((j) => j.status === 'InProgress' && j.target.name === cluster && kinds.includes(j.kind));
}
