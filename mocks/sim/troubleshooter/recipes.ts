/**
 * How each case of the guide comes about: a recipe of faults, ordinary operations (the same ones the portal
 * runs) and time, played against the world so that the simulation's own rules produce the problem and write
 * its text where the product writes it. Nothing here writes a case's state or text; `observe` only reads the
 * text back from where it now is (a job's message, an event, a Debug line, a status).
 *
 *   plan(world) ─▶ [fault | repair | operation | wait | settle]* ─▶ observe(world) = the text a user sees
 */
import { requireCluster } from '../cluster-lookup';
import { own } from '../lookup';
import { resourceKey } from '../arm-ids';
import {
  startClusterRegistration,
  startClusterUnregistration,
  startRepair,
  startSyncNow,
} from '../cluster-registration';
import type { RegisterClusterRequest } from '../cluster-registration';
import { SimError } from '../core';
import type { Op, Outcome } from '../core';
import { arcMachineStatus, registrationView } from '../derive';
import { DAY, HOUR, MINUTE } from '../model';
import { API_VERSIONS } from '../arm/common';
import { putMachine } from '../arm/machines';
import { openSession, pollSession, submitLine } from '../powershell';
import type { FaultName, JobKind, Millis, OnPremCluster, World } from '../model';
import { startCreateVm } from '../vms';

export type RecipeStep =
  | { kind: 'fault'; fault: FaultName; target?: string }
  | { kind: 'repair'; fault: FaultName; target?: string }
  | { kind: 'operation'; name: string; op: Op<unknown> }
  | { kind: 'wait'; ms: Millis }
  /** let the cluster's running jobs finish */
  | { kind: 'settle' }
  /** let the cluster's running job get past the step with this text */
  | { kind: 'reach'; step: string }
  /**
   * a line typed in a PowerShell console on `server` (Az.StackHCI installed first), followed to its end while
   * simulated time passes: for the cases that come from the user's own session and its inputs
   */
  | { kind: 'powershell'; server: string; line: string };

export interface Recipe {
  /** the steps, planned from the world as it is when the recipe starts; throws when it cannot apply */
  plan: (world: World, cluster: OnPremCluster) => RecipeStep[];
  /** the text the product now shows, read from where it wrote it (`console`: the last console's output) */
  observe: (world: World, cluster: OnPremCluster, now: Millis, console: string) => string;
}

// ───────────── Steps ─────────────

const wait = (ms: Millis): RecipeStep => ({ kind: 'wait', ms });
const settle: RecipeStep = { kind: 'settle' };
const fault = (name: FaultName, target?: string): RecipeStep => ({
  kind: 'fault',
  fault: name,
  ...(target !== undefined ? { target } : {}),
});

function enableDebug(nodes: string[]): RecipeStep {
  return {
    kind: 'operation',
    name: `wevtutil.exe sl /q /e:true Microsoft-AzureStack-HCI/Debug on ${nodes.join(', ')}`,
    op: (draft) => {
      for (const n of nodes) {
        const node = own(draft.nodes, n);
        if (node) node.debugChannelEnabled = true;
      }
    },
  };
}

const unregister = (cluster: string, subscriptionId?: string): RecipeStep => ({
  kind: 'operation',
  name:
    subscriptionId === undefined ? 'Unregister' : `Unregister-AzStackHCI -SubscriptionId ${subscriptionId}`,
  op: (draft, now) =>
    startClusterUnregistration(
      draft,
      { cluster, ...(subscriptionId !== undefined ? { subscriptionId } : {}) },
      now,
    ),
});
const repair = (cluster: string): RecipeStep => ({
  kind: 'operation',
  name: 'Repair registration',
  op: (draft, now) => startRepair(draft, cluster, now),
});
const syncNow = (cluster: string): RecipeStep => ({
  kind: 'operation',
  name: 'Sync now',
  op: (draft, now) => startSyncNow(draft, cluster, now),
});
const register = (request: RegisterClusterRequest): RecipeStep => ({
  kind: 'operation',
  name: 'Register',
  op: (draft, now) => startClusterRegistration(draft, request, now),
});

const powershell = (server: string, line: string): RecipeStep => ({ kind: 'powershell', server, line });

