import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ClusterDto, GatewayDto } from '@/api/contract';
import { DetailsGrid, type DetailsField } from '@/components/details-pane/details-pane';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterButton, RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths, settingsSections } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { clusterQueries, serverQueries } from '../api/cluster-queries';
import { isRegistered, registrationStatusText } from './registration-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

export const REGISTER_BLOCKED_REASON = 'Registration opens once the gateway is registered with Azure and you are signed in.';

function fieldsFor(cluster: ClusterDto): DetailsField[] {
  const r = cluster.registration;
  const fields: DetailsField[] = [
    { label: 'Registration status', value: <StatusBadge status={registrationStatusText(r)} emphasiseError /> },
    { label: 'Azure connection status', value: <StatusBadge status={r.wacConnectionText} /> },
    { label: 'Last connected', value: formatDateTime(r.lastConnected) },
  ];
  if (isRegistered(r)) {
    fields.push(
      { label: 'Registration date', value: formatDateTime(r.registrationDate) },
      { label: 'Next sync', value: formatDateTime(r.nextSync, '-') },
      { label: 'Azure resource name', value: r.azureResourceName ?? '-' },
      { label: 'Subscription ID', value: r.subscriptionId ?? '-' },
      { label: 'Resource group', value: r.resourceGroup ?? '-' },
      { label: 'Region', value: r.region ?? '-' },
      { label: 'Cloud', value: r.cloud ?? '-' },
    );
  }
  return fields;
}

export interface RegistrationSettingsProps {
  clusterName: string;
  /** The gateway decides whether registration can start; the route reads it and passes it in. */
  gateway: { data: GatewayDto | undefined; error: unknown; isError: boolean; refetch: () => unknown };
}

/** Settings → Azure Stack HCI registration: what Get-AzureStackHCI reports for the cluster. */
export function RegistrationSettings({ clusterName, gateway }: RegistrationSettingsProps) {
  const styles = useStyles();
  const cluster = useQuery(clusterQueries.detail(clusterName));
  useMarkAppReady(!cluster.isPending);

  if (cluster.isPending) return <LoadingState />;
  if (cluster.isError) {
    return <ErrorState error={cluster.error} title={`Couldn't load ${clusterName}`} onRetry={() => void cluster.refetch()} />;
  }

  const registered = isRegistered(cluster.data.registration);
  const canRegister = gateway.data ? gateway.data.registered && gateway.data.account !== null && !gateway.data.account.expired : false;

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Azure Stack HCI registration</h2>
      <p className={styles.text}>
        {registered
          ? 'This cluster is registered with Azure. It syncs with Azure automatically every 12 hours while connected.'
          : 'If your cluster has not yet been registered with Azure, then Registration status shows Not registered. Register within 30 days of installation to keep the cluster in policy.'}
      </p>
      <DetailsGrid fields={fieldsFor(cluster.data)} />
      {registered ? (
        <div className={styles.actions}>
          <RouterButton to={paths.azurePortal(cluster.data.portalPath)}>View Azure resource</RouterButton>
        </div>
      ) : gateway.isError ? (
        <ErrorState
          error={gateway.error}
          title="Couldn't check whether the gateway is ready to register clusters"
          onRetry={() => void gateway.refetch()}
        />
      ) : (
        <div className={styles.actions}>
          {canRegister ? (
            <RouterButton appearance="primary" to={paths.tool('cluster', clusterName, 'dashboard')}>
              Register
            </RouterButton>
          ) : (
            <Tooltip content={REGISTER_BLOCKED_REASON} relationship="description">
              <Button appearance="primary" disabledFocusable={!gateway.data || !canRegister}>
                Register
              </Button>
            </Tooltip>
          )}
          {!canRegister && gateway.data && (
            <RouterLink to={paths.gatewaySettings('account')}>Check the gateway&apos;s Azure account</RouterLink>
          )}
        </div>
      )}
    </div>
  );
}

/** A server's own settings page points at its cluster: registration is a cluster-wide state. */
export function ServerRegistrationSettings({ serverName }: { serverName: string }) {
  const styles = useStyles();
  const server = useQuery(serverQueries.detail(serverName));
  useMarkAppReady(!server.isPending);

  if (server.isPending) return <LoadingState />;
  if (server.isError) {
    return <ErrorState error={server.error} title={`Couldn't load ${serverName}`} onRetry={() => void server.refetch()} />;
  }
  const clusterName = server.data.cluster;
  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Azure Stack HCI registration</h2>
      <p className={styles.text}>
        {serverName} is a node of {clusterName}. Azure Stack HCI is registered for the whole cluster, from the cluster&apos;s settings.
      </p>
      <div className={styles.actions}>
        <RouterButton to={paths.connectionSettings('cluster', clusterName, settingsSections.registration)}>
          Open {clusterName} registration
        </RouterButton>
      </div>
    </div>
  );
}
