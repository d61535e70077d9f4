import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { jobQueries } from '@/api/queries/job-queries';
import { runningJob, useJob } from './use-job';

/**
 * The registration job the pane shows: the one in the URL (`job=`), else one still running on the cluster
 * (how a reload finds its way back), kept while the URL catches up with a job that just ended.
 */
export function useWizardJob(cluster: string, enabled: boolean) {
  const [params, setParams] = useSearchParams();
  const jobs = useQuery({ ...jobQueries.list(), enabled });
  const urlJobId = params.get('job') ?? '';
  const resumed = runningJob(jobs.data, cluster, ['cluster/register']);
  const candidateJobId = urlJobId !== '' ? urlJobId : resumed?.id;
  const [stickyJobId, setStickyJobId] = useState<string | undefined>(undefined);
  if (candidateJobId !== undefined && candidateJobId !== stickyJobId) setStickyJobId(candidateJobId);
  const jobId = candidateJobId ?? stickyJobId;
  const job = useJob(jobId);

  const showInUrl = (id: string | undefined) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('job', id);
        else next.delete('job');
        return next;
      },
      { replace: true },
    );
  };

  return {
    jobId,
    job,
    follow: showInUrl,
    forget: () => {
      showInUrl(undefined);
      setStickyJobId(undefined);
    },
  };
}