/** The console's line that carries `pattern`. */
const consoleLine = (pattern: RegExp) => (_w: World, _c: OnPremCluster, _now: Millis, console: string) =>
  console
    .split('\n')
    .find((l) => pattern.test(l))
    ?.replace(/^.*? : (?=\S)/, '') ?? '';

/** The account the cluster was registered with from the portal: the gateway's, signing in to PowerShell too. */
function portalAccount(world: World): string {
  const upn = world.gateway.account?.upn;
  if (upn === undefined)
    throw new SimError('precondition', 'NotSignedIn', 'This case needs the gateway signed in to Azure.');
  return upn;
}

function registered(cluster: OnPremCluster): NonNullable<OnPremCluster['registration']> {
  if (!cluster.registration)
    throw new SimError(
      'precondition',
      'ClusterNotRegistered',
      `This case needs a registered cluster; '${cluster.name}' is not registered. Load the registered preset first.`,
    );
  return cluster.registration;
}

function withArc(cluster: OnPremCluster): NonNullable<OnPremCluster['registration']> {
  const reg = registered(cluster);
  if (!reg.arcEnabled)
    throw new SimError(
      'precondition',
      'ArcNotEnabled',
      `Azure Arc integration is not enabled on '${cluster.name}'.`,
    );
  return reg;
}

/** The registration the cluster has, as the wizard would send it again. */
function sameRegistration(cluster: OnPremCluster): RegisterClusterRequest {
  const reg = withArc(cluster);
  return {
    cluster: cluster.name,
    subscriptionId: reg.subscriptionId,
    resourceGroup: reg.resourceGroup,
    region: reg.region,
    enableArc: true,
    arcResourceGroup: reg.arcResourceGroup,
    resourceName: reg.resourceName,
  };
}

function nodeAt(cluster: OnPremCluster, index: number): string {
  const node = cluster.nodeNames.at(index);
  if (node === undefined)
    throw new SimError(
      'precondition',
      'NotEnoughServers',
      'This case needs a cluster of two servers or more.',
    );
  return node;
}

// ───────────── Observations ─────────────

function lastJob(world: World, cluster: string, kind: JobKind): string {
  const jobs = Object.values(world.jobs).filter((j) => j.kind === kind && j.target.name === cluster);
  return jobs.sort((a, b) => a.startedAt - b.startedAt).at(-1)?.message ?? '';
}

function lastEvent(world: World, nodes: string[], match: (e: World['events'][number]) => boolean): string {
  const set = new Set(nodes);
  for (let i = world.events.length - 1; i >= 0; i--) {
    const e = world.events[i];
    if (e && set.has(e.node) && match(e)) return e.message;
  }
  return '';
}

const eventText = (id: number) => (world: World, cluster: OnPremCluster) =>
  lastEvent(world, cluster.nodeNames, (e) => e.channel === 'Microsoft-AzureStack-HCI/Admin' && e.id === id);

const debugLine =
  (pattern: RegExp, index = 0) =>
  (world: World, cluster: OnPremCluster) =>
    lastEvent(
      world,
      [nodeAt(cluster, index)],
      (e) => e.channel === 'Microsoft-AzureStack-HCI/Debug' && pattern.test(e.message),
    );

/** The portal's per-node Azure Arc column for a node: Not installed when Azure has no Arc resource for it. */
function arcColumn(world: World, node: string, now: Millis): string {
  const n = own(world.nodes, node);
  const id = n?.arc.machineResourceId;
  if (!n || id === undefined || !own(world.cloud.machines, resourceKey(id)))
    return `${node}: Azure Arc Not installed`;
  return `${node}: Azure Arc ${arcMachineStatus(n.arc, now) ?? 'Connected'}`;
}

// ───────────── The recipes ─────────────

const SYNC_AND_MORE: Millis = 13 * HOUR;
/** past the 20 hours after which Azure shows the cluster Disconnected */
const PAST_DISCONNECTED: Millis = 21 * HOUR;
const OTHER_SUBSCRIPTION = '00000000-0000-4000-8000-0000000000ff';

