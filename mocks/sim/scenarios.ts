/**
 * Named presets (SPEC §5). Each builds a whole world for a given `now`, deterministically: the same name
 * and time give the same world, ids included (no randomness but a seeded generator for `large`).
 */
import { rgKey } from './arm-ids';
import { guidFrom, SimError } from './core';
import { SYNC_INTERVAL, clusterNodes } from './derive';
import { logEvent, logHciAdmin } from './events';
import { DAY, HOUR, MINUTE, SCHEMA_VERSION } from './model';
import type { CloudName, ClusterNode, Millis, OnPremCluster, VirtualMachine, WapCloud, World } from './model';
import { CLOUDS } from './clouds';
import { refreshAllHeartbeats } from './reachability';
import {
  applyRegistration,
  createApp,
  ensureResourceGroup,
  onboardNodeToArc,
  recordSync,
  scheduleNextSync,
  systemData,
} from './registration';
import { injectFault } from './faults';
import { own } from './lookup';

export const CONTOSO_TENANT = guidFrom('tenant:contoso', 1);
export const FABRIKAM_TENANT = guidFrom('tenant:fabrikam', 1);
export const PROD_SUBSCRIPTION = guidFrom('subscription:contoso-production', 1);
export const DEV_SUBSCRIPTION = guidFrom('subscription:contoso-devtest', 1);
export const FABRIKAM_SUBSCRIPTION = guidFrom('subscription:fabrikam-lab', 1);
/** Contoso's directories in Azure China and Azure US Government: separate tenants, accounts and subscriptions. */
export const SOVEREIGN = {
  AzureChinaCloud: {
    tenantId: guidFrom('tenant:contoso-china', 1),
    subscriptionId: guidFrom('subscription:contoso-china', 1),
    upn: 'admin@contoso.partner.onmschina.cn',
    domain: 'contoso.partner.onmschina.cn',
    displayName: 'Contoso (Azure China)',
  },
  AzureUSGovernment: {
    tenantId: guidFrom('tenant:contoso-government', 1),
    subscriptionId: guidFrom('subscription:contoso-government', 1),
    upn: 'admin@contoso.onmicrosoft.us',
    domain: 'contoso.onmicrosoft.us',
    displayName: 'Contoso (Azure Government)',
  },
} as const;
export const ADMIN_UPN = 'admin@contoso.onmicrosoft.com';
export const OPERATOR_UPN = 'operator@contoso.onmicrosoft.com';
export const AUDITOR_UPN = 'auditor@contoso.onmicrosoft.com';
export const GATEWAY_HOST = 'wac.contoso.local';
export const DOMAIN = 'contoso.local';
export const TOKEN_LIFETIME: Millis = 90 * DAY;

export interface ScenarioInfo {
  name: string;
  description: string;
}

interface Scenario extends ScenarioInfo {
  build: (now: Millis) => World;
}

// ───────────── building blocks ─────────────

function emptyWorld(scenario: string, now: Millis): World {
  return {
    schemaVersion: SCHEMA_VERSION,
    scenario,
    clockOffsetMs: 0,
    processedUntil: now,
    nextSeq: 1000,
    cloud: {
      tenants: {},
      users: {},
      subscriptions: {},
      resourceGroups: {},
      hciClusters: {},
      machines: {},
      apps: {},
    },
    gateway: { hostName: GATEWAY_HOST, connections: [] },
    clusters: {},
    nodes: {},
    vms: {},
    wapClouds: {},
    jobs: {},
    events: [],
    notifications: [],
    faults: [],
    schedule: [],
  };
}

