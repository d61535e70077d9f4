import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  makeStyles,
  mergeClasses,
  OverlayDrawer,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobDto, NotificationDto } from '@/api/contract';
import { EmptyState } from '@/components/empty-state/empty-state';
import { ErrorState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import type { StatusKind } from '@/components/status-badge/status-kind';
import { formatDateTime } from '@/lib/format';
import {
  useClearAllNotifications,
  useClearNotification,
  useMarkNotificationsRead,
} from '../api/job-mutations';
import { jobQueries, notificationQueries } from '@/api/queries/job-queries';

const useStyles = makeStyles({
  drawer: { width: '400px', maxWidth: '100vw' },
  toolbar: { display: 'flex', justifyContent: 'flex-end', paddingBottom: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
  },
  unread: { borderLeftColor: tokens.colorBrandStroke1 },
  entryHeader: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  entryTitle: {
    margin: 0,
    flexGrow: 1,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface JobTargetLink {
  toolTitle: string;
  connectionName: string;
  to: string;
}

export interface NotificationsPaneProps {
  open: boolean;
  onClose: () => void;
  /** Where "Go to {tool} on {connection}." leads for a job's target; null when the target has no tool. */
  linkForTarget: (target: JobDto['target']) => JobTargetLink | null;
}

const jobStateWords: Record<JobDto['status'], string> = {
  InProgress: 'in progress',
  Succeeded: 'succeeded',
  Failed: 'failed',
};
const jobStateKinds: Record<JobDto['status'], StatusKind> = {
  InProgress: 'progress',
  Succeeded: 'success',
  Failed: 'error',
};
const levelKinds: Record<NotificationDto['level'], StatusKind> = {
  Informational: 'info',
  Success: 'success',
  Warning: 'warning',
  Error: 'error',
};

function JobProgress({
  job,
  linkForTarget,
}: {
  job: JobDto;
  linkForTarget: NotificationsPaneProps['linkForTarget'];
}) {
  const styles = useStyles();
  const link = linkForTarget(job.target);
  const percent = Math.max(0, Math.min(100, Math.round(job.percent)));
  return (
    <>
      <StatusBadge status={`${job.title} ${jobStateWords[job.status]}`} kind={jobStateKinds[job.status]} />
      {job.status === 'InProgress' && (
        <Field validationMessage={`The task is ${percent}% complete`} validationState="none">
          <ProgressBar
            value={percent / 100}
            thickness="large"
            aria-label={`${job.title}: ${percent}% complete`}
          />
        </Field>
      )}
      {job.status === 'InProgress' && job.currentStep && <p className={styles.text}>{job.currentStep}</p>}
      {job.status !== 'InProgress' && (job.message ?? job.result) && (
        <p className={styles.text}>{job.message ?? job.result}</p>
      )}
      {link && (
        <RouterLink to={link.to}>
          Go to {link.toolTitle} on {link.connectionName}.
        </RouterLink>
      )}
    </>
  );
}

/** The bell's pane: running jobs with live progress, then notifications newest first. */
export function NotificationsPane({ open, onClose, linkForTarget }: NotificationsPaneProps) {
  const styles = useStyles();
  const jobs = useQuery(jobQueries.list());
  const notifications = useQuery(notificationQueries.list());
  const markRead = useMarkNotificationsRead();
  const clearOne = useClearNotification();
  const clearAll = useClearAllNotifications();

  const unread = notifications.data?.filter((n) => !n.read).length ?? 0;
  const { mutate: markAllRead, isPending: markingRead } = markRead;
  useEffect(() => {
    // Opening the pane is reading it, as in WAC: the badge count drops to zero.
    if (open && unread > 0 && !markingRead) markAllRead();
  }, [open, unread, markingRead, markAllRead]);

  const jobsById = new Map((jobs.data ?? []).map((job) => [job.id, job]));
  const notified = new Set(
    (notifications.data ?? []).map((n) => n.jobId).filter((id): id is string => id !== null),
  );
  // Jobs that have not produced a notification yet still belong in the pane while they run.
  const unannouncedJobs = (jobs.data ?? []).filter(
    (job) => !notified.has(job.id) && job.status === 'InProgress',
  );
  const entries = [...(notifications.data ?? [])].sort((a, b) => b.time.localeCompare(a.time));
  const mutationError = clearOne.error ?? clearAll.error;
  const shownJobs = new Set<string>();

  return (
    <OverlayDrawer
      open={open}
      position="end"
      className={styles.drawer}
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Notifications
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.toolbar}>
          <Button disabled={entries.length === 0 || clearAll.isPending} onClick={() => clearAll.mutate()}>
            Clear All
          </Button>
        </div>
        {mutationError && <ErrorState error={mutationError} title="Couldn't clear notifications" />}
        {notifications.isError && (
          <ErrorState
            error={notifications.error}
            title="Couldn't load notifications"
            onRetry={() => void notifications.refetch()}
          />
        )}
        {jobs.isError && (
          <ErrorState
            error={jobs.error}
            title="Couldn't load running jobs"
            onRetry={() => void jobs.refetch()}
          />
        )}
        {notifications.isSuccess && entries.length === 0 && unannouncedJobs.length === 0 && (
          <EmptyState title="No notifications">Long-running tasks and their results appear here.</EmptyState>
        )}
        <ul className={styles.list} aria-label="Notifications">
          {unannouncedJobs.map((job) => (
            <li key={`job-${job.id}`} className={styles.entry}>
              <JobProgress job={job} linkForTarget={linkForTarget} />
              <p className={styles.meta}>{formatDateTime(job.startedAt)}</p>
            </li>
          ))}
          {entries.map((notification) => {
            // A job announces its start and its end; its live progress belongs on the newest of those only.
            const job =
              notification.jobId && !shownJobs.has(notification.jobId)
                ? jobsById.get(notification.jobId)
                : undefined;
            if (job) shownJobs.add(job.id);
            return (
              <li
                key={notification.id}
                className={mergeClasses(styles.entry, !notification.read && styles.unread)}
              >
                <div className={styles.entryHeader}>
                  <h3 className={styles.entryTitle}>
                    <StatusBadge status={notification.title} kind={levelKinds[notification.level]} />
                  </h3>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`Clear ${notification.title}`}
                    disabled={clearOne.isPending && clearOne.variables === notification.id}
                    onClick={() => clearOne.mutate(notification.id)}
                  >
                    Clear
                  </Button>
                </div>
                {notification.message && <p className={styles.text}>{notification.message}</p>}
                {job && <JobProgress job={job} linkForTarget={linkForTarget} />}
                <p className={styles.meta}>{formatDateTime(notification.time)}</p>
              </li>
            );
          })}
        </ul>
      </DrawerBody>
    </OverlayDrawer>
  );
}
