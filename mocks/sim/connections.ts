/**
 * Windows Admin Center's All connections list: add, Edit Tags / Manage as, remove, and the status each row
 * shows. The /api routes parse the request and call these; every rule of the list is here.
 */
import { SimError, nextSeq } from './core';
import { clusterNodes, registrationView } from './derive';
import { own, quote, setOwn } from './lookup';
import type { ConnectionType, GatewayConnection, Millis, OnPremCluster, World } from './model';
import { makeNode } from './scenarios';

/** What the Status column shows, with the short explanation beside Warning and Server Unreachable. */
export interface ConnectionStatus {
  status: 'Online' | 'Warning' | 'Server Unreachable';
  statusDetail?: string;
}

/** The account WAC manages a new connection as until "Manage as" changes it. */
export const DEFAULT_MANAGING_AS = 'CONTOSO\\hciadmin';

export function findConnection(world: World, type: string, name: string): GatewayConnection | undefined {
  return world.gateway.connections.find(
    (c) => c.type === type && c.name.toLowerCase() === name.toLowerCase(),
  );
}

function requireConnection(world: World, type: string, name: string): GatewayConnection {
  const existing = findConnection(world, type, name);
  if (!existing)
    throw new SimError('not-found', 'ConnectionNotFound', `'${quote(name)}' is not in the connections list.`);
  return existing;
}

const cleanTags = (tags: readonly string[]) => [
  ...new Set(tags.map((t) => t.trim()).filter((t) => t !== '')),
];

/** + Add: a cluster the world does not have yet is installed now, as a new unregistered two-node cluster. */
export function addConnection(
  draft: World,
  input: { name: string; type: ConnectionType; tags?: readonly string[] },
  now: Millis,
): GatewayConnection {
  const name = input.name.trim();
  if (findConnection(draft, input.type, name))
    throw new SimError(
      'conflict',
      'ConnectionExists',
      `'${quote(name)}' is already in the connections list.`,
    );
  if (input.type === 'cluster' && !own(draft.clusters, name)) addSimulatedCluster(draft, name, now);
  const connection: GatewayConnection = {
    name,
    type: input.type,
    managingAs: DEFAULT_MANAGING_AS,
    tags: cleanTags(input.tags ?? []),
    addedAt: now,
  };
  draft.gateway.connections.push(connection);
  return connection;
}

/** Edit Tags and Manage as: only what is given changes. */
export function updateConnection(
  draft: World,
  type: string,
  name: string,
  change: {
    tags?: readonly string[] | undefined;
    managingAs?: string | undefined;
    password?: string | undefined;
    allConnections?: boolean | undefined;
  },
): GatewayConnection {
  const existing = requireConnection(draft, type, name);
  if ((change.password !== undefined || change.allConnections === true) && change.managingAs === undefined)
    throw new SimError('bad-request', 'InvalidParameter', 'Enter the account to manage the connection as.', {
      target: 'managingAs',
    });
  if (change.tags !== undefined) existing.tags = cleanTags(change.tags);
  if (change.managingAs !== undefined) {
    const managingAs = change.managingAs.trim();
    // Credentials for all connections: WAC's "Use these credentials for all connections".
    const targets = change.allConnections === true ? draft.gateway.connections : [existing];
    for (const c of targets) {
      c.managingAs = managingAs;
      if (change.password === undefined) delete c.password;
      else c.password = change.password;
    }
  }
  return existing;
}

export function removeConnection(draft: World, type: string, name: string): void {
  const existing = requireConnection(draft, type, name);
  draft.gateway.connections = draft.gateway.connections.filter((c) => c !== existing);
}

/** The All connections list's Type column (ui.md: "Server clusters", "Servers"). */
export const connectionTypeLabel = (type: GatewayConnection['type']): string =>
  type === 'cluster' ? 'Server clusters' : 'Servers';

// The status details are the simulation's words: no reference gives WAC's explanation texts.
export function connectionStatus(world: World, c: GatewayConnection, now: Millis): ConnectionStatus {
  if (c.type === 'cluster') {
    const nodes = clusterNodes(world, c.name);
    if (nodes.length === 0)
      return { status: 'Server Unreachable', statusDetail: 'No cluster by this name answers.' };
    const down = nodes.filter((n) => n.power === 'Down');
    if (down.length === nodes.length)
      return { status: 'Server Unreachable', statusDetail: 'No server of the cluster answers.' };
    if (down.length > 0)
      return {
        status: 'Warning',
        statusDetail: `${down.map((n) => n.name).join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`,
      };
    const cluster = own(world.clusters, c.name);
    if (cluster && registrationView(world, cluster, now).registrationStatus === 'OutOfPolicy')
      return { status: 'Warning', statusDetail: 'Azure Stack HCI is out of policy.' };
    return { status: 'Online' };
  }
  const node = own(world.nodes, c.name);
  if (!node) return { status: 'Server Unreachable', statusDetail: 'This server does not answer.' };
  if (node.power === 'Down')
    return { status: 'Server Unreachable', statusDetail: 'The server is not responding.' };
  return { status: 'Online' };
}

function addSimulatedCluster(draft: World, name: string, now: Millis): void {
  const short = name.split('.')[0] ?? name;
  const cluster: OnPremCluster = {
    name,
    domain: name.includes('.') ? name.slice(short.length + 1) : 'contoso.local',
    fqdn: name.includes('.') ? name : `${name}.contoso.local`,
    installedAt: now,
    clusteredAt: now,
    osBuild: '20349.1607',
    osDisplayVersion: '22H2',
    nodeNames: [],
    imdsAttestation: 'Disabled',
    diagnosticLevel: 'Basic',
    logFiles: [],
  };
  setOwn(draft.clusters, name, cluster);
  for (let i = 1; i <= 2; i++) {
    const nodeName = `${short}-n${i}`;
    if (own(draft.nodes, nodeName)) continue;
    cluster.nodeNames.push(nodeName);
    setOwn(draft.nodes, nodeName, {
      ...makeNode(name, nodeName, i - 1, now, now),
      serialNumber: `SIM${String(nextSeq(draft)).padStart(6, '0')}`,
      coreCount: 16,
      memoryGiB: 256,
      lastBootAt: now,
    });
  }
}
