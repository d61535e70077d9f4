/**
 * The troubleshooter: every case of the registration troubleshooting guide (seed 001) and every message of
 * behaviour.md §1.5, as data. For an error text it finds the case, the nodes the text names, the cause in
 * this world, the remediation steps (each one the portal can do carries an action), and a check that says
 * whether the problem is gone. `reproduceCase` puts a cluster into each case so a presenter can show it
 * from the lab; `runRemedy` performs one step's action as an operation on the world.
 */
import { hciClusterId, machineId, onBoxResourceUri, resourceKey } from './arm-ids';
import { SimError } from './core';
import { arcMachineStatus, clusterNodes, nodeIsUp, nodeReachesAzure, registrationView } from './derive';
import { logEvent, logHciAdmin, logHciDebug } from './events';
import { hasFault } from './faults-state';
import { injectFault, repairFault } from './faults';
import { startClusterUnregistration, startRepair, startSyncNow, MESSAGES } from './cluster-registration';
import { DAY, HOUR } from './model';
import type { ClusterNode, FaultName, Job, Millis, OnPremCluster, World } from './model';
import { refreshHeartbeats } from './reachability';
import { onboardNodeToArc } from './registration';
import { vmLicensingError } from './vms';

// ───────────── Actions ─────────────

export type RemedyAction =
  | { kind: 'repair-fault'; fault: FaultName; target: string }
  | { kind: 'start-hcisvc'; node: string }
  | { kind: 'enable-debug'; node: string }
  | { kind: 'sync' }
  | { kind: 'repair-registration' }
  | { kind: 'unregister' }
  | { kind: 'azcmagent-disconnect'; node: string }
  | { kind: 'delete-arc-resource'; node: string }
  | { kind: 'enable-arc'; node: string }
  | { kind: 'delete-orphans' }
  | { kind: 'wait'; durationMs: Millis }
  /** not a change: the UI opens the page where the user makes the choice (the registration wizard) */
  | { kind: 'open-registration' };

export interface RemedyStep {
  text: string;
  action?: RemedyAction;
  /** the button's label when there is an action */
  actionLabel?: string;
}

export interface CaseContext {
  world: World;
  cluster: OnPremCluster;
  /** nodes named in the error text (or, when it names none, the nodes this world points at) */
  nodes: string[];
  /** for the certificate error: the two lists */
  generateNodes: string[];
  verifyNodes: string[];
  now: Millis;
}

export interface CheckResult {
  resolved: boolean;
  detail: string;
}

export interface TroubleshootCase {
  id: string;
  /** the guide's heading, or the message's name */
  title: string;
  /** from the troubleshooting guide (seed 001) or only from behaviour.md §1.5 */
  source: 'guide' | 'message';
  /** the error text as users see it, with placeholders filled for the sample cluster */
  sample: (world: World, cluster: OnPremCluster) => string;
  patterns: RegExp[];
  cause: (ctx: CaseContext) => string;
  steps: (ctx: CaseContext) => RemedyStep[];
  check: (ctx: CaseContext) => CheckResult;
  /** puts the cluster into this case; returns the error text shown */
  reproduce?: (draft: World, cluster: OnPremCluster, now: Millis) => string;
  /** when several cases match one text, the one whose world state applies wins */
  applies?: (ctx: CaseContext) => boolean;
}

// ───────────── Helpers ─────────────

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message template as a pattern: each placeholder matches any text. */
function templatePattern(text: string, placeholder = '\u0000'): RegExp {
  return new RegExp(text.split(placeholder).map(escape).join('.*?').replace(/\s+/g, '\\s+'), 'i');
}
const P = '\u0000';

function nodesOf(world: World, cluster: OnPremCluster): ClusterNode[] {
  return clusterNodes(world, cluster.name);
}

function nodeFaults(world: World, node: string): FaultName[] {
  return world.faults.filter((f) => f.target.toLowerCase() === node.toLowerCase()).map((f) => f.fault);
}

const FAULT_FIX: Partial<Record<FaultName, { text: (node: string) => string; label: string }>> = {
  'node-down': { text: (n) => `${n} is powered off. Start the server.`, label: 'Start the server' },
  'hcisvc-stopped': {
    text: (n) =>
      `hcisvc is stopped on ${n} (sc.exe query hcisvc shows STOPPED). Start it with Start-Service hcisvc.`,
    label: 'Start hcisvc',
  },
  'outbound-blocked': {
    text: (n) =>
      `${n} can't reach Azure: the firewall blocks outbound HTTPS (443). Allow it (see Firewall requirements for Azure Stack HCI).`,
    label: 'Allow outbound HTTPS',
  },
  'proxy-misconfigured': {
    text: (n) => `${n}'s proxy points at an unreachable host. Update the proxy settings.`,
    label: 'Fix the proxy settings',
  },
  'time-skew': {
    text: (n) =>
      `${n}'s clock is off ([System.DateTime]::UtcNow differs from the actual UTC time). Synchronise it with an accurate time source.`,
    label: 'Synchronise the clock',
  },
  'tpm-cleared': {
    text: (n) => `${n}'s TPM was cleared; its licence data is being repaired.`,
    label: 'Complete the repair',
  },
};

/** One step per node fault that keeps `nodes` from reaching Azure or generating certificates. */
function nodeFaultSteps(world: World, nodes: string[], faults: FaultName[]): RemedyStep[] {
  const steps: RemedyStep[] = [];
  for (const node of nodes) {
    for (const fault of nodeFaults(world, node)) {
      const fix = FAULT_FIX[fault];
      if (!fix || !faults.includes(fault)) continue;
      steps.push({
        text: fix.text(node),
        actionLabel: `${fix.label} on ${node}`,
        action:
          fault === 'hcisvc-stopped'
            ? { kind: 'start-hcisvc', node }
            : { kind: 'repair-fault', fault, target: node },
      });
    }
  }
  return steps;
}

const CONNECTIVITY: FaultName[] = ['outbound-blocked', 'proxy-misconfigured', 'time-skew'];

function nodeHealthy(node: ClusterNode): boolean {
  return (
    nodeIsUp(node) && node.hcisvcRunning && nodeReachesAzure(node) && Math.abs(node.clockSkewMs) < 5 * 60_000
  );
}

function clusterResourceExists(world: World, cluster: OnPremCluster): boolean {
  const reg = cluster.registration;
  return (
    !!reg &&
    !!world.cloud.hciClusters[
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
    ]
  );
}

function needsRegistration(
  cluster: OnPremCluster,
): asserts cluster is OnPremCluster & { registration: NonNullable<OnPremCluster['registration']> } {
  if (!cluster.registration)
    throw new SimError(
      'precondition',
      'ClusterNotRegistered',
      `This case needs a registered cluster; '${cluster.name}' is not registered. Load the registered preset first.`,
    );
}

function syncedSince(ctx: CaseContext, since: Millis): boolean {
  const reg = ctx.cluster.registration;
  return !!reg && reg.lastSyncAt >= since && reg.lastSyncError === undefined;
}

function orphans(
  world: World,
  cluster: OnPremCluster,
): { resources: string[]; machines: string[]; apps: string[] } {
  const resources = Object.entries(world.cloud.hciClusters)
    .filter(([, r]) => r.onPremCluster === cluster.name || r.reported?.clusterName === cluster.name)
    .map(([id]) => id);
  const nodeNames = new Set(cluster.nodeNames);
  const machines = Object.entries(world.cloud.machines)
    .filter(([, m]) => nodeNames.has(m.name))
    .map(([id]) => id);
  const apps = Object.values(world.cloud.apps)
    .filter((a) => a.clusterName === cluster.name && (a.kind === 'cluster' || a.kind === 'arc'))
    .map((a) => a.appId);
  return { resources, machines, apps };
}

function firstNode(cluster: OnPremCluster): string {
  const node = cluster.nodeNames[0];
  if (node === undefined)
    throw new SimError('precondition', 'NoServers', `'${cluster.name}' has no servers.`);
  return node;
}

const UNREGISTER_STEP: RemedyStep = {
  text: 'Run Unregister-AzStackHCI on the cluster to clean up the cluster registration state and cluster Arc state.',
  action: { kind: 'unregister' },
  actionLabel: 'Unregister',
};
const REPAIR_STEP: RemedyStep = {
  text: 'Repair the registration (Register-AzStackHCI -RepairRegistration): it recreates the Azure AD application and new certificates while keeping the resource name, resource group and other registration choices.',
  action: { kind: 'repair-registration' },
  actionLabel: 'Repair registration',
};
const SYNC_STEP: RemedyStep = {
  text: 'Sync with Azure (Sync-AzureStackHCI).',
  action: { kind: 'sync' },
  actionLabel: 'Sync now',
};
const REGISTER_STEP: RemedyStep = {
  text: 'Register the cluster with Azure (Register-AzStackHCI).',
  action: { kind: 'open-registration' },
  actionLabel: 'Open the registration',
};

function arcMachineIdFor(world: World, cluster: OnPremCluster, node: string): string | undefined {
  const reg = cluster.registration;
  if (!reg) return world.nodes[node]?.arc.machineResourceId;
  return (
    world.nodes[node]?.arc.machineResourceId ?? machineId(reg.subscriptionId, reg.arcResourceGroup, node)
  );
}

function arcHealthy(world: World, cluster: OnPremCluster, node: string, now: Millis): boolean {
  const n = world.nodes[node];
  const id = arcMachineIdFor(world, cluster, node);
  if (!n?.arc.connected || id === undefined || !world.cloud.machines[resourceKey(id)]) return false;
  const status = arcMachineStatus(n.arc, now);
  // just onboarded: the first heartbeat is under way
  return status === 'Connected' || (status === undefined && n.arc.heartbeatAnchor !== undefined);
}

