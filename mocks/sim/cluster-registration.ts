/**
 * Registering a cluster with Azure as a job (behaviour.md §1–2): the prerequisites WAC checks first, the
 * progress strings of Register-AzStackHCI with their percentages, its validations in their real order,
 * and every outcome with its verbatim text — plus unregister, repair and "Sync now".
 *
 *   start ─▶ validations (fail fast: 9107/9125/9127/9128/9104/9105/9108/9106)
 *         ─▶ RG + resource + app created ─▶ certificates on every node ─┬─ some node can't: 9110, resource kept
 *                                                                      ├─ consent missing: PendingForAdminConsent
 *                                                                      └─ registered + sync ─▶ Arc ─┬─ Success
 *                                                                                                   └─ no role: RegisterSucceededButArcFailed
 */
import type { PrerequisiteCheckDto } from '../../src/api/contract';
import { own } from './lookup';
import { requireCluster } from './cluster-lookup';
import { hciClusterId, machineId, onBoxResourceUri, resourceKey, rgKey } from './arm-ids';
import { CLOUDS, findLocation, normaliseRegion } from './clouds';
import { SimError, unschedule } from './core';
import { SYNC_INTERVAL, clusterNodes, nodeIsUp, nodeReachesAzure } from './derive';
import { logEvent, logFileName, logLine } from './events';
import { hasFault } from './faults-state';
import { FAULTS } from './faults';
import { ARC_PATCH_FAILED, arcDisableFailed } from './guide-texts';
import { azureReadiness } from './gateway-registration';
import { canAssignRoles, canGrantAdminConsent, canWrite } from './identity';
import { startJob } from './jobs';
import type { JobOutcome } from './jobs';
import type {
  CloudName,
  Job,
  JobStep,
  Millis,
  OnPremCluster,
  RegistrationPlan,
  UnregisterRequest,
  World,
} from './model';
import { refreshHeartbeats } from './reachability';
import {
  attemptSync,
  createApp,
  enableArcIntegration,
  onboardClusterNodes,
  ensureResourceGroup,
  putClusterResource,
  recordSync,
  scheduleNextSync,
} from './registration';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RG_NAME = /^[-\w._()]{1,90}$/u;

// ───────────── Messages (behaviour.md §1.4–1.5, verbatim) ─────────────

export const MESSAGES = {
  success:
    'Azure Stack HCI is successfully registered. An Azure resource representing Azure Stack HCI has been created in your Azure subscription to enable an Azure-consistent monitoring, billing, and support experience.',
  unregistered:
    "Azure Stack HCI is successfully unregistered. The Azure resource representing Azure Stack HCI has been deleted. Azure Stack HCI can't sync with Azure until you register again.",
  certificates: (generate: string[], verify: string[]) =>
    `Failed to register. Couldn't generate self-signed certificate on node(s) ${generate.join(',')}. Couldn't set and verify registration certificate on node(s) ${verify.join(',')}. Make sure every clustered node is up and has Internet connectivity (at least outbound to Azure).`,
  regionNotSupported: (region: string, supported: string[]) =>
    `Azure Stack HCI is not yet available in region ${region}. Please choose one of these regions: ${supported.join(',')}.`,
  differentResourceId: (id: string) =>
    `Azure Stack HCI is already registered with Azure resource ID ${id}. To register or change registration, first unregister the cluster using Unregister-AzStackHCI, then try again.`,
  cloudResourceMissing: (id: string) =>
    `The Azure resource with ID ${id} doesn't exist. Unregister the cluster using Unregister-AzStackHCI and then try again.`,
  differentRegion: (existing: string, input: string) =>
    `There is already an Azure Stack HCI resource with the same resource ID in region ${existing}, which is different from the input region ${input}. Either specify the same region or delete the existing resource and try again.`,
  differentResourceGroup: (rg: string) =>
    `Cluster resource has already been created in resource group : ${rg}. Skip '-ResourceGroupName' or provide '-ResourceGroupName' as ${rg} in Register-AzStackHCI to perform registration.`,
  differentSubscription: (sub: string) =>
    `Cluster is already registered to subscription id : ${sub}. Skip '-SubscriptionId' or provide '-SubscriptionId' as ${sub} in Register-AzStackHCI to perform registration.`,
  differentName: (name: string) =>
    `Cluster is already registered with resource name : ${name}. Skip '-ResourceName' or provide '-ResourceName' as ${name} in Register-AzStackHCI to perform registration.`,
  arcMachinesExist: (names: string[], rg: string) =>
    `Arc machine(s) with names: ${names.join(',')} already exists in the Resource Group ${rg}. Use a different Resource group for registration or specify a different Arc for Servers Resource Group.`,
  arcRoles:
    'Failed to assign required roles for Azure Arc integration. Your Azure AD account must be an Owner or User Access Administrator in the subscription to enable Azure Arc integration.',
  adminConsent: (appId: string, url: string) =>
    `You need additional Azure Active Directory permissions to register in this Azure subscription. Contact your Azure AD administrator to grant consent to AAD application identity ${appId} at ${url}. Then, run Register-AzStackHCI again with same parameters to complete registration.`,
  repairNotRegistered:
    "Can't repair registration because the cluster isn't registered yet. Register the cluster using Register-AzStackHCI without the -RepairRegistration option.",
  notRegistered:
    "Additional parameters are required to unregister. Run 'Get-Help Unregister-AzStackHCI -Full' for more information.",
  wacRegisterFailed: "Couldn't register Azure Stack HCI. Review the error and then try again.",
} as const;

// ───────────── Prerequisites ─────────────

export type CheckState = 'pass' | 'warn' | 'fail';

export interface PrerequisiteCheck {
  id: string;
  title: string;
  state: CheckState;
  detail: string;
  /** what to do about it, when it isn't a pass */
  remedy?: string;
  /** the nodes the check is about, when it is about nodes */
  nodes?: string[];
}

/**
 * The wizard's prerequisite checks as the page asks for them: `?subscriptionId=` (none yet when empty) and
 * `?enableArc=` (Azure Arc is on unless it says false, as the wizard's default is), for the cluster named.
 */