export const RECIPES: Readonly<Record<string, Recipe>> = {
  certificates: {
    plan: (_w, c) => {
      registered(c);
      return [
        fault('hcisvc-stopped', nodeAt(c, 0)),
        fault('outbound-blocked', nodeAt(c, 1)),
        repair(c.name),
        settle,
      ];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/repair'),
  },
  'resource-deleted': {
    plan: (_w, c) => {
      registered(c);
      return [fault('resource-deleted-in-portal', c.name), repair(c.name), settle];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/repair'),
  },
  'arc-disable-failed': {
    plan: (_w, c) => {
      withArc(c);
      return [fault('arc-app-deleted', c.name), unregister(c.name), settle];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/unregister'),
  },
  'cluster-app-deleted': {
    plan: (_w, c) => {
      registered(c);
      return [enableDebug(c.nodeNames), fault('cluster-app-deleted', c.name), wait(PAST_DISCONNECTED)];
    },
    observe: debugLine(/^Application with identifier/),
  },
  'event-594': {
    plan: (_w, c) => {
      registered(c);
      return [fault('tpm-cleared', c.name)];
    },
    observe: eventText(594),
  },
  'event-592': {
    plan: (_w, c) => {
      registered(c);
      return [fault('tpm-cleared', nodeAt(c, 0))];
    },
    observe: eventText(592),
  },
  'event-585': {
    plan: (_w, c) => {
      registered(c);
      return [fault('outbound-blocked', c.name), wait(SYNC_AND_MORE)];
    },
    observe: eventText(585),
  },
  'event-591': {
    plan: (_w, c) => {
      registered(c);
      return [fault('outbound-blocked', c.name), wait(SYNC_AND_MORE)];
    },
    observe: eventText(591),
  },
  'out-of-policy': {
    plan: (_w, c) => {
      registered(c);
      return [fault('outbound-blocked', c.name), wait(31 * DAY)];
    },
    observe: (w, c, now) => `ConnectionStatus : ${registrationView(w, c, now).connectionStatus}`,
  },
  'not-yet-but-resources': {
    plan: (_w, c) => {
      registered(c);
      return [unregister(c.name, OTHER_SUBSCRIPTION), settle];
    },
    observe: (w, c, now) => `RegistrationStatus : ${registrationView(w, c, now).registrationStatus}`,
  },
  'sync-after-restart': {
    plan: (_w, c) => {
      withArc(c);
      const node = nodeAt(c, -1);
      return [fault('node-restart', node), syncNow(c.name), settle];
    },
    observe: (w, c, now) => arcColumn(w, nodeAt(c, -1), now),
  },
  'arc-role-removed': {
    plan: (_w, c) => {
      const again = sameRegistration(c);
      // Registering assigns the role, so it is removed after that, while the servers are being onboarded.
      return [
        unregister(c.name),
        settle,
        register(again),
        { kind: 'reach', step: 'Arc for servers registration triggered' },
        fault('hci-rp-role-removed', c.name),
        settle,
      ];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/register'),
  },
  'arc-transient': {
    plan: (_w, c) => {
      const again = sameRegistration(c);
      // The Arc endpoints do not answer one server while the registration runs, and do again right after.
      const node = nodeAt(c, 0);
      return [
        unregister(c.name),
        settle,
        fault('arc-proxy-misconfigured', node),
        register(again),
        settle,
        { kind: 'repair', fault: 'arc-proxy-misconfigured', target: node },
      ];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/register'),
  },
  'arc-proxy': {
    plan: (_w, c) => {
      const again = sameRegistration(c);
      return [unregister(c.name), settle, fault('arc-proxy-misconfigured', c.name), register(again), settle];
    },
    observe: (w, c) => lastJob(w, c.name, 'cluster/register'),
  },
  'cert-rotation': {
    plan: (w, c) => {
      const reg = registered(c);
      const failing = [
        enableDebug(c.nodeNames),
        fault('cert-rotation-failing', c.name),
        wait(PAST_DISCONNECTED),
      ];
      if (reg.cloud !== 'AzureCloud') return failing;
      // Rotation fails only in Azure US Government and Azure China: the cluster is registered there first,
      // from PowerShell, by the Government directory's owner.
      const sub = Object.values(w.cloud.subscriptions).find(
        (s) => own(w.cloud.tenants, s.tenantId)?.cloud === 'AzureUSGovernment',
      );
      const owner =
        sub &&
        Object.values(w.cloud.users).find((u) =>
          u.roleAssignments.some((r) => r.subscriptionId === sub.subscriptionId && r.role === 'Owner'),
        );
      if (!sub || !owner)
        throw new SimError(
          'precondition',
          'NoGovernmentSubscription',
          'This case needs an Azure US Government subscription with an owner in the world.',
        );
      return [
        unregister(c.name),
        settle,
        powershell(
          nodeAt(c, 0),
          `Register-AzStackHCI -EnvironmentName AzureUSGovernment -SubscriptionId ${sub.subscriptionId} -ResourceGroupName ${reg.resourceGroup} -ArmAccessToken token -AccountId ${owner.upn}`,
        ),
        ...failing,
      ];
    },
    observe: debugLine(/Client assertion failed signature validation/),
  },
  'time-skew': {
    plan: (_w, c) => {
      registered(c);
      const node = nodeAt(c, 0);
      return [enableDebug([node]), fault('time-skew', node), wait(SYNC_AND_MORE)];
    },
    observe: debugLine(/^AADSTS80013/),
  },
  'aad-token-fetch': {
    plan: (_w, c) => {
      registered(c);
      const node = nodeAt(c, 0);
      return [enableDebug([node]), fault('outbound-blocked', node), wait(SYNC_AND_MORE)];
    },
    observe: debugLine(/AADTokenFetch failed after all retries/),
  },
  'nodes-cannot-connect': {
    plan: (_w, c) => {
      withArc(c);
      const node = nodeAt(c, 0);
      return [
        fault('outbound-blocked', node),
        wait(46 * DAY),
        { kind: 'repair', fault: 'outbound-blocked', target: node },
      ];
    },
    observe: (w, c, now) => arcColumn(w, nodeAt(c, 0), now),
  },
  'tenant-mfa': {
    plan: (w, c) => {
      const reg = registered(c);
      const upn = portalAccount(w);
      const tenants = own(w.cloud.users, upn)?.tenantIds.filter(
        (t) => own(w.cloud.tenants, t)?.cloud === reg.cloud,
      );
      if ((tenants?.length ?? 0) < 2)
        throw new SimError(
          'precondition',
          'SingleTenant',
          `This case needs an account in several Azure AD tenants; ${upn} is in one.`,
        );
      // The account's other tenant requires MFA, and Register-AzStackHCI is run without -TenantId.
      return [
        unregister(c.name),
        settle,
        fault('tenant-mfa-required', upn),
        powershell(
          nodeAt(c, 0),
          `Register-AzStackHCI -SubscriptionId ${reg.subscriptionId} -ResourceGroupName ${reg.resourceGroup} -Region ${reg.region} -ArmAccessToken token -AccountId ${upn}`,
        ),
      ];
    },
    observe: consoleLine(/Unable to acquire token for tenant/),
  },
  'common-resource-group': {
    plan: (w, c) => {
      const reg = registered(c);
      const upn = portalAccount(w);
      const shared = Object.values(w.cloud.resourceGroups).find(
        (g) => g.subscriptionId === reg.subscriptionId && g.name !== reg.resourceGroup,
      );
      if (!shared)
        throw new SimError(
          'precondition',
          'NoSharedGroup',
          'This case needs another resource group in the subscription to share.',
        );
      const node = nodeAt(c, 0);
      // The shared group already holds an Arc machine named like a server (created by another ARM client),
      // and Register-AzStackHCI is pointed at that group for the Arc resources.
      return [
        unregister(c.name),
        settle,
        {
          kind: 'operation',
          name: `PUT Microsoft.HybridCompute/machines/${node} in ${shared.name}`,
          op: putMachine(
            {
              apiVersion: API_VERSIONS.hybridCompute[0],
              authorization: undefined,
              body: JSON.stringify({ location: shared.location, properties: {} }),
            },
            { subscriptionId: reg.subscriptionId, resourceGroup: shared.name, machineName: node },
          ),
        },
        powershell(
          node,
          `Register-AzStackHCI -SubscriptionId ${reg.subscriptionId} -ResourceGroupName ${reg.resourceGroup} -Region ${reg.region} -ArcServerResourceGroupName ${shared.name} -TenantId ${reg.tenantId} -ArmAccessToken token -AccountId ${upn}`,
        ),
      ];
    },
    observe: consoleLine(/already exists in the Resource Group/),
  },
  'vm-create-licensing': {
    plan: (_w, c) => {
      registered(c);
      return [
        fault('outbound-blocked', c.name),
        wait(31 * DAY),
        {
          kind: 'operation',
          name: "Create virtual machine 'vmname'",
          op: (draft, now) =>
            startCreateVm(
              draft,
              {
                cluster: c.name,
                name: 'vmname',
                hostNode: nodeAt(c, 0),
                generation: 2,
                cpuCount: 2,
                memoryMiB: 2048,
                os: 'Windows Server 2022 Datacenter',
              },
              now,
            ),
        },
        settle,
      ];
    },
    observe: (w, c) => lastJob(w, c.name, 'vm/create'),
  },
};

export function isReproducible(caseId: string): boolean {
  return Object.hasOwn(RECIPES, caseId);
}

/** What plays a recipe: the runtime's own operations, so the lab goes through the same path as the UI. */
export interface RecipePlayer {
  read<T>(select: (world: World, now: Millis) => T): T;
  run<T>(op: Op<T>): Outcome<T>;
  advance(duration: Millis): unknown;
  inject(fault: FaultName, target?: string): void;
  repair(fault: FaultName, target?: string): void;
}

/** Plays the recipe of `caseId` on `clusterName`; returns the text the product shows at the end. */
export function playRecipe(player: RecipePlayer, clusterName: string, caseId: string): string {
  if (clusterName === '')
    throw new SimError('bad-request', 'InvalidParameter', "Choose the 'cluster' to reproduce the case on.", {
      target: 'cluster',
    });
  if (!Object.hasOwn(RECIPES, caseId)) {
    throw new SimError(
      'not-found',
      'CaseNotFound',
      `There is no reproducible troubleshooting case '${caseId}'.`,
    );
  }
  const recipe = RECIPES[caseId];
  if (!recipe)
    throw new SimError('not-found', 'CaseNotFound', `There is no troubleshooting case '${caseId}'.`);
  const clusterOf = (world: World): OnPremCluster => {
    const cluster = requireCluster(world, clusterName);
    return cluster;
  };
  const steps = player.read((world) => recipe.plan(world, clusterOf(world)));
  let console = '';
  for (const [index, step] of steps.entries()) {
    switch (step.kind) {
      case 'fault':
        player.inject(step.fault, step.target);
        break;
      case 'repair':
        player.repair(step.fault, step.target);
        break;
      case 'operation': {
        const outcome = player.run(step.op);
        if (!outcome.ok) throw outcome.error;
        break;
      }
      case 'wait':
        player.advance(step.ms);
        break;
      case 'powershell': {
        let session = player.read((world) => openSession(world, `recipe-${index}`, step.server, 400));
        for (const line of ['Install-Module Az.StackHCI -Force', step.line]) {
          let result = player.run(submitLine(session, line));
          const output: string[] = [];
          for (let i = 0; result.ok && i < 30; i++) {
            output.push(...result.value.output.flatMap((o) => (o.kind === 'line' ? [o.text] : [])));
            const { busy, session: now } = result.value;
            // The administrator answers Yes to the questions on the way (Az.StackHCI's 22H2 end-of-support
            // question on every cmdlet), as the guide's steps go on past them.
            if (now.pending?.kind === 'choice') result = player.run(submitLine(now, 'Y'));
            else if (busy) {
              player.advance(MINUTE);
              result = player.run(pollSession(now));
            } else break;
          }
          if (!result.ok) throw result.error;
          session = result.value.session;
          console = output.join('\n');
        }
        break;
      }
      case 'reach': {
        const text = step.step;
        const remaining = player.read((world, now) => {
          const job = Object.values(world.jobs).find(
            (j) => j.status === 'InProgress' && j.target.name === clusterName,
          );
          const at = job?.steps.find((s) => s.text === text)?.at;
          return job && at !== undefined ? job.startedAt + at + 1 - now : 0;
        });
        if (remaining > 0) player.advance(remaining);
        break;
      }
      case 'settle': {
        const remaining = player.read((world, now) =>
          Math.max(
            0,
            ...Object.values(world.jobs)
              .filter((j) => j.status === 'InProgress' && j.target.name === clusterName)
              .map((j) => j.endsAt - now),
          ),
        );
        if (remaining > 0) player.advance(remaining);
        break;
      }
    }
  }
  return player.read((world, now) => recipe.observe(world, clusterOf(world), now, console));
}