function arcNodesNotHealthy(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => nodeIsUp(n) && !arcHealthy(ctx.world, ctx.cluster, n.name, ctx.now))
    .map((n) => n.name);
}

function arcReEnableSteps(nodes: string[]): RemedyStep[] {
  return nodes.map((node) => ({
    text: `Enable Azure Arc integration on ${node} again (Enable-AzureStackHCIArcIntegration).`,
    action: { kind: 'enable-arc', node },
    actionLabel: `Enable Arc on ${node}`,
  }));
}

function logDebugOrEvent(draft: World, node: string, message: string, at: Millis): void {
  if (draft.nodes[node]?.debugChannelEnabled) logHciDebug(draft, node, message, at);
  else
    logEvent(
      draft,
      node,
      {
        channel: 'Microsoft-AzureStack-HCI/Admin',
        source: 'Microsoft-AzureStack-HCI',
        id: 585,
        level: 'Warning',
        message,
      },
      at,
    );
}

// ───────────── Texts ─────────────

const HCI_TEXT = {
  585: 'Azure Stack HCI failed to renew license from Azure. To get more details about the specific error, enable the Microsoft-AzureStack-HCI/Debug event channel.',
  591: 'Azure Stack HCI failed to connect with Azure. If you continue to see this error, try running Register-AzStackHCI again with the -RepairRegistration parameter.',
  592: 'Azure Stack HCI has initiated a repair of its data. No further action from the user is required at this time.',
  594: 'Azure Stack HCI encountered an error accessing its data. To repair, please check which nodes are affected - if the entire cluster is OutOfPolicy (run Get-AzureStackHCI) please run Unregister-AzStackHCI on the cluster, restart and then run Register-AzStackHCI. If only this node is affected, remove this node from the cluster, restart and wait for repair to complete, then rejoin to cluster.',
} as const;

export const ARC_PATCH_FAILED =
  'Arc for Servers registration failed. Visit https://learn.microsoft.com/en-us/azure-stack/hci/deploy/troubleshoot-hci-registration#registration-completes-successfully-but-azure-arc-connection-in-portal-says-not-installed and follow the troubleshooting steps. If Azure-Arc registration continues failing for more than 12 hours, contact support.';
const TIME_SKEW =
  'AADSTS80013: OnPremisesPasswordValidationTimeSkew - The authentication attempt could not be completed due to time skew between the machine running the authentication agent and AD. Fix time sync issues.';
const TENANT_MFA =
  'Unable to acquire token for tenant with error. You must use multi-factor authentication to access tenant. Please rerun Connect-AzAccount with additional parameter -TenantId.';

export function arcDisableFailed(node: string): string {
  return `Couldn't disable Azure Arc integration on Node ${node}. Try running the Disable-AzureStackHCIArcIntegration cmdlet on the node. If the node is in a state where the Disable-AzureStackHCIArcIntegration cmdlet could not be run, remove the node from the cluster and try running the Unregister-AzStackHCI cmdlet again.`;
}

export function appNotFound(appId: string): string {
  return `Application with identifier '${appId}' was not found in the directory 'Default Directory'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`;
}

// ───────────── The cases ─────────────

const CERT_PATTERN =
  /Couldn't generate self-signed certificate on node\(s\)\s*\{?([^.}]*)\}?\.\s*Couldn't set and verify registration certificate on node\(s\)\s*\{?([^.}]*)\}?/i;

