import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { directoryQueries, gatewayQueries } from '@/api/queries/gateway-queries';
import { useSignOut } from '@/components/azure-gate/azure-api';
import { SignInDialog } from '@/components/azure-gate/sign-in-dialog';
import { Banner } from '@/components/banner/banner';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';

export const REGISTER_SECTION = 'register';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '960px',
    alignItems: 'flex-start',
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  full: { alignSelf: 'stretch' },
  table: { width: 'auto', minWidth: '640px', tableLayout: 'auto' },
});

/** Settings → Account: the Azure account signed in on this gateway, its tenant and roles; Sign in / Sign out. */
export function AzureAccountSettings() {
  const styles = useStyles();
  const gateway = useQuery(gatewayQueries.detail());
  const users = useQuery(directoryQueries.users());
  const signOut = useSignOut();
  const [signInOpen, setSignInOpen] = useState(false);
  useMarkAppReady(!gateway.isPending && !users.isPending);

  if (gateway.isPending || users.isPending) return <LoadingState />;
  if (gateway.isError || users.isError) {
    return (
      <ErrorState
        error={gateway.error ?? users.error}
        title="Couldn't read the gateway's account"
        onRetry={() => void Promise.all([gateway.refetch(), users.refetch()])}
      />
    );
  }
  const { account, registration } = gateway.data;
  const user = account ? users.data.find((u) => u.upn === account.upn) : undefined;

  const signInButton = (
    <Button appearance="primary" onClick={() => setSignInOpen(true)}>
      Sign in
    </Button>
  );

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Account</h2>
      <h3 className={styles.subheading}>Azure account</h3>
      {!registration ? (
        <div className={styles.full}>
          <Banner intent="info" title="This gateway isn't yet registered with Azure">
            Register it to sign in to Azure:{' '}
            <RouterLink to={paths.gatewaySettings(REGISTER_SECTION)}>Gateway → Register</RouterLink>.
          </Banner>
        </div>
      ) : !account ? (
        <>
          <p className={styles.text}>
            Not signed in. Sign in to use Azure services with Windows Admin Center.
          </p>
          {signInButton}
        </>
      ) : (
        <>
          {account.expired && (
            <div className={styles.full}>
              <Banner intent="warning" title="Your Azure session has expired" action={signInButton}>
                The sign-in of {account.upn} ended on {formatDateTime(account.tokenExpiresAt)}. Sign in again
                to continue using Azure services.
              </Banner>
            </div>
          )}
          <DetailsGrid
            fields={[
              { label: 'Signed in as', value: `${account.displayName} (${account.upn})` },
              { label: 'Tenant ID', value: account.tenantId },
              {
                label: 'Sign-in status',
                value: (
                  <StatusBadge
                    status={account.expired ? 'Session expired' : 'Signed in'}
                    kind={account.expired ? 'warning' : 'success'}
                  />
                ),
              },
              {
                label: account.expired ? 'Session ended' : 'Session expires',
                value: formatDateTime(account.tokenExpiresAt),
              },
            ]}
          />
          <h3 className={styles.subheading}>Roles</h3>
          {user && user.roles.length > 0 ? (
            <Table
              aria-label={`Roles of ${account.upn} per subscription`}
              className={styles.table}
              size="small"
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Subscription</TableHeaderCell>
                  <TableHeaderCell>Subscription ID</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {user.roles.map((r) => (
                  <TableRow key={`${r.subscriptionId}-${r.role}`}>
                    <TableCell>{r.subscriptionName}</TableCell>
                    <TableCell>{r.subscriptionId}</TableCell>
                    <TableCell>{r.role}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <p className={styles.text}>
              {account.upn} has no role in any subscription, so Azure actions that need one (such as
              registering a cluster) will be refused.
            </p>
          )}
          {signOut.isError && (
            <div className={styles.full}>
              <Banner intent="error" title="Couldn't sign out">
                {errorMessage(signOut.error)}
              </Banner>
            </div>
          )}
          <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {signOut.isPending ? 'Signing out...' : 'Sign out'}
          </Button>
        </>
      )}
      <SignInDialog open={signInOpen} onClose={() => setSignInOpen(false)} />
    </div>
  );
}
