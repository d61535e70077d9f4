import { useQuery } from '@tanstack/react-query';
import { notificationQueries } from '@/api/queries/job-queries';

/** The bell's counter; apart from the notifications pane so the app bar does not load the pane's code. */
export function useUnreadNotificationCount(): number {
  const notifications = useQuery(notificationQueries.list());
  return notifications.data?.filter((n) => !n.read).length ?? 0;
}