export const CASES: TroubleshootCase[] = [
  {
    id: 'certificates',
    title:
      "Failed to register. Couldn't generate self-signed certificate on node(s) … Couldn't set and verify registration certificate on node(s) …",
    source: 'guide',
    sample: (_w, c) => MESSAGES.certificates([c.nodeNames[0] ?? 'Node1'], [c.nodeNames[1] ?? 'Node2']),
    patterns: [CERT_PATTERN, /SettingCertificateFailed|WacErrorCode\s*:?\s*911[09]/i],
    cause: (ctx) => {
      const parts: string[] = [];
      if (ctx.generateNodes.length > 0)
        parts.push(
          `The certificate couldn't be generated on ${ctx.generateNodes.join(', ')}: the server is down, hcisvc isn't running, or it can't be reached with PowerShell remoting from the machine running Register-AzStackHCI.`,
        );
      if (ctx.verifyNodes.length > 0)
        parts.push(
          `The certificate was generated on ${ctx.verifyNodes.join(', ')} but the server couldn't call the Azure Stack HCI cloud service: outbound Internet is blocked by a firewall or proxy, or the server's clock is wrong.`,
        );
      return parts.length > 0
        ? parts.join(' ')
        : 'Every server in the cluster must be up with outbound connectivity to Azure; each one provisions a certificate and calls the HCI cloud service with it.';
    },
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.generateNodes, ['node-down', 'hcisvc-stopped']),
      ...(ctx.generateNodes.length > 0
        ? [
            {
              text: `Check that ${ctx.generateNodes.join(', ')} answer New-PSSession -ComputerName from the machine that runs Register-AzStackHCI.`,
            },
          ]
        : []),
      ...nodeFaultSteps(ctx.world, ctx.verifyNodes, CONNECTIVITY),
      ...(ctx.verifyNodes.length > 0
        ? [
            {
              text: 'Run Invoke-AzStackHciConnectivityValidation (AzStackHCI.EnvironmentChecker) and make sure it succeeds.',
            },
            ...ctx.verifyNodes.map((node): RemedyStep => ({
              text: `Look at the hcisvc debug log on ${node} (AADTokenFetch retries, AADSTS700027).`,
              action: { kind: 'enable-debug', node },
              actionLabel: `Enable the Debug log on ${node}`,
            })),
          ]
        : []),
      { ...REGISTER_STEP, text: 'Register again.' },
    ],
    check: (ctx) => {
      const bad = [...ctx.generateNodes, ...ctx.verifyNodes]
        .map((n) => ctx.world.nodes[n])
        .filter((n): n is ClusterNode => !!n && !nodeHealthy(n));
      if (bad.length > 0)
        return {
          resolved: false,
          detail: `${bad.map((n) => n.name).join(', ')} still can't provision or verify a certificate.`,
        };
      return ctx.cluster.registration
        ? {
            resolved: true,
            detail: 'Every server named is up, runs hcisvc and reaches Azure, and the cluster is registered.',
          }
        : {
            resolved: true,
            detail: 'Every server named is up, runs hcisvc and reaches Azure. Register again to finish.',
          };
    },
    reproduce: (draft, cluster, now) => {
      const [a, b] = cluster.nodeNames;
      if (a === undefined || b === undefined)
        throw new SimError(
          'precondition',
          'NotEnoughServers',
          'This case needs a cluster of two servers or more.',
        );
      injectFault(draft, 'hcisvc-stopped', a, now);
      injectFault(draft, 'outbound-blocked', b, now);
      return MESSAGES.certificates([a], [b]);
    },
  },
  {
    id: 'resource-deleted',
    title: 'Deleting HCI resource from portal and re-registering the same cluster causes issues',
    source: 'guide',
    sample: (_w, c) =>
      MESSAGES.cloudResourceMissing(
        c.registration
          ? onBoxResourceUri(
              c.registration.subscriptionId,
              c.registration.resourceGroup,
              c.registration.resourceName,
            )
          : `/Subscriptions/<subscription>/resourceGroups/${c.name}-rg/providers/Microsoft.AzureStackHCI/clusters/${c.name}`,
      ),
    patterns: [
      templatePattern(MESSAGES.cloudResourceMissing(P)),
      /deleted the Azure Stack HCI cluster resource from the Azure portal|resource was deleted in the Azure portal/i,
    ],
    cause: () =>
      'The Azure Stack HCI resource was deleted in the Azure portal without unregistering the cluster first, which leaves a bad cluster resource state. Unregistration must always start on the cluster (Unregister-AzStackHCI).',
    steps: (ctx) => [
      UNREGISTER_STEP,
      {
        text: `If unregistration succeeds, delete the app registrations ${ctx.cluster.name} and ${ctx.cluster.name}.arc in Azure Active Directory > App registrations (All applications) if they still exist.`,
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
      REGISTER_STEP,
    ],
    check: (ctx) => {
      if (ctx.cluster.registration && !clusterResourceExists(ctx.world, ctx.cluster))
        return {
          resolved: false,
          detail: 'The cluster still believes it is registered to a resource that no longer exists.',
        };
      const left = orphans(ctx.world, ctx.cluster);
      if (!ctx.cluster.registration && left.apps.length > 0)
        return {
          resolved: false,
          detail: `App registrations are left in the tenant: ${left.apps.join(', ')}.`,
        };
      return {
        resolved: true,
        detail: ctx.cluster.registration
          ? 'The cluster is registered to a resource that exists.'
          : 'The cluster is cleanly unregistered; register it again.',
      };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      injectFault(draft, 'resource-deleted-in-portal', cluster.name, now);
      const reg = cluster.registration;
      return MESSAGES.cloudResourceMissing(
        onBoxResourceUri(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
      );
    },
  },
  {
    id: 'arc-disable-failed',
    title: "Couldn't disable Azure Arc integration on Node <node name> (unregistration fails)",
    source: 'guide',
    sample: (_w, c) => arcDisableFailed(c.nodeNames[0] ?? 'Node1'),
    patterns: [/Couldn't disable Azure Arc integration on Node\s+\S+/i],
    applies: (ctx) => hasFault(ctx.world, 'arc-app-deleted', ctx.cluster.name),
    cause: (ctx) =>
      `The ${ctx.cluster.name}.arc application was deleted from Azure AD (or the node is in a state where Disable-AzureStackHCIArcIntegration can't run), so unregistration can't disable Azure Arc integration on ${ctx.nodes.join(', ') || 'the node'}.`,
    steps: (ctx) => [
      ...ctx.nodes.flatMap((node): RemedyStep[] => [
        {
          text: `Sign in to ${node}, cd 'C:\\Program Files\\AzureConnectedMachineAgent\\' and run .\\azcmagent.exe show to find the resource group the agent is projected to. Then force-disconnect the agent: .\\azcmagent.exe disconnect --force-local-only.`,
          action: { kind: 'azcmagent-disconnect', node },
          actionLabel: `Disconnect the Arc agent on ${node}`,
        },
        {
          text: `Delete the Arc-for-Server resource ${node} from that resource group in the Azure portal.`,
          action: { kind: 'delete-arc-resource', node },
          actionLabel: `Delete the Arc resource ${node}`,
        },
      ]),
      { ...UNREGISTER_STEP, text: 'Run Unregister-AzStackHCI again.' },
      {
        text: `Delete the app registrations ${ctx.cluster.name} and ${ctx.cluster.name}.arc if they still exist.`,
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
    ],
    check: (ctx) => {
      const still = ctx.nodes.filter((n) => ctx.world.nodes[n]?.arc.connected);
      if (ctx.cluster.registration)
        return {
          resolved: false,
          detail:
            still.length > 0
              ? `The Arc agent is still connected on ${still.join(', ')} and the cluster is still registered.`
              : 'The cluster is still registered: run Unregister-AzStackHCI.',
        };
      return { resolved: true, detail: 'The cluster is unregistered and its Arc agents are disconnected.' };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      if (!cluster.registration.arcEnabled)
        throw new SimError(
          'precondition',
          'ArcNotEnabled',
          `Azure Arc integration is not enabled on '${cluster.name}'.`,
        );
      injectFault(draft, 'arc-app-deleted', cluster.name, now);
      return arcDisableFailed(firstNode(cluster));
    },
  },
  {
    id: 'cluster-app-deleted',
    title: 'User deleted the App IDs by mistake',
    source: 'guide',
    sample: (_w, c) => appNotFound(c.registration?.appId ?? '<ID>'),
    patterns: [
      /Application with identifier '[^']*' was not found in the directory/i,
      /Disconnected - Cluster not in connected state for more than 8 hours/i,
    ],
    cause: (ctx) =>
      `The ${ctx.cluster.name} application (the Azure AD app registration that represents the cluster) was deleted from the tenant, so the cluster can't authenticate to Azure: sync fails and the Azure portal shows Disconnected after 8 hours.`,
    steps: () => [REPAIR_STEP, SYNC_STEP],
    check: (ctx) => {
      const reg = ctx.cluster.registration;
      if (!reg) return { resolved: false, detail: 'The cluster is not registered.' };
      if (!ctx.world.cloud.apps[reg.appId])
        return { resolved: false, detail: `The application ${reg.appId} still doesn't exist in the tenant.` };
      return {
        resolved: true,
        detail: `The application ${reg.appId} exists and the registration can authenticate again.`,
      };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      const appId = cluster.registration.appId;
      injectFault(draft, 'cluster-app-deleted', cluster.name, now);
      const text = appNotFound(appId);
      for (const node of cluster.nodeNames)
        logDebugOrEvent(
          draft,
          node,
          `ExecuteWithRetry operation AADTokenFetch failed after all retries. ${text}`,
          now,
        );
      return text;
    },
  },
  {
    id: 'event-594',
    title: 'Out of policy error: Event ID 594 (Azure Stack HCI encountered an error accessing its data)',
    source: 'guide',
    sample: () => HCI_TEXT[594],
    patterns: [/encountered an error accessing its data/i, /Event ID 594/i],
    cause: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      return `A system change (Secure Boot settings, a cleared TPM, a significant time change) made the licence data unreadable${damaged.length > 0 ? ` on ${damaged.join(', ')}` : ''}. 21H2 with KB5010421 and later repair it automatically (event 592); if the whole cluster is OutOfPolicy, unregister, restart and register again.`;
    },
    steps: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      const all = damaged.length > 0 && damaged.length === ctx.cluster.nodeNames.length;
      return [
        { text: 'Check which nodes are affected (Get-AzureStackHCI on each server).' },
        {
          text: 'Wait for the automatic repair to complete (about 2 hours; event 592 is logged when it starts and finishes).',
          action: { kind: 'wait', durationMs: 2 * HOUR },
          actionLabel: 'Advance the clock 2 hours',
        },
        ...(all
          ? [UNREGISTER_STEP, { text: 'Restart the servers, then register again.' }, REGISTER_STEP]
          : damaged.map((node): RemedyStep => ({
              text: `Only ${node} is affected: remove it from the cluster, restart it, wait for the repair to complete, then rejoin it.`,
              action: { kind: 'repair-fault', fault: 'tpm-cleared', target: node },
              actionLabel: `Repair and rejoin ${node}`,
            }))),
      ];
    },
    check: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      return damaged.length > 0
        ? { resolved: false, detail: `The licence data on ${damaged.join(', ')} is still being repaired.` }
        : { resolved: true, detail: 'No server reports damaged licence data.' };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      injectFault(draft, 'tpm-cleared', firstNode(cluster), now);
      return HCI_TEXT[594];
    },
  },
  {
    id: 'event-592',
    title: 'Out of policy error: Event ID 592 (Azure Stack HCI has initiated a repair of its data)',
    source: 'guide',
    sample: () => HCI_TEXT[592],
    patterns: [/has initiated a repair of its data/i, /Event ID 592/i],
    cause: () =>
      'Informational: Azure Stack HCI started repairing its licence data after a system change. No further action from the user is required at this time.',
    steps: () => [
      {
        text: 'Wait for the repair to complete.',
        action: { kind: 'wait', durationMs: 2 * HOUR },
        actionLabel: 'Advance the clock 2 hours',
      },
      {
        text: 'Event 585 may appear while the connection to Azure is re-established; it does not affect workloads or licensing.',
      },
    ],
    check: (ctx) => {
      const damaged = nodesOf(ctx.world, ctx.cluster)
        .filter((n) => n.tpmCleared)
        .map((n) => n.name);
      return damaged.length > 0
        ? { resolved: false, detail: `The repair is still running on ${damaged.join(', ')}.` }
        : { resolved: true, detail: 'The repair has completed.' };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      const node = firstNode(cluster);
      injectFault(draft, 'tpm-cleared', node, now);
      logHciAdmin(draft, node, 592, now);
      return HCI_TEXT[592];
    },
  },
  {
    id: 'event-585',
    title: 'Out of policy error: Event ID 585 (Azure Stack HCI failed to renew license from Azure)',
    source: 'guide',
    sample: () => HCI_TEXT[585],
    patterns: [/failed to renew license from Azure/i, /Event ID 585/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return blocked.length > 0
        ? `${blocked.join(', ')} can't reach Azure (firewall, proxy or clock), so the licence couldn't be renewed. The Debug channel has the specific error.`
        : 'The licence couldn\u2019t be renewed from Azure; the Microsoft-AzureStack-HCI/Debug channel has the specific error. After an automatic repair, some delay before the full connection is back is expected.';
    },
    steps: (ctx) => [
      ...ctx.cluster.nodeNames
        .filter((n) => !ctx.world.nodes[n]?.debugChannelEnabled)
        .map((node): RemedyStep => ({
          text: `Enable the Debug channel on ${node}: wevtutil.exe sl /q /e:true Microsoft-AzureStack-HCI/Debug.`,
          action: { kind: 'enable-debug', node },
          actionLabel: `Enable the Debug log on ${node}`,
        })),
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [...CONNECTIVITY, 'hcisvc-stopped']),
      SYNC_STEP,
    ],
    check: (ctx) => syncCheck(ctx),
    reproduce: (draft, cluster, now) => reproduceSyncFailure(draft, cluster, now, 585),
  },
  {
    id: 'event-591',
    title: 'Out of policy error: Event ID 591 (Azure Stack HCI failed to connect with Azure)',
    source: 'guide',
    sample: () => HCI_TEXT[591],
    patterns: [/failed to connect with Azure/i, /Event ID 591/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return blocked.length > 0
        ? `${blocked.join(', ')} can't reach Azure (firewall, proxy or clock).`
        : 'The cluster couldn\u2019t connect with Azure; if it keeps happening, repair the registration.';
    },
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [...CONNECTIVITY, 'hcisvc-stopped']),
      {
        ...REPAIR_STEP,
        text: 'If you continue to see this error, run Register-AzStackHCI again with the -RepairRegistration parameter.',
      },
    ],
    check: (ctx) => syncCheck(ctx),
    reproduce: (draft, cluster, now) => reproduceSyncFailure(draft, cluster, now, 591),
  },
  {
    id: 'out-of-policy',
    title: 'Out of policy error (the cluster shows OutOfPolicy)',
    source: 'guide',
    sample: () => 'ConnectionStatus : OutOfPolicy',
    patterns: [/Out\s*of\s*policy/i],
    cause: (ctx) => {
      const view = registrationView(ctx.world, ctx.cluster, ctx.now);
      if (!ctx.cluster.registration)
        return 'The cluster wasn\u2019t registered within 30 days of installation.';
      const blocked = connectivityFaultNodes(ctx);
      if (nodesOf(ctx.world, ctx.cluster).some((n) => n.tpmCleared))
        return 'A system change (Secure Boot, a cleared TPM, a significant time change) made the licence data unreadable.';
      return `The cluster hasn\u2019t synced with Azure for more than 30 days${view.lastConnected !== undefined ? ` (last ${new Date(view.lastConnected).toISOString()})` : ''}${blocked.length > 0 ? `: ${blocked.join(', ')} can't reach Azure` : ''}.`;
    },
    steps: (ctx) =>
      ctx.cluster.registration
        ? [
            ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [
              ...CONNECTIVITY,
              'hcisvc-stopped',
              'tpm-cleared',
            ]),
            {
              text: 'Review the Microsoft-AzureStack-HCI/Admin event log for the present status (events 585, 591, 592, 594).',
            },
            SYNC_STEP,
          ]
        : [REGISTER_STEP],
    check: (ctx) => {
      const view = registrationView(ctx.world, ctx.cluster, ctx.now);
      return view.registrationStatus === 'OutOfPolicy'
        ? { resolved: false, detail: 'The cluster is still OutOfPolicy.' }
        : { resolved: true, detail: `The cluster is ${view.wacText}.` };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      for (const node of cluster.nodeNames) injectFault(draft, 'outbound-blocked', node, now);
      cluster.registration.lastSyncAt = now - 31 * DAY;
      return 'ConnectionStatus : OutOfPolicy';
    },
  },
  {
    id: 'not-yet-but-resources',
    title:
      'Cluster and Arc resource in Azure portal exists but the Get-AzureStackHCI status says "Not Yet" registered',
    source: 'guide',
    sample: () => 'RegistrationStatus : NotYet',
    patterns: [/NotYet|Not\s+Yet/i],
    applies: (ctx) => !ctx.cluster.registration && orphans(ctx.world, ctx.cluster).resources.length > 0,
    cause: () =>
      'Unregister-AzStackHCI ran with the wrong -EnvironmentName or -SubscriptionId: the registration state was removed from the cluster, but the cluster and Arc resources still exist in the original cloud or subscription.',
    steps: (ctx) => [
      {
        text: 'Delete the cluster and Arc resources from the portal, then delete the app registrations <clusterName> and <clusterName>.arc in Azure Active Directory > App registrations (All applications).'.replace(
          /<clusterName>/g,
          ctx.cluster.name,
        ),
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete the resources and app registrations',
      },
      REGISTER_STEP,
    ],
    check: (ctx) => {
      const left = orphans(ctx.world, ctx.cluster);
      if (ctx.cluster.registration) return { resolved: true, detail: 'The cluster is registered.' };
      const n = left.resources.length + left.machines.length + left.apps.length;
      return n > 0
        ? {
            resolved: false,
            detail: `${left.resources.length} cluster resource(s), ${left.machines.length} Arc machine(s) and ${left.apps.length} app registration(s) are still in Azure.`,
          }
        : { resolved: true, detail: 'Nothing is left in Azure; register the cluster again.' };
    },
    reproduce: (draft, cluster) => {
      needsRegistration(cluster);
      // Unregister-AzStackHCI with the wrong -SubscriptionId: only the on-premises state goes.
      const onPrem: OnPremCluster = cluster;
      delete onPrem.registration;
      onPrem.imdsAttestation = 'Disabled';
      draft.schedule = draft.schedule.filter(
        (e) => !(e.kind === 'cluster/sync' && e.cluster === cluster.name),
      );
      return 'RegistrationStatus : NotYet';
    },
  },
  {
    id: 'sync-after-restart',
    title:
      'Issuing Sync-AzureStackHCI immediately after restart of the nodes of the cluster result in Arc resource deletion',
    source: 'guide',
    sample: (_w, c) => `${c.nodeNames[0] ?? 'Node1'}: Azure Arc Not installed`,
    patterns: [/Not\s+installed/i, /Arc resource deletion|Arc resource .* (was )?(removed|deleted)/i],
    applies: (ctx) =>
      ctx.nodes.some((n) => {
        const node = ctx.world.nodes[n];
        const id = node?.arc.machineResourceId;
        return !!node?.arc.connected && !!id && !ctx.world.cloud.machines[resourceKey(id)];
      }),
    cause: (ctx) =>
      `A census sync ran before the cluster reconciled after a restart, without ${ctx.nodes.join(', ') || 'the node'}, so Azure removed that node's Arc resource. Sync-AzureStackHCI must not run right after rebooting a node.`,
    steps: (ctx) => [
      ...ctx.nodes.map((node): RemedyStep => ({
        text: `Sign in to ${node} and disconnect the Arc agent: cd "C:\\Program Files\\AzureConnectedMachineAgent" then .\\azcmagent.exe disconnect --force-local-only.`,
        action: { kind: 'azcmagent-disconnect', node },
        actionLabel: `Disconnect the Arc agent on ${node}`,
      })),
      REPAIR_STEP,
      ...arcReEnableSteps(ctx.nodes),
    ],
    check: (ctx) => arcCheck(ctx),
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      const node = cluster.nodeNames[cluster.nodeNames.length - 1] ?? firstNode(cluster);
      const id = draft.nodes[node]?.arc.machineResourceId;
      if (!id) throw new SimError('precondition', 'ArcNotEnabled', `${node} is not Arc-enabled.`);
      delete draft.cloud.machines[resourceKey(id)];
      const resource =
        draft.cloud.hciClusters[
          resourceKey(
            hciClusterId(
              cluster.registration.subscriptionId,
              cluster.registration.resourceGroup,
              cluster.registration.resourceName,
            ),
          )
        ];
      if (resource?.arcSetting) delete resource.arcSetting.perNode[node];
      const n = draft.nodes[node];
      if (n) n.lastBootAt = now;
      return `${node}: Azure Arc Not installed`;
    },
  },
  {
    id: 'arc-role-removed',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 1 (role removed)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [
      templatePattern(ARC_PATCH_FAILED),
      templatePattern(MESSAGES.arcRoles),
      /Azure Connected Machine Resource Manager/i,
      /Not\s+installed/i,
    ],
    applies: (ctx) => hasFault(ctx.world, 'no-arc-role'),
    cause: () =>
      'The Azure Connected Machine Resource Manager role was removed from the HCI resource provider in the Arc-for-Server resource group (Access control blade), or your account can\u2019t assign it (Owner or User Access Administrator is needed).',
    steps: (ctx) => [
      ...(hasFault(ctx.world, 'no-arc-role')
        ? [
            {
              text: 'Assign the Azure Connected Machine Resource Manager role back to the HCI resource provider (an Owner or User Access Administrator must do it).',
              action: { kind: 'repair-fault', fault: 'no-arc-role', target: '*' },
              actionLabel: 'Restore the role assignment',
            } satisfies RemedyStep,
          ]
        : []),
      {
        ...REPAIR_STEP,
        text: 'Run the repair registration cmdlet (Register-AzStackHCI -TenantId … -SubscriptionId … -RepairRegistration).',
      },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
    ],
    check: (ctx) =>
      hasFault(ctx.world, 'no-arc-role')
        ? { resolved: false, detail: 'The role is still missing.' }
        : arcCheck(ctx),
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      injectFault(draft, 'no-arc-role', undefined, now);
      disconnectArcAll(draft, cluster, now);
      return ARC_PATCH_FAILED;
    },
  },
  {
    id: 'arc-transient',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 2 (transient)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [templatePattern(ARC_PATCH_FAILED), /Not\s+installed/i],
    applies: (ctx) =>
      !hasFault(ctx.world, 'no-arc-role') &&
      !ctx.cluster.nodeNames.some((n) => hasFault(ctx.world, 'proxy-misconfigured', n)),
    cause: () =>
      'A transient issue during registration: Register-AzStackHCI warned that Arc for Servers registration failed. The hourly Arc registration task resolves it.',
    steps: (ctx) => [
      {
        text: 'Wait 12 hours after the registration for the problem to be resolved automatically.',
        action: { kind: 'wait', durationMs: 12 * HOUR },
        actionLabel: 'Advance the clock 12 hours',
      },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
      { text: 'If it continues failing for more than 12 hours, contact support.' },
    ],
    check: (ctx) => arcCheck(ctx),
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      disconnectArcAll(draft, cluster, now);
      return ARC_PATCH_FAILED;
    },
  },
  {
    id: 'arc-proxy',
    title:
      'Registration completes successfully but Azure Arc connection in portal says Not Installed — Scenario 3 (proxy)',
    source: 'guide',
    sample: () => ARC_PATCH_FAILED,
    patterns: [templatePattern(ARC_PATCH_FAILED), /proxy/i, /Not\s+installed/i],
    applies: (ctx) => ctx.cluster.nodeNames.some((n) => hasFault(ctx.world, 'proxy-misconfigured', n)),
    cause: () =>
      'The proxy isn\u2019t configured properly for connections to Azure Arc cloud services from the servers (the Arc agent logs show the connection failures).',
    steps: (ctx) => [
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, ['proxy-misconfigured']),
      { ...REPAIR_STEP, text: 'Then re-register the Azure Stack HCI cluster (repair registration).' },
      ...arcReEnableSteps(arcNodesNotHealthy(ctx)),
    ],
    check: (ctx) => {
      const proxy = ctx.cluster.nodeNames.filter((n) => hasFault(ctx.world, 'proxy-misconfigured', n));
      return proxy.length > 0
        ? { resolved: false, detail: `The proxy is still misconfigured on ${proxy.join(', ')}.` }
        : arcCheck(ctx);
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      for (const node of cluster.nodeNames) injectFault(draft, 'proxy-misconfigured', node, now);
      disconnectArcAll(draft, cluster, now);
      return ARC_PATCH_FAILED;
    },
  },
  {
    id: 'cert-rotation',
    title: 'Not able to rotate certificates in Fairfax and Mooncake',
    source: 'guide',
    sample: () => 'exception: AADSTS700027: Client assertion failed signature validation',
    patterns: [
      /Client assertion failed signature validation/i,
      /RotateRegistrationCertificate failed: Invalid Audience/i,
    ],
    cause: () =>
      'The registration certificate couldn\u2019t be rotated in the Azure AD application (Azure Government / Azure China): the Azure portal shows Disconnected.',
    steps: () => [
      {
        ...REPAIR_STEP,
        text: 'Perform a repair registration to add new certificates in the Azure AD application; the resource name, resource group and other registration choices are kept.',
      },
    ],
    check: (ctx) => {
      const since = lastEventTime(ctx, /Client assertion failed signature validation|Invalid Audience/i);
      return syncedSince(ctx, since ?? 0) && lastRepairAfter(ctx, since ?? 0)
        ? { resolved: true, detail: 'New certificates were added by a repair and the cluster synced since.' }
        : { resolved: false, detail: 'No repair has rotated the certificates since the error.' };
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      for (const node of cluster.nodeNames)
        logDebugOrEvent(
          draft,
          node,
          'exception: AADSTS700027: Client assertion failed signature validation. RotateRegistrationCertificate failed: Invalid Audience',
          now,
        );
      cluster.registration.lastSyncError =
        'exception: AADSTS700027: Client assertion failed signature validation';
      return 'exception: AADSTS700027: Client assertion failed signature validation';
    },
  },
  {
    id: 'time-skew',
    title: 'OnPremisesPasswordValidationTimeSkew',
    source: 'guide',
    sample: () => TIME_SKEW,
    patterns: [
      /AADSTS80013|OnPremisesPasswordValidationTimeSkew/i,
      /AADSTS700027: Client assertion contains an invalid signature/i,
      /key used is expired/i,
    ],
    cause: (ctx) => {
      const skewed = skewedNodes(ctx);
      return `Azure AD token generation fails because the local time is too far from the true UTC time${skewed.length > 0 ? ` on ${skewed.join(', ')}` : ''}.`;
    },
    steps: (ctx) => [
      {
        text: 'Check the UTC time on every server with [System.DateTime]::UtcNow and compare it with the actual UTC time.',
      },
      ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, ['time-skew']),
      { text: 'Ensure the time is synchronized to a known and accurate time source, then try again.' },
    ],
    check: (ctx) => {
      const skewed = skewedNodes(ctx);
      return skewed.length > 0
        ? { resolved: false, detail: `The clock is still off on ${skewed.join(', ')}.` }
        : { resolved: true, detail: 'Every server\u2019s clock is in sync.' };
    },
    reproduce: (draft, cluster, now) => {
      const node = firstNode(cluster);
      injectFault(draft, 'time-skew', node, now);
      logDebugOrEvent(draft, node, TIME_SKEW, now);
      return TIME_SKEW;
    },
  },
  {
    id: 'aad-token-fetch',
    title: 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    source: 'guide',
    sample: () => 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    patterns: [/AADTokenFetch failed after all retries/i, /AADTokenFetch failed with retryable error/i],
    cause: (ctx) => {
      const blocked = connectivityFaultNodes(ctx);
      return `The node couldn\u2019t fetch an Azure AD token even after all retries${blocked.length > 0 ? ` (${blocked.join(', ')} can't reach Azure)` : ''}. A few "failed with retryable error" lines are normal; the Azure AD exception logged with the final failure says why.`;
    },
    steps: (ctx) => [...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, CONNECTIVITY), SYNC_STEP],
    check: (ctx) => syncCheck(ctx),
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      const node = firstNode(cluster);
      injectFault(draft, 'outbound-blocked', node, now);
      logDebugOrEvent(draft, node, 'ExecuteWithRetry operation AADTokenFetch failed after all retries', now);
      return 'ExecuteWithRetry operation AADTokenFetch failed after all retries';
    },
  },
  {
    id: 'tenant-mfa',
    title: 'Unable to acquire token for tenant with error',
    source: 'guide',
    sample: () => TENANT_MFA,
    patterns: [
      /Unable to acquire token for tenant/i,
      /must use multi-factor authentication to access tenant/i,
    ],
    cause: () =>
      'The account used for registration belongs to several Azure AD tenants, and -TenantId wasn\u2019t given for registration or unregistration.',
    steps: () => [
      {
        text: 'Specify -TenantId for registration and unregistration. The portal always passes the tenant you choose in the registration wizard (see Show PowerShell there).',
        action: { kind: 'open-registration' },
        actionLabel: 'Open the registration',
      },
    ],
    check: (ctx) =>
      ctx.cluster.registration?.tenantId
        ? {
            resolved: true,
            detail: `The cluster is registered with -TenantId ${ctx.cluster.registration.tenantId}.`,
          }
        : { resolved: false, detail: 'The cluster is not registered yet: register it with a tenant chosen.' },
  },
  {
    id: 'nodes-cannot-connect',
    title: 'One or more cluster nodes not able to connect to Azure',
    source: 'guide',
    sample: (_w, c) => `${c.nodeNames[0] ?? 'Node1'}: Azure Arc Expired`,
    patterns: [/not able to connect to Azure/i, /expired certificates?/i, /Arc\s+Expired|:\s*Expired/i],
    cause: (ctx) =>
      `${ctx.nodes.join(', ') || 'A node'} had connectivity problems after registration and couldn\u2019t connect to Azure for a long time; now its certificates have expired, so it can\u2019t reconnect on its own even though the connectivity is back.`,
    steps: (ctx) => {
      const nodes = ctx.nodes.length > 0 ? ctx.nodes : expiredArcNodes(ctx);
      return [
        ...nodeFaultSteps(ctx.world, nodes, CONNECTIVITY),
        ...nodes.flatMap((node): RemedyStep[] => [
          {
            text: `Sign in to ${node} and run Disable-AzureStackHCIArcIntegration; Get-AzureStackHCIArcIntegration then says Disabled for it.`,
            action: { kind: 'azcmagent-disconnect', node },
            actionLabel: `Disable Arc integration on ${node}`,
          },
          {
            text: `Delete the Azure Resource Manager resource of the Arc server ${node} in the Azure portal.`,
            action: { kind: 'delete-arc-resource', node },
            actionLabel: `Delete the Arc resource ${node}`,
          },
          {
            text: `Run Enable-AzureStackHCIArcIntegration on ${node}.`,
            action: { kind: 'enable-arc', node },
            actionLabel: `Enable Arc on ${node}`,
          },
        ]),
        SYNC_STEP,
      ];
    },
    check: (ctx) => {
      const expired = expiredArcNodes(ctx);
      return expired.length > 0
        ? { resolved: false, detail: `Azure Arc is still Expired on ${expired.join(', ')}.` }
        : arcCheck(ctx);
    },
    reproduce: (draft, cluster, now) => {
      needsRegistration(cluster);
      const node = firstNode(cluster);
      const n = draft.nodes[node];
      if (!n?.arc.connected)
        throw new SimError('precondition', 'ArcNotEnabled', `${node} is not Arc-enabled.`);
      n.arc.heartbeatAnchor = undefined;
      n.arc.lastHeartbeatAt = now - 46 * DAY;
      refreshHeartbeats(draft, node, now);
      return `${node}: Azure Arc Expired`;
    },
  },
  {
    id: 'vm-create-licensing',
    title: 'Job failure when attempting to create VM',
    source: 'guide',
    sample: () => vmLicensingError('vmname'),
    patterns: [
      /licensed for a particular number of connections/i,
      /failure configuring the virtual machine role/i,
    ],
    cause: (ctx) =>
      ctx.cluster.registration
        ? 'The cluster is registered but hasn\u2019t connected to Azure for more than 30 days (OutOfPolicy): new VMs can\u2019t be created or added.'
        : 'The cluster isn\u2019t registered with Azure: new VMs can\u2019t be created or added.',
    steps: (ctx) =>
      ctx.cluster.registration
        ? [
            ...nodeFaultSteps(ctx.world, ctx.cluster.nodeNames, [
              ...CONNECTIVITY,
              'hcisvc-stopped',
              'tpm-cleared',
            ]),
            SYNC_STEP,
          ]
        : [REGISTER_STEP],
    check: (ctx) =>
      registrationView(ctx.world, ctx.cluster, ctx.now).vmCreationBlocked
        ? { resolved: false, detail: 'New VMs are still refused.' }
        : { resolved: true, detail: 'New VMs can be created.' },
    reproduce: (draft, cluster, now) => {
      if (cluster.registration) {
        for (const node of cluster.nodeNames) injectFault(draft, 'outbound-blocked', node, now);
        cluster.registration.lastSyncAt = now - 31 * DAY;
      } else {
        cluster.installedAt = Math.min(cluster.installedAt, now - 31 * DAY);
      }
      return vmLicensingError('vmname');
    },
  },
  {
    id: 'common-resource-group',
    title: 'Use common resource group for cluster and Arc-for-Server resources',
    source: 'guide',
    sample: (_w, c) => MESSAGES.arcMachinesExist(c.nodeNames.slice(0, 2), `${c.name}-rg`),
    patterns: [
      templatePattern(MESSAGES.arcMachinesExist([P], P)),
      /Arc servers are already registered in Resource Group/i,
      /ArcForServerResourceGroupName|ArcServerResourceGroupName/i,
    ],
    cause: () =>
      'Clusters registered with Az.StackHCI 1.4.1 or earlier can\u2019t use a common or pre-existing resource group for Arc-for-Server resources, and an Arc machine of the same name already exists in the chosen group.',
    steps: () => [
      UNREGISTER_STEP,
      { text: 'Install the latest PowerShell module: Install-Module Az.StackHCI -Force.' },
      {
        ...REGISTER_STEP,
        text: 'Register again, passing -ResourceGroupName and -ArcServerResourceGroupName.',
      },
    ],
    check: (ctx) =>
      ctx.cluster.registration
        ? {
            resolved: true,
            detail: `Registered; Arc resources in ${ctx.cluster.registration.arcResourceGroup}.`,
          }
        : { resolved: false, detail: 'The cluster is not registered.' },
  },
];

