import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ClusterDto } from '@/api/contract';
import { CardFields, DashboardCard } from '@/components/card/dashboard-card';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { arcQueries } from '@/api/queries/arc-queries';
import { clusterQueries } from '@/api/queries/cluster-queries';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  preview: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function registrationText(cluster: ClusterDto): string {
  return cluster.registration.registrationStatus === 'NotYet' &&
    cluster.registration.azureResourceName === null
    ? 'Not configured'
    : cluster.registration.wacConnectionText;
}

/** Cluster Manager → Azure Arc → Overview: the two tiles, each leading to its page. */
export function ArcOverview({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const summary = useQuery(clusterQueries.detail(clusterName));
  const arc = useQuery(arcQueries.cluster(clusterName));
  useMarkAppReady(!summary.isPending && !arc.isPending);
  const base = `/connections/cluster/${encodeURIComponent(clusterName)}/tools/azure-arc`;

  return (
    <PageLayout>
      <PageHeader title="Azure Arc | Overview" />
      <p className={styles.preview}>The Azure Arc dashboard is currently in public preview.</p>
      <p className={styles.intro}>
        High-level status information about Azure Stack HCI registration and Arc-enabled servers. Select
        either tile to go to its page.
      </p>
      {isLoadFailure(summary) ? (
        <ErrorState
          error={summary.error}
          title={`Couldn't load the Azure status of ${clusterName}`}
          onRetry={() => void summary.refetch()}
        />
      ) : !summary.data ? (
        <LoadingState />
      ) : (
        <div className={styles.tiles}>
          <DashboardCard
            title="1. Azure Stack HCI registration"
            headerAction={
              <RouterLink to={`${base}/registration`}>Go to Azure Stack HCI registration</RouterLink>
            }
          >
            <CardFields
              fields={[
                { label: 'Status', value: <StatusBadge status={registrationText(summary.data)} /> },
                { label: 'Last Azure sync', value: formatDateTime(summary.data.registration.lastConnected) },
                { label: 'Azure resource', value: summary.data.registration.azureResourceName ?? '-' },
              ]}
            />
          </DashboardCard>
          <DashboardCard
            title="2. Arc-enabled servers"
            headerAction={<RouterLink to={`${base}/servers`}>Go to Arc-enabled servers</RouterLink>}
          >
            <CardFields
              fields={[
                { label: 'Status', value: <StatusBadge status={summary.data.arc.wacText} /> },
                {
                  label: 'Servers connected',
                  value: arc.data
                    ? `${arc.data.servers.filter((s) => s.displayStatus === 'Connected').length} out of ${arc.data.servers.length}`
                    : '-',
                },
                { label: 'Resource group', value: arc.data?.resourceGroup ?? '-' },
              ]}
            />
          </DashboardCard>
        </div>
      )}
    </PageLayout>
  );
}