function addCloudDirectory(w: World, now: Millis): void {
  w.cloud.tenants[CONTOSO_TENANT] = {
    tenantId: CONTOSO_TENANT,
    displayName: 'Contoso',
    defaultDomain: 'contoso.onmicrosoft.com',
    cloud: 'AzureCloud',
  };
  w.cloud.tenants[FABRIKAM_TENANT] = {
    tenantId: FABRIKAM_TENANT,
    displayName: 'Fabrikam',
    defaultDomain: 'fabrikam.onmicrosoft.com',
    cloud: 'AzureCloud',
  };
  const subs = [
    { id: PROD_SUBSCRIPTION, name: 'Contoso Production', tenant: CONTOSO_TENANT },
    { id: DEV_SUBSCRIPTION, name: 'Contoso Dev/Test', tenant: CONTOSO_TENANT },
    { id: FABRIKAM_SUBSCRIPTION, name: 'Fabrikam Lab', tenant: FABRIKAM_TENANT },
  ];
  for (const s of subs) {
    w.cloud.subscriptions[s.id] = {
      subscriptionId: s.id,
      displayName: s.name,
      tenantId: s.tenant,
      state: 'Enabled',
      providers: {
        'Microsoft.AzureStackHCI': 'NotRegistered',
        'Microsoft.HybridCompute': 'NotRegistered',
        'Microsoft.GuestConfiguration': 'NotRegistered',
        'Microsoft.HybridConnectivity': 'NotRegistered',
        'Microsoft.Resources': 'Registered',
      },
    };
  }
  w.cloud.users[ADMIN_UPN] = {
    upn: ADMIN_UPN,
    displayName: 'Contoso Admin',
    objectId: guidFrom(`user:${ADMIN_UPN}`, 1),
    tenantIds: [CONTOSO_TENANT, FABRIKAM_TENANT],
    roleAssignments: [
      { subscriptionId: PROD_SUBSCRIPTION, role: 'Owner' },
      { subscriptionId: DEV_SUBSCRIPTION, role: 'Owner' },
      { subscriptionId: FABRIKAM_SUBSCRIPTION, role: 'Contributor' },
    ],
    canGrantAdminConsent: true,
  };
  w.cloud.users[OPERATOR_UPN] = {
    upn: OPERATOR_UPN,
    displayName: 'Cluster Operator',
    objectId: guidFrom(`user:${OPERATOR_UPN}`, 1),
    tenantIds: [CONTOSO_TENANT],
    roleAssignments: [{ subscriptionId: PROD_SUBSCRIPTION, role: 'Contributor' }],
    canGrantAdminConsent: false,
  };
  w.cloud.users[AUDITOR_UPN] = {
    upn: AUDITOR_UPN,
    displayName: 'Compliance Auditor',
    objectId: guidFrom(`user:${AUDITOR_UPN}`, 1),
    tenantIds: [CONTOSO_TENANT],
    roleAssignments: [
      { subscriptionId: PROD_SUBSCRIPTION, role: 'Reader' },
      { subscriptionId: DEV_SUBSCRIPTION, role: 'Reader' },
    ],
    canGrantAdminConsent: false,
  };
  // The sovereign clouds are separate worlds of identity: their own tenant, account and subscription each.
  // No source names them; these are the simulation's own.
  for (const [cloud, d] of Object.entries(SOVEREIGN) as [
    CloudName,
    (typeof SOVEREIGN)[keyof typeof SOVEREIGN],
  ][]) {
    w.cloud.tenants[d.tenantId] = {
      tenantId: d.tenantId,
      displayName: d.displayName,
      defaultDomain: d.domain,
      cloud,
    };
    w.cloud.subscriptions[d.subscriptionId] = {
      subscriptionId: d.subscriptionId,
      displayName: `${d.displayName} Production`,
      tenantId: d.tenantId,
      state: 'Enabled',
      providers: {
        'Microsoft.AzureStackHCI': 'NotRegistered',
        'Microsoft.HybridCompute': 'NotRegistered',
        'Microsoft.GuestConfiguration': 'NotRegistered',
        'Microsoft.HybridConnectivity': 'NotRegistered',
        'Microsoft.Resources': 'Registered',
      },
    };
    w.cloud.users[d.upn] = {
      upn: d.upn,
      displayName: `Contoso Admin (${CLOUDS[cloud].displayName})`,
      objectId: guidFrom(`user:${d.upn}`, 1),
      tenantIds: [d.tenantId],
      roleAssignments: [{ subscriptionId: d.subscriptionId, role: 'Owner' }],
      canGrantAdminConsent: true,
    };
  }
  const rgs = [
    { sub: PROD_SUBSCRIPTION, name: 'contoso-infra-rg', location: 'westeurope' },
    { sub: PROD_SUBSCRIPTION, name: 'NetworkWatcherRG', location: 'eastus' },
    { sub: DEV_SUBSCRIPTION, name: 'devtest-labs-rg', location: 'eastus' },
  ];
  for (const rg of rgs) {
    w.cloud.resourceGroups[rgKey(rg.sub, rg.name)] = {
      subscriptionId: rg.sub,
      name: rg.name,
      location: rg.location,
      tags: { environment: rg.sub === PROD_SUBSCRIPTION ? 'production' : 'devtest' },
      provisioningState: 'Succeeded',
      systemData: systemData(ADMIN_UPN, now - 400 * DAY),
    };
  }
}