// ───────────── §1.5 messages that are not a guide case ─────────────

interface MessageEntry {
  id: string;
  title: string;
  text: string;
  cause: string;
  remedy: RemedyStep[];
  check?: (ctx: CaseContext) => CheckResult;
}

const registeredCheck = (ctx: CaseContext): CheckResult =>
  ctx.cluster.registration
    ? { resolved: true, detail: 'The cluster is registered.' }
    : { resolved: false, detail: 'The cluster is not registered yet.' };
const unregisteredCheck = (ctx: CaseContext): CheckResult =>
  ctx.cluster.registration
    ? { resolved: false, detail: 'The cluster is still registered: unregister it first.' }
    : { resolved: true, detail: 'The cluster is unregistered; register again.' };

const MESSAGE_ENTRIES: MessageEntry[] = [
  {
    id: 'no-cluster',
    title: 'NoClusterError',
    text: `Computer ${P} is not part of an Azure Stack HCI cluster. Use the -ComputerName parameter to specify an Azure Stack HCI cluster node and try again.`,
    cause: 'The command ran on a computer that is not a cluster node.',
    remedy: [
      {
        text: 'Run it from a cluster node, or pass -ComputerName with a node name. The portal always targets a node of the cluster.',
      },
    ],
  },
  {
    id: 'different-resource-id',
    title: 'RegisteredWithDifferentResourceId',
    text: MESSAGES.differentResourceId(P),
    cause: 'The cluster is already registered with another Azure resource.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'registration-info-not-found',
    title: 'RegistrationInfoNotFound',
    text: MESSAGES.notRegistered,
    cause:
      'The cluster has no registration to unregister, so Unregister-AzStackHCI needs the resource parameters.',
    remedy: [
      {
        text: 'Pass -SubscriptionId, -ResourceGroupName and -ResourceName (Get-Help Unregister-AzStackHCI -Full), or there is nothing to unregister.',
      },
    ],
  },
  {
    id: 'region-not-supported',
    title: 'RegionNotSupported',
    text: MESSAGES.regionNotSupported(P, [P]),
    cause: 'Azure Stack HCI is not offered in the chosen region.',
    remedy: [{ ...REGISTER_STEP, text: 'Choose one of the listed regions in the registration wizard.' }],
    check: registeredCheck,
  },
  {
    id: 'certificate-not-found',
    title: 'CertificateNotFoundOnNode',
    text: `Certificate with thumbprint ${P} not found on node(s) ${P}. Make sure the certificate has been added to the certificate store on every clustered node.`,
    cause:
      'The certificate given with -CertificateThumbprint isn\u2019t in the certificate store of every node.',
    remedy: [
      {
        text: 'Add the certificate to the store of every clustered node, or register without -CertificateThumbprint (the portal uses self-signed certificates).',
      },
    ],
  },
  {
    id: 'not-ga',
    title: 'NotAllTheNodesInClusterAreGA',
    text: `Update the operating system on node(s) ${P} to version 17784.1374 or later to continue.`,
    cause: 'Some servers run a pre-release build of Azure Stack HCI.',
    remedy: [{ text: 'Install the latest updates on the servers named, then register.' }],
  },
  {
    id: 'repair-not-registered',
    title: 'NoExistingRegistrationExistsErrorMessage',
    text: MESSAGES.repairNotRegistered,
    cause: 'A repair needs an existing registration.',
    remedy: [REGISTER_STEP],
    check: registeredCheck,
  },
  {
    id: 'rg-different',
    title: 'HCIResourceGroupNameDifferentErrorMessage',
    text: MESSAGES.differentResourceGroup(P),
    cause: 'The cluster resource already exists in another resource group.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the resource group named in the message, or leave it out.' }],
    check: registeredCheck,
  },
  {
    id: 'subscription-different',
    title: 'HCISubscriptionDifferentErrorMessage',
    text: MESSAGES.differentSubscription(P),
    cause: 'The cluster is already registered to another subscription.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the subscription named in the message, or unregister first.' }],
    check: registeredCheck,
  },
  {
    id: 'name-different',
    title: 'HCIResourceNameDifferentErrorMessage',
    text: MESSAGES.differentName(P),
    cause: 'The cluster is already registered with another resource name.',
    remedy: [{ ...REGISTER_STEP, text: 'Use the resource name in the message, or unregister first.' }],
    check: registeredCheck,
  },
  {
    id: 'user-cert-validity',
    title: 'UserCertValidationErrorMessage',
    text: `Can't use certificate with thumbprint ${P} because it expires in less than 60 days, on ${P}. Certificates must be valid for at least 60 days.`,
    cause: 'A user-provided certificate must be valid for at least 60 days.',
    remedy: [{ text: 'Use a certificate valid for 60 days or more, or let the cmdlet generate one.' }],
  },
  {
    id: 'cert-cleanup',
    title: 'FailedToRemoveRegistrationCertWarning',
    text: `Couldn't clean up Azure Stack HCI registration certificate from node(s) ${P}. You can ignore this message or clean up the certificate yourself (optional).`,
    cause: 'Unregistration couldn\u2019t remove the certificate from some nodes (they were down).',
    remedy: [{ text: 'Optional: remove the certificate from those nodes\u2019 stores.' }],
  },
  {
    id: 'install-latest',
    title: 'InstallLatestVersionWarning',
    text: `Newer version of the Az.StackHCI module is available. Update from version ${P} to version ${P} using Update-Module.`,
    cause: 'A newer Az.StackHCI module exists.',
    remedy: [{ text: 'Run Update-Module Az.StackHCI.' }],
  },
  {
    id: 'gallery-unreachable',
    title: 'CouldNotGetLatestModuleInformationWarning',
    text: `Can't connect to the PowerShell Gallery to verify module version. Make sure you have the latest Az.StackHCI module with major version ${P}.`,
    cause: 'The PowerShell Gallery couldn\u2019t be reached.',
    remedy: [{ text: 'Check Internet access from the management PC, or update the module yourself.' }],
  },
  {
    id: 'cannot-reach-azure',
    title: 'ConnectingToCloudBillingServiceFailed',
    text: `Can't reach Azure from node(s) ${P}. Make sure every clustered node has network connectivity to Azure.`,
    cause: 'Some servers can\u2019t reach the Azure Stack HCI cloud service.',
    remedy: [
      {
        text: 'Allow outbound HTTPS (443) to the Azure Stack HCI endpoints on every server, then try again.',
      },
    ],
  },
  {
    id: 'region-mismatch',
    title: 'ResourceExistsInDifferentRegionError',
    text: MESSAGES.differentRegion(P, P),
    cause: 'A resource with the same ID exists in another region.',
    remedy: [
      { ...REGISTER_STEP, text: 'Specify the same region, or delete the existing resource and try again.' },
    ],
    check: registeredCheck,
  },
  {
    id: 'arc-cmdlets-missing',
    title: 'ArcCmdletsNotAvailableError',
    text: `Azure Arc integration isn't available for the version of Azure Stack HCI installed on node(s) ${P} yet.`,
    cause: 'The servers\u2019 OS build lacks the Arc integration cmdlets.',
    remedy: [{ text: 'Install the latest update on the servers named.' }],
  },
  {
    id: 'arc-disable-in-progress',
    title: 'ArcRegistrationDisableInProgressError',
    text: 'Unregister of Azure Arc integration is in progress. Try Unregister-AzStackHCI to finish unregistration and then try Register-AzStackHCI again.',
    cause: 'An earlier unregistration of Arc didn\u2019t finish.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'arc-not-in-cloud',
    title: 'ArcIntegrationNotAvailableForCloudError',
    text: `Azure Arc integration is not available in ${P}. Specify '-EnableAzureArcServer:`,
    cause: 'Arc integration isn\u2019t offered in this Azure cloud.',
    remedy: [
      { ...REGISTER_STEP, text: 'Register without Azure Arc integration (-EnableAzureArcServer:$false).' },
    ],
    check: registeredCheck,
  },
  {
    id: 'arc-rg-exists',
    title: 'ArcResourceGroupExists',
    text: `Arc resource group ${P} already exists. Please delete the resource group for cluster registration.`,
    cause: 'Older modules need an Arc resource group that doesn\u2019t exist yet.',
    remedy: [{ text: 'Delete that resource group, or update the Az.StackHCI module.' }],
  },
  {
    id: 'set-registration-exception',
    title: 'SetAzureStackHCIRegistrationErrorMessage',
    text: `Exception occurred in Set-AzureStackHCIRegistration. ErrorMessage: ${P}`,
    cause: 'Writing the registration to the cluster failed; the message after ErrorMessage says why.',
    remedy: [REPAIR_STEP],
  },
  {
    id: 'arc-other-rg',
    title: 'ArcAlreadyRegisteredInDifferentResourceGroupError',
    text: `Arc servers are already registered in Resource Group: ${P}. To change resource groups, please unregister and register again`,
    cause: 'The Arc machines already live in another resource group.',
    remedy: [UNREGISTER_STEP, REGISTER_STEP],
    check: unregisteredCheck,
  },
  {
    id: 'cluster-creation-failed',
    title: 'ClusterCreationFailureMessage',
    text: 'Failed to create cluster resource',
    cause: 'Azure refused to create the cluster resource after 10 attempts.',
    remedy: [
      {
        ...REGISTER_STEP,
        text: 'Check the subscription (Microsoft.AzureStackHCI provider registered, your role), then register again.',
      },
    ],
    check: registeredCheck,
  },
  {
    id: 'rp-object-id-null',
    title: 'rpObjectIdNullError',
    text: 'Resource Provider Object Id is Null. Failed to assign roles to HCI RP for ARC Onboarding',
    cause: 'The Microsoft.AzureStackHCI resource provider isn\u2019t registered in the subscription.',
    remedy: [
      { text: 'Register the Microsoft.AzureStackHCI resource provider in the subscription, then repair.' },
      REPAIR_STEP,
    ],
  },
  {
    id: 'role-assignment-rp',
    title: 'roleAssignmentHCIRPFailError',
    text: 'Failed to assign Arc roles to HCI Resource Provider',
    cause: 'Your account can\u2019t assign roles in the subscription.',
    remedy: [{ text: 'Ask an Owner or User Access Administrator, then repair.' }, REPAIR_STEP],
  },
  {
    id: 'missing-modules',
    title: 'MissingDependentModulesError',
    text: `Can't find PowerShell module(s): ${P}. Please install the missing module(s)`,
    cause: 'Required PowerShell modules are missing.',
    remedy: [{ text: "Install them with 'Install-Module -Name <Module_Name>'." }],
  },
  {
    id: 'arc-other-resource',
    title: 'ArcAlreadyEnabledInADifferentResourceError',
    text: 'Below mentioned cluster node(s) are already Arc enabled with a different ARM Resource Id',
    cause: 'Some nodes\u2019 Arc agents point at other machine resources.',
    remedy: [
      {
        text: 'Disconnect the Arc agent on those nodes (azcmagent disconnect) and run Register-AzStackHCI again.',
      },
    ],
  },
  {
    id: 'arc-register-failed',
    title: 'RegisterArcFailedErrorMessage',
    text: "Some clustered nodes couldn't be Arc-enabled right now.",
    cause:
      'Arc registration failed on some nodes (nodes down, or no connectivity); the scheduled task retries every hour.',
    remedy: [
      {
        text: 'Wait an hour, then check Get-AzureStackHCIArcIntegration on each node.',
        action: { kind: 'wait', durationMs: HOUR },
        actionLabel: 'Advance the clock 1 hour',
      },
    ],
  },
  {
    id: 'arc-roles-cleanup',
    title: 'ArcRolesCleaningWarningMessage',
    text: `Couldn't clean up Azure AD application identity ${P} used by Azure Arc integration.`,
    cause: 'The Arc app registration couldn\u2019t be removed.',
    remedy: [
      {
        text: 'Optional: delete it in the Azure portal.',
        action: { kind: 'delete-orphans' },
        actionLabel: 'Delete leftover app registrations and resources',
      },
    ],
  },
  {
    id: 'admin-consent',
    title: 'AdminConsentWarning',
    text: MESSAGES.adminConsent(P, P),
    cause: 'Your account can\u2019t grant admin consent for the cluster\u2019s Azure AD application.',
    remedy: [
      {
        text: 'Ask an Azure AD administrator to grant consent at the address given, then register again with the same parameters.',
      },
      REGISTER_STEP,
    ],
    check: registeredCheck,
  },
  {
    id: 'logs-directory',
    title: 'LogsDirectory',
    text: 'LogsDirectory path is not valid.',
    cause: 'The -LogsDirectory path doesn\u2019t exist.',
    remedy: [
      { text: 'Pass an existing folder, or leave it out (C:\\ProgramData\\AzureStackHCI\\Registration).' },
    ],
  },
  {
    id: 'aborted',
    title: 'Aborting based on user input',
    text: 'Aborting based on user input',
    cause: 'The 22H2 end-of-support prompt was declined.',
    remedy: [{ text: 'Run again and accept the prompt.' }],
  },
  {
    id: 'wac-register-failed',
    title: "Couldn't register Azure Stack HCI",
    text: MESSAGES.wacRegisterFailed,
    cause: 'The portal\u2019s registration job failed; its notification and the RegisterHCI log say why.',
    remedy: [{ text: 'Open the registration log in Diagnostics and paste its error here.' }],
  },
];

