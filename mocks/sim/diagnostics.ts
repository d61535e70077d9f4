/**
 * What the Diagnostics tool reads: `sc.exe query hcisvc` per server, and the countdowns that follow from
 * stored timestamps — days until the cluster falls OutOfPolicy, until each server's Azure Benefits
 * certificate expires, until each Arc machine expires. They are derived at read time (a 30-day jump stores
 * nothing for them); each turns into an alert seven days before it happens.
 */
import { SimError } from './core';
import { ARC_EXPIRED_AFTER, clusterNodes, lastHeartbeat, registrationView } from './derive';
import { logEvent } from './events';
import { injectFault, repairFault } from './faults';
import { DAY } from './model';
import type { ClusterNode, Millis, World } from './model';
import { own } from './lookup';

export const ALERT_WINDOW: Millis = 7 * DAY;

export interface ServiceStatus {
  serviceName: 'hcisvc';
  type: '20  WIN32_SHARE_PROCESS';
  state: '4  RUNNING' | '1  STOPPED';
  win32ExitCode: string;
  serviceExitCode: string;
  checkpoint: '0x0';
  waitHint: '0x0';
}

/** The fields `sc.exe query hcisvc` prints; undefined when the server does not answer. */
export function hcisvcStatus(node: ClusterNode): ServiceStatus | undefined {
  if (node.power !== 'Up') return undefined;
  return {
    serviceName: 'hcisvc',
    type: '20  WIN32_SHARE_PROCESS',
    state: node.hcisvcRunning ? '4  RUNNING' : '1  STOPPED',
    win32ExitCode: node.hcisvcRunning ? '0  (0x0)' : '1077  (0x435)',
    serviceExitCode: '0  (0x0)',
    checkpoint: '0x0',
    waitHint: '0x0',
  };
}

/** The text of `sc.exe query hcisvc`, as the console shows it. */
export function scQueryText(status: ServiceStatus): string {
  return [
    '',
    `SERVICE_NAME: ${status.serviceName}`,
    `        TYPE               : ${status.type}`,
    `        STATE              : ${status.state}`,
    status.state === '4  RUNNING'
      ? '                                (STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)'
      : '                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    `        WIN32_EXIT_CODE    : ${status.win32ExitCode}`,
    `        SERVICE_EXIT_CODE  : ${status.serviceExitCode}`,
    `        CHECKPOINT         : ${status.checkpoint}`,
    `        WAIT_HINT          : ${status.waitHint}`,
  ].join('\n');
}

export interface Countdown {
  kind: 'out-of-policy' | 'benefits-certificate' | 'arc-expiry';
  subject: string;
  title: string;
  at: Millis;
  daysLeft: number;
  alert: boolean;
  message: string;
}

const days = (at: Millis, now: Millis) => Math.max(0, Math.ceil((at - now) / DAY));
const date = (at: Millis) => new Date(at).toISOString().slice(0, 10);

function countdown(
  kind: Countdown['kind'],
  subject: string,
  title: string,
  at: Millis,
  now: Millis,
  upcoming: string,
  past: string,
): Countdown {
  const left = days(at, now);
  const alert = at - now <= ALERT_WINDOW;
  return {
    kind,
    subject,
    title,
    at,
    daysLeft: left,
    alert,
    message:
      now >= at
        ? past
        : alert
          ? `${upcoming} in ${left} day${left === 1 ? '' : 's'}, on ${date(at)}.`
          : `${upcoming} on ${date(at)}.`,
  };
}

/** Every countdown of one cluster, soonest first. */
export function clusterCountdowns(world: World, clusterName: string, now: Millis): Countdown[] {
  const cluster = own(world.clusters, clusterName);
  if (!cluster) return [];
  const out: Countdown[] = [];
  const view = registrationView(world, cluster, now);
  if (view.outOfPolicyAt !== undefined) {
    out.push(
      countdown(
        'out-of-policy',
        cluster.name,
        cluster.registration ? 'Out of policy without a sync' : 'Registration deadline',
        view.outOfPolicyAt,
        now,
        cluster.registration
          ? `${cluster.name} falls OutOfPolicy unless it syncs with Azure`
          : `${cluster.name} falls OutOfPolicy unless it is registered`,
        `${cluster.name} is OutOfPolicy: new VMs can't be created.`,
      ),
    );
  }
  for (const node of clusterNodes(world, cluster.name)) {
    if (node.attestation.enabled && node.attestation.expiresAt !== undefined) {
      out.push(
        countdown(
          'benefits-certificate',
          node.name,
          'Azure Benefits certificate',
          node.attestation.expiresAt,
          now,
          `The Azure Benefits certificate of ${node.name} expires`,
          `The Azure Benefits certificate of ${node.name} has expired: sync with Azure.`,
        ),
      );
    }
    if (node.arc.installed && node.arc.machineResourceId !== undefined) {
      const last = lastHeartbeat(node.arc, now);
      // a machine still sending heartbeats never expires; count only from the last one that reached Azure
      if (last !== undefined && node.arc.heartbeatAnchor === undefined) {
        out.push(
          countdown(
            'arc-expiry',
            node.name,
            'Azure Arc machine',
            last + ARC_EXPIRED_AFTER,
            now,
            `The Azure Arc machine ${node.name} expires`,
            `The Azure Arc machine ${node.name} has expired: disconnect and reconnect its agent.`,
          ),
        );
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** hcisvc start/stop, consistent with the `hcisvc-stopped` fault (starting clears it for that node). */
export function setHcisvc(
  draft: World,
  clusterName: string | undefined,
  nodeName: string,
  running: boolean,
  now: Millis,
): string {
  const node = own(draft.nodes, nodeName);
  if (!node || (clusterName !== undefined && node.cluster !== clusterName))
    throw new SimError(
      'not-found',
      'ServerNotFound',
      `There is no server named '${nodeName}'${clusterName ? ` in ${clusterName}` : ''}.`,
    );
  if (node.power !== 'Up')
    throw new SimError(
      'unavailable',
      'ServerUnreachable',
      `[SC] OpenSCManager FAILED 1722: The RPC server is unavailable. (${node.name} is not responding.)`,
    );
  if (running) {
    if (node.hcisvcRunning)
      throw new SimError(
        'conflict',
        'ServiceAlreadyRunning',
        '[SC] StartService FAILED 1056: An instance of the service is already running.',
      );
    repairFault(draft, 'hcisvc-stopped', node.name, now);
    node.hcisvcRunning = true;
    logEvent(
      draft,
      node.name,
      {
        channel: 'Microsoft-AzureStack-HCI/Admin',
        source: 'Microsoft-AzureStack-HCI',
        id: 500,
        level: 'Information',
        message: 'The Azure Stack HCI service (hcisvc) started.',
      },
      now,
    );
    return `hcisvc started on ${node.name}.`;
  }
  if (!node.hcisvcRunning)
    throw new SimError(
      'conflict',
      'ServiceNotActive',
      '[SC] ControlService FAILED 1062: The service has not been started.',
    );
  injectFault(draft, 'hcisvc-stopped', node.name, now);
  return `hcisvc stopped on ${node.name}.`;
}