export function registrationPrerequisitesView(
  world: World,
  clusterName: string,
  params: { get(name: string): string | null },
  now: Millis,
): PrerequisiteCheckDto[] {
  const subscriptionId = params.get('subscriptionId') ?? '';
  return registrationPrerequisites(
    world,
    requireCluster(world, clusterName).name,
    subscriptionId === '' ? undefined : subscriptionId,
    params.get('enableArc') !== 'false',
    now,
  ).map((c) => ({
    id: c.id,
    title: c.title,
    state: c.state,
    detail: c.detail,
    remedy: c.remedy ?? null,
    nodes: c.nodes ?? [],
  }));
}

/**
 * What WAC checks before anything is created. `fail` blocks Register; `warn` lets it start because the
 * job itself fails with the real error (that is what support staff need to see reproduced).
 */
export function registrationPrerequisites(
  world: World,
  clusterName: string,
  subscriptionId: string | undefined,
  enableArc: boolean,
  now: Millis,
): PrerequisiteCheck[] {
  const checks: PrerequisiteCheck[] = [];
  const readiness = azureReadiness(world, now);
  const gateway = world.gateway;
  checks.push(
    gateway.registration
      ? {
          id: 'gateway',
          title: 'Windows Admin Center is registered with Azure',
          state: 'pass',
          detail: `Registered in ${CLOUDS[gateway.registration.cloud].displayName}.`,
        }
      : {
          id: 'gateway',
          title: 'Windows Admin Center is registered with Azure',
          state: 'fail',
          detail: 'This gateway isn\u2019t yet registered with Azure.',
          remedy: 'Register the gateway with Azure (Settings → Register), then come back.',
        },
  );
  checks.push(
    readiness === undefined || readiness.code === 'GatewayNotRegistered'
      ? gateway.account
        ? {
            id: 'account',
            title: 'Signed in to Azure',
            state: 'pass',
            detail: `Signed in as ${gateway.account.upn}.`,
          }
        : {
            id: 'account',
            title: 'Signed in to Azure',
            state: 'fail',
            detail: 'Nobody is signed in to Azure.',
            remedy: 'Sign in from Settings → Account.',
          }
      : {
          id: 'account',
          title: 'Signed in to Azure',
          state: 'fail',
          detail: readiness.message,
          remedy: 'Sign in from Settings → Account.',
        },
  );
  const nodes = clusterNodes(world, clusterName);
  const down = nodes.filter((n) => !nodeIsUp(n)).map((n) => n.name);
  checks.push(
    down.length === 0
      ? {
          id: 'nodes-up',
          title: 'Every server is up',
          state: 'pass',
          detail: `${nodes.length} of ${nodes.length} servers respond.`,
        }
      : {
          id: 'nodes-up',
          title: 'Every server is up',
          state: 'warn',
          detail: `${down.join(', ')} ${down.length === 1 ? 'does' : 'do'} not respond. Registration will fail to generate a certificate there.`,
          remedy: 'Start the server, then register.',
          nodes: down,
        },
  );
  const stopped = nodes.filter((n) => nodeIsUp(n) && !n.hcisvcRunning).map((n) => n.name);
  checks.push(
    stopped.length === 0
      ? {
          id: 'hcisvc',
          title: 'The Azure Stack HCI service (hcisvc) is running',
          state: 'pass',
          detail: 'Running on every server that is up.',
        }
      : {
          id: 'hcisvc',
          title: 'The Azure Stack HCI service (hcisvc) is running',
          state: 'warn',
          detail: `hcisvc is stopped on ${stopped.join(', ')}.`,
          remedy: 'Start the service (sc.exe start hcisvc) from Diagnostics.',
          nodes: stopped,
        },
  );
  const offline = nodes
    .filter((n) => nodeIsUp(n) && (!nodeReachesAzure(n) || Math.abs(n.clockSkewMs) >= 5 * 60_000))
    .map((n) => n.name);
  checks.push(
    offline.length === 0
      ? {
          id: 'outbound',
          title: 'Outbound connectivity to Azure',
          state: 'pass',
          detail: 'Every server that is up can reach Azure over HTTPS with a correct clock.',
        }
      : {
          id: 'outbound',
          title: 'Outbound connectivity to Azure',
          state: 'warn',
          detail: `${offline.join(', ')} can't reach Azure (firewall, proxy or clock skew). Registration will fail to set and verify the certificate there.`,
          remedy: 'Allow outbound HTTPS (port 443) to Azure, fix the proxy, or resynchronise the clock.',
          nodes: offline,
        },
  );
  const upn = gateway.account?.upn;
  if (
    upn !== undefined &&
    subscriptionId !== undefined &&
    GUID.test(subscriptionId) &&
    own(world.cloud.subscriptions, subscriptionId)
  ) {
    checks.push(
      canWrite(world, upn, subscriptionId)
        ? {
            id: 'role-register',
            title: 'Contributor role on the subscription',
            state: 'pass',
            detail: `${upn} can create resources in this subscription.`,
          }
        : {
            id: 'role-register',
            title: 'Contributor role on the subscription',
            state: 'fail',
            detail: `${upn} can't create resources in this subscription.`,
            remedy: 'Ask an Owner to grant you Contributor (or Owner) on the subscription.',
          },
    );
    if (enableArc) {
      checks.push(
        canAssignRoles(world, upn, subscriptionId)
          ? {
              id: 'role-arc',
              title: 'Owner or User Access Administrator (for Azure Arc)',
              state: 'pass',
              detail: `${upn} can assign the roles Azure Arc needs.`,
            }
          : {
              id: 'role-arc',
              title: 'Owner or User Access Administrator (for Azure Arc)',
              state: 'warn',
              detail: `${upn} can't assign roles: the cluster will register but Azure Arc integration will fail.`,
              remedy:
                'Ask for Owner or User Access Administrator, or turn off Enable Azure Arc under Advanced.',
            },
      );
    }
  }
  return checks;
}

// ───────────── Input ─────────────

export interface RegisterClusterRequest {
  cluster: string;
  subscriptionId: string;
  resourceGroup: string;
  region: string;
  enableArc: boolean;
  /** defaults to the resource group */
  arcResourceGroup?: string;
  /** defaults to the cluster name */
  resourceName?: string;
  /** true: the wizard's "Create new" (the group must not exist yet); false: "Use existing" (it must) */
  createResourceGroup?: boolean;
}