/** A healthy, freshly installed server of `cluster` (the presets' and "+ Add"'s template). */
export function makeNode(
  cluster: string,
  name: string,
  index: number,
  installedAt: Millis,
  now: Millis,
): ClusterNode {
  return {
    name,
    cluster,
    fqdn: `${name}.${DOMAIN}`,
    power: 'Up',
    hcisvcRunning: true,
    outboundBlocked: false,
    proxyMisconfigured: false,
    clockSkewMs: 0,
    osName: 'Azure Stack HCI',
    osBuild: '20349.1607',
    osDisplayVersion: '22H2',
    manufacturer: 'Dell Inc.',
    model: 'AX-750',
    serialNumber: `CN7${String(4200 + index * 37).padStart(4, '0')}${name.length}X`,
    coreCount: 32,
    memoryGiB: 512,
    tpmPresent: true,
    secureBoot: true,
    tpmCleared: false,
    installedAt,
    lastBootAt: now - 3 * DAY - index * HOUR,
    arc: { installed: false, version: '', connected: false },
    attestation: { hostSwitch: false, enabled: false },
    debugChannelEnabled: false,
  };
}

function addCluster(
  w: World,
  name: string,
  nodeNames: string[],
  installedAt: Millis,
  now: Millis,
): OnPremCluster {
  const cluster: OnPremCluster = {
    name,
    domain: DOMAIN,
    fqdn: `${name}.${DOMAIN}`,
    installedAt,
    clusteredAt: installedAt + 4 * HOUR,
    osBuild: '20349.1607',
    osDisplayVersion: '22H2',
    nodeNames: [...nodeNames],
    imdsAttestation: 'Disabled',
    diagnosticLevel: 'Basic',
    logFiles: [],
  };
  w.clusters[name] = cluster;
  nodeNames.forEach((n, i) => {
    w.nodes[n] = makeNode(name, n, i, installedAt, now);
    logEvent(
      w,
      n,
      {
        channel: 'Microsoft-AzureStack-HCI/Admin',
        source: 'Microsoft-AzureStack-HCI',
        id: 500,
        level: 'Information',
        message: 'The Azure Stack HCI service (hcisvc) started.',
      },
      now - 3 * DAY - i * HOUR,
    );
  });
  w.gateway.connections.push({
    name,
    type: 'cluster',
    managingAs: 'CONTOSO\\hciadmin',
    tags: ['hci'],
    addedAt: installedAt + 5 * HOUR,
    lastConnectedAt: now - 2 * HOUR,
  });
  return cluster;
}

function addVm(
  w: World,
  vm: Omit<VirtualMachine, 'id' | 'checkpoints' | 'attestationNic' | 'createdAt' | 'networks'> & {
    networks?: string[];
  },
  seq: number,
  now: Millis,
): VirtualMachine {
  const full: VirtualMachine = {
    ...vm,
    id: guidFrom(`vm:${vm.cluster}`, seq),
    networks: vm.networks ?? ['ConvergedSwitch'],
    checkpoints: [],
    attestationNic: false,
    createdAt: now - 20 * DAY,
  };
  w.vms[full.id] = full;
  return full;
}

