import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXXL, maxWidth: '960px' },
});

export interface ErrorFallbackProps {
  error: unknown;
  /** The way home; a plain link when rendered outside the router. */
  homeAction: ReactNode;
}

/** What replaces a crashed page: the error's own message, Reload, and a way back to All connections. */
export function ErrorFallback({ error, homeAction }: ErrorFallbackProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page stopped working</MessageBarTitle>
          {errorMessage(error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button icon={<ArrowClockwiseRegular />} onClick={() => window.location.reload()}>
            Reload
          </Button>
          {homeAction}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
