import { InfoLabel, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { ClusterDto } from '@/api/contract';
import { CardFields, DashboardCard } from '@/components/card/dashboard-card';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths, settingsSections } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { plural } from '@/lib/format';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { isRegistered } from '@/lib/registration';
import { arcRegistrationText, isOutOfPolicy, policyCountdown } from './registration-text';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    // At most two columns: under the wide Azure connection card the four others pair up, so none sits alone.
    gridTemplateColumns: `repeat(auto-fill, minmax(max(340px, calc(50% - ${tokens.spacingHorizontalL})), 1fr))`,
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  countdown: { margin: 0, color: tokens.colorNeutralForeground2 },
  urgent: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  externalLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  nodeList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  nodeRow: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  bigNumber: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  footerLink: { alignSelf: 'flex-start' },
});

function AzureConnectionCard({ cluster }: { cluster: ClusterDto }) {
  const styles = useStyles();
  const registration = cluster.registration;
  const registered = isRegistered(registration);
  const statusInfo = registered
    ? 'Connected means the cluster is registered with Azure and has synced with the cloud within the last day.'
    : 'The cluster must be registered with Azure within 30 days of installation to stay in policy.';

  const secondField = registered
    ? {
        label: 'Azure resource',
        value: (
          <RouterLink to={cluster.portalPath ?? paths.azurePortal()} className={styles.externalLink}>
            View Azure resource <OpenRegular aria-hidden="true" />
          </RouterLink>
        ),
      }
    : {
        label: 'Recommended',
        value: (
          <RouterLink
            to={`${paths.connectionSettings('cluster', cluster.name, settingsSections.registration)}?register=open`}
          >
            Register this cluster
          </RouterLink>
        ),
      };

  return (
    <DashboardCard title="Azure connection" className={styles.wide}>
      <CardFields
        fields={[
          {
            label: 'Status',
            value: (
              <StatusBadge
                status={registration.wacConnectionText}
                emphasiseError={registration.wacConnectionText === 'Out of policy'}
              >
                <InfoLabel
                  info={statusInfo}
                  infoButton={{ 'aria-label': 'About the Azure connection status' }}
                />
              </StatusBadge>
            ),
          },
          secondField,
          ...(isOutOfPolicy(registration) && registration.wacConnectionText !== 'Out of policy'
            ? [{ label: 'Policy', value: <StatusBadge status="Out of policy" emphasiseError /> }]
            : []),
        ]}
      />
      {policyCountdown(registration).map((line) => (
        <p key={line.text} className={mergeClasses(styles.countdown, line.urgent && styles.urgent)}>
          {line.text}
        </p>
      ))}
    </DashboardCard>
  );
}

function AzureArcCard({ cluster }: { cluster: ClusterDto }) {
  return (
    <DashboardCard title="Azure Arc">
      <CardFields
        fields={[
          {
            label: 'Azure Stack HCI registration',
            value: <StatusBadge status={arcRegistrationText(cluster)} />,
          },
          { label: 'Arc-enabled servers', value: <StatusBadge status={cluster.arc.wacText} /> },
        ]}
      />
    </DashboardCard>
  );
}

function AzureBenefitsCard({ cluster }: { cluster: ClusterDto }) {
  const { clusterStatus, vmsWithBenefits, vmCount } = cluster.benefits;
  return (
    <DashboardCard title="Azure benefits">
      <CardFields
        fields={[
          { label: 'Azure benefits cluster status', value: <StatusBadge status={clusterStatus} /> },
          { label: 'VMs with Azure benefits turned on', value: `${vmsWithBenefits} out of ${vmCount} VMs` },
        ]}
      />
    </DashboardCard>
  );
}

function ServersCard({ cluster }: { cluster: ClusterDto }) {
  const styles = useStyles();
  const down = cluster.nodes.filter((n) => n.state !== 'Up').length;
  return (
    <DashboardCard title="Servers">
      <p className={styles.bigNumber}>{cluster.nodes.length}</p>
      <p className={styles.countdown}>
        {down === 0 ? 'All servers are up' : `${plural(down, 'server')} not up`}
      </p>
      <ul className={styles.nodeList} aria-label="Servers in this cluster">
        {cluster.nodes.map((node) => (
          <li key={node.name} className={styles.nodeRow}>
            <span>{node.name}</span>
            <StatusBadge status={node.state} />
          </li>
        ))}
      </ul>
      <RouterLink className={styles.footerLink} to={paths.tool('cluster', cluster.name, 'servers')}>
        View servers
      </RouterLink>
    </DashboardCard>
  );
}

function VirtualMachinesCard({ cluster }: { cluster: ClusterDto }) {
  const styles = useStyles();
  const { total, running, off, saved, other } = cluster.vms;
  return (
    <DashboardCard title="Virtual machines">
      <p className={styles.bigNumber}>{total.toLocaleString()}</p>
      <CardFields
        fields={[
          { label: 'Running', value: running.toLocaleString() },
          { label: 'Off', value: off.toLocaleString() },
          { label: 'Saved', value: saved.toLocaleString() },
          ...(other > 0 ? [{ label: 'Other states', value: other.toLocaleString() }] : []),
        ]}
      />
    </DashboardCard>
  );
}

/** Cluster Manager's Dashboard: Azure connection with its policy countdown, Arc, Benefits, servers and VMs. */
export function ClusterDashboard({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const cluster = useQuery(clusterQueries.detail(clusterName));
  useMarkAppReady(!cluster.isPending);

  return (
    <PageLayout>
      <PageHeader title="Dashboard" />
      {cluster.isPending ? (
        <LoadingState />
      ) : cluster.data === undefined ? (
        // Only a first load that failed: a failed refetch keeps the cards it had.
        <ErrorState
          error={cluster.error}
          title={`Couldn't load ${clusterName}`}
          onRetry={() => void cluster.refetch()}
        />
      ) : (
        <div className={styles.grid}>
          <AzureConnectionCard cluster={cluster.data} />
          <AzureArcCard cluster={cluster.data} />
          <AzureBenefitsCard cluster={cluster.data} />
          <ServersCard cluster={cluster.data} />
          <VirtualMachinesCard cluster={cluster.data} />
        </div>
      )}
    </PageLayout>
  );
}
