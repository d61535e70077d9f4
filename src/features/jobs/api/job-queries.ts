import { queryOptions } from '@tanstack/react-query';
import type { JobDto, NotificationDto } from '@/api/contract';
import { timing } from '@/config/timing';
import { api } from '@/lib/api-client';

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

export const jobQueries = {
  list: () =>
    queryOptions({
      queryKey: jobKeys.list(),
      queryFn: ({ signal }) => api.get<JobDto[]>('/api/jobs', { signal }),
      // Live progress while anything runs; otherwise a slow poll notices jobs started elsewhere.
      refetchInterval: (query) =>
        query.state.data?.some((job) => job.status === 'InProgress') ? timing.pollMs : timing.idlePollMs,
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
