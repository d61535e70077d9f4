import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';

const useStyles = makeStyles({
  loading: { display: 'flex', justifyContent: 'flex-start', paddingBlock: tokens.spacingVerticalXL },
  error: { marginBlock: tokens.spacingVerticalM },
});

/**
 * A page shows its page-level error only when it has nothing to show: a query whose refetch failed (a world
 * change or a mutation's invalidation while the API fails) still holds the data it had, and the page keeps it.
 */
export function isLoadFailure(query: { isError: boolean; data: unknown }): boolean {
  return query.isError && query.data === undefined;
}

/** @default label 'Loading...' */
export function LoadingState({ label = 'Loading...' }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.loading} role="status">
      <Spinner size="small" label={label} labelPosition="after" />
    </div>
  );
}

export interface ErrorStateProps {
  error: unknown;
  /** @default "Couldn't load this page" */
  title?: string;
  onRetry?: () => void;
  /** Another way forward besides Retry, e.g. a link back to All connections. */
  action?: ReactNode;
}

/** Shows the server's own error message and a way forward; never a blank area. */
export function ErrorState({ error, title = "Couldn't load this page", onRetry, action }: ErrorStateProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" className={styles.error}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      {(onRetry || action) && (
        <MessageBarActions>
          {onRetry && (
            <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
              Retry
            </Button>
          )}
          {action}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
