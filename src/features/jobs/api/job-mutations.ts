import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { notificationKeys } from '@/api/queries/job-queries';

export const useMarkNotificationsRead = () =>
  useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    meta: { invalidates: [notificationKeys.all] },
  });

export const useClearNotification = () =>
  useMutation({
    mutationFn: (id: string) => api.delete(`/api/notifications/${encodeURIComponent(id)}`),
    meta: { invalidates: [notificationKeys.all] },
  });

export const useClearAllNotifications = () =>
  useMutation({
    mutationFn: () => api.delete('/api/notifications'),
    meta: { invalidates: [notificationKeys.all] },
  });