const FRESH_VMS: {
  name: string;
  node: number;
  gen: 1 | 2;
  power: 'Running' | 'Off' | 'Saved';
  cpu: number;
  mem: number;
  os: string;
  clustered: boolean;
}[] = [
  {
    name: 'dc01',
    node: 1,
    gen: 2,
    power: 'Running',
    cpu: 2,
    mem: 4096,
    os: 'Windows Server 2022 Datacenter: Azure Edition',
    clustered: true,
  },
  {
    name: 'legacy-app01',
    node: 1,
    gen: 1,
    power: 'Running',
    cpu: 2,
    mem: 2048,
    os: 'Windows Server 2012 R2 Datacenter',
    clustered: false,
  },
  {
    name: 'sql01',
    node: 2,
    gen: 2,
    power: 'Running',
    cpu: 8,
    mem: 32768,
    os: 'Windows Server 2022 Datacenter: Azure Edition',
    clustered: true,
  },
  {
    name: 'avd-host01',
    node: 2,
    gen: 2,
    power: 'Running',
    cpu: 8,
    mem: 16384,
    os: 'Windows 11 Enterprise multi-session',
    clustered: true,
  },
  {
    name: 'web01',
    node: 3,
    gen: 2,
    power: 'Running',
    cpu: 4,
    mem: 8192,
    os: 'Windows Server 2022 Datacenter',
    clustered: true,
  },
  {
    name: 'build-agent01',
    node: 3,
    gen: 2,
    power: 'Saved',
    cpu: 4,
    mem: 8192,
    os: 'Ubuntu 22.04 LTS',
    clustered: true,
  },
  {
    name: 'web02',
    node: 4,
    gen: 2,
    power: 'Off',
    cpu: 4,
    mem: 8192,
    os: 'Windows Server 2022 Datacenter',
    clustered: true,
  },
  {
    name: 'file01',
    node: 4,
    gen: 2,
    power: 'Running',
    cpu: 4,
    mem: 8192,
    os: 'Windows Server 2019 Datacenter',
    clustered: true,
  },
];

function addWapClouds(w: World, now: Millis): void {
  const make = (name: string, index: number, reachable: boolean): WapCloud => {
    const subscriptionId = guidFrom(`wap-subscription:${name}`, 1);
    const cloud: WapCloud = {
      name,
      displayName: name,
      connectorReachable: reachable,
      connectorLatencyMs: 120 + index * 80,
      knownUsers: [ADMIN_UPN, OPERATOR_UPN],
      subscriptions: [{ subscriptionId, displayName: `${name} Tenant Plan` }],
      vms: {},
      networks: {},
    };
    const netId = guidFrom(`wap-net:${name}`, 1);
    cloud.networks[netId] = {
      id: netId,
      name: `${name.toLowerCase()}-vnet01`,
      addressSpace: `192.168.${10 + index}.0/24`,
      subscriptionId,
    };
    const spareNet = guidFrom(`wap-net:${name}`, 2);
    cloud.networks[spareNet] = {
      id: spareNet,
      name: `${name.toLowerCase()}-vnet02`,
      addressSpace: `192.168.${20 + index}.0/24`,
      subscriptionId,
    };
    ['app', 'db', 'jump'].forEach((role, i) => {
      const id = guidFrom(`wap-vm:${name}`, i + 1);
      cloud.vms[id] = {
        id,
        name: `wap${index}-${role}01`,
        subscriptionId,
        power: i === 2 ? 'Off' : 'Running',
        ...(i === 2 ? {} : { startedAt: now - (5 + i) * DAY }),
        cpuCount: 2,
        memoryMiB: 4096,
        os: 'Windows Server 2016 Datacenter',
        ipAddress: `192.168.${10 + index}.${10 + i}`,
        networkIds: [netId],
        checkpoints: [],
        createdAt: now - 200 * DAY,
      };
    });
    return cloud;
  };
  w.wapClouds.AzurePack_1 = make('AzurePack_1', 1, true);
  w.wapClouds.AzurePack_2 = make('AzurePack_2', 2, true);
}

/** `fresh`: four nodes installed two days ago, nothing registered, nobody signed in. */
function buildFresh(now: Millis, scenario = 'fresh'): World {
  const w = emptyWorld(scenario, now);
  addCloudDirectory(w, now);
  const installedAt = now - 2 * DAY;
  const nodes = ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'];
  addCluster(w, 'hci-cluster01', nodes, installedAt, now);
  for (const n of nodes) {
    w.gateway.connections.push({
      name: n,
      type: 'server',
      managingAs: 'CONTOSO\\hciadmin',
      tags: ['hci'],
      addedAt: installedAt + 5 * HOUR,
    });
  }
  FRESH_VMS.forEach((v, i) => {
    addVm(
      w,
      {
        name: v.name,
        cluster: 'hci-cluster01',
        hostNode: `hci-node${v.node}`,
        clustered: v.clustered,
        generation: v.gen,
        power: v.power,
        ...(v.power === 'Running' ? { startedAt: now - (3 * DAY - (i + 1) * HOUR) } : {}),
        cpuCount: v.cpu,
        memoryMiB: v.mem,
        cpuUsagePercent: v.power === 'Running' ? 5 + ((i * 17) % 60) : 0,
        os: v.os,
        ipAddress: `10.0.1.${11 + i}`,
      },
      i + 1,
      now,
    );
  });
  addWapClouds(w, now);
  return w;
}

