/**
 * The Az.StackHCI module's cloud-facing cmdlets (behaviour.md §1–2) and Install-Module that brings it. They
 * sign in to Azure by device code (or -ArmAccessToken/-AccountId), then run the same registration jobs as
 * the portal with the console's account instead of the gateway's.
 */
import { own } from '../lookup';
import { onBoxResourceUri } from '../arm-ids';
import { CLOUDS } from '../clouds';
import {
  MESSAGES,
  startClusterRegistration,
  startClusterUnregistration,
  startRepair,
} from '../cluster-registration';
import { setClusterSettings, SETTINGS_MESSAGES } from '../cluster-settings';
import type { ClusterSettingsChange, DiagnosticLevel } from '../cluster-settings';
import { clusterNodes, nodeIsUp, nodeReachesAzure } from '../derive';
import { tenantSignInError } from '../identity';
import type { CloudName, Job, OnPremCluster } from '../model';
import {
  boundString,
  boundStrings,
  boundSwitch,
  cmdletError,
  done,
  writeError,
  writeVerbose,
  writeWarning,
} from './context';
import type { AzContext, CmdletContext, CmdletDef, CmdletResult } from './context';
import { formatError } from './format';
import { confirmPrompt, continuePrompt, isYes, NUGET_PROMPT, PSGALLERY_PROMPT } from './prompts';
import { psEnum, psObject } from './values';
import type { PsObject, PsValue } from './values';

/** The Az.StackHCI version the simulated PowerShell Gallery offers (any 2.x shows the A-era behaviour). */
export const AZ_STACKHCI_VERSION = '2.2.3';
const GALLERY_MODULES = ['Az.StackHCI', 'Az.Accounts', 'Az.Resources'];

const MANDATORY_EXTENSION_INFO =
  'You agree that by registering Azure Stack HCI with an Azure subscription, additional features will be installed by Microsoft which may transmit data to Microsoft to help identify issues, improve product quality, and facilitate remote support. Learn more at aka.ms/azurestackhcimandatoryextensions.';

function environment(ctx: CmdletContext): CloudName | undefined {
  const env = boundString(ctx, 'EnvironmentName') ?? 'AzureCloud';
  const match = (Object.keys(CLOUDS) as CloudName[]).find((c) => c.toLowerCase() === env.toLowerCase());
  if (!match)
    // The module knows more clouds (AzurePPE, AzureCanary, …); the simulated world has these three.
    writeError(
      ctx,
      `The simulation models the AzureCloud, AzureChinaCloud and AzureUSGovernment environments; '${env}' is not one of them.`,
    );
  return match;
}

/** The cluster the cmdlet acts on: the one this server (or -ComputerName) belongs to. */
function targetCluster(ctx: CmdletContext): OnPremCluster | undefined {
  const computer = boundString(ctx, 'ComputerName');
  const node = computer
    ? Object.values(ctx.draft.nodes).find(
        (n) =>
          n.name.toLowerCase() === computer.toLowerCase() || n.fqdn.toLowerCase() === computer.toLowerCase(),
      )
    : ctx.node;
  const cluster = node && node.cluster !== '' ? own(ctx.draft.clusters, node.cluster) : undefined;
  if (!cluster)
    writeError(
      ctx,
      `Computer ${computer ?? ctx.node.name} is not part of an Azure Stack HCI cluster. Use the -ComputerName parameter to specify an Azure Stack HCI cluster node and try again.`,
    );
  return cluster;
}