/** The request as a form sends it: names may carry spaces around them, '' means "not given". */
function normalise(world: World, request: RegisterClusterRequest): RegisterClusterRequest {
  const { arcResourceGroup, ...rest } = request;
  return {
    ...rest,
    cluster: requireCluster(world, request.cluster).name,
    subscriptionId: request.subscriptionId.trim(),
    region: request.region.trim(),
    ...(arcResourceGroup !== undefined && arcResourceGroup !== '' ? { arcResourceGroup } : {}),
  };
}

function validateRequest(world: World, request: RegisterClusterRequest): void {
  requireCluster(world, request.cluster);
  if (!GUID.test(request.subscriptionId)) {
    throw new SimError(
      'bad-request',
      'InvalidSubscriptionId',
      `The provided subscription identifier '${request.subscriptionId}' is malformed or invalid.`,
      { target: 'subscriptionId' },
    );
  }
  for (const [field, value] of [
    ['resourceGroup', request.resourceGroup],
    ['arcResourceGroup', request.arcResourceGroup],
  ] as const) {
    if (value === undefined) continue;
    if (!RG_NAME.test(value) || value.endsWith('.')) {
      throw new SimError(
        'bad-request',
        'InvalidResourceGroup',
        `Resource group name '${value}' is invalid. It can include alphanumeric, underscore, parentheses, hyphen, period (except at end), and Unicode characters that match the allowed characters.`,
        { target: field },
      );
    }
  }
  if (request.region.trim() === '')
    throw new SimError('bad-request', 'LocationRequired', 'Select an Azure region.', { target: 'region' });
  const rgExists = own(world.cloud.resourceGroups, rgKey(request.subscriptionId, request.resourceGroup));
  if (request.createResourceGroup === true && rgExists)
    throw new SimError(
      'conflict',
      'ResourceGroupExists',
      `A resource group named '${request.resourceGroup}' already exists in this subscription. Choose Use existing, or another name.`,
      { target: 'resourceGroup' },
    );
  if (request.createResourceGroup === false && !rgExists)
    throw new SimError(
      'not-found',
      'ResourceGroupNotFound',
      `Resource group '${request.resourceGroup}' could not be found.`,
      { target: 'resourceGroup' },
    );
}

type Plan = RegistrationPlan;

function resourceUrl(cloud: CloudName, tenantId: string, sub: string, rg: string, name: string): string {
  return `${CLOUDS[cloud].portalUrl}#@${tenantId}/resource/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AzureStackHCI/clusters/${name}/overview`;
}