for (const entry of MESSAGE_ENTRIES) {
  CASES.push({
    id: entry.id,
    title: entry.title,
    source: 'message',
    sample: () => entry.text.split(P).join('…'),
    patterns: [templatePattern(entry.text)],
    cause: () => entry.cause,
    steps: () => entry.remedy,
    check:
      entry.check ??
      (() => ({
        resolved: true,
        detail: 'Nothing in the simulated cluster keeps this from succeeding now; run the command again.',
      })),
  });
}

// ───────────── Shared checks ─────────────

function connectivityFaultNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter(
      (n) =>
        n.power === 'Up' &&
        (!nodeReachesAzure(n) || !n.hcisvcRunning || Math.abs(n.clockSkewMs) >= 5 * 60_000),
    )
    .map((n) => n.name);
}

function skewedNodes(ctx: CaseContext): string[] {
  const nodes = ctx.nodes.length > 0 ? ctx.nodes : ctx.cluster.nodeNames;
  return nodes.filter((n) => Math.abs(ctx.world.nodes[n]?.clockSkewMs ?? 0) >= 5 * 60_000);
}

function expiredArcNodes(ctx: CaseContext): string[] {
  return nodesOf(ctx.world, ctx.cluster)
    .filter((n) => arcMachineStatus(n.arc, ctx.now) === 'Expired')
    .map((n) => n.name);
}

