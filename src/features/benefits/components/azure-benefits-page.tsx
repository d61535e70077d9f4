import { Badge, Button, InfoLabel, Link, Tab, TabList, Tooltip } from '@fluentui/react-components';
import { GiftRegular, OpenRegular, ServerRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClusterBenefitsDto } from '@/api/benefits-contract';
import { Banner } from '@/components/banner/banner';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { useSearchParam } from '@/lib/use-search-param';
import { useTurnOnBenefits } from '../api/benefits-mutations';
import { benefitsQueries } from '../api/benefits-queries';
import { ActiveJobs } from './active-jobs';
import { useBenefitsStyles } from './azure-benefits-page.styles';
import {
  BenefitsPageProvider,
  benefitsJobRunning,
  useBenefitsPage,
  type BenefitsPageContextValue,
  type BenefitsTab,
  type TrackedOperation,
} from './benefits-context';
import { ClusterTab } from './cluster-tab';
import { OperationResult } from './operation-result';
import { TurnOnPane } from './turn-on-pane';
import { VmsTab } from './vms-tab';

function PreviewBadge() {
  return (
    <Badge appearance="tint" color="informative" shape="rounded">
      PREVIEW
    </Badge>
  );
}

/** The empty state: what Azure benefits is, and Turn on. */
function Splash({ onTurnOn }: { onTurnOn: () => void }) {
  const styles = useBenefitsStyles();
  const { data } = useBenefitsPage();
  const enabling = data.activeJobs.some((j) => j.kind === 'benefits/enable');
  return (
    <div className={styles.splash}>
      <GiftRegular className={styles.gift} aria-hidden="true" />
      <div className={styles.titleRow}>
        <h2 className={styles.heading}>Azure benefits</h2>
        <PreviewBadge />
      </div>
      <p className={styles.splashText}>
        To use additional Azure-exclusive features included with Azure Stack HCI, turn on Azure benefits on
        your cluster.{' '}
        <Link href={data.learnMoreUrl} target="_blank" rel="noreferrer" className={styles.external}>
          Learn more <OpenRegular aria-label="(opens in a new tab)" />
        </Link>
      </p>
      <Button appearance="primary" size="large" onClick={onTurnOn} disabledFocusable={enabling}>
        {enabling ? 'Turning on...' : 'Turn on'}
      </Button>
    </div>
  );
}

/** "Azure benefits cluster status" and "VMs with Azure benefits turned on", as WAC's dashboard header. */
function StatusHeader({ data }: { data: ClusterBenefitsDto }) {
  const styles = useBenefitsStyles();
  return (
    <dl className={styles.header}>
      <div className={styles.headerItem}>
        <dt className={styles.headerLabel}>
          <InfoLabel info="On means every server has the IMDS virtual switch, and renews its Azure certificate each time the cluster syncs with Azure (each renewal is valid for 30 days).">
            Azure benefits cluster status
          </InfoLabel>
        </dt>
        <dd className={styles.headerValue}>
          <StatusBadge status={data.clusterStatus} />
        </dd>
      </div>
      <div className={styles.headerItem}>
        <dt className={styles.headerLabel}>
          <InfoLabel info="A VM gets Azure benefits through a network adapter connected to the IMDS virtual switch of its host. VMs you create later need it turned on from the VMs tab.">
            VMs with Azure benefits turned on
          </InfoLabel>
        </dt>
        <dd className={styles.headerValue}>
          <ServerRegular className={styles.headerIcon} aria-hidden="true" />
          {data.vmsWithBenefits} out of {data.vmCount} VMs
        </dd>
      </div>
    </dl>
  );
}