/** The validations of §1.3 that fail within seconds, in their order. */
function earlyFailure(
  world: World,
  cluster: OnPremCluster,
  plan: Plan,
): { message: string; code: number } | undefined {
  const reg = cluster.registration;
  if (reg) {
    if (reg.resourceName !== plan.resourceName)
      return { message: MESSAGES.differentName(reg.resourceName), code: 9127 };
    if (reg.resourceGroup.toLowerCase() !== plan.resourceGroup.toLowerCase())
      return { message: MESSAGES.differentResourceGroup(reg.resourceGroup), code: 9125 };
    if (reg.subscriptionId.toLowerCase() !== plan.subscriptionId.toLowerCase())
      return { message: MESSAGES.differentSubscription(reg.subscriptionId), code: 9128 };
  }
  const id = hciClusterId(plan.subscriptionId, plan.resourceGroup, plan.resourceName);
  const existing = own(world.cloud.hciClusters, resourceKey(id));
  if (existing && normaliseRegion(existing.location) !== normaliseRegion(plan.region)) {
    return { message: MESSAGES.differentRegion(existing.location, plan.region), code: 9104 };
  }
  if (plan.enableArc && !reg?.arcEnabled) {
    const taken = clusterNodes(world, cluster.name)
      .map((n) => n.name)
      .filter((name) => {
        const machine = own(
          world.cloud.machines,
          resourceKey(machineId(plan.subscriptionId, plan.arcResourceGroup, name)),
        );
        return (
          machine !== undefined &&
          own(world.nodes, name)?.arc.machineResourceId?.toLowerCase() !==
            resourceKey(machineId(plan.subscriptionId, plan.arcResourceGroup, name))
        );
      });
    if (taken.length > 0)
      return { message: MESSAGES.arcMachinesExist(taken, plan.arcResourceGroup), code: 9105 };
  }
  if (reg && !existing)
    return {
      message: MESSAGES.cloudResourceMissing(
        onBoxResourceUri(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
      ),
      code: 9106,
    };
  const supported = CLOUDS[plan.cloud].hciRegions;
  if (!supported.some((r) => r.name === normaliseRegion(plan.region))) {
    return {
      message: MESSAGES.regionNotSupported(
        plan.region,
        supported.map((r) => r.displayName),
      ),
      code: 9108,
    };
  }
  return undefined;
}

const STEP_GAP = 4_000;
const ARC_TRIGGERED = 'Arc for servers registration triggered';

/**
 * Every run of Register-AzStackHCI that reaches its Arc part assigns "Azure Connected Machine Resource Manager"
 * to the HCI resource provider on the Arc resource group (behaviour.md §1.3 step 16; `Set-ArcRoleforRPSpn`
 * succeeds at once when the assignment is already there), so registering again, from the wizard or the
 * cmdlet, undoes a removal made before that moment. A removal after it, while the agents are still being
 * onboarded, is the guide's Scenario 1: the nodes stay "Not installed" until a repair assigns it again.
 */
function assignRpRole(draft: World, job: Job<'cluster/register'>): void {
  const step = job.steps.find((s) => s.text === ARC_TRIGGERED);
  if (!step) return;
  const assignedAt = job.startedAt + step.at;
  draft.faults = draft.faults.filter(
    (f) =>
      !(f.fault === 'hci-rp-role-removed' && f.target === job.input.plan.cluster && f.since <= assignedAt),
  );
}

function registrationSteps(plan: Plan, failFast: boolean): JobStep[] {
  const steps: { percent: number; text: string }[] = [
    { percent: 1, text: 'Checking whether the required modules are installed' },
    { percent: 2, text: 'Checking whether the cluster is already registered' },
    { percent: 8, text: 'Validating cmdlet parameters' },
  ];
  if (!failFast) {
    steps.push({ percent: 30, text: 'Logging in to Azure' });
    if (!plan.alreadyRegistered) {
      steps.push({ percent: 40, text: 'Registering Microsoft.AzureStackHCI provider to Subscription' });
      if (plan.legacyConsent) {
        steps.push({
          percent: 50,
          text: `Creating AAD application ${plan.resourceName} in Azure AD directory ${plan.tenantId}`,
        });
      }
      if (plan.createdResourceGroup)
        steps.push({ percent: 55, text: `Creating Azure Resource Group ${plan.resourceGroup}` });
      steps.push({
        percent: 60,
        text: `Creating Azure Resource ${plan.resourceName} representing Azure Stack HCI by calling Microsoft.AzureStackHCI provider`,
      });
      if (plan.legacyConsent) {
        steps.push({
          percent: 65,
          text: `Trying to grant admin consent for the required permissions needed for Azure AD application identity ${plan.resourceName}`,
        });
      }
      steps.push(
        {
          percent: 70,
          text: 'Getting new certificate from on-premises cluster to use as application credential',
        },
        {
          percent: 80,
          text: `Adding certificate as application credential for the Azure AD application ${plan.resourceName}`,
        },
        {
          percent: 90,
          text: 'Registering Azure Stack HCI cluster and syncing cluster census information from the on-premises cluster to the cloud',
        },
      );
    }
    if (plan.enableArc) {
      steps.push(
        { percent: 93, text: ARC_TRIGGERED },
        {
          percent: 94,
          text: 'Registering Microsoft.HybridCompute and Microsoft.GuestConfiguration resource providers to subscription',
        },
        { percent: 95, text: 'Creating AAD application for onboarding ARC' },
        { percent: 96, text: 'Initializing Azure Stack HCI integration with Azure Arc' },
        { percent: 97, text: 'Enabling Azure Arc integration on every clustered node' },
        { percent: 99, text: 'Verifying Azure Arc for Servers registration' },
      );
    }
  }
  return steps.map((s, i) => ({ ...s, at: i * STEP_GAP }));
}

/**
 * The "HCI Registration" events of the Application log. behaviour.md §1.6 names them (9001 registration begin,
 * 9004 registration complete, 9117 ARC unregistration failed …) without their message text; where an error
 * text exists it is written, otherwise the event's name stands in for the message.
 */
function writeRegistrationEvent(
  draft: World,
  cluster: string,
  id: number,
  level: 'Information' | 'Error' | 'Warning',
  message: string,
  at: Millis,
): void {
  const first = own(draft.clusters, cluster)?.nodeNames[0];
  if (first === undefined) return;
  logEvent(draft, first, { channel: 'Application', source: 'HCI Registration', id, level, message }, at);
}

function appendLog(draft: World, cluster: string, jobId: string, line: string): void {
  const file = own(draft.clusters, cluster)?.logFiles.find((f) => f.lines[0]?.includes(`Job ${jobId}:`));
  if (file) file.lines.push(line);
}

function openLog(
  cluster: OnPremCluster,
  prefix: 'RegisterHCI' | 'UnregisterHCI',
  job: Job,
  at: Millis,
  header: string[],
): void {
  cluster.logFiles.push({
    name: logFileName(prefix, at),
    createdAt: at,
    lines: [logLine(at, 'INFO', `Job ${job.id}: ${job.title}`), ...header.map((h) => logLine(at, 'INFO', h))],
  });
  if (cluster.logFiles.length > 50) cluster.logFiles.splice(0, cluster.logFiles.length - 50);
}

/**
 * Who signed in to Azure for a registration operation: absent, the gateway's account (the portal's path,
 * which also needs the gateway registered); given, an Azure sign-in of its own, such as a PowerShell console
 * session's `Connect-AzAccount` token, which leaves the gateway's account alone.
 */
export interface AzureCaller {
  upn: string;
  tenantId: string;
  cloud: CloudName;
}

export function registrationCaller(draft: World, now: Millis, caller: AzureCaller | undefined): AzureCaller {
  if (caller) return caller;
  const readiness = azureReadiness(draft, now);
  if (readiness) throw new SimError('precondition', readiness.code, readiness.message);
  const account = draft.gateway.account;
  const gatewayReg = draft.gateway.registration;
  if (!account || !gatewayReg) throw new SimError('precondition', 'NotReady', 'Sign in to Azure first.');
  return { upn: account.upn, tenantId: account.tenantId, cloud: gatewayReg.cloud };
}

export function startClusterRegistration(
  draft: World,
  given: RegisterClusterRequest,
  now: Millis,
  caller?: AzureCaller,
): Job {
  const request = normalise(draft, given);
  validateRequest(draft, request);
  const account = registrationCaller(draft, now, caller);
  const cluster = requireCluster(draft, request.cluster);
  if (
    Object.values(draft.jobs).some(
      (j) => j.status === 'InProgress' && j.target.name === cluster.name && j.kind.startsWith('cluster/'),
    )
  ) {
    throw new SimError(
      'conflict',
      'OperationInProgress',
      `Another registration operation is running on ${cluster.name}. Wait for it to finish.`,
    );
  }
  const sub = own(draft.cloud.subscriptions, request.subscriptionId);
  if (
    !sub ||
    !own(draft.cloud.users, account.upn)?.roleAssignments.some(
      (r) => r.subscriptionId === request.subscriptionId,
    )
  ) {
    throw new SimError(
      'not-found',
      'SubscriptionNotFound',
      `The subscription '${request.subscriptionId}' could not be found.`,
      { target: 'subscriptionId' },
    );
  }
  if (!canWrite(draft, account.upn, request.subscriptionId)) {
    const user = own(draft.cloud.users, account.upn);
    throw new SimError(
      'forbidden',
      'AuthorizationFailed',
      `The client '${account.upn}' with object id '${user?.objectId ?? ''}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over scope '/subscriptions/${request.subscriptionId}/resourcegroups/${request.resourceGroup}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  const location = findLocation(request.region);
  const plan: Plan = {
    cluster: cluster.name,
    cloud: account.cloud,
    subscriptionId: sub.subscriptionId,
    resourceGroup: request.resourceGroup,
    region: location?.name ?? request.region,
    resourceName: request.resourceName ?? cluster.registration?.resourceName ?? cluster.name,
    tenantId: sub.tenantId,
    enableArc: request.enableArc,
    arcResourceGroup: request.arcResourceGroup ?? request.resourceGroup,
    upn: account.upn,
    createdResourceGroup: !own(draft.cloud.resourceGroups, rgKey(sub.subscriptionId, request.resourceGroup)),
    alreadyRegistered: false,
    legacyConsent:
      hasFault(draft, 'no-aad-consent', account.upn) &&
      !(
        cluster.pendingConsent?.appId !== undefined &&
        own(draft.cloud.apps, cluster.pendingConsent.appId)?.adminConsentGranted
      ),
  };
  const failure = earlyFailure(draft, cluster, plan);
  plan.alreadyRegistered = failure === undefined && cluster.registration !== undefined;
  const steps = registrationSteps(plan, failure !== undefined);
  const job = startJob(
    draft,
    {
      kind: 'cluster/register',
      title: 'Registering Azure Stack HCI with Azure...',
      target: { type: 'cluster', name: cluster.name },
      steps,
      durationMs: steps.length * STEP_GAP,
      input: { plan, failure: failure ?? null },
      startedMessage: `Registering ${cluster.fqdn} with Azure. It takes a few minutes to complete the registration.`,
    },
    now,
  );
  openLog(cluster, 'RegisterHCI', job, now, [
    'Register-AzStackHCI triggered',
    `SubscriptionId: ${plan.subscriptionId} ResourceGroupName: ${plan.resourceGroup} ResourceName: ${plan.resourceName} Region: ${plan.region} EnvironmentName: ${plan.cloud} EnableAzureArcServer: ${String(plan.enableArc)} ArcServerResourceGroupName: ${plan.arcResourceGroup}`,
  ]);
  writeRegistrationEvent(
    draft,
    cluster.name,
    9001,
    'Information',
    'Register-AzStackHCI: registration begin.',
    now,
  );
  writeRegistrationEvent(
    draft,
    cluster.name,
    9009,
    'Information',
    `Register-AzStackHCI parameters: SubscriptionId ${plan.subscriptionId}, Region ${plan.region}, ResourceName ${plan.resourceName}, ResourceGroupName ${plan.resourceGroup}, TenantId ${plan.tenantId}, AccountId XXXXXXX.`,
    now,
  );
  return job;
}

export function completeClusterRegistration(
  draft: World,
  job: Job<'cluster/register'>,
  at: Millis,
): JobOutcome {
  const { plan, failure: early } = job.input;
  const cluster = own(draft.clusters, plan.cluster);
  const fail = (message: string, code: number, result = 'Failed'): JobOutcome => {
    appendLog(draft, plan.cluster, job.id, logLine(at, 'ERROR', message));
    writeRegistrationEvent(draft, plan.cluster, code === 9110 ? 9110 : 9114, 'Error', message, at);
    return { status: 'Failed', message, result };
  };
  if (!cluster) return { status: 'Failed', message: `The cluster '${plan.cluster}' no longer exists.` };
  if (early) return fail(early.message, early.code);
  if (!canWrite(draft, plan.upn, plan.subscriptionId)) {
    return fail(
      `The client '${plan.upn}' does not have authorization to perform action 'Microsoft.AzureStackHCI/clusters/write' over scope '/subscriptions/${plan.subscriptionId}'.`,
      9130,
    );
  }

  if (!plan.alreadyRegistered) {
    // The resource group, the app and the cluster resource exist before the certificate step: a failure
    // there leaves them in Azure, and re-running with the same parameters carries on from them.
    ensureResourceGroup(draft, plan.subscriptionId, plan.resourceGroup, plan.region, plan.upn, at);
    const sub = own(draft.cloud.subscriptions, plan.subscriptionId);
    if (sub) sub.providers['Microsoft.AzureStackHCI'] = 'Registered';
    const resourceId = hciClusterId(plan.subscriptionId, plan.resourceGroup, plan.resourceName);
    const existing = own(draft.cloud.hciClusters, resourceKey(resourceId));
    let app = existing?.aadClientId !== undefined ? own(draft.cloud.apps, existing.aadClientId) : undefined;
    if (cluster.pendingConsent) app = own(draft.cloud.apps, cluster.pendingConsent.appId) ?? app;
    app ??= createApp(
      draft,
      {
        displayName: plan.resourceName,
        tenantId: plan.tenantId,
        kind: 'cluster',
        clusterName: cluster.name,
        consent: !plan.legacyConsent,
      },
      at,
    );
    if (existing?.aadClientId !== app.appId) {
      const resource = putClusterResource(draft, plan, app, at);
      if (existing?.registrationTimestamp === undefined) delete resource.registrationTimestamp;
    }
    if (!app.adminConsentGranted) {
      if (canGrantAdminConsent(draft, plan.upn)) app.adminConsentGranted = true;
      else {
        cluster.pendingConsent = { appId: app.appId, startedAt: at };
        const url = `${CLOUDS[plan.cloud].portalUrl}#blade/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/CallAnAPI/appId/${app.appId}/isMSAApp/`;
        const message = MESSAGES.adminConsent(app.appId, url);
        appendLog(draft, plan.cluster, job.id, logLine(at, 'WARN', message));
        return { status: 'Failed', message, result: 'PendingForAdminConsent' };
      }
    }
    delete cluster.pendingConsent;

    const nodes = clusterNodes(draft, cluster.name);
    const cannotGenerate = nodes.filter((n) => !nodeIsUp(n) || !n.hcisvcRunning).map((n) => n.name);
    const cannotVerify = nodes
      .filter(
        (n) =>
          nodeIsUp(n) && n.hcisvcRunning && (!nodeReachesAzure(n) || Math.abs(n.clockSkewMs) >= 5 * 60_000),
      )
      .map((n) => n.name);
    if (cannotGenerate.length > 0 || cannotVerify.length > 0)
      return fail(MESSAGES.certificates(cannotGenerate, cannotVerify), 9110);

    cluster.registration = {
      cloud: plan.cloud,
      subscriptionId: plan.subscriptionId,
      resourceGroup: plan.resourceGroup,
      resourceName: plan.resourceName,
      region: plan.region,
      tenantId: plan.tenantId,
      appId: app.appId,
      registeredAt: at,
      lastSyncAt: at,
      arcEnabled: false,
      arcResourceGroup: plan.arcResourceGroup,
    };
    const resource = own(draft.cloud.hciClusters, resourceKey(resourceId));
    if (resource) resource.registrationTimestamp = at;
    recordSync(draft, cluster.name, at);
    scheduleNextSync(draft, cluster.name, at + SYNC_INTERVAL);
    writeRegistrationEvent(
      draft,
      cluster.name,
      9004,
      'Information',
      'Register-AzStackHCI: registration complete.',
      at,
    );
  }

  const reg = cluster.registration;
  if (!reg) return fail('The cluster is not registered.', 9114);
  const portal = resourceUrl(
    reg.cloud,
    reg.tenantId,
    reg.subscriptionId,
    reg.resourceGroup,
    reg.resourceName,
  );
  if (plan.enableArc) assignRpRole(draft, job);
  if (plan.enableArc && reg.arcEnabled) {
    // Registered already with the same resource: the cmdlet goes straight to Arc enablement (§1.3 step 13),
    // which onboards the servers whose agent is not connected.
    const pending = onboardClusterNodes(
      draft,
      cluster.name,
      clusterNodes(draft, cluster.name)
        .filter((n) => !n.arc.connected)
        .map((n) => n.name),
      {
        subscriptionId: reg.subscriptionId,
        resourceGroup: reg.arcResourceGroup,
        region: reg.region,
        clusterResourceId: hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
        upn: plan.upn,
      },
      at,
    );
    if (pending.length > 0) {
      appendLog(draft, plan.cluster, job.id, logLine(at, 'WARN', ARC_PATCH_FAILED));
      writeRegistrationEvent(draft, cluster.name, 9123, 'Warning', ARC_PATCH_FAILED, at);
      return { status: 'Succeeded', message: ARC_PATCH_FAILED, result: 'RegisterSucceededButArcFailed' };
    }
  }
  if (plan.enableArc && !reg.arcEnabled) {
    writeRegistrationEvent(draft, cluster.name, 9002, 'Information', 'Azure Arc registration start.', at);
    if (!canAssignRoles(draft, plan.upn, plan.subscriptionId)) {
      appendLog(draft, plan.cluster, job.id, logLine(at, 'ERROR', MESSAGES.arcRoles));
      writeRegistrationEvent(draft, cluster.name, 9116, 'Error', MESSAGES.arcRoles, at);
      return { status: 'Failed', message: MESSAGES.arcRoles, result: 'RegisterSucceededButArcFailed' };
    }
    const resource = own(
      draft.cloud.hciClusters,
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
    );
    if (resource) {
      const pending = enableArcIntegration(draft, { ...plan, region: reg.region }, resource, at);
      reg.arcEnabled = true;
      reg.arcResourceGroup = plan.arcResourceGroup;
      if (pending.length > 0) {
        // "Registration completes successfully but Azure Arc connection in portal says Not Installed": the
        // cmdlet warns (ArcSettingsPatchFailedWarningMessage, event 9123) and ArcRegistrationTask retries hourly.
        appendLog(draft, plan.cluster, job.id, logLine(at, 'WARN', ARC_PATCH_FAILED));
        writeRegistrationEvent(draft, cluster.name, 9123, 'Warning', ARC_PATCH_FAILED, at);
        appendLog(
          draft,
          plan.cluster,
          job.id,
          logLine(at, 'INFO', `Result: RegisterSucceededButArcFailed AzurePortalResourceURL: ${portal}`),
        );
        return { status: 'Succeeded', message: ARC_PATCH_FAILED, result: 'RegisterSucceededButArcFailed' };
      }
    }
    writeRegistrationEvent(draft, cluster.name, 9003, 'Information', 'Azure Arc registration complete.', at);
  }
  appendLog(
    draft,
    plan.cluster,
    job.id,
    logLine(at, 'INFO', `Result: Success AzurePortalResourceURL: ${portal}`),
  );
  return { status: 'Succeeded', message: MESSAGES.success, result: 'Success' };
}

