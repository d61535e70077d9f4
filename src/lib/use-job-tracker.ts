import { QueryObserver, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobDto } from '@/api/contract';
import { jobKeys, jobQueries } from '@/api/queries/job-queries';

/**
 * Follows the jobs a page started until each ends, through the shared job query (which polls only while a job
 * runs), and calls `onSettled` once per job, so the page can say how it ended. Refetching what the job changed
 * is not done here: the mutation that started it declares that (`meta.invalidatesWhenJobEnds`). Leaving the
 * page stops following; the notifications pane still shows how the job ends.
 */
export function useJobTracker(onSettled: (job: JobDto) => void) {
  const queryClient = useQueryClient();
  const [ids, setIds] = useState<readonly string[]>([]);
  const settledRef = useRef(onSettled);
  const watches = useRef(new Map<string, () => void>());
  useEffect(() => {
    settledRef.current = onSettled;
  });
  useEffect(() => {
    const open = watches.current;
    return () => {
      for (const stop of open.values()) stop();
      open.clear();
    };
  }, []);

  const track = useCallback(
    (job: JobDto) => {
      if (watches.current.has(job.id)) return;
      // The answer that started the job is its first reading: the page shows it running at once.
      if (!queryClient.getQueryData(jobKeys.detail(job.id)))
        queryClient.setQueryData(jobKeys.detail(job.id), job);
      setIds((list) => [...list, job.id]);
      const observer = new QueryObserver(queryClient, jobQueries.detail(job.id));
      const stop = observer.subscribe((result) => {
        const ended = result.data !== undefined && result.data.status !== 'InProgress';
        if (!ended && !result.isError) return;
        stop();
        watches.current.delete(job.id);
        setIds((list) => list.filter((id) => id !== job.id));
        // A job that can no longer be read keeps running on the server; the notifications pane shows its end.
        if (result.data && ended) settledRef.current(result.data);
      });
      watches.current.set(job.id, stop);
    },
    [queryClient],
  );

  const results = useQueries({ queries: ids.map((id) => jobQueries.detail(id)) });
  const running = results.map((r) => r.data).filter((job): job is JobDto => job?.status === 'InProgress');
  return { track, running };
}