/** -ArmAccessToken with -AccountId signs in without a code; otherwise the device-code wait. */
function signIn(
  ctx: CmdletContext,
  cloud: CloudName,
  stage: string,
  activity: string,
): CmdletResult | AzContext {
  const token = boundString(ctx, 'ArmAccessToken');
  const accountId = boundString(ctx, 'AccountId');
  const tenantId = boundString(ctx, 'TenantId');
  if (token !== undefined && token !== '' && accountId !== undefined) {
    const user = Object.values(ctx.draft.cloud.users).find(
      (u) => u.upn.toLowerCase() === accountId.toLowerCase(),
    );
    const tenant = tenantId ?? user?.tenantIds.find((t) => own(ctx.draft.cloud.tenants, t)?.cloud === cloud);
    if (!user || tenant === undefined) {
      // No reference file gives Connect-AzAccount's words for an unknown account.
      writeError(ctx, `The account '${accountId}' is not an account of the simulated directory in ${cloud}.`);
      return done();
    }
    const mfa = tenantSignInError(ctx.draft, user.upn, cloud, tenantId);
    if (mfa !== undefined) {
      writeError(ctx, mfa);
      return done();
    }
    return { upn: user.upn, tenantId: tenant, cloud };
  }
  return {
    kind: 'signin',
    cloud,
    ...(tenantId !== undefined ? { tenantId } : {}),
    stage,
    data: { ...ctx.data, loginProgress: { activity, status: 'Logging in to Azure', percent: 30 } },
  };
}

const REGISTER_ACTIVITY = 'Registering Azure Stack HCI with Azure...';

function registrationOutput(cluster: OnPremCluster, result: string, details: string): PsObject {
  const reg = cluster.registration;
  const props: [string, ReturnType<typeof psEnum> | string][] = [['Result', psEnum(result)]];
  if (reg) {
    props.push(
      [
        'AzurePortalResourceURL',
        `${CLOUDS[reg.cloud].portalUrl}#@${reg.tenantId}/resource/subscriptions/${reg.subscriptionId}/resourceGroups/${reg.resourceGroup}/providers/Microsoft.AzureStackHCI/clusters/${reg.resourceName}/overview`,
      ],
      ['AzureResourceId', onBoxResourceUri(reg.subscriptionId, reg.resourceGroup, reg.resourceName)],
    );
  }
  props.push(['Details', details]);
  return psObject('RegistrationOutput', props, { kind: 'list', columns: props.map(([n]) => n) });
}

function registerRun(ctx: CmdletContext): CmdletResult {
  const cluster = targetCluster(ctx);
  if (!cluster) return done();
  const cloud = environment(ctx);
  if (!cloud) return done();
  const repair = boundSwitch(ctx, 'RepairRegistration');
  switch (ctx.stage) {
    case 'start': {
      if (repair && !cluster.registration) {
        writeError(ctx, MESSAGES.repairNotRegistered);
        return done();
      }
      const login = signIn(ctx, cloud, 'signed-in', REGISTER_ACTIVITY);
      if ('kind' in login) return login;
      return registerRun({ ...ctx, stage: 'signed-in', account: login });
    }
    case 'signed-in': {
      const account = ctx.account;
      if (!account) return done();
      const reg = cluster.registration;
      let job: Job;
      if (repair) {
        job = startRepair(ctx.draft, cluster.name, ctx.now, account);
      } else {
        if (['22H2', '23H2'].includes(cluster.osDisplayVersion)) writeWarning(ctx, MANDATORY_EXTENSION_INFO);
        const resourceName = boundString(ctx, 'ResourceName') ?? reg?.resourceName ?? cluster.name;
        const resourceGroup =
          boundString(ctx, 'ResourceGroupName') ?? reg?.resourceGroup ?? `${resourceName}-rg`;
        const arcGroup = boundString(ctx, 'ArcServerResourceGroupName');
        const enableArc = ctx.bound.get('EnableAzureArcServer');
        job = startClusterRegistration(
          ctx.draft,
          {
            cluster: cluster.name,
            subscriptionId: boundString(ctx, 'SubscriptionId') ?? '',
            resourceGroup,
            resourceName,
            region: boundString(ctx, 'Region') ?? reg?.region ?? CLOUDS[cloud].defaultRegion,
            enableArc: enableArc !== false,
            ...(arcGroup !== undefined ? { arcResourceGroup: arcGroup } : {}),
          },
          ctx.now,
          account,
        );
      }
      return { kind: 'job', jobIds: [job.id], stage: 'finished', activity: REGISTER_ACTIVITY };
    }
    case 'finished': {
      const job = ctx.jobs?.[0];
      if (!job) return done();
      const message = job.message ?? '';
      if (job.status === 'Succeeded') return done([registrationOutput(cluster, 'Success', message)]);
      if (job.result === 'RegisterSucceededButArcFailed' || job.result === 'PendingForAdminConsent') {
        writeWarning(ctx, message);
        return done([registrationOutput(cluster, job.result, message)]);
      }
      writeError(ctx, message);
      return done();
    }
  }
  return done();
}