// ───────────── Unregister ─────────────

/** `given` as a form sends it: '' (or spaces) means "not given". */
export function startClusterUnregistration(
  draft: World,
  given: { cluster: string; subscriptionId?: string | undefined; cloud?: UnregisterRequest['cloud'] | '' },
  now: Millis,
  caller?: AzureCaller,
): Job {
  const cluster = requireCluster(draft, given.cluster);
  const subscriptionId = given.subscriptionId?.trim() ?? '';
  const request: UnregisterRequest = {
    cluster: cluster.name,
    ...(subscriptionId !== '' ? { subscriptionId } : {}),
    ...(given.cloud !== undefined && given.cloud !== '' ? { cloud: given.cloud } : {}),
  };
  if (!cluster.registration)
    throw new SimError('conflict', 'RegistrationInfoNotFound', MESSAGES.notRegistered);
  registrationCaller(draft, now, caller);
  if (
    Object.values(draft.jobs).some(
      (j) => j.status === 'InProgress' && j.target.name === cluster.name && j.kind.startsWith('cluster/'),
    )
  ) {
    throw new SimError(
      'conflict',
      'OperationInProgress',
      `Another registration operation is running on ${cluster.name}. Wait for it to finish.`,
    );
  }
  const reg = cluster.registration;
  const steps: { percent: number; text: string }[] = [
    { percent: 1, text: 'Checking whether the required modules are installed' },
    { percent: 2, text: 'Checking whether the cluster is already registered' },
    { percent: 5, text: 'Validating the parameters and checking registration information' },
    { percent: 20, text: 'Logging in to Azure' },
  ];
  if (reg.arcEnabled) {
    steps.push(
      { percent: 40, text: 'Arc for servers unregistration triggered' },
      { percent: 41, text: 'Disabling Azure Arc integration on every clustered node' },
      {
        percent: 42,
        text: `Deleting Azure resource with ID ${reg.resourceName} representing the Azure Stack HCI cluster Arc integration`,
      },
      { percent: 43, text: 'Cleaning up Azure Arc integration' },
    );
  }
  steps.push(
    {
      percent: 45,
      text: 'Unregistering Azure Stack HCI cluster and cleaning up registration state on the on-premises cluster',
    },
    {
      percent: 80,
      text: `Deleting Azure resource with ID ${reg.resourceName} representing the Azure Stack HCI cluster`,
    },
  );
  const timed = steps.map((s, i) => ({ ...s, at: i * STEP_GAP }));
  const job = startJob(
    draft,
    {
      kind: 'cluster/unregister',
      title: 'Unregistering Azure Stack HCI from Azure...',
      target: { type: 'cluster', name: cluster.name },
      steps: timed,
      durationMs: timed.length * STEP_GAP,
      input: { request },
      startedMessage: `Unregistering ${cluster.fqdn} from Azure...`,
    },
    now,
  );
  openLog(cluster, 'UnregisterHCI', job, now, [
    `Unregister-AzStackHCI triggered - ResourceName: ${reg.resourceName} Region: ${reg.region} DisableOnlyAzureArcServer: False Force:False`,
  ]);
  writeRegistrationEvent(
    draft,
    cluster.name,
    9005,
    'Information',
    'Unregister-AzStackHCI: unregistration begin.',
    now,
  );
  return job;
}

