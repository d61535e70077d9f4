import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, PlayRegular, StopRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { NodeEventDto } from '@/api/contract';
import type { DiagnosticsNodeDto } from '@/api/lab-contract';
import { PageHeader } from '@/components/page-header/page-header';
import { sectionStyles } from '@/components/page-section/section-styles';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { ShowPowerShell } from '@/components/show-powershell/show-powershell';
import { TroubleshootLink } from '@/components/show-powershell/troubleshoot-link';
import { fetchLogFile, logQueries } from '@/api/queries/log-queries';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { downloadBlob, downloadText } from '@/lib/download-file';

import { formatDateTime } from '@/lib/format';
import { enableDebugChannel, startHcisvc, stopHcisvc } from '@/lib/powershell';
import { useEnableDebug, useHcisvc } from '../api/diagnostics-mutations';
import { diagnosticsQueries } from '../api/diagnostics-queries';

const useStyles = makeStyles({
  ...sectionStyles,
  nodes: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  node: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pre: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    color: tokens.colorNeutralForeground1,
  },
  name: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  tableWrap: { maxHeight: '420px', overflow: 'auto' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export const CHANNELS = [
  { value: 'Microsoft-AzureStack-HCI/Admin', label: 'Microsoft-AzureStack-HCI/Admin' },
  { value: 'Microsoft-AzureStack-HCI/Debug', label: 'Microsoft-AzureStack-HCI/Debug' },
  { value: 'Application', label: 'Application (HCI Registration)' },
] as const;

const LEVELS = ['Critical', 'Error', 'Warning', 'Information', 'Verbose'] as const;

/** Events as CSV, as Event Viewer's "Save as" writes them: Level, Date and Time, Source, Event ID, Message. */
export function eventsCsv(events: NodeEventDto[]): string {
  const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [
    'Level,Date and Time,Source,Event ID,Task Category,Message',
    ...events.map((e) => [e.level, e.time, e.source, e.id, 'None', e.message].map(q).join(',')),
  ].join('\r\n');
}

function ServiceCard({ cluster, node }: { cluster: string; node: DiagnosticsNodeDto }) {
  const styles = useStyles();
  const hcisvc = useHcisvc(cluster);
  const debug = useEnableDebug(cluster);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const running = node.service?.state === '4  RUNNING';
  const text = node.service
    ? [
        `SERVICE_NAME: ${node.service.serviceName}`,
        `        TYPE               : ${node.service.type}`,
        `        STATE              : ${node.service.state}`,
        `        WIN32_EXIT_CODE    : ${node.service.win32ExitCode}`,
        `        SERVICE_EXIT_CODE  : ${node.service.serviceExitCode}`,
        `        CHECKPOINT         : ${node.service.checkpoint}`,
        `        WAIT_HINT          : ${node.service.waitHint}`,
      ].join('\n')
    : `[SC] OpenSCManager FAILED 1722:\n\nThe RPC server is unavailable. (${node.name} is not responding.)`;
  const act = (action: 'start' | 'stop') =>
    hcisvc.mutate(
      { node: node.name, action },
      {
        onSuccess: (r) => setStatus({ ok: true, text: r.message }),
        onError: (e) => setStatus({ ok: false, text: errorMessage(e) }),
      },
    );
  return (
    <div className={styles.node} data-testid={`service-${node.name}`}>
      <div className={styles.row}>
        <span className={styles.name}>{node.name}</span>
        {node.service ? (
          <Badge color={running ? 'success' : 'danger'}>{running ? 'Running' : 'Stopped'}</Badge>
        ) : (
          <Badge color="danger">Not responding</Badge>
        )}
      </div>
      <pre className={styles.pre} aria-label={`sc.exe query hcisvc on ${node.name}`}>
        {text}
      </pre>
      <div className={styles.row}>
        <Button
          size="small"
          icon={<PlayRegular />}
          disabled={!node.service || running || hcisvc.isPending}
          onClick={() => act('start')}
          aria-label={`Start hcisvc on ${node.name}`}
        >
          Start
        </Button>
        <Button
          size="small"
          icon={<StopRegular />}
          disabled={!node.service || !running || hcisvc.isPending}
          onClick={() => act('stop')}
          aria-label={`Stop hcisvc on ${node.name}`}
        >
          Stop
        </Button>
        <ShowPowerShell
          size="small"
          appearance="secondary"
          title={`hcisvc on ${node.name}`}
          commands={[running ? stopHcisvc(node.name) : startHcisvc(node.name)]}
        />
        {node.debugChannelEnabled ? (
          <Text className={styles.muted}>Debug log on</Text>
        ) : (
          <Button
            size="small"
            disabled={!node.service || debug.isPending}
            aria-label={`Enable the Debug log on ${node.name}`}
            title={enableDebugChannel(node.name).join('\n')}
            onClick={() =>
              debug.mutate(node.name, {
                onSuccess: (r) => setStatus({ ok: true, text: r.message }),
                onError: (e) => setStatus({ ok: false, text: errorMessage(e) }),
              })
            }
          >
            Enable Debug log
          </Button>
        )}
      </div>
      {status && (
        <Text role={status.ok ? 'status' : 'alert'} className={styles.muted}>
          {status.text}
        </Text>
      )}
    </div>
  );
}

function EventViewer({ cluster, nodes }: { cluster: string; nodes: DiagnosticsNodeDto[] }) {
  const styles = useStyles();
  const [node, setNode] = useState(nodes[0]?.name ?? '');
  const [channel, setChannel] = useState<string>(CHANNELS[0].value);
  const [level, setLevel] = useState('');
  const [filter, setFilter] = useState('');
  const ids = { node: useId(), channel: useId(), level: useId() };
  const events = useQuery(diagnosticsQueries.events(node, channel));
  const nodeInfo = nodes.find((n) => n.name === node);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (events.data ?? []).filter(
      (e) =>
        (level === '' || e.level === level) &&
        (f === '' || `${e.id} ${e.source} ${e.message}`.toLowerCase().includes(f)),
    );
  }, [events.data, level, filter]);
  return (
    <section className={styles.section} aria-labelledby="diag-events">
      <h3 id="diag-events" className={styles.h3}>
        Event viewer
      </h3>
      <div className={styles.row}>
        <Field label="Server">
          <Select id={ids.node} value={node} onChange={(_e, d) => setNode(d.value)}>
            {nodes.map((n) => (
              <option key={n.name}>{n.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="Channel">
          <Select id={ids.channel} value={channel} onChange={(_e, d) => setChannel(d.value)}>
            {CHANNELS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level">
          <Select id={ids.level} value={level} onChange={(_e, d) => setLevel(d.value)}>
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </Select>
        </Field>
        <Field label="Filter">
          <Input value={filter} onChange={(_e, d) => setFilter(d.value)} placeholder="Event ID or text" />
        </Field>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={shown.length === 0}
          onClick={() =>
            downloadText(`${node}-${channel.replace(/[/\\]/g, '-')}.csv`, eventsCsv(shown), 'text/csv')
          }
        >
          Export
        </Button>
      </div>
      {channel === 'Microsoft-AzureStack-HCI/Debug' && nodeInfo && !nodeInfo.debugChannelEnabled && (
        <MessageBar intent="info">
          <MessageBarBody>
            The Debug channel is off on {node}, so nothing is logged to it. Enable it in the service card
            above (wevtutil.exe sl /q /e:true Microsoft-AzureStack-HCI/Debug).
          </MessageBarBody>
        </MessageBar>
      )}
      {events.isPending && node !== '' && <LoadingState label="Reading the event log..." />}
      {isLoadFailure(events) && (
        <ErrorState
          error={events.error}
          title={`Couldn't read the event log of ${node}`}
          onRetry={() => void events.refetch()}
        />
      )}
      {events.data && (
        <>
          <Text className={styles.muted} role="status">
            {shown.length} of {events.data.length} event{events.data.length === 1 ? '' : 's'}
          </Text>
          <div className={styles.tableWrap}>
            <Table size="small" aria-label={`Events of ${node}, ${channel}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '110px' }}>Level</TableHeaderCell>
                  <TableHeaderCell style={{ width: '80px' }}>Event ID</TableHeaderCell>
                  <TableHeaderCell style={{ width: '190px' }}>Date and time</TableHeaderCell>
                  <TableHeaderCell style={{ width: '170px' }}>Source</TableHeaderCell>
                  <TableHeaderCell>Message</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.slice(0, 500).map((e) => (
                  <TableRow key={e.seq}>
                    <TableCell>{e.level}</TableCell>
                    <TableCell>{e.id}</TableCell>
                    <TableCell>{formatDateTime(e.time)}</TableCell>
                    <TableCell>{e.source}</TableCell>
                    <TableCell className={styles.message}>
                      {e.message}{' '}
                      {e.level === 'Error' || e.level === 'Warning' ? (
                        <TroubleshootLink cluster={cluster} error={e.message}>
                          Troubleshoot
                        </TroubleshootLink>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

function RegistrationLogs({ cluster }: { cluster: string }) {
  const styles = useStyles();
  const logs = useQuery(logQueries.list(cluster));
  const [problem, setProblem] = useState<string | null>(null);
  const get = async (name: string) => {
    setProblem(null);
    try {
      const { blob } = await fetchLogFile(cluster, name);
      downloadBlob(name, blob);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <section className={styles.section} aria-labelledby="diag-logs">
      <h3 id="diag-logs" className={styles.h3}>
        Registration logs
      </h3>
      <Text className={styles.muted}>
        RegisterHCI_… and UnregisterHCI_… logs written by each attempt
        (C:\ProgramData\AzureStackHCI\Registration).
      </Text>
      {logs.isPending && <LoadingState label="Listing the logs..." />}
      {isLoadFailure(logs) && (
        <ErrorState
          error={logs.error}
          title="Couldn't list the registration logs"
          onRetry={() => void logs.refetch()}
        />
      )}
      {logs.data?.length === 0 && <Text>No registration has been attempted on this cluster yet.</Text>}
      {logs.data && logs.data.length > 0 && (
        <ul className={styles.list}>
          {logs.data.map((l) => (
            <li key={l.name} className={styles.row}>
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownloadRegular />}
                onClick={() => void get(l.name)}
              >
                {l.name}
              </Button>
              <Text className={styles.muted}>
                {formatDateTime(l.createdAt)} · {l.lineCount} lines
              </Text>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** Diagnostics: alerts and countdowns, hcisvc per server, the event viewer, registration logs, the troubleshooter. */
export function DiagnosticsPage({ clusterName }: { clusterName: string }) {
  const styles = useStyles();
  const diag = useQuery(diagnosticsQueries.cluster(clusterName));
  useMarkAppReady(!diag.isPending);
  return (
    <PageLayout>
      <PageHeader title="Diagnostics">
        <RouterLink
          to={`/connections/cluster/${encodeURIComponent(clusterName)}/tools/diagnostics/troubleshoot`}
        >
          Open the troubleshooter
        </RouterLink>
      </PageHeader>
      {diag.isPending && <LoadingState />}
      {isLoadFailure(diag) && (
        <ErrorState
          error={diag.error}
          title="Couldn't load the diagnostics"
          onRetry={() => void diag.refetch()}
        />
      )}
      {diag.data && (
        <>
          <section className={styles.section} aria-labelledby="diag-countdowns">
            <h3 id="diag-countdowns" className={styles.h3}>
              Countdowns
            </h3>
            {diag.data.countdowns
              .filter((c) => c.alert)
              .map((c) => (
                <MessageBar key={`${c.kind}-${c.subject}`} intent={c.daysLeft === 0 ? 'error' : 'warning'}>
                  <MessageBarBody>
                    <MessageBarTitle>{c.title}</MessageBarTitle>
                    {c.message}
                  </MessageBarBody>
                </MessageBar>
              ))}
            {diag.data.countdowns.length === 0 ? (
              <Text>
                Nothing is due: the cluster is registered and in sync, and every Arc machine is sending
                heartbeats.
              </Text>
            ) : (
              <Table size="small" aria-label="Countdowns">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>What</TableHeaderCell>
                    <TableHeaderCell>For</TableHeaderCell>
                    <TableHeaderCell>Days left</TableHeaderCell>
                    <TableHeaderCell>When</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {diag.data.countdowns.map((c) => (
                    <TableRow key={`${c.kind}-${c.subject}`}>
                      <TableCell>{c.title}</TableCell>
                      <TableCell>{c.subject}</TableCell>
                      <TableCell>{c.daysLeft}</TableCell>
                      <TableCell>{formatDateTime(c.at)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
          <section className={styles.section} aria-labelledby="diag-services">
            <h3 id="diag-services" className={styles.h3}>
              Azure Stack HCI service (hcisvc)
            </h3>
            <div className={styles.nodes}>
              {diag.data.nodes.map((n) => (
                <ServiceCard key={n.name} cluster={clusterName} node={n} />
              ))}
            </div>
          </section>
          <EventViewer cluster={clusterName} nodes={diag.data.nodes} />
          <RegistrationLogs cluster={clusterName} />
        </>
      )}
    </PageLayout>
  );
}
