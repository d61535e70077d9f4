import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSyncRegular,
  DeleteRegular,
  OpenRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ClusterDto, JobDto, NodeDto } from '@/api/contract';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { fetchLogFile, logQueries } from '@/api/queries/log-queries';
import { jobQueries } from '@/api/queries/job-queries';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DetailsGrid, type DetailsField } from '@/components/details-pane/details-pane';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { errorMessage } from '@/lib/api-client';
import { downloadBlob } from '@/lib/download-file';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { isPolicyDeadlineNear, isRegistered } from '@/lib/registration';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { repairAzStackHciRegistration, syncAzureStackHci, unregisterAzStackHci } from '@/lib/powershell';
import { useRepairRegistration, useSyncNow, useUnregisterCluster } from '../api/registration-mutations';
import { REGISTRATION_JOB_KINDS } from '../api/registration-queries';
import { JobProgress } from './job-progress';
import { RegisterWizard } from './register-wizard';
import { runningJob, useJob } from './use-job';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '1100px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  links: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  urgent: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Registration status as WAC's page words it. */
function registrationText(cluster: ClusterDto): string {
  const r = cluster.registration;
  if (r.registrationStatus === 'OutOfPolicy' || r.connectionStatus === 'OutOfPolicy') return 'Out of policy';
  return r.registrationStatus === 'Registered' ? 'Registered' : 'Not registered';
}

/** A server's own link to Azure: it syncs only while up, running hcisvc and reaching Azure. */
function serverConnection(cluster: ClusterDto, node: NodeDto): string {
  if (!isRegistered(cluster.registration)) return 'Not registered';
  if (node.state !== 'Up') return 'Disconnected';
  if (node.hcisvc !== 'Running' || node.outboundConnectivity !== 'Connected') return 'Disconnected';
  return cluster.registration.wacConnectionText;
}

function policyLine(cluster: ClusterDto): { text: string; urgent: boolean } | undefined {
  const r = cluster.registration;
  const registered = isRegistered(cluster.registration);
  if (r.vmCreationBlocked || registrationText(cluster) === 'Out of policy') {
    return {
      text: `Out of policy: new virtual machines can't be created until the cluster is ${registered ? 'synced' : 'registered'}.`,
      urgent: true,
    };
  }
  if (r.daysUntilOutOfPolicy === null) return undefined;
  return {
    text: `${days(r.daysUntilOutOfPolicy)} left to ${registered ? 'sync' : 'register'} before the cluster is out of policy`,
    urgent: isPolicyDeadlineNear(r.daysUntilOutOfPolicy),
  };
}

function systemFields(cluster: ClusterDto, monoClass: string): DetailsField[] {
  const r = cluster.registration;
  const fields: DetailsField[] = [
    { label: 'Azure registration', value: <StatusBadge status={registrationText(cluster)} emphasiseError /> },
    {
      label: 'Azure connection status',
      value: (
        <StatusBadge
          status={isRegistered(cluster.registration) ? r.wacConnectionText : 'Not yet registered'}
        />
      ),
    },
    { label: 'Last connected', value: formatDateTime(r.lastConnected) },
  ];
  if (isRegistered(cluster.registration)) {
    fields.push(
      { label: 'Next sync', value: formatDateTime(r.nextSync, '-') },
      { label: 'Azure resource name', value: r.azureResourceName ?? '-' },
      {
        label: 'Azure resource ID',
        value: <span className={monoClass}>{cluster.azureResourceId ?? r.azureResourceUri ?? '-'}</span>,
      },
      { label: 'Region', value: r.region ?? '-' },
      { label: 'Registration date', value: formatDateTime(r.registrationDate, '-') },
      { label: 'Subscription ID', value: r.subscriptionId ?? '-' },
      { label: 'Resource group', value: r.resourceGroup ?? '-' },
    );
  }
  return fields;
}