export function completeClusterUnregistration(
  draft: World,
  job: Job<'cluster/unregister'>,
  at: Millis,
): JobOutcome {
  const { request } = job.input;
  const cluster = own(draft.clusters, request.cluster);
  const reg = cluster?.registration;
  if (!cluster || !reg) return { status: 'Failed', message: MESSAGES.notRegistered, result: 'Failed' };
  const sameTarget =
    (request.subscriptionId === undefined ||
      request.subscriptionId.toLowerCase() === reg.subscriptionId.toLowerCase()) &&
    (request.cloud === undefined || request.cloud === reg.cloud);
  const log = (level: 'INFO' | 'WARN' | 'ERROR', text: string) =>
    appendLog(draft, cluster.name, job.id, logLine(at, level, text));
  if (reg.arcEnabled && sameTarget) {
    // Disabling Arc on a node signs in as the `<cluster>.arc` app; with the app deleted it cannot, and the
    // whole unregistration stops there (the guide's "User deleted the App IDs by mistake"). A node whose
    // agent was already disconnected locally (azcmagent disconnect --force-local-only) needs no sign-in.
    const resource = own(
      draft.cloud.hciClusters,
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
    );
    const arcApp = resource?.arcSetting?.arcApplicationClientId;
    const stuck = clusterNodes(draft, cluster.name).find((n) => n.arc.connected);
    if (arcApp !== undefined && !own(draft.cloud.apps, arcApp) && stuck) {
      const message = arcDisableFailed(stuck.name);
      log('ERROR', message);
      log('INFO', `Result: Failed Details: ${message}`);
      // behaviour.md names event 9117 "ARC unregistration failed" without its text; the error is written.
      writeRegistrationEvent(draft, cluster.name, 9117, 'Error', message, at);
      return { status: 'Failed', message, result: 'Failed' };
    }
  }
  // Local state goes whatever the target: the on-premises side believes it is unregistered.
  for (const node of clusterNodes(draft, cluster.name)) {
    if (reg.arcEnabled && sameTarget) {
      node.arc = { installed: true, version: node.arc.version, connected: false };
      refreshHeartbeats(draft, node.name, at);
    }
  }
  delete cluster.registration;
  cluster.imdsAttestation = 'Disabled';
  if (sameTarget) {
    const resourceId = resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName));
    const resource = own(draft.cloud.hciClusters, resourceId);
    if (resource?.arcSetting) {
      for (const detail of Object.values(resource.arcSetting.perNode))
        delete draft.cloud.machines[detail.arcInstance.toLowerCase()];
    }
    delete draft.cloud.hciClusters[resourceId];
    for (const app of Object.values(draft.cloud.apps)) {
      if (app.clusterName === cluster.name && (app.kind === 'cluster' || app.kind === 'arc'))
        delete draft.cloud.apps[app.appId];
    }
    for (const rgName of new Set([reg.resourceGroup, reg.arcResourceGroup])) {
      log('INFO', `Trying to delete resource group: ${rgName}`);
      const key = rgKey(reg.subscriptionId, rgName);
      const rg = own(draft.cloud.resourceGroups, key);
      if (!rg) {
        log('INFO', 'Resource Group Not Found');
        continue;
      }
      if (rg.tags.CreatedBy !== '4C02703C-F5D0-44B0-ADC3-4ED5C2839E61') {
        log(
          'INFO',
          Object.keys(rg.tags).length === 0
            ? 'No tags found on the Resource Group, Not Deleting.'
            : 'Resource group not created by Az.StackHCI. Not deleting',
        );
        continue;
      }
      const prefix = `/subscriptions/${reg.subscriptionId}/resourcegroups/${rgName}/`.toLowerCase();
      const hasResources = [
        ...Object.keys(draft.cloud.hciClusters),
        ...Object.keys(draft.cloud.machines),
      ].some((id) => id.startsWith(prefix));
      if (hasResources) {
        log('INFO', 'Resource group is not empty, not deleting ');
        continue;
      }
      log('INFO', `Resource group ${rgName} is empty and created by Az.StackHCI. Deleting it`);
      delete draft.cloud.resourceGroups[key];
    }
  } else {
    log(
      'WARN',
      `Resource ${reg.resourceName} was not found in subscription ${request.subscriptionId ?? reg.subscriptionId} (${request.cloud ?? reg.cloud}); the Azure resources were not deleted.`,
    );
  }
  unschedule(
    draft,
    (e) => (e.kind === 'cluster/sync' || e.kind === 'arc/registration-task') && e.cluster === cluster.name,
  );
  // What these cluster-scope faults describe (a deleted app or resource, a failing rotation) belonged to the
  // registration that is now gone; the resource provider's role lives on the Arc resource group and stays.
  if (sameTarget)
    draft.faults = draft.faults.filter(
      (f) =>
        !(
          FAULTS[f.fault].scope === 'cluster' &&
          f.fault !== 'hci-rp-role-removed' &&
          f.target === cluster.name
        ),
    );
  writeRegistrationEvent(
    draft,
    cluster.name,
    9007,
    'Information',
    'Unregister-AzStackHCI: unregistration success.',
    at,
  );
  log('INFO', `Result: Success Details: ${MESSAGES.unregistered}`);
  return { status: 'Succeeded', message: MESSAGES.unregistered, result: 'Success' };
}

