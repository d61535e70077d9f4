import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from './api-client';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });

/**
 * Follows the jobs a page started until each ends, polling only while they run. When one ends the jobs and
 * notifications are refetched and `onSettled` runs, so the page can refetch what the job changed. Leaving
 * the page stops the polling; the notifications pane keeps following the job.
 */
export function useJobTracker(onSettled: (job: JobDto) => void) {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<JobDto[]>([]);
  const settledRef = useRef(onSettled);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    settledRef.current = onSettled;
  });
  useEffect(() => {
    const own = new AbortController();
    controller.current = own;
    return () => own.abort();
  }, []);

  const track = useCallback(
    (job: JobDto) => {
      const signal = controller.current?.signal;
      if (!signal) return;
      const follow = async () => {
        let current = job;
        while (current.status === 'InProgress' && !signal.aborted) {
          const shown = current;
          setRunning((list) => [...list.filter((j) => j.id !== shown.id), shown]);
          await sleep(timing.pollMs, signal);
          current = await api.get<JobDto>(`/api/jobs/${encodeURIComponent(job.id)}`, { signal });
        }
        if (signal.aborted) return;
        setRunning((list) => list.filter((j) => j.id !== job.id));
        void queryClient.invalidateQueries({
          predicate: (q) => q.queryKey[0] === 'jobs' || q.queryKey[0] === 'notifications',
        });
        settledRef.current(current);
      };
      follow().catch(() => {
        // The job keeps running on the server; the notifications pane still shows how it ends.
        setRunning((list) => list.filter((j) => j.id !== job.id));
      });
    },
    [queryClient],
  );
  return { track, running };
}