function unregisterRun(ctx: CmdletContext): CmdletResult {
  const cluster = targetCluster(ctx);
  if (!cluster) return done();
  const cloud = environment(ctx);
  if (!cloud) return done();
  const reg = cluster.registration;
  const subscriptionId = boundString(ctx, 'SubscriptionId');
  switch (ctx.stage) {
    case 'start': {
      if (!reg && subscriptionId === undefined && boundString(ctx, 'ResourceName') === undefined) {
        writeError(ctx, MESSAGES.notRegistered);
        return done();
      }
      const target = onBoxResourceUri(
        subscriptionId ?? reg?.subscriptionId ?? '',
        boundString(ctx, 'ResourceGroupName') ?? reg?.resourceGroup ?? '',
        boundString(ctx, 'ResourceName') ?? reg?.resourceName ?? cluster.name,
      );
      if (boundSwitch(ctx, 'WhatIf')) {
        ctx.out.push({
          kind: 'line',
          stream: 'output',
          text: `What if: Performing the operation "Unregister-AzStackHCI" on target "${target}".`,
        });
        return done();
      }
      if (ctx.bound.get('Confirm') === false)
        return unregisterRun({ ...ctx, stage: 'confirmed', answer: 'Y' });
      return { kind: 'choice', prompt: confirmPrompt('Unregister-AzStackHCI', target), stage: 'confirmed' };
    }
    case 'confirmed': {
      if (!isYes(ctx.answer))
        return done([
          psObject('UnregistrationOutput', [['Result', psEnum('Cancelled')]], {
            kind: 'list',
            columns: ['Result'],
          }),
        ]);
      writeVerbose(ctx, 'Unregistering Azure Stack HCI from Azure...');
      if (reg) {
        writeVerbose(ctx, `resource Group resolves to: ${reg.resourceGroup}`);
        writeVerbose(ctx, `resource name resolves to: ${reg.resourceName}`);
        writeVerbose(
          ctx,
          `Unregister-AzStackHCI triggered - ResourceName: ${reg.resourceName} Region: ${reg.region} DisableOnlyAzureArcServer: False Force:${boundSwitch(ctx, 'Force') ? 'True' : 'False'}`,
        );
      }
      const login = signIn(ctx, cloud, 'signed-in', 'Unregistering Azure Stack HCI from Azure...');
      if ('kind' in login) return login;
      return unregisterRun({ ...ctx, stage: 'signed-in', account: login });
    }
    case 'signed-in': {
      const account = ctx.account;
      if (!account) return done();
      if (!cluster.registration) {
        writeError(ctx, MESSAGES.notRegistered);
        return done();
      }
      const job = startClusterUnregistration(
        ctx.draft,
        { cluster: cluster.name, ...(subscriptionId !== undefined ? { subscriptionId } : {}), cloud },
        ctx.now,
        account,
      );
      return { kind: 'job', jobIds: [job.id], stage: 'finished' };
    }
    case 'finished': {
      const job = ctx.jobs?.[0];
      if (!job) return done();
      if (job.status !== 'Succeeded') {
        writeError(ctx, job.message ?? '');
        return done();
      }
      return done([
        psObject(
          'UnregistrationOutput',
          [
            ['Result', psEnum('Success')],
            ['Details', job.message ?? ''],
          ],
          { kind: 'list', columns: ['Result', 'Details'] },
        ),
      ]);
    }
  }
  return done();
}