function LastResult({ job }: { job: JobDto }) {
  if (job.status === 'InProgress') return null;
  const intent =
    job.status === 'Succeeded'
      ? 'success'
      : job.result === 'PendingForAdminConsent' || job.result === 'RegisterSucceededButArcFailed'
        ? 'warning'
        : 'error';
  // The job's title is the in-progress activity ("Unregistering Azure Stack HCI from Azure..."); no source
  // gives a title for the finished one, so the outcome is the job's own message, coloured by how it ended.
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{job.message}</MessageBarBody>
    </MessageBar>
  );
}

async function downloadLog(cluster: string, file: string): Promise<void> {
  const { blob } = await fetchLogFile(cluster, file);
  downloadBlob(file, blob);
}

export interface RegistrationStatusProps {
  clusterName: string;
  /** A heading of its own, for hosts that have none (Settings); the Azure Arc page has its page header. */
  title?: string;
}

/**
 * The "Azure Stack HCI registration" page: system status, server status with Azure Arc per node, useful
 * links, the registration log files, and Sync now / Repair registration / Unregister, each a job shown live.
 * `?register=open` opens the Register Azure Stack HCI pane over it.
 */
export function RegistrationStatus({ clusterName, title }: RegistrationStatusProps) {
  const styles = useStyles();
  const [params, setParams] = useSearchParams();
  const cluster = useQuery(clusterQueries.detail(clusterName));
  const jobs = useQuery(jobQueries.list());
  const logs = useQuery(logQueries.list(clusterName));
  const [lastJobId, setLastJobId] = useState<string | undefined>(undefined);
  const [confirmUnregister, setConfirmUnregister] = useState(false);
  const [confirmRepair, setConfirmRepair] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const sync = useSyncNow(clusterName);
  const repair = useRepairRegistration(clusterName);
  const unregister = useUnregisterCluster(clusterName);
  useMarkAppReady(!cluster.isPending);

  const active = runningJob(
    jobs.data,
    clusterName,
    REGISTRATION_JOB_KINDS.filter((k) => k !== 'cluster/register'),
  );
  const followedId = active?.id ?? lastJobId;
  const followed = useJob(followedId);
  const registerRunning = runningJob(jobs.data, clusterName, ['cluster/register']);

  const wizardOpen = params.get('register') === 'open';
  const setWizardOpen = (open: boolean) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (open) next.set('register', 'open');
        else {
          next.delete('register');
          next.delete('job');
        }
        return next;
      },
      { replace: !open },
    );

  if (cluster.isPending) return <LoadingState />;
  if (cluster.isError)
    return (
      <ErrorState
        error={cluster.error}
        title={`Couldn't load ${clusterName}`}
        onRetry={() => void cluster.refetch()}
      />
    );

  const data = cluster.data;
  const r = data.registration;
  const registered = isRegistered(data.registration);
  const busy =
    active !== undefined ||
    registerRunning !== undefined ||
    sync.isPending ||
    repair.isPending ||
    unregister.isPending;
  const policy = policyLine(data);

  const startJob = (mutation: typeof sync) => {
    setActionError(null);
    mutation.mutate(undefined, {
      onSuccess: (job) => setLastJobId(job.id),
      onError: (error) => setActionError(errorMessage(error)),
    });
  };

  return (
    <div className={styles.root}>
      {title && <h2 className={styles.title}>{title}</h2>}
      {registered && r.wacConnectionText === 'Out of policy' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Out of policy</MessageBarTitle>
            The cluster hasn&apos;t synced with Azure for more than 30 days, so new virtual machines
            can&apos;t be created. Make sure every server can reach Azure, then select Sync now.
          </MessageBarBody>
        </MessageBar>
      )}
      {registered &&
        (r.wacConnectionText === 'Disconnected' || r.wacConnectionText === 'Not connected recently') && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{r.wacConnectionText}</MessageBarTitle>
              The cluster hasn&apos;t synced with Azure recently. Check that the servers are up and can reach
              Azure, then select Sync now. If syncing keeps failing, select Repair registration.
            </MessageBarBody>
          </MessageBar>
        )}

      <div className={styles.actions} role="toolbar" aria-label="Registration actions">
        {registered ? (
          <>
            <Button icon={<ArrowSyncRegular />} disabled={busy} onClick={() => startJob(sync)}>
              Sync now
            </Button>
            <Button icon={<WrenchRegular />} disabled={busy} onClick={() => setConfirmRepair(true)}>
              Repair registration
            </Button>
            <Button icon={<DeleteRegular />} disabled={busy} onClick={() => setConfirmUnregister(true)}>
              Unregister
            </Button>
            <ShowPowerShell
              title="PowerShell for Sync now, Repair registration and Unregister"
              commands={[
                '# Sync now',
                ...syncAzureStackHci(),
                '# Repair registration',
                repairAzStackHciRegistration({
                  subscriptionId: r.subscriptionId ?? '',
                  environmentName: r.cloud ?? undefined,
                }),
                '# Unregister',
                unregisterAzStackHci({
                  subscriptionId: r.subscriptionId ?? '',
                  resourceName: r.azureResourceName ?? undefined,
                  resourceGroupName: r.resourceGroup ?? undefined,
                  environmentName: r.cloud ?? undefined,
                }),
              ]}
            />
            {data.portalPath && (
              <RouterLink to={data.portalPath}>
                View Azure resource <OpenRegular aria-hidden="true" />
              </RouterLink>
            )}
          </>
        ) : (
          <Button
            appearance="primary"
            onClick={() => setWizardOpen(true)}
            disabled={busy && registerRunning === undefined}
          >
            {registerRunning ? 'Show registration progress' : 'Register'}
          </Button>
        )}
      </div>

      {actionError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{actionError}</MessageBarBody>
        </MessageBar>
      )}
      {followed.data &&
        (followed.data.status === 'InProgress' ? (
          <JobProgress job={followed.data} />
        ) : (
          <LastResult job={followed.data} />
        ))}

      <section className={styles.section} aria-labelledby="hci-status-system">
        <h3 id="hci-status-system" className={styles.heading}>
          Azure Stack HCI system status
        </h3>
        {!registered && (
          <p className={styles.text}>
            This cluster isn&apos;t registered with Azure yet. Registration status shows Not registered until
            you select Register. Register within 30 days of installation to keep the cluster in policy.
          </p>
        )}
        <DetailsGrid fields={systemFields(data, styles.mono)} />
        {policy && <p className={policy.urgent ? styles.urgent : styles.text}>{policy.text}</p>}
      </section>

      <section className={styles.section} aria-labelledby="hci-status-servers">
        <h3 id="hci-status-servers" className={styles.heading}>
          Server status
        </h3>
        <Table aria-labelledby="hci-status-servers" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Server</TableHeaderCell>
              <TableHeaderCell>Azure connection status</TableHeaderCell>
              <TableHeaderCell>Azure Arc</TableHeaderCell>
              <TableHeaderCell>Arc agent status</TableHeaderCell>
              <TableHeaderCell>Agent version</TableHeaderCell>
              <TableHeaderCell>Last heartbeat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.nodes.map((node) => (
              <TableRow key={node.name}>
                <TableCell>{node.name}</TableCell>
                <TableCell>
                  <StatusBadge status={serverConnection(data, node)} />
                </TableCell>
                <TableCell>
                  <StatusBadge
                    status={
                      node.arc.arcStatus === 'Enabled'
                        ? 'Arc-enabled'
                        : node.arc.arcStatus === 'Unknown'
                          ? 'Not configured'
                          : node.arc.arcStatus
                    }
                    kind={node.arc.arcStatus === 'Enabled' ? 'success' : undefined}
                  />
                </TableCell>
                <TableCell>
                  <StatusBadge status={node.arc.agentStatus} />
                </TableCell>
                {/* no version next to "Not installed": Azure has no Arc resource for the node */}
                <TableCell>
                  {node.arc.agentStatus === 'Not installed' ? '-' : (node.arc.agentVersion ?? '-')}
                </TableCell>
                <TableCell>{formatDateTime(node.arc.lastHeartbeat, '-')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.section} aria-labelledby="hci-status-logs">
        <h3 id="hci-status-logs" className={styles.heading}>
          Registration logs
        </h3>
        {logs.isError ? (
          <ErrorState
            error={logs.error}
            title="Couldn't list the registration log files"
            onRetry={() => void logs.refetch()}
          />
        ) : logs.data && logs.data.length > 0 ? (
          <ul className={styles.links} aria-label="Registration log files">
            {logs.data.map((file) => (
              <li key={file.name}>
                <Button
                  appearance="transparent"
                  icon={<ArrowDownloadRegular />}
                  onClick={() => {
                    setDownloadError(null);
                    downloadLog(clusterName, file.name).catch((error: unknown) =>
                      setDownloadError(errorMessage(error)),
                    );
                  }}
                >
                  {`Download ${file.name}`}
                </Button>
                <span
                  className={styles.text}
                >{` ${formatDateTime(file.createdAt)}, ${file.lineCount} lines`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.text}>
            {logs.isPending
              ? 'Loading...'
              : 'No registration has been attempted from this gateway yet: each attempt writes a RegisterHCI log file.'}
          </p>
        )}
        {downloadError && (
          <MessageBar intent="error">
            <MessageBarBody>{downloadError}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} aria-labelledby="hci-status-links">
        <h3 id="hci-status-links" className={styles.heading}>
          Useful links
        </h3>
        <ul className={styles.links}>
          <li>
            <Link
              href="https://learn.microsoft.com/azure-stack/hci/deploy/troubleshoot-hci-registration"
              target="_blank"
              rel="noreferrer"
            >
              Troubleshoot Azure Stack HCI registration
            </Link>
          </li>
          <li>
            <Link
              href="https://learn.microsoft.com/azure-stack/hci/manage/manage-cluster-registration"
              target="_blank"
              rel="noreferrer"
            >
              Manage cluster registration
            </Link>
          </li>
          <li>
            <Link
              href="https://learn.microsoft.com/azure-stack/hci/concepts/system-requirements#azure-requirements"
              target="_blank"
              rel="noreferrer"
            >
              Supported Azure regions and firewall requirements
            </Link>
          </li>
          {data.portalPath && (
            <li>
              <RouterLink to={data.portalPath}>Azure Stack HCI resource in the Azure portal</RouterLink>
            </li>
          )}
        </ul>
      </section>

      <ConfirmDialog
        open={confirmRepair}
        title="Repair registration"
        message={
          <>
            Repair the registration of {clusterName}? Repairing the registration recreates the necessary Azure
            AD applications while retaining other information such as resource name, resource group and other
            registration choices.
          </>
        }
        confirmLabel="Repair registration"
        cancelLabel="Cancel"
        busy={repair.isPending}
        error={actionError}
        onCancel={() => setConfirmRepair(false)}
        onConfirm={() => {
          setActionError(null);
          repair.mutate(undefined, {
            onSuccess: (job) => {
              setLastJobId(job.id);
              setConfirmRepair(false);
            },
            onError: (error) => setActionError(errorMessage(error)),
          });
        }}
      />
      <ConfirmDialog
        open={confirmUnregister}
        title="Unregister Azure Stack HCI"
        message={
          <>
            Unregister {clusterName} from Azure? This deletes the Azure resource{' '}
            <strong>{r.azureResourceName ?? clusterName}</strong>
            {r.resourceGroup ? ` in resource group ${r.resourceGroup}` : ''}, its Azure Arc resources and
            Azure AD application, and the resource group if registration created it and nothing else is in it.
            Azure Stack HCI can&apos;t sync with Azure until you register again.
          </>
        }
        confirmLabel="Unregister"
        cancelLabel="Cancel"
        busy={unregister.isPending}
        error={actionError}
        onCancel={() => setConfirmUnregister(false)}
        onConfirm={() => {
          setActionError(null);
          unregister.mutate(undefined, {
            onSuccess: (job) => {
              setLastJobId(job.id);
              setConfirmUnregister(false);
            },
            onError: (error) => setActionError(errorMessage(error)),
          });
        }}
      />
      <RegisterWizard cluster={clusterName} open={wizardOpen} onClose={() => setWizardOpen(false)} />
    </div>
  );
}