function syncCheck(ctx: CaseContext): CheckResult {
  const reg = ctx.cluster.registration;
  if (!reg) return { resolved: false, detail: 'The cluster is not registered.' };
  const blocked = connectivityFaultNodes(ctx);
  if (reg.lastSyncError !== undefined)
    return { resolved: false, detail: `The last sync failed: ${reg.lastSyncError}` };
  if (registrationView(ctx.world, ctx.cluster, ctx.now).registrationStatus === 'OutOfPolicy')
    return { resolved: false, detail: 'The cluster is still OutOfPolicy: sync now.' };
  if (blocked.length > 0)
    return { resolved: false, detail: `${blocked.join(', ')} still can't reach Azure.` };
  return {
    resolved: true,
    detail: `The last sync at ${new Date(reg.lastSyncAt).toISOString()} succeeded and every server reaches Azure.`,
  };
}

function arcCheck(ctx: CaseContext): CheckResult {
  const bad = arcNodesNotHealthy(ctx);
  if (!ctx.cluster.registration) return { resolved: false, detail: 'The cluster is not registered.' };
  return bad.length > 0
    ? { resolved: false, detail: `Azure Arc isn\u2019t connected on ${bad.join(', ')}.` }
    : { resolved: true, detail: 'Every server that is up is connected to Azure Arc.' };
}