// ───────────── Set-AzStackHCI (behaviour.md §2.4) ─────────────

const SET_ACTIVITY = 'Setting properties for the Azure Stack HCI resource in Azure...';
const SET_TARGET =
  'Update the resource properties to change Windows Server Subscription or Azure Stack HCI diagnostic level';
const DIAGNOSTIC_LEVELS: readonly DiagnosticLevel[] = ['Off', 'Basic', 'Enhanced'];

/** -DiagnosticLevel binds to the module's enum: an unknown name is PowerShell's conversion error. */
function diagnosticLevel(ctx: CmdletContext, def: CmdletDef): DiagnosticLevel | null | undefined {
  const raw = boundString(ctx, 'DiagnosticLevel');
  if (raw === undefined) return undefined;
  const level = DIAGNOSTIC_LEVELS.find((l) => l.toLowerCase() === raw.toLowerCase());
  if (level) return level;
  cmdletError(
    ctx,
    def,
    `Cannot bind parameter 'DiagnosticLevel'. Cannot convert value "${raw}" to type "DiagnosticLevel". Error: "Unable to match the identifier name ${raw} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${DIAGNOSTIC_LEVELS.join(', ')}"`,
    {
      category: 'InvalidArgument',
      exception: 'ParameterBindingException',
      errorId: 'CannotConvertArgumentNoMessage',
    },
  );
  return null;
}

function settingsChange(ctx: CmdletContext, level: DiagnosticLevel | undefined): ClusterSettingsChange {
  const wss = ctx.bound.get('EnableWSSubscription');
  return {
    ...(typeof wss === 'boolean' ? { windowsServerSubscription: wss ? 'Enabled' : 'Disabled' } : {}),
    ...(level !== undefined ? { diagnosticLevel: level } : {}),
  };
}