/** Enable-AzStackHCIAttestation -ComputerName for the servers added after set-up. */
function InactiveServersBanner() {
  const { data, track } = useBenefitsPage();
  const enable = useTurnOnBenefits(data.cluster);
  const servers = data.inactiveServers;
  if (servers.length === 0) return null;
  const blocked = data.turnOnBlocker;
  const start = () =>
    enable.mutate(
      { addVms: false, servers },
      {
        onSuccess: (operation) => track({ title: 'Enable inactive server', jobId: operation.job.id }),
        onError: (error) => track({ title: 'Enable inactive server', error }),
      },
    );
  const many = servers.length > 1;
  return (
    <Banner
      intent="warning"
      title={`${many ? 'Servers' : 'A server'} with Azure benefits inactive`}
      action={
        <Tooltip
          content={blocked?.message ?? `Set up Azure benefits on ${servers.join(', ')}`}
          relationship="description"
        >
          <Button disabledFocusable={blocked !== null || enable.isPending} onClick={start}>
            Enable inactive server
          </Button>
        </Tooltip>
      }
    >
      {servers.join(', ')} {many ? 'were' : 'was'} added to the cluster after Azure benefits was turned on and{' '}
      {many ? 'are' : 'is'} Inactive. VMs on {many ? 'them' : 'it'} can&apos;t use Azure benefits until{' '}
      {many ? 'they are' : 'it is'} enabled.
    </Banner>
  );
}

function isTab(value: string): value is BenefitsTab {
  return value === 'cluster' || value === 'vms';
}

function Dashboard() {
  const styles = useBenefitsStyles();
  const { data, showTab } = useBenefitsPage();
  const [tabParam] = useSearchParam('tab');
  const tab: BenefitsTab = isTab(tabParam) ? tabParam : 'cluster';
  return (
    <>
      <div className={styles.titleRow}>
        <h2 className={styles.heading}>Azure benefits</h2>
        <PreviewBadge />
      </div>
      <StatusHeader data={data} />
      <InactiveServersBanner />
      <TabList
        selectedValue={tab}
        onTabSelect={(_event, d) => showTab(d.value === 'vms' ? 'vms' : 'cluster')}
        aria-label="Azure benefits"
      >
        <Tab value="cluster">Cluster</Tab>
        <Tab value="vms">VMs</Tab>
      </TabList>
      <div role="tabpanel" aria-label={tab === 'cluster' ? 'Cluster' : 'VMs'}>
        {tab === 'cluster' ? <ClusterTab /> : <VmsTab />}
      </div>
    </>
  );
}

/** Cluster Manager → Settings → Azure benefits (IMDS attestation for the cluster, its servers and its VMs). */
export function AzureBenefitsSettings({ clusterName }: { clusterName: string }) {
  const styles = useBenefitsStyles();
  const query = useQuery(benefitsQueries.cluster(clusterName));
  const [, setTab] = useSearchParam('tab');
  const [operation, setOperation] = useState<TrackedOperation | null>(null);
  const [paneOpen, setPaneOpen] = useState(false);
  useMarkAppReady(!query.isPending);

  const context = useMemo<BenefitsPageContextValue | null>(
    () =>
      query.data
        ? { data: query.data, showTab: (t) => setTab(t === 'cluster' ? '' : t), track: setOperation }
        : null,
    [query.data, setTab],
  );

  if (query.isPending) return <LoadingState />;
  if (isLoadFailure(query) || !context) {
    return (
      <ErrorState
        error={query.error}
        title={`Couldn't load Azure benefits for ${clusterName}`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const data = context.data;
  const running = data.activeJobs.filter(
    (j) => j.kind.startsWith('benefits/') || j.kind === 'cluster/sync' || j.kind.startsWith('vm/'),
  );
  return (
    <BenefitsPageProvider value={context}>
      <div className={styles.root}>
        <ActiveJobs jobs={running} />
        {operation && (
          <OperationResult
            key={'jobId' in operation ? operation.jobId : operation.title}
            operation={operation}
            onDismiss={() => setOperation(null)}
          />
        )}
        {data.clusterStatus === 'On' ? <Dashboard /> : <Splash onTurnOn={() => setPaneOpen(true)} />}
        {data.clusterStatus === 'Off' && (
          <TurnOnPane open={paneOpen && !benefitsJobRunning(data)} onClose={() => setPaneOpen(false)} />
        )}
      </div>
    </BenefitsPageProvider>
  );
}