function lastEventTime(ctx: CaseContext, pattern: RegExp): Millis | undefined {
  const nodes = new Set(ctx.cluster.nodeNames);
  for (let i = ctx.world.events.length - 1; i >= 0; i -= 1) {
    const e = ctx.world.events[i];
    if (e && nodes.has(e.node) && pattern.test(e.message)) return e.time;
  }
  return undefined;
}

function lastRepairAfter(ctx: CaseContext, since: Millis): boolean {
  return Object.values(ctx.world.jobs).some(
    (j) =>
      j.kind === 'cluster/repair' &&
      j.target.name === ctx.cluster.name &&
      j.status === 'Succeeded' &&
      j.endsAt >= since,
  );
}

function disconnectArcAll(draft: World, cluster: OnPremCluster, now: Millis): void {
  for (const node of cluster.nodeNames) disconnectArc(draft, cluster, node, now, true);
}

function disconnectArc(
  draft: World,
  cluster: OnPremCluster,
  node: string,
  now: Millis,
  deleteResource: boolean,
): void {
  const n = draft.nodes[node];
  if (!n) return;
  const id = n.arc.machineResourceId;
  if (deleteResource && id) delete draft.cloud.machines[resourceKey(id)];
  const reg = cluster.registration;
  if (deleteResource && reg) {
    const resource =
      draft.cloud.hciClusters[
        resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
      ];
    if (resource?.arcSetting) delete resource.arcSetting.perNode[node];
  }
  n.arc = { installed: n.arc.installed, version: n.arc.version, connected: false };
  refreshHeartbeats(draft, node, now);
}

function reproduceSyncFailure(draft: World, cluster: OnPremCluster, now: Millis, id: 585 | 591): string {
  needsRegistration(cluster);
  const node = firstNode(cluster);
  for (const n of cluster.nodeNames) injectFault(draft, 'outbound-blocked', n, now);
  cluster.registration.lastSyncError =
    'The servers cannot reach Azure: outbound HTTPS connectivity is blocked or the proxy is misconfigured.';
  logHciAdmin(draft, node, 585, now);
  logHciAdmin(draft, node, 591, now);
  return HCI_TEXT[id];
}

// ───────────── Diagnose ─────────────

export interface Diagnosis {
  caseId: string;
  title: string;
  source: 'guide' | 'message';
  cause: string;
  nodes: string[];
  generateNodes: string[];
  verifyNodes: string[];
  steps: RemedyStep[];
  check: CheckResult;
  /** other cases the same text matches, best first */
  alternatives: { caseId: string; title: string }[];
}

/** Node names from a comma/space separated list such as `{Node1,Node2}` or `hci-node1, hci-node2`. */
export function parseNodeList(text: string): string[] {
  return text
    .replace(/[{}]/g, '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.');
}

