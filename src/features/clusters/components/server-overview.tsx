import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { NodeDto } from '@/api/contract';
import { CardFields, DashboardCard } from '@/components/card/dashboard-card';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDate, formatDateTime, formatDuration } from '@/lib/format';
import { serverQueries } from '@/api/queries/cluster-queries';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

function OverviewCards({ node }: { node: NodeDto }) {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      <DashboardCard title="Computer">
        <CardFields
          fields={[
            { label: 'Computer name', value: node.fqdn },
            {
              label: 'Cluster',
              value: (
                <RouterLink to={paths.tool('cluster', node.cluster, 'dashboard')}>{node.cluster}</RouterLink>
              ),
            },
            { label: 'State', value: <StatusBadge status={node.state} /> },
            { label: 'Up time', value: formatDuration(node.uptimeSeconds) },
            { label: 'Operating system', value: `${node.osName} ${node.osDisplayVersion}` },
            { label: 'OS build', value: node.osBuild },
          ]}
        />
      </DashboardCard>
      <DashboardCard title="Hardware">
        <CardFields
          fields={[
            { label: 'Manufacturer', value: node.manufacturer },
            { label: 'Model', value: node.model },
            { label: 'Serial number', value: node.serialNumber },
            { label: 'Cores', value: node.coreCount.toLocaleString() },
            { label: 'Installed memory', value: `${node.memoryGiB.toLocaleString()} GiB` },
            { label: 'TPM', value: <StatusBadge status={node.tpm} /> },
            {
              label: 'Secure Boot',
              value: (
                <StatusBadge
                  status={node.secureBoot ? 'On' : 'Off'}
                  kind={node.secureBoot ? 'success' : 'warning'}
                />
              ),
            },
          ]}
        />
      </DashboardCard>
      <DashboardCard title="Azure Stack HCI">
        <CardFields
          fields={[
            { label: 'hcisvc', value: <StatusBadge status={node.hcisvc} /> },
            { label: 'Outbound connectivity', value: <StatusBadge status={node.outboundConnectivity} /> },
            { label: 'Clock skew', value: `${node.clockSkewSeconds.toLocaleString()} seconds` },
            { label: 'Virtual machines', value: `${node.runningVmCount} running of ${node.vmCount}` },
          ]}
        />
      </DashboardCard>
      <DashboardCard title="Azure Arc and benefits">
        <CardFields
          fields={[
            { label: 'Azure Arc', value: <StatusBadge status={node.arc.agentStatus} /> },
            {
              label: 'Arc agent version',
              // as on the registration page: no version beside an agent Azure does not know (after Unregister)
              value: node.arc.agentStatus === 'Not installed' ? '-' : (node.arc.agentVersion ?? '-'),
            },
            { label: 'Last heartbeat', value: formatDateTime(node.arc.lastHeartbeat) },
            { label: 'Azure benefits', value: <StatusBadge status={node.benefits.status} /> },
            { label: 'Expiration date', value: formatDate(node.benefits.expiration) },
          ]}
        />
      </DashboardCard>
    </div>
  );
}

/** Server Manager's Overview for one node: what it is, and the signals registration and Arc depend on. */
export function ServerOverview({ serverName }: { serverName: string }) {
  const server = useQuery(serverQueries.detail(serverName));
  useMarkAppReady(!server.isPending);
  return (
    <PageLayout>
      <PageHeader title="Overview" />
      {server.isPending ? (
        <LoadingState />
      ) : server.isError ? (
        <ErrorState
          error={server.error}
          title={`Couldn't load ${serverName}`}
          onRetry={() => void server.refetch()}
        />
      ) : (
        <OverviewCards node={server.data} />
      )}
    </PageLayout>
  );
}