function registerGateway(w: World, now: Millis): void {
  const app = createApp(
    w,
    {
      displayName: `WindowsAdminCenter-https://${GATEWAY_HOST}`,
      tenantId: CONTOSO_TENANT,
      kind: 'gateway',
      consent: true,
    },
    now - DAY,
  );
  app.replyUrls = [`https://${GATEWAY_HOST}`];
  w.gateway.registration = {
    cloud: 'AzureCloud',
    tenantId: CONTOSO_TENANT,
    appId: app.appId,
    registeredAt: now - DAY,
  };
  w.gateway.account = {
    upn: ADMIN_UPN,
    tenantId: CONTOSO_TENANT,
    signedInAt: now - HOUR,
    tokenExpiresAt: now - HOUR + TOKEN_LIFETIME,
  };
}

function buildGatewayRegistered(now: Millis, scenario = 'gateway-registered'): World {
  const w = buildFresh(now, scenario);
  registerGateway(w, now);
  return w;
}

const CLUSTER01_REGISTRATION = {
  cluster: 'hci-cluster01',
  cloud: 'AzureCloud' as const,
  subscriptionId: PROD_SUBSCRIPTION,
  resourceGroup: 'hci-cluster01-rg',
  region: 'eastus',
  resourceName: 'hci-cluster01',
  tenantId: CONTOSO_TENANT,
  enableArc: true,
  arcResourceGroup: 'hci-cluster01-rg',
  upn: ADMIN_UPN,
};

/** Registered a day ago; the last sync was `sinceSync` ago and the next is due on the 12-hour grid. */
function registerCluster01(w: World, now: Millis, registeredAgo: Millis, sinceSync: Millis): void {
  const registeredAt = now - registeredAgo;
  applyRegistration(w, CLUSTER01_REGISTRATION, registeredAt);
  // the last sync reached Azure too: the cluster resource's lastSyncTimestamp and census match it
  recordSync(w, 'hci-cluster01', now - sinceSync);
  let next = now - sinceSync + SYNC_INTERVAL;
  while (next <= now) next += SYNC_INTERVAL;
  scheduleNextSync(w, 'hci-cluster01', next);
  for (const node of clusterNodes(w, 'hci-cluster01')) {
    // heartbeats have been flowing since registration
    node.arc.heartbeatAnchor = registeredAt;
  }
}

function buildRegistered(now: Millis, scenario = 'registered'): World {
  const w = buildGatewayRegistered(now, scenario);
  registerCluster01(w, now, DAY, 2 * HOUR);
  return w;
}

function turnOnBenefits(w: World, clusterName: string): void {
  const cluster = own(w.clusters, clusterName);
  if (!cluster?.registration) return;
  cluster.imdsAttestation = 'Enabled';
  for (const node of clusterNodes(w, clusterName)) {
    node.attestation = {
      hostSwitch: true,
      enabled: true,
      expiresAt: cluster.registration.lastSyncAt + 30 * DAY,
    };
  }
  for (const vm of Object.values(w.vms)) if (vm.cluster === clusterName) vm.attestationNic = true;
  // Enable-AzStackHCIAttestation ends with a sync, so Azure's census reports imdsAttestation Enabled
  recordSync(w, clusterName, cluster.registration.lastSyncAt);
}

function buildBenefitsOn(now: Millis, scenario = 'benefits-on'): World {
  const w = buildRegistered(now, scenario);
  turnOnBenefits(w, 'hci-cluster01');
  return w;
}

function buildOutOfPolicy(now: Millis): World {
  const w = buildGatewayRegistered(now, 'out-of-policy');
  registerCluster01(w, now, 60 * DAY, 31 * DAY);
  // The firewall change that cut the cluster off 31 days ago is why it has not synced since.
  const cutOffAt = now - 31 * DAY;
  const reg = w.clusters['hci-cluster01']?.registration;
  for (const node of clusterNodes(w, 'hci-cluster01')) {
    node.arc.heartbeatAnchor = now - 60 * DAY;
    injectFault(w, 'outbound-blocked', node.name, cutOffAt);
  }
  if (reg)
    reg.lastSyncError =
      'The servers cannot reach Azure: outbound HTTPS connectivity is blocked or the proxy is misconfigured.';
  for (const node of clusterNodes(w, 'hci-cluster01')) {
    for (const ago of [24 * HOUR, 12 * HOUR]) {
      logHciAdmin(w, node.name, 585, now - ago);
      logHciAdmin(w, node.name, 591, now - ago);
    }
  }
  return w;
}