function setRun(ctx: CmdletContext, def: CmdletDef): CmdletResult {
  const level = diagnosticLevel(ctx, def);
  if (level === null) return done();
  const change = settingsChange(ctx, level);
  switch (ctx.stage) {
    case 'start': {
      const cluster = targetCluster(ctx);
      if (!cluster) return done();
      if (!environment(ctx)) return done();
      if (!cluster.registration) {
        writeError(ctx, SETTINGS_MESSAGES.notRegistered);
        return done();
      }
      if (clusterNodes(ctx.draft, cluster.name).some((n) => !nodeIsUp(n))) {
        writeError(ctx, SETTINGS_MESSAGES.nodesOffline);
        return done();
      }
      if (boundSwitch(ctx, 'WhatIf')) {
        ctx.out.push({
          kind: 'line',
          stream: 'output',
          text: `What if: Performing the operation "Set-AzStackHCI" on target "${SET_TARGET}".`,
        });
        return done();
      }
      if (ctx.bound.get('Confirm') === true)
        return { kind: 'choice', prompt: confirmPrompt('Set-AzStackHCI', SET_TARGET), stage: 'confirmed' };
      return setRun({ ...ctx, stage: 'confirmed', answer: 'Y' }, def);
    }
    case 'confirmed': {
      if (!isYes(ctx.answer)) return done();
      if (change.windowsServerSubscription !== undefined && !boundSwitch(ctx, 'Force'))
        return {
          kind: 'choice',
          prompt: continuePrompt(
            'Configure Windows Server Subscription',
            'This will enable or disable billing for Windows Server guest licenses through your Azure subscription.',
          ),
          stage: 'continued',
        };
      return setRun({ ...ctx, stage: 'continued', answer: 'Y' }, def);
    }
    case 'continued': {
      if (!isYes(ctx.answer)) return done();
      const cloud = environment(ctx);
      if (!cloud) return done();
      const login = signIn(ctx, cloud, 'signed-in', SET_ACTIVITY);
      if ('kind' in login) return login;
      return setRun({ ...ctx, stage: 'signed-in', account: login }, def);
    }
    case 'signed-in': {
      const cluster = targetCluster(ctx);
      if (!cluster || !ctx.account) return done();
      if (change.diagnosticLevel === 'Off')
        writeWarning(
          ctx,
          'Setting diagnostic level to Off will prevent Microsoft from collecting important diagnostic information that helps improve Azure Stack HCI.',
        );
      if (change.windowsServerSubscription === 'Disabled')
        writeWarning(
          ctx,
          'Windows Server Subscription will no longer activate your Windows Server VMs. Please check that your VMs are being activated another way.',
        );
      const job = setClusterSettings(ctx.draft, cluster.name, change, ctx.now, ctx.account);
      return { kind: 'job', jobIds: [job.id], stage: 'finished', activity: SET_ACTIVITY };
    }
    case 'finished': {
      const job = ctx.jobs?.[0];
      if (!job) return done();
      if (job.status !== 'Succeeded') {
        writeError(ctx, job.message ?? '');
        return done();
      }
      // behaviour.md gives one Details sentence per change; with both changed the console gives both.
      const details = [
        change.windowsServerSubscription === 'Enabled'
          ? 'Successfully enabled Windows Server Subscription.'
          : '',
        change.windowsServerSubscription === 'Disabled'
          ? 'Successfully disabled Windows Server Subscription.'
          : '',
        change.diagnosticLevel !== undefined
          ? `Successfully configured the Azure Stack HCI diagnostic level to ${change.diagnosticLevel}.`
          : '',
      ].filter((d) => d !== '');
      const props: [string, PsValue][] = [['Result', psEnum('Success')]];
      if (details.length > 0) props.push(['Details', details.join(' ')]);
      return done([psObject('SetAzStackHCIOutput', props, { kind: 'list', columns: props.map(([n]) => n) })]);
    }
  }
  return done();
}

function testConnectionRun(ctx: CmdletContext): CmdletResult {
  const cloud = environment(ctx);
  const cluster = ctx.cluster;
  if (!cloud) return done();
  const nodes = cluster ? clusterNodes(ctx.draft, cluster.name) : [ctx.node];
  const failed = nodes.filter((n) => !nodeReachesAzure(n)).map((n) => n.name);
  const props: [string, PsValue][] = [
    ['Test', 'Connect to Azure Stack HCI Service'],
    ['EndpointTested', `${CLOUDS[cloud].dataPlaneEndpoint}/health`],
    ['IsRequired', true],
    ['Result', psEnum(failed.length === 0 ? 'Succeeded' : 'Failed')],
  ];
  if (failed.length > 0) props.push(['FailedNodes', { kind: 'array', items: failed }]);
  return done([psObject('ConnectionTestResult', props, { kind: 'list', columns: props.map(([n]) => n) })]);
}

