/** Per-node event logs and the gateway's notifications. Both are capped so long simulations stay small. */
import { own } from './lookup';
import { SimError, nextSeq } from './core';
import { requireNode } from './cluster-lookup';
import type { EventChannel, EventLevel, Millis, NodeEvent, Notification, World } from './model';

const MAX_EVENTS = 20_000;
const MAX_NOTIFICATIONS = 200;

export interface EventInput {
  channel: EventChannel;
  source: string;
  id: number;
  level: EventLevel;
  message: string;
}

export function logEvent(draft: World, node: string, input: EventInput, at: Millis): void {
  draft.events.push({ seq: nextSeq(draft), node, time: at, ...input });
  if (draft.events.length > MAX_EVENTS * 1.1) draft.events.splice(0, draft.events.length - MAX_EVENTS);
}

export function notify(draft: World, input: Omit<Notification, 'id' | 'read'>): void {
  draft.notifications.push({ ...input, id: `n${nextSeq(draft)}`, read: false });
  if (draft.notifications.length > MAX_NOTIFICATIONS)
    draft.notifications.splice(0, draft.notifications.length - MAX_NOTIFICATIONS);
}

/** Messages of the Microsoft-AzureStack-HCI/Admin channel (behaviour.md §3.4), verbatim. */
export const HCI_ADMIN_EVENTS = {
  585: {
    level: 'Warning',
    message:
      'Azure Stack HCI failed to renew license from Azure. To get more details about the specific error, enable the Microsoft-AzureStack-HCI/Debug event channel.',
  },
  591: {
    level: 'Error',
    message:
      'Azure Stack HCI failed to connect with Azure. If you continue to see this error, try running Register-AzStackHCI again with the -RepairRegistration parameter.',
  },
  592: {
    level: 'Information',
    message:
      'Azure Stack HCI has initiated a repair of its data. No further action from the user is required at this time.',
  },
  594: {
    level: 'Error',
    message:
      'Azure Stack HCI encountered an error accessing its data. To repair, please check which nodes are affected - if the entire cluster is OutOfPolicy (run Get-AzureStackHCI) please run Unregister-AzStackHCI on the cluster, restart and then run Register-AzStackHCI. If only this node is affected, remove this node from the cluster, restart and wait for repair to complete, then rejoin to cluster.',
  },
} as const satisfies Record<number, { level: EventLevel; message: string }>;

export function logHciAdmin(draft: World, node: string, id: keyof typeof HCI_ADMIN_EVENTS, at: Millis): void {
  const event = HCI_ADMIN_EVENTS[id];
  logEvent(
    draft,
    node,
    {
      channel: 'Microsoft-AzureStack-HCI/Admin',
      source: 'Microsoft-AzureStack-HCI',
      id,
      level: event.level,
      message: event.message,
    },
    at,
  );
}

/** hcisvc debug lines go to the Debug channel only once it has been enabled (wevtutil sl /e:true). */
export function logHciDebug(draft: World, node: string, message: string, at: Millis): void {
  if (!own(draft.nodes, node)?.debugChannelEnabled) return;
  logEvent(
    draft,
    node,
    {
      channel: 'Microsoft-AzureStack-HCI/Debug',
      source: 'Microsoft-AzureStack-HCI',
      id: 1000,
      level: 'Verbose',
      message,
    },
    at,
  );
}

/** Formats a log line as the HCI registration logs do: `yyyy/MM/dd HH:mm:ss , LEVEL , message`. */
export function logLine(
  at: Millis,
  level: 'INFO' | 'WARN' | 'ERROR' | 'FATAL' | 'DEBUG',
  message: string,
): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${stamp} , ${level} , ${message}`;
}

/** RegisterHCI_{yyyymmdd-hhmm}.log and friends */
export function logFileName(prefix: string, at: Millis): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}_${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}.log`;
}

/** What Event Viewer reads from a server: its newest 1,000 events (of one channel), newest first. */
export function readNodeEvents(world: World, nodeName: string, channel: string | undefined): NodeEvent[] {
  const node = requireNode(world, nodeName);
  if (node.power === 'Down')
    throw new SimError(
      'unavailable',
      'ServerUnreachable',
      `Couldn't read the event log of '${node.name}': the server is not responding.`,
    );
  return world.events
    .filter((e) => e.node === node.name && (channel === undefined || e.channel === channel))
    .slice(-1000)
    .reverse();
}

export function markNotificationsRead(draft: World): void {
  for (const n of draft.notifications) n.read = true;
}

export function clearNotifications(draft: World): void {
  draft.notifications = [];
}

export function dismissNotification(draft: World, id: string): void {
  const before = draft.notifications.length;
  draft.notifications = draft.notifications.filter((n) => n.id !== id);
  if (draft.notifications.length === before)
    throw new SimError('not-found', 'NotificationNotFound', 'That notification was already cleared.');
}

/** The notification pane's order: newest first. */
export const notificationsNewestFirst = (world: World): Notification[] => [...world.notifications].reverse();
