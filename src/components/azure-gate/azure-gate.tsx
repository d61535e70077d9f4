import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { AzureReadinessDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import { GatewayRegistrationPane } from './gateway-registration-pane';
import { SignInDialog } from './sign-in-dialog';

type Reason = NonNullable<AzureReadinessDto['code']>;

const TITLES: Record<Reason, string> = {
  GatewayNotRegistered: 'Register Windows Admin Center with Azure first',
  NotSignedIn: 'Sign in to Azure first',
  SessionExpired: 'Your Azure session has expired',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The readiness check every Azure action needs first: is the gateway registered and someone signed in? */
export function useAzureReadiness() {
  return useQuery(gatewayQueries.readiness());
}

export interface UseAzureGateResult {
  /** undefined while the first check is running */
  ready: boolean | undefined;
  readiness: AzureReadinessDto | undefined;
  /**
   * Runs `action` if Azure is ready (checked afresh); otherwise opens the registration pane or the sign-in
   * dialog in place, and runs `action` once the user has finished there.
   */
  whenReady: (action: () => void) => void;
  /** Opens whichever flow the current state needs (registration pane or sign-in). */
  openFlow: () => void;
  /** Render this once: the pane / dialog the gate opens. */
  flow: ReactNode;
}

/**
 * For entry points (a "Register this cluster" link, a wizard's Next): check Azure first and offer the
 * gateway registration or sign-in in place instead of failing later.
 *
 *   const gate = useAzureGate();
 *   <Button onClick={() => gate.whenReady(openWizard)}>Register</Button>
 *   {gate.flow}
 */
export function useAzureGate(): UseAzureGateResult {
  const queryClient = useQueryClient();
  const readiness = useAzureReadiness();
  const [open, setOpen] = useState<'register' | 'sign-in' | null>(null);
  const after = useRef<(() => void) | null>(null);

  const openFor = useCallback((code: Reason | null) => {
    setOpen(code === 'GatewayNotRegistered' ? 'register' : 'sign-in');
  }, []);

  const whenReady = useCallback(
    (action: () => void) => {
      void queryClient.query({ ...gatewayQueries.readiness(), staleTime: 0 }).then(
        (fresh) => {
          if (fresh.ready) {
            action();
            return;
          }
          after.current = action;
          openFor(fresh.code);
        },
        () => {
          // The check itself failed: the gate's own error state (readiness.isError) says why and offers Retry.
        },
      );
    },
    [openFor, queryClient],
  );

  const close = useCallback(() => {
    setOpen(null);
    const pendingAction = after.current;
    after.current = null;
    if (!pendingAction) return;
    void queryClient.query({ ...gatewayQueries.readiness(), staleTime: 0 }).then((fresh) => {
      if (fresh.ready) pendingAction();
    });
  }, [queryClient]);

  const flow = (
    <>
      <GatewayRegistrationPane open={open === 'register'} onClose={close} />
      <SignInDialog open={open === 'sign-in'} onClose={close} />
    </>
  );

  return {
    ready: readiness.data?.ready,
    readiness: readiness.data,
    whenReady,
    openFlow: () => openFor(readiness.data?.code ?? null),
    flow,
  };
}

export interface AzureGateProps {
  /** What needs Azure, for the explanation, e.g. "register this cluster". */
  purpose: string;
  children: ReactNode;
}

/**
 * Wrap any Azure page or wizard with this: it shows `children` only when the gateway is registered and an
 * account is signed in; otherwise it says why and offers the gateway registration or sign-in in place.
 */
export function AzureGate({ purpose, children }: AzureGateProps) {
  const styles = useStyles();
  const gate = useAzureGate();
  const readiness = useAzureReadiness();

  if (readiness.isPending) return <LoadingState label="Checking the Azure connection..." />;
  if (readiness.isError) {
    return (
      <ErrorState
        error={readiness.error}
        title="Couldn't check the gateway's Azure connection"
        onRetry={() => void readiness.refetch()}
      />
    );
  }
  if (readiness.data.ready) return <>{children}</>;

  const code = readiness.data.code ?? 'NotSignedIn';
  const actionLabel = code === 'GatewayNotRegistered' ? 'Register with Azure' : 'Sign in';
  return (
    <div className={styles.root}>
      <Banner
        intent={code === 'SessionExpired' ? 'warning' : 'info'}
        title={TITLES[code]}
        action={
          <Button appearance="primary" onClick={gate.openFlow}>
            {actionLabel}
          </Button>
        }
      >
        {readiness.data.message} Windows Admin Center needs this to {purpose}.
      </Banner>
      {gate.flow}
    </div>
  );
}