function installModuleRun(ctx: CmdletContext): CmdletResult {
  const names = boundStrings(ctx, 'Name') ?? [];
  const force = boundSwitch(ctx, 'Force');
  const install = (): CmdletResult => {
    for (const name of names)
      ctx.installModule(GALLERY_MODULES.find((m) => m.toLowerCase() === name.toLowerCase()) ?? name);
    // Az.StackHCI brings its dependencies
    ctx.installModule('Az.Accounts');
    ctx.installModule('Az.Resources');
    return done();
  };
  switch (ctx.stage) {
    case 'start': {
      const unknown = names.find((n) => !GALLERY_MODULES.some((m) => m.toLowerCase() === n.toLowerCase()));
      if (unknown !== undefined) {
        // PowerShellGet 1.0.0.1's error (Windows PowerShell 5.1); the simulated gallery holds Az.StackHCI and its dependencies.
        for (const text of formatError(
          {
            command: 'PackageManagement\\Install-Package',
            message: `No match was found for the specified search criteria and module name '${unknown}'. Try Get-PSRepository to see all available registered module repositories.`,
            category: 'ObjectNotFound',
            target: 'Microsoft.Power....InstallPackage:InstallPackage',
            activity: 'Install-Package',
            exception: 'Exception',
            errorId: 'NoMatchFoundForCriteria,Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage',
          },
          ctx.invocation.at,
        ))
          ctx.out.push({ kind: 'line', stream: 'error', text });
        return done();
      }
      if (!force && names.every((n) => ctx.modules.some((m) => m.toLowerCase() === n.toLowerCase()))) {
        for (const name of names) {
          const canonical = GALLERY_MODULES.find((m) => m.toLowerCase() === name.toLowerCase()) ?? name;
          // PowerShellGet 1.0.0.1's warning, typo included.
          writeWarning(
            ctx,
            `Version '${AZ_STACKHCI_VERSION}' of module '${canonical}' is already installed at 'C:\\Program Files\\WindowsPowerShell\\Modules\\${canonical}\\${AZ_STACKHCI_VERSION}'. To reinstall this version '${AZ_STACKHCI_VERSION}', run Install-Module or Updated-Module cmdlet with the -Force parameter.`,
          );
        }
        return done();
      }
      if (!ctx.nugetProvider) {
        if (force) ctx.installModule('NuGet');
        else return { kind: 'choice', prompt: NUGET_PROMPT, stage: 'nuget' };
      }
      if (force) return install();
      return { kind: 'choice', prompt: PSGALLERY_PROMPT, stage: 'gallery' };
    }
    case 'nuget':
      if (!isYes(ctx.answer)) {
        for (const text of formatError(
          {
            command: 'Install-Module',
            message:
              "NuGet provider is required to interact with NuGet-based repositories. Please ensure that '2.8.5.201' or newer version of NuGet provider is installed.",
            category: 'InvalidOperation',
            target: ':',
            activity: 'Install-Module',
            exception: 'InvalidOperationException',
            errorId: 'CouldNotInstallNuGetProvider,Install-Module',
          },
          ctx.invocation.at,
        ))
          ctx.out.push({ kind: 'line', stream: 'error', text });
        return done();
      }
      ctx.installModule('NuGet');
      return { kind: 'choice', prompt: PSGALLERY_PROMPT, stage: 'gallery' };
    case 'gallery':
      return isYes(ctx.answer) ? install() : done();
  }
  return done();
}

const SET_AZSTACKHCI: CmdletDef = {
  name: 'Set-AzStackHCI',
  module: 'Az.StackHCI',
  errorSource: 'Set-AzStackHCI',
  shouldProcess: true,
  synopsis:
    'Set-AzStackHCI modifies resource properties of the Microsoft.AzureStackHCI cloud resource representing the on-premises cluster to enable or disable features.',
  // the parameter table of the module's help (Set-AzStackHCI.md): only -ComputerName is positional
  params: [
    { name: 'ComputerName', type: 'string', position: 0 },
    { name: 'Credential', type: 'credential' },
    { name: 'ResourceId', type: 'string' },
    { name: 'EnableWSSubscription', type: 'bool' },
    { name: 'DiagnosticLevel', type: 'string', typeName: 'DiagnosticLevel' },
    { name: 'TenantId', type: 'string' },
    { name: 'ArmAccessToken', type: 'string' },
    { name: 'AccountId', type: 'string' },
    { name: 'EnvironmentName', type: 'string' },
    { name: 'UseDeviceAuthentication', type: 'switch' },
    { name: 'Force', type: 'switch' },
  ],
  run: (ctx) => setRun(ctx, SET_AZSTACKHCI),
};

