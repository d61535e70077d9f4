import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { gatewayQueries } from '../api/gateway-queries';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Settings → Account: who is signed in to Azure on this gateway, and the gateway's own Azure registration. */
export function AccountSettings() {
  const styles = useStyles();
  const gateway = useQuery(gatewayQueries.detail());
  useMarkAppReady(!gateway.isPending);

  if (gateway.isPending) return <LoadingState />;
  if (gateway.isError) {
    return <ErrorState error={gateway.error} title="Couldn't read the gateway's account" onRetry={() => void gateway.refetch()} />;
  }
  const { account, registration, hostName } = gateway.data;

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Account</h2>
      <h3 className={styles.subheading}>Azure account</h3>
      {account ? (
        <DetailsGrid
          fields={[
            { label: 'Signed in as', value: `${account.displayName} (${account.upn})` },
            { label: 'Tenant ID', value: account.tenantId },
            {
              label: 'Sign-in status',
              value: <StatusBadge status={account.expired ? 'Expired' : 'Signed in'} kind={account.expired ? 'error' : 'success'} />,
            },
            { label: 'Token expires', value: formatDateTime(account.tokenExpiresAt) },
          ]}
        />
      ) : (
        <p className={styles.text}>Not signed in</p>
      )}
      <h3 className={styles.subheading}>Gateway registration</h3>
      <DetailsGrid
        fields={[
          { label: 'Gateway', value: hostName },
          {
            label: 'Status',
            value: <StatusBadge status={registration ? 'Registered' : 'Not registered'} kind={registration ? 'success' : 'neutral'} />,
          },
          ...(registration
            ? [
                { label: 'Azure cloud', value: registration.cloud },
                { label: 'Tenant ID', value: registration.tenantId },
                { label: 'Application ID', value: registration.appId },
                { label: 'Registered', value: formatDateTime(registration.registeredAt) },
              ]
            : []),
        ]}
      />
    </div>
  );
}