// ───────────── Repair and sync ─────────────

export function startRepair(draft: World, clusterName: string, now: Millis, caller?: AzureCaller): Job {
  const cluster = requireCluster(draft, clusterName);
  if (!cluster.registration)
    throw new SimError('conflict', 'NoExistingRegistration', MESSAGES.repairNotRegistered);
  const account = registrationCaller(draft, now, caller);
  const reg = cluster.registration;
  const steps = [
    { percent: 2, text: 'Checking whether the cluster is already registered' },
    { percent: 8, text: 'Validating cmdlet parameters' },
    { percent: 30, text: 'Logging in to Azure' },
    {
      percent: 60,
      text: `Repairing Azure Resource ${reg.resourceName} representing Azure Stack HCI by calling Microsoft.AzureStackHCI provider`,
    },
    {
      percent: 70,
      text: 'Getting new certificate from on-premises cluster to use as application credential',
    },
    {
      percent: 80,
      text: `Adding certificate as application credential for the Azure AD application ${reg.resourceName}`,
    },
    {
      percent: 90,
      text: 'Registering Azure Stack HCI cluster and syncing cluster census information from the on-premises cluster to the cloud',
    },
  ].map((s, i) => ({ ...s, at: i * STEP_GAP }));
  return startJob(
    draft,
    {
      kind: 'cluster/repair',
      title: 'Repairing Azure Stack HCI registration...',
      target: { type: 'cluster', name: cluster.name },
      steps,
      durationMs: steps.length * STEP_GAP,
      input: { cluster: cluster.name, upn: account.upn },
      startedMessage: `Repairing the registration of ${cluster.fqdn}...`,
    },
    now,
  );
}