function buildNewNode(now: Millis): World {
  const w = buildBenefitsOn(now, 'new-node');
  const cluster = w.clusters['hci-cluster01'];
  if (!cluster?.registration) return w;
  const node = makeNode('hci-cluster01', 'hci-node5', 4, now - 3 * HOUR, now);
  node.lastBootAt = now - 2 * HOUR;
  w.nodes[node.name] = node;
  cluster.nodeNames.push(node.name);
  w.gateway.connections.push({
    name: node.name,
    type: 'server',
    managingAs: 'CONTOSO\\hciadmin',
    tags: ['hci'],
    addedAt: now - HOUR,
  });
  onboardNodeToArc(
    w,
    node.name,
    {
      subscriptionId: cluster.registration.subscriptionId,
      resourceGroup: cluster.registration.arcResourceGroup,
      region: cluster.registration.region,
      clusterResourceId: `/subscriptions/${cluster.registration.subscriptionId}/resourceGroups/${cluster.registration.resourceGroup}/providers/Microsoft.AzureStackHCI/clusters/${cluster.registration.resourceName}`,
      upn: ADMIN_UPN,
    },
    now - HOUR,
  );
  ['new-app01', 'new-app02'].forEach((name, i) =>
    addVm(
      w,
      {
        name,
        cluster: 'hci-cluster01',
        hostNode: 'hci-node5',
        clustered: true,
        generation: 2,
        power: 'Running',
        startedAt: now - 30 * MINUTE,
        cpuCount: 2,
        memoryMiB: 4096,
        cpuUsagePercent: 12,
        os: 'Windows Server 2022 Datacenter: Azure Edition',
        ipAddress: `10.0.1.${40 + i}`,
      },
      100 + i,
      now,
    ),
  );
  return w;
}

/** Deterministic generator for `large` (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LARGE_CLUSTERS = 32;
const LARGE_NODES_PER_CLUSTER = 8;
const LARGE_VMS = 10_000;
const OS_CHOICES = [
  'Windows Server 2022 Datacenter: Azure Edition',
  'Windows Server 2019 Datacenter',
  'Windows 11 Enterprise multi-session',
  'Ubuntu 22.04 LTS',
  'Red Hat Enterprise Linux 9',
];
const ROLE_CHOICES = ['web', 'app', 'sql', 'avd', 'file', 'build', 'cache', 'api'];

/** `large`: 32 clusters × 8 nodes, 10,000 VMs, a realistic mix of registration and Benefits states. */
function buildLarge(now: Millis): World {
  const w = emptyWorld('large', now);
  addCloudDirectory(w, now);
  registerGateway(w, now);
  const random = seeded(20261122);
  for (let c = 1; c <= LARGE_CLUSTERS; c++) {
    const clusterName = `hci-cluster${String(c).padStart(2, '0')}`;
    const nodeNames = Array.from({ length: LARGE_NODES_PER_CLUSTER }, (_, i) =>
      c === 1 ? `hci-node${i + 1}` : `hci${String(c).padStart(2, '0')}-node${i + 1}`,
    );
    addCluster(w, clusterName, nodeNames, now - (10 + c * 3) * DAY, now);
    // Every eighth cluster is left unregistered, to show the countdown and the policy at scale.
    if (c % 8 !== 0) {
      const rg = `${clusterName}-rg`;
      applyRegistration(
        w,
        {
          ...CLUSTER01_REGISTRATION,
          cluster: clusterName,
          resourceName: clusterName,
          resourceGroup: rg,
          arcResourceGroup: rg,
          subscriptionId: c % 2 === 0 ? DEV_SUBSCRIPTION : PROD_SUBSCRIPTION,
          region: c % 3 === 0 ? 'westeurope' : 'eastus',
        },
        now - (5 + c) * DAY,
      );
      const sinceSync = Math.floor(random() * 11 * HOUR);
      recordSync(w, clusterName, now - sinceSync);
      scheduleNextSync(w, clusterName, now - sinceSync + SYNC_INTERVAL);
      if (c % 3 === 0) turnOnBenefits(w, clusterName);
    }
  }
  ensureResourceGroup(w, PROD_SUBSCRIPTION, 'large-fleet-rg', 'eastus', ADMIN_UPN, now - 30 * DAY);
  const nodesByCluster = new Map(
    Object.keys(w.clusters).map((c) => [c, clusterNodes(w, c).map((n) => n.name)]),
  );
  const clusterNames = [...nodesByCluster.keys()];
  for (let i = 0; i < LARGE_VMS; i++) {
    const cluster = clusterNames[i % clusterNames.length] ?? 'hci-cluster01';
    const nodes = nodesByCluster.get(cluster) ?? [];
    const host = nodes[Math.floor(random() * nodes.length)] ?? 'hci-node1';
    const roll = random();
    const power = roll < 0.78 ? 'Running' : roll < 0.93 ? 'Off' : 'Saved';
    const role = ROLE_CHOICES[i % ROLE_CHOICES.length] ?? 'app';
    const vm = addVm(
      w,
      {
        name: `${role}-${String(i + 1).padStart(5, '0')}`,
        cluster,
        hostNode: host,
        clustered: random() < 0.9,
        generation: random() < 0.08 ? 1 : 2,
        power,
        ...(power === 'Running' ? { startedAt: now - Math.floor(random() * 40 * DAY) } : {}),
        cpuCount: [2, 4, 8, 16][Math.floor(random() * 4)] ?? 2,
        memoryMiB: [2048, 4096, 8192, 16384, 32768][Math.floor(random() * 5)] ?? 4096,
        cpuUsagePercent: power === 'Running' ? Math.floor(random() * 90) : 0,
        os: OS_CHOICES[Math.floor(random() * OS_CHOICES.length)] ?? 'Windows Server 2022 Datacenter',
        ipAddress: `10.${Math.floor(i / 62500) + 1}.${Math.floor(i / 250) % 250}.${(i % 250) + 2}`,
      },
      i + 1,
      now,
    );
    if (own(w.clusters, cluster)?.imdsAttestation === 'Enabled') vm.attestationNic = true;
  }
  addWapClouds(w, now);
  refreshAllHeartbeats(w, now);
  return w;
}

