import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterButton } from '@/components/router-link/router-link';
import { paths, settingsSections } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { serverQueries } from '@/api/queries/cluster-queries';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

/** A server's own settings page points at its cluster: registration is a cluster-wide state. */
export function ServerRegistrationSettings({ serverName }: { serverName: string }) {
  const styles = useStyles();
  const server = useQuery(serverQueries.detail(serverName));
  useMarkAppReady(!server.isPending);

  if (server.isPending) return <LoadingState />;
  if (server.isError) {
    return (
      <ErrorState
        error={server.error}
        title={`Couldn't load ${serverName}`}
        onRetry={() => void server.refetch()}
      />
    );
  }
  const clusterName = server.data.cluster;
  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Azure Stack HCI registration</h2>
      <p className={styles.text}>
        {serverName} is a node of {clusterName}. Azure Stack HCI is registered for the whole cluster, from the
        cluster&apos;s settings.
      </p>
      <div className={styles.actions}>
        <RouterButton to={paths.connectionSettings('cluster', clusterName, settingsSections.registration)}>
          Open {clusterName} registration
        </RouterButton>
      </div>
    </div>
  );
}
