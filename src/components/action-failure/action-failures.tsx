import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '@/lib/api-client';
import type { ActionFailure } from './use-action-failures';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** ARM's 500 message carries its ids in the text: "… tracking id '…', request correlation id '…'." */
function diagnostics(error: unknown): { summary: string; fields: [string, string][] } {
  const message = errorMessage(error);
  const [summary = message] = message.split(' Diagnostic information:');
  const fields: [string, string][] = [];
  if (error instanceof ApiError) fields.push(['Error code', `${error.code} (HTTP ${error.status})`]);
  const tracking = /tracking id '([^']+)'/.exec(message)?.[1];
  const correlation = /request correlation id '([^']+)'/.exec(message)?.[1];
  const timestamp = /timestamp '([^']+)'/.exec(message)?.[1];
  if (tracking) fields.push(['Tracking ID', tracking]);
  if (correlation) fields.push(['Correlation ID', correlation]);
  if (timestamp) fields.push(['Timestamp', timestamp]);
  return { summary, fields };
}

function FailureBar({
  failure,
  onDismiss,
  action,
}: {
  failure: ActionFailure;
  onDismiss: () => void;
  action?: ReactNode;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { summary, fields } = diagnostics(failure.error);
  return (
    <MessageBar intent="error" layout="multiline" aria-label={failure.title}>
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {summary}{' '}
        {fields.length > 0 && (
          <Link as="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide details' : 'Details'}
          </Link>
        )}
        {open && (
          <dl className={styles.details}>
            {fields.map(([term, value]) => (
              <div key={term} className={styles.pair}>
                <dt className={styles.term}>{term}</dt>
                <dd className={styles.value}>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss alert"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      >
        {failure.retry && (
          <Button
            icon={<ArrowClockwiseRegular />}
            onClick={() => {
              onDismiss();
              failure.retry?.();
            }}
          >
            Retry
          </Button>
        )}
        {action}
      </MessageBarActions>
    </MessageBar>
  );
}

export interface ActionFailuresProps {
  failures: readonly ActionFailure[];
  onDismiss: (id: number) => void;
  /** Another way forward per failure, e.g. a link to the troubleshooter. */
  renderAction?: (failure: ActionFailure) => ReactNode;
}

/** The failed actions, each with its own message, its ids under Details, Retry and Dismiss. */
export function ActionFailures({ failures, onDismiss, renderAction }: ActionFailuresProps) {
  const styles = useStyles();
  if (failures.length === 0) return null;
  return (
    <div className={styles.list} role="region" aria-label="Failed actions">
      {failures.map((failure) => (
        <FailureBar
          key={failure.id}
          failure={failure}
          onDismiss={() => onDismiss(failure.id)}
          action={renderAction?.(failure)}
        />
      ))}
    </div>
  );
}
