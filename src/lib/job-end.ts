import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { JobDto } from '@/api/contract';
import { jobKeys, jobQueries, notificationKeys } from '@/api/queries/job-queries';

/** The job a mutation's answer started: a JobDto, or an operation that carries one as `job`. */
export function startedJob(data: unknown): JobDto | undefined {
  const candidate = typeof data === 'object' && data !== null && 'job' in data ? data.job : data;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { id, status } = candidate as Partial<JobDto>;
  return typeof id === 'string' && typeof status === 'string' ? (candidate as JobDto) : undefined;
}

/**
 * Watches a job through its query (which polls while it runs) and, when it ends, invalidates `keys` with the
 * jobs and notifications. Lives on the QueryClient, not in a component, so leaving the page doesn't lose the
 * refresh; the same code runs in the browser and in jsdom tests.
 */
export function invalidateWhenJobEnds(
  queryClient: QueryClient,
  job: JobDto,
  keys: readonly QueryKey[],
): void {
  const invalidate = () =>
    Promise.all(
      [...keys, jobKeys.all, notificationKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  if (job.status !== 'InProgress') {
    void invalidate();
    return;
  }
  // The job is news already: the notifications pane lists it while it runs.
  void queryClient.invalidateQueries({ queryKey: jobKeys.list() });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  queryClient.setQueryData(jobKeys.detail(job.id), job);
  const observer = new QueryObserver(queryClient, jobQueries.detail(job.id));
  const unsubscribe = observer.subscribe((result) => {
    // A job that can no longer be read (a reset world) ends the watch too: refetching is then still right.
    const ended = result.isError || (result.data !== undefined && result.data.status !== 'InProgress');
    if (!ended) return;
    unsubscribe();
    void invalidate();
  });
}