const SCENARIO_LIST: Scenario[] = [
  {
    name: 'fresh',
    description:
      '4-node cluster hci-cluster01 installed 2 days ago with a handful of VMs (one running Generation 1 VM); gateway not registered, nobody signed in.',
    build: (now) => buildFresh(now),
  },
  {
    name: 'gateway-registered',
    description:
      'The gateway is registered with Azure and signed in as a subscription Owner; the cluster is not registered yet.',
    build: (now) => buildGatewayRegistered(now),
  },
  {
    name: 'registered',
    description:
      'hci-cluster01 registered in East US with Azure Arc enabled and connected; Azure benefits off.',
    build: (now) => buildRegistered(now),
  },
  {
    name: 'benefits-on',
    description: 'Registered, Azure benefits on: every server Active, every VM attached.',
    build: (now) => buildBenefitsOn(now),
  },
  {
    name: 'out-of-policy',
    description:
      'Registered, but outbound connectivity was blocked 31 days ago: no sync since, OutOfPolicy, new VMs refused.',
    build: buildOutOfPolicy,
  },
  {
    name: 'new-node',
    description: 'Azure benefits on; a fifth server hci-node5 was just added and is Inactive.',
    build: buildNewNode,
  },
  {
    name: 'large',
    description: '32 clusters, 256 servers and 10,000 VMs, with a mix of registration and Benefits states.',
    build: buildLarge,
  },
];

export const SCENARIOS: readonly ScenarioInfo[] = SCENARIO_LIST.map(({ name, description }) => ({
  name,
  description,
}));

export function isScenario(name: unknown): boolean {
  return typeof name === 'string' && SCENARIO_LIST.some((s) => s.name === name);
}

export function buildScenario(name: string, now: Millis): World {
  const scenario = SCENARIO_LIST.find((s) => s.name === name);
  if (!scenario) {
    throw new SimError(
      'bad-request',
      'UnknownScenario',
      `There is no preset named '${name}'. Presets: ${SCENARIO_LIST.map((s) => s.name).join(', ')}.`,
    );
  }
  const world = scenario.build(now);
  refreshAllHeartbeats(world, now);
  return world;
}