export function completeRepair(draft: World, job: Job<'cluster/repair'>, at: Millis): JobOutcome {
  const name = job.input.cluster;
  const cluster = own(draft.clusters, name);
  const reg = cluster?.registration;
  if (!cluster || !reg) return { status: 'Failed', message: MESSAGES.repairNotRegistered, result: 'Failed' };
  const resource = own(
    draft.cloud.hciClusters,
    resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
  );
  if (!resource) {
    return {
      status: 'Failed',
      message: MESSAGES.cloudResourceMissing(
        onBoxResourceUri(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
      ),
      result: 'Failed',
    };
  }
  const nodes = clusterNodes(draft, name);
  const cannotGenerate = nodes.filter((n) => !nodeIsUp(n) || !n.hcisvcRunning).map((n) => n.name);
  const cannotVerify = nodes
    .filter(
      (n) =>
        nodeIsUp(n) && n.hcisvcRunning && (!nodeReachesAzure(n) || Math.abs(n.clockSkewMs) >= 5 * 60_000),
    )
    .map((n) => n.name);
  if (cannotGenerate.length > 0 || cannotVerify.length > 0)
    return {
      status: 'Failed',
      message: MESSAGES.certificates(cannotGenerate, cannotVerify),
      result: 'Failed',
    };
  // Repair recreates the app identity and keeps the resource name, group and the other choices.
  const app =
    own(draft.cloud.apps, reg.appId) ??
    createApp(
      draft,
      {
        displayName: reg.resourceName,
        tenantId: reg.tenantId,
        kind: 'cluster',
        clusterName: name,
        consent: true,
      },
      at,
    );
  reg.appId = app.appId;
  resource.aadClientId = app.appId;
  resource.aadApplicationObjectId = app.objectId;
  resource.aadServicePrincipalObjectId = app.servicePrincipalObjectId;
  // Repair assigns the resource provider's role on the Arc resource group again and adds new certificates to
  // the app, which ends those two faults; it also re-runs the Arc part for nodes whose agent is disconnected.
  draft.faults = draft.faults.filter(
    (f) =>
      !(
        (f.fault === 'cluster-app-deleted' ||
          f.fault === 'hci-rp-role-removed' ||
          f.fault === 'cert-rotation-failing') &&
        f.target === name
      ),
  );
  if (reg.arcEnabled && resource.arcSetting) {
    onboardClusterNodes(
      draft,
      name,
      nodes.filter((n) => !n.arc.connected).map((n) => n.name),
      {
        subscriptionId: reg.subscriptionId,
        resourceGroup: reg.arcResourceGroup,
        region: reg.region,
        clusterResourceId: hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName),
        upn: job.input.upn,
      },
      at,
    );
  }
  attemptSync(draft, name, at);
  scheduleNextSync(draft, name, at + SYNC_INTERVAL);
  return { status: 'Succeeded', message: MESSAGES.success, result: 'Success' };
}

export function startSyncNow(draft: World, clusterName: string, now: Millis): Job {
  const cluster = requireCluster(draft, clusterName);
  if (!cluster.registration) {
    throw new SimError(
      'conflict',
      'ClusterNotRegistered',
      'The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
    );
  }
  return startJob(
    draft,
    {
      kind: 'cluster/sync',
      title: 'Sync cluster with Azure',
      target: { type: 'cluster', name: clusterName },
      steps: [{ at: 0, percent: 10, text: 'Performing billing, licensing, and census sync with Azure' }],
      durationMs: 6_000,
      input: { cluster: clusterName },
      startedMessage: `Syncing ${cluster.fqdn} with Azure...`,
    },
    now,
  );
}

export function completeSyncNow(draft: World, job: Job<'cluster/sync'>, at: Millis): JobOutcome {
  const name = job.input.cluster;
  const cluster = own(draft.clusters, name);
  const failure = attemptSync(draft, name, at);
  if (failure !== undefined)
    return {
      status: 'Failed',
      message: `Couldn't sync with Azure for cluster: ${cluster?.fqdn ?? name}. ${failure}`,
      result: 'Failed',
    };
  scheduleNextSync(draft, name, at + SYNC_INTERVAL);
  return {
    status: 'Succeeded',
    message: `Successfully synced with Azure for cluster: ${cluster?.fqdn ?? name}`,
    result: 'Success',
  };
}