export const AZURE_CMDLETS: CmdletDef[] = [
  {
    name: 'Register-AzStackHCI',
    module: 'Az.StackHCI',
    errorSource: 'Register-AzStackHCI',
    shouldProcess: true,
    params: [
      { name: 'SubscriptionId', type: 'string', position: 0, mandatory: true },
      { name: 'Region', type: 'string', position: 1 },
      { name: 'ResourceName', type: 'string', position: 2 },
      { name: 'Tag', type: 'hashtable', position: 3 },
      { name: 'TenantId', type: 'string', position: 4 },
      { name: 'ResourceGroupName', type: 'string', position: 5 },
      { name: 'ArmAccessToken', type: 'string', position: 6 },
      { name: 'GraphAccessToken', type: 'string', position: 7 },
      { name: 'AccountId', type: 'string', position: 8 },
      { name: 'EnvironmentName', type: 'string', position: 9 },
      { name: 'ComputerName', type: 'string', position: 10 },
      { name: 'CertificateThumbprint', type: 'string', position: 11 },
      { name: 'RepairRegistration', type: 'switch' },
      { name: 'UseDeviceAuthentication', type: 'switch' },
      { name: 'Credential', type: 'credential', position: 12 },
      { name: 'EnableAzureArcServer', type: 'bool', position: 13 },
      { name: 'IsWAC', type: 'bool', position: 14 },
      { name: 'ArcServerResourceGroupName', type: 'string', position: 15 },
      { name: 'ArcSpnCredential', type: 'credential', position: 16 },
      { name: 'LogsDirectory', type: 'string', position: 17 },
    ],
    run: registerRun,
  },
  {
    name: 'Unregister-AzStackHCI',
    module: 'Az.StackHCI',
    errorSource: 'Unregister-AzStackHCI',
    shouldProcess: true,
    params: [
      { name: 'SubscriptionId', type: 'string', position: 0 },
      { name: 'ResourceName', type: 'string', position: 1 },
      { name: 'TenantId', type: 'string', position: 2 },
      { name: 'ResourceGroupName', type: 'string', position: 3 },
      { name: 'ArmAccessToken', type: 'string', position: 4 },
      { name: 'GraphAccessToken', type: 'string', position: 5 },
      { name: 'AccountId', type: 'string', position: 6 },
      { name: 'EnvironmentName', type: 'string', position: 7 },
      { name: 'Region', type: 'string', position: 8 },
      { name: 'ComputerName', type: 'string', position: 9 },
      { name: 'UseDeviceAuthentication', type: 'switch' },
      { name: 'DisableOnlyAzureArcServer', type: 'bool', position: 10 },
      { name: 'IsWAC', type: 'bool', position: 11 },
      { name: 'Credential', type: 'credential', position: 12 },
      { name: 'Force', type: 'switch' },
    ],
    run: unregisterRun,
  },
  SET_AZSTACKHCI,
  {
    name: 'Test-AzStackHCIConnection',
    module: 'Az.StackHCI',
    errorSource: 'Test-AzStackHCIConnection',
    synopsis:
      'Test-AzStackHCIConnection verifies connectivity from on-premises clustered nodes to the Azure services required by Azure Stack HCI.',
    params: [
      { name: 'EnvironmentName', type: 'string', position: 0 },
      { name: 'Region', type: 'string', position: 1 },
      { name: 'ComputerName', type: 'string', position: 2 },
      { name: 'Credential', type: 'credential', position: 3 },
    ],
    run: testConnectionRun,
  },
  {
    name: 'Install-Module',
    module: 'core',
    errorSource: 'Install-Module',
    shouldProcess: true,
    params: [
      { name: 'Name', type: 'strings', position: 0, mandatory: true },
      { name: 'MinimumVersion', type: 'string' },
      { name: 'RequiredVersion', type: 'string' },
      { name: 'Repository', type: 'string' },
      { name: 'Scope', type: 'string' },
      { name: 'AllowClobber', type: 'switch' },
      { name: 'SkipPublisherCheck', type: 'switch' },
      { name: 'Force', type: 'switch' },
    ],
    run: installModuleRun,
  },
];