function namedNodes(cluster: OnPremCluster, text: string): string[] {
  const lower = text.toLowerCase();
  return cluster.nodeNames.filter((n) =>
    new RegExp(`(^|[^\\w-])${escape(n.toLowerCase())}($|[^\\w-])`).test(lower),
  );
}

export function contextFor(world: World, cluster: OnPremCluster, text: string, now: Millis): CaseContext {
  const cert = CERT_PATTERN.exec(text);
  const generateNodes = cert ? parseNodeList(cert[1] ?? '') : [];
  const verifyNodes = cert ? parseNodeList(cert[2] ?? '') : [];
  const arcNode = /on Node\s+([^\s.,]+)/i.exec(text)?.[1];
  let nodes = cert ? [...new Set([...generateNodes, ...verifyNodes])] : namedNodes(cluster, text);
  if (!cert && arcNode !== undefined && !nodes.includes(arcNode)) nodes = [arcNode, ...nodes];
  return { world, cluster, nodes, generateNodes, verifyNodes, now };
}

/** The case a text belongs to, in this world, or undefined when nothing matches. */
export function diagnose(
  world: World,
  clusterName: string,
  text: string,
  now: Millis,
): Diagnosis | undefined {
  const cluster = world.clusters[clusterName];
  if (!cluster)
    throw new SimError('not-found', 'ClusterNotFound', `The cluster '${clusterName}' was not found.`);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const ctx = contextFor(world, cluster, trimmed, now);
  const scored = CASES.map((c, index) => {
    const hit = c.patterns.findIndex((p) => p.test(trimmed));
    if (hit < 0) return undefined;
    const applies = c.applies ? c.applies(ctx) : true;
    // the first pattern is the case's own message; later ones are looser
    return { c, score: (hit === 0 ? 4 : 2) + (applies ? (c.applies ? 2 : 1) : -3), index };
  })
    .filter((s): s is { c: TroubleshootCase; score: number; index: number } => s !== undefined)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const best = scored[0];
  if (!best) return undefined;
  const c = best.c;
  return {
    caseId: c.id,
    title: c.title,
    source: c.source,
    cause: c.cause(ctx),
    nodes: ctx.nodes,
    generateNodes: ctx.generateNodes,
    verifyNodes: ctx.verifyNodes,
    steps: c.steps(ctx),
    check: c.check(ctx),
    alternatives: scored.slice(1).map((s) => ({ caseId: s.c.id, title: s.c.title })),
  };
}

export function findCase(id: string): TroubleshootCase | undefined {
  return CASES.find((c) => c.id === id);
}

/** Puts `clusterName` into case `caseId`; returns the error text it now shows. */
export function reproduceCase(draft: World, clusterName: string, caseId: string, now: Millis): string {
  const cluster = draft.clusters[clusterName];
  if (!cluster)
    throw new SimError('not-found', 'ClusterNotFound', `The cluster '${clusterName}' was not found.`);
  const c = findCase(caseId);
  if (!c) throw new SimError('not-found', 'CaseNotFound', `There is no troubleshooting case '${caseId}'.`);
  if (!c.reproduce)
    throw new SimError(
      'bad-request',
      'NotReproducible',
      `'${c.title}' comes from the user's own PowerShell session; the simulation has nothing to break for it.`,
    );
  return c.reproduce(draft, cluster, now);
}

// ───────────── Remedies ─────────────

export interface RemedyResult {
  /** what was done, for the UI's status line */
  message: string;
  /** a job to follow, when the remedy is a long operation */
  job?: Job;
  /** simulated time to advance by (the runtime does it, not the op) */
  waitMs?: Millis;
}

function nodeOf(draft: World, cluster: OnPremCluster, name: string): ClusterNode {
  const node = draft.nodes[name];
  if (node?.cluster !== cluster.name)
    throw new SimError('not-found', 'ServerNotFound', `'${name}' is not a server of ${cluster.name}.`);
  return node;
}

export function runRemedy(
  draft: World,
  clusterName: string,
  action: RemedyAction,
  now: Millis,
): RemedyResult {
  const cluster = draft.clusters[clusterName];
  if (!cluster)
    throw new SimError('not-found', 'ClusterNotFound', `The cluster '${clusterName}' was not found.`);
  switch (action.kind) {
    case 'repair-fault': {
      if (
        action.target !== '*' &&
        !draft.nodes[action.target] &&
        action.target !== cluster.name &&
        !draft.cloud.users[action.target]
      ) {
        throw new SimError(
          'not-found',
          'TargetNotFound',
          `There is no server, cluster or account named '${action.target}'.`,
        );
      }
      repairFault(draft, action.fault, action.target === '*' ? undefined : action.target, now);
      return {
        message: `${action.fault} repaired on ${action.target === '*' ? 'every target' : action.target}.`,
      };
    }
    case 'start-hcisvc':
      return { message: setHcisvc(draft, clusterName, action.node, true, now) };
    case 'enable-debug': {
      const node = nodeOf(draft, cluster, action.node);
      if (node.power !== 'Up')
        throw new SimError(
          'unavailable',
          'ServerUnreachable',
          `${node.name} is not responding; the Debug channel can't be enabled.`,
        );
      node.debugChannelEnabled = true;
      return { message: `The Microsoft-AzureStack-HCI/Debug channel is enabled on ${node.name}.` };
    }
    case 'sync':
      return { message: 'Sync started.', job: startSyncNow(draft, clusterName, now) };
    case 'repair-registration':
      return { message: 'Repair started.', job: startRepair(draft, clusterName, now) };
    case 'unregister': {
      const job = startClusterUnregistration(draft, { cluster: clusterName }, now);
      // an unregistration cleans up what those faults left behind; they no longer apply once it finishes
      draft.faults = draft.faults.filter(
        (f) =>
          !(
            (f.fault === 'resource-deleted-in-portal' ||
              f.fault === 'arc-app-deleted' ||
              f.fault === 'cluster-app-deleted') &&
            f.target === clusterName
          ),
      );
      return { message: 'Unregistration started.', job };
    }
    case 'azcmagent-disconnect': {
      const node = nodeOf(draft, cluster, action.node);
      if (node.power !== 'Up')
        throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
      disconnectArc(draft, cluster, node.name, now, false);
      return { message: `The Arc agent on ${node.name} is disconnected locally.` };
    }
    case 'delete-arc-resource': {
      const node = nodeOf(draft, cluster, action.node);
      const id = arcMachineIdFor(draft, cluster, node.name);
      const existed = id !== undefined && !!draft.cloud.machines[resourceKey(id)];
      if (id !== undefined) delete draft.cloud.machines[resourceKey(id)];
      const reg = cluster.registration;
      if (reg) {
        const resource =
          draft.cloud.hciClusters[
            resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
          ];
        if (resource?.arcSetting) delete resource.arcSetting.perNode[node.name];
      }
      if (node.arc.connected) disconnectArc(draft, cluster, node.name, now, false);
      return {
        message: existed
          ? `The Arc resource ${node.name} was deleted.`
          : `There was no Arc resource for ${node.name}.`,
      };
    }
    case 'enable-arc': {
      const node = nodeOf(draft, cluster, action.node);
      const reg = cluster.registration;
      if (!reg)
        throw new SimError(
          'precondition',
          'ClusterNotRegistered',
          `Azure Arc integration needs a registered cluster; '${cluster.name}' is not registered.`,
        );
      if (!reg.arcEnabled)
        throw new SimError(
          'precondition',
          'ArcNotEnabled',
          `Azure Arc integration is off for ${cluster.name}.`,
        );
      if (node.power !== 'Up')
        throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
      if (hasFault(draft, 'no-arc-role'))
        throw new SimError('forbidden', 'AuthorizationFailed', MESSAGES.arcRoles);
      if (!nodeReachesAzure(node))
        throw new SimError(
          'unavailable',
          'ArcConnectionFailed',
          `${node.name} can't reach Azure Arc: fix its connectivity (firewall or proxy) first.`,
        );
      const clusterId = hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName);
      onboardNodeToArc(
        draft,
        node.name,
        {
          subscriptionId: reg.subscriptionId,
          resourceGroup: reg.arcResourceGroup,
          region: reg.region,
          clusterResourceId: clusterId,
          upn: draft.gateway.account?.upn ?? 'hciSim',
        },
        now,
      );
      return { message: `Azure Arc integration is enabled on ${node.name}.` };
    }
    case 'delete-orphans': {
      if (cluster.registration && clusterResourceExists(draft, cluster)) {
        throw new SimError(
          'conflict',
          'ClusterRegistered',
          `${cluster.name} is registered: unregister it instead of deleting its resources.`,
        );
      }
      const left = orphans(draft, cluster);
      for (const id of left.resources) delete draft.cloud.hciClusters[id];
      for (const id of left.machines) delete draft.cloud.machines[id];
      for (const id of left.apps) delete draft.cloud.apps[id];
      return {
        message: `Deleted ${left.resources.length} cluster resource(s), ${left.machines.length} Arc machine(s) and ${left.apps.length} app registration(s).`,
      };
    }
    case 'wait':
      return {
        message: `Waiting ${Math.round(action.durationMs / HOUR)} hour(s) of simulated time.`,
        waitMs: action.durationMs,
      };
    case 'open-registration':
      throw new SimError(
        'bad-request',
        'NotAnOperation',
        'Opening the registration is done in the portal, not in the simulation.',
      );
  }
}

/** hcisvc start/stop, consistent with the `hcisvc-stopped` fault (starting clears it for that node). */
export function setHcisvc(
  draft: World,
  clusterName: string | undefined,
  nodeName: string,
  running: boolean,
  now: Millis,
): string {
  const node = draft.nodes[nodeName];
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
