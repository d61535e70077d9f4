import { queryOptions } from '@tanstack/react-query';
import type { JobDto, NotificationDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

export const jobKeys = {
  all: keyRoots.jobs,
  list: () => [...jobKeys.all, 'list'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
};

export const notificationKeys = {
  all: keyRoots.notifications,
  list: () => [...notificationKeys.all, 'list'] as const,
};

export const jobQueries = {
  /** Every job: the notifications pane, and how a page finds a job that was running before a reload. */
  list: () =>
    queryOptions({
      queryKey: jobKeys.list(),
      queryFn: ({ signal }) => api.get<JobDto[]>('/api/jobs', { signal }),
      // Live progress while anything runs; otherwise a slow poll notices jobs started elsewhere.
      refetchInterval: (query) =>
        query.state.data?.some((job) => job.status === 'InProgress') ? timing.pollMs : timing.idlePollMs,
    }),
  /** One job, polled while it runs. */
  detail: (id: string) =>
    queryOptions({
      queryKey: jobKeys.detail(id),
      queryFn: ({ signal }) => api.get<JobDto>(`/api/jobs/${encodeURIComponent(id)}`, { signal }),
      refetchInterval: (query) => (query.state.data?.status === 'InProgress' ? timing.pollMs : false),
    }),
};

export const notificationQueries = {
  list: () =>
    queryOptions({
      queryKey: notificationKeys.list(),
      queryFn: ({ signal }) => api.get<NotificationDto[]>('/api/notifications', { signal }),
      refetchInterval: () => timing.idlePollMs,
    }),
};
