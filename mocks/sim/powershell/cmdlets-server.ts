/**
 * What runs on a server: the AzureStackHCI module's on-box cmdlets (behaviour.md §2.3, §3, §4.2), the HCI
 * event channels with Get-WinEvent, the hcisvc and himds services, and the native tools the guide uses
 * (`sc.exe query hcisvc`, `wevtutil sl`, `azcmagent`).
 */
import { own } from '../lookup';
import { arcEnabledOnNode, disconnectAgent } from '../arc';
import { startSyncNow } from '../cluster-registration';
import { CLOUDS } from '../clouds';
import { benefitsNodeStatus, clusterNodes, lastHeartbeat, registrationView } from '../derive';
import { hcisvcStatus, scQueryText, setHcisvc } from '../diagnostics';
import type { CloudName, ClusterNode, EventChannel, World } from '../model';
import { ARC_AGENT_VERSION } from '../registration';
import { connectArcAgent } from '../arc-connect';
import { decodeSimToken } from '../arm/auth';
import { SimError } from '../core';
import { beginNodeRestart } from '../node-restart';
import { runRemedy } from '../troubleshooter';
import { boundString, boundStrings, boundSwitch, cmdletError, done, writeError } from './context';
import type { CmdletContext, CmdletDef, CmdletResult } from './context';
import { confirmPrompt, isYes } from './prompts';
import { psDate, psEnum, psObject } from './values';
import type { PsObject, PsValue } from './values';

const AGENT_DIR = 'C:\\Program Files\\AzureConnectedMachineAgent';

/** Get-AzureStackHCI, in the field order of behaviour.md §3.1 (22H2 builds add NextSync and Region). */
export function azureStackHciObject(world: World, node: ClusterNode, now: number): PsObject {
  const cluster = own(world.clusters, node.cluster);
  const reg = cluster?.registration;
  const view = cluster ? registrationView(world, cluster, now) : undefined;
  const props: [string, PsValue][] = [
    ['ClusterStatus', psEnum('Clustered')],
    ['RegistrationStatus', psEnum(view?.registrationStatus ?? 'NotYet')],
    ['RegistrationDate', psDate(reg?.registeredAt)],
    ['AzureResourceName', reg?.resourceName ?? null],
    [
      'AzureResourceUri',
      reg
        ? `/Subscriptions/${reg.subscriptionId}/resourceGroups/${reg.resourceGroup}/providers/Microsoft.AzureStackHCI/clusters/${reg.resourceName}`
        : null,
    ],
    ['ConnectionStatus', view?.connectionStatus ? psEnum(view.connectionStatus) : null],
    ['LastConnected', psDate(view?.lastConnected)],
    ['NextSync', psDate(view?.nextSync)],
    ['IMDSAttestation', reg ? psEnum(cluster.imdsAttestation) : null],
    ['DiagnosticLevel', psEnum(cluster?.diagnosticLevel ?? 'Basic')],
    ['Region', reg?.region ?? null],
  ];
  return psObject('Microsoft.AzureStackHCI.Commands.AzureStackHCI', props, {
    kind: 'list',
    columns: props.map(([n]) => n),
  });
}

function arcIntegrationObject(ctx: CmdletContext): PsObject {
  const cluster = ctx.cluster;
  const nodes = cluster ? clusterNodes(ctx.draft, cluster.name) : [];
  const registered = cluster?.registration !== undefined;
  const status = (n: ClusterNode) =>
    !registered ? 'Unknown' : arcEnabledOnNode(ctx.draft, n) ? 'Enabled' : 'Disabled';
  return psObject(
    'Microsoft.AzureStackHCI.Commands.ArcIntegration',
    [
      [
        'ClusterArcStatus',
        psEnum(!registered ? 'Unknown' : cluster.registration?.arcEnabled ? 'Enabled' : 'Disabled'),
      ],
      // a Dictionary<string, ArcStatus> keyed by lower-case node name (behaviour.md §3.2), shown as .NET shows one
      [
        'NodesArcStatus',
        { kind: 'dictionary', entries: nodes.map((n) => [n.name.toLowerCase(), psEnum(status(n))] as const) },
      ],
    ],
    { kind: 'list', columns: ['ClusterArcStatus', 'NodesArcStatus'] },
  );
}

/** Get-AzureStackHCIAttestation's row: ComputerName, Status, Expiration (behaviour.md §4.2–4.3). */
export function attestationObject(node: ClusterNode, now: number): PsObject | undefined {
  const status = benefitsNodeStatus(node, now);
  if (status === 'Unknown') return undefined;
  return psObject(
    'Microsoft.AzureStackHCI.Commands.Attestation',
    [
      ['ComputerName', node.name.toUpperCase()],
      ['Status', psEnum(status)],
      ['Expiration', status === 'Inactive' ? null : psDate(node.attestation.expiresAt)],
      [
        'AttestationSwitchId',
        node.attestation.hostSwitch ? guidOf(node.name) : '00000000-0000-0000-0000-000000000000',
      ],
    ],
    { kind: 'table', columns: ['ComputerName', 'Status', 'Expiration'] },
  );
}

/** A stable switch id per server; the world does not store one. */
function guidOf(name: string): string {
  let h = 0x811c9dc5;
  for (const c of `imds-switch:${name}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-a${hex.slice(5, 8)}-${hex}${hex.slice(0, 4)}`;
}

function attestationRun(ctx: CmdletContext, def: CmdletDef): CmdletResult {
  const computer = boundString(ctx, 'ComputerName');
  const node = computer
    ? Object.values(ctx.draft.nodes).find(
        (n) =>
          n.name.toLowerCase() === computer.toLowerCase() || n.fqdn.toLowerCase() === computer.toLowerCase(),
      )
    : ctx.node;
  if (node?.power !== 'Up') {
    // WinRM's words when a remote computer does not answer.
    cmdletError(
      ctx,
      def,
      `Connecting to remote server ${computer ?? ''} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.`,
      {
        category: 'OpenError',
        target: `${computer ?? ''}:String`,
        exception: 'PSRemotingTransportException',
        errorId: 'CannotConnect',
      },
    );
    return done();
  }
  const row = attestationObject(node, ctx.now);
  if (!row) {
    writeError(
      ctx,
      `Couldn't query Azure benefits on ${node.name}: the Azure Stack HCI service (hcisvc) isn't running there.`,
    );
    return done();
  }
  return done([row]);
}

// ───────────── Events ─────────────

const LOGS: readonly EventChannel[] = [
  'Microsoft-AzureStack-HCI/Admin',
  'Microsoft-AzureStack-HCI/Debug',
  'Application',
];
/** logs that exist on a server but in which the simulation writes nothing */
const QUIET_LOGS = ['System', 'Setup', 'Security'];

function getWinEventRun(ctx: CmdletContext, def: CmdletDef): CmdletResult {
  const logName = boundString(ctx, 'LogName');
  const provider = boundString(ctx, 'ProviderName');
  const max = ctx.bound.get('MaxEvents');
  const lower = logName?.toLowerCase();
  const channel = LOGS.find((l) => l.toLowerCase() === lower);
  if (logName !== undefined && !channel && !QUIET_LOGS.some((l) => l.toLowerCase() === lower)) {
    cmdletError(ctx, def, `There is not an event log on the localhost computer that matches "${logName}".`, {
      category: 'ObjectNotFound',
      target: `${logName}:String`,
      exception: 'Exception',
      errorId: 'NoMatchingLogsFound',
    });
    return done();
  }
  let events = ctx.draft.events.filter(
    (e) =>
      e.node === ctx.node.name &&
      (channel === undefined ? logName === undefined : e.channel === channel) &&
      (provider === undefined || e.source.toLowerCase() === provider.toLowerCase()),
  );
  events = events.slice().sort((a, b) => b.time - a.time || b.seq - a.seq);
  if (boundSwitch(ctx, 'Oldest')) events.reverse();
  if (typeof max === 'number') events = events.slice(0, Math.max(0, max));
  if (events.length === 0) {
    cmdletError(ctx, def, 'No events were found that match the specified selection criteria.', {
      category: 'ObjectNotFound',
      exception: 'Exception',
      errorId: 'NoMatchingEventsFound',
    });
    return done();
  }
  return done(
    events.map((e) =>
      psObject(
        'System.Diagnostics.Eventing.Reader.EventLogRecord',
        [
          ['TimeCreated', psDate(e.time)],
          ['ProviderName', e.source],
          ['Id', e.id],
          ['LevelDisplayName', e.level],
          ['LogName', e.channel],
          ['MachineName', ctx.node.fqdn],
          ['Message', e.message],
        ],
        // Windows PowerShell's Event view: grouped by provider, these columns and widths
        {
          kind: 'table',
          columns: ['TimeCreated', 'Id', 'LevelDisplayName', 'Message'],
          groupBy: 'ProviderName',
          widths: { TimeCreated: 25, Id: 8, LevelDisplayName: 16 },
        },
      ),
    ),
  );
}

// ───────────── Services ─────────────

type ServiceAction = 'start' | 'stop' | 'restart';

function serviceRun(action: ServiceAction) {
  return (ctx: CmdletContext, def: CmdletDef): CmdletResult => {
    const name = boundString(ctx, 'Name') ?? '';
    const computer = boundString(ctx, 'ComputerName');
    const node = computer
      ? Object.values(ctx.draft.nodes).find(
          (n) =>
            n.name.toLowerCase() === computer.toLowerCase() ||
            n.fqdn.toLowerCase() === computer.toLowerCase(),
        )
      : ctx.node;
    if (!node) {
      cmdletError(ctx, def, `Cannot find any service with service name '${name}'.`, {
        category: 'ObjectNotFound',
        target: `${name}:String`,
        exception: 'ServiceCommandException',
        errorId: 'NoServiceFoundForGivenName',
      });
      return done();
    }
    const cluster = node.cluster === '' ? undefined : node.cluster;
    if (name.toLowerCase() === 'hcisvc' && cluster !== undefined) {
      const running = node.hcisvcRunning;
      if (action !== 'start' && running) setHcisvc(ctx.draft, cluster, node.name, false, ctx.now);
      if (action !== 'stop' && (!running || action === 'restart'))
        setHcisvc(ctx.draft, cluster, node.name, true, ctx.now);
      return done();
    }
    if (name.toLowerCase() === 'himds' && ctx.node.arc.installed) {
      if (action === 'stop') {
        // The world has no state for a stopped agent service; `azcmagent disconnect` is what the guide uses.
        writeError(
          ctx,
          'The simulation keeps the himds service running: use azcmagent disconnect to take the server off Azure Arc.',
        );
      }
      // Restarting the agent's service picks up a changed proxy setting (seed 000): nothing else changes.
      return done();
    }
    cmdletError(ctx, def, `Cannot find any service with service name '${name}'.`, {
      category: 'ObjectNotFound',
      target: `${name}:String`,
      exception: 'ServiceCommandException',
      errorId: 'NoServiceFoundForGivenName',
    });
    return done();
  };
}

// ───────────── Native tools ─────────────

function scRun(ctx: CmdletContext): CmdletResult {
  const [verb, service] = ctx.args;
  if (verb?.toLowerCase() === 'query' && service?.toLowerCase() === 'hcisvc') {
    const status = hcisvcStatus(ctx.node);
    if (!status || ctx.node.cluster === '')
      return {
        kind: 'done',
        text: [
          '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:',
          '',
          'The specified service does not exist as an installed service.',
          '',
        ],
      };
    return { kind: 'done', text: [...scQueryText(status).split('\n'), ''] };
  }
  if (verb?.toLowerCase() === 'query' && service !== undefined)
    return {
      kind: 'done',
      text: [
        '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:',
        '',
        'The specified service does not exist as an installed service.',
        '',
      ],
    };
  // sc.exe's usage text is long; the console answers what it does with an unknown verb, in short.
  return {
    kind: 'done',
    text: [
      'DESCRIPTION:',
      '        SC is a command line program used for communicating with the',
      '        Service Control Manager and services.',
      'USAGE:',
      '        sc <server> [command] [service name] <option1> <option2>...',
      '',
    ],
  };
}

function wevtutilRun(ctx: CmdletContext): CmdletResult {
  const [verb, ...rest] = ctx.args;
  const log = rest.find((a) => !a.startsWith('/'));
  const enable = rest.find((a) => a.toLowerCase().startsWith('/e:'));
  if (!verb || !['sl', 'set-log'].includes(verb.toLowerCase()) || log === undefined) {
    return {
      kind: 'done',
      text: [
        'Windows Events Command Line Utility.',
        '',
        'Usage: wevtutil COMMAND [ARGUMENT [ARGUMENT] ...] [/OPTION:VALUE [/OPTION:VALUE] ...]',
        '',
      ],
    };
  }
  const channel = LOGS.find((l) => l.toLowerCase() === log.toLowerCase());
  if (!channel)
    return {
      kind: 'done',
      text: [`Failed to read configuration for log ${log}. The specified channel could not be found.`, ''],
    };
  if (enable !== undefined && channel === 'Microsoft-AzureStack-HCI/Debug' && ctx.cluster) {
    const on = enable.slice(3).toLowerCase() === 'true';
    if (on) runRemedy(ctx.draft, ctx.cluster.name, { kind: 'enable-debug', node: ctx.node.name }, ctx.now);
    else ctx.node.debugChannelEnabled = false;
  }
  return done();
}

// ───────────── azcmagent connect ─────────────

const CONNECT_FLAGS: Record<string, string> = {
  'resource-group': 'resource-group',
  g: 'resource-group',
  'tenant-id': 'tenant-id',
  t: 'tenant-id',
  location: 'location',
  l: 'location',
  'subscription-id': 'subscription-id',
  s: 'subscription-id',
  cloud: 'cloud',
  'access-token': 'access-token',
  a: 'access-token',
};

/** `--flag value`, `--flag=value` and the short forms; unknown flags are named back. */
function connectFlags(options: readonly string[]): { flags: Map<string, string>; unknown?: string } {
  const flags = new Map<string, string>();
  for (let i = 0; i < options.length; i++) {
    const option = options[i] ?? '';
    const match = /^--?([A-Za-z-]+)(?:[=:](.*))?$/.exec(option);
    if (!match) continue;
    const [, raw = '', inline] = match;
    const name = Object.hasOwn(CONNECT_FLAGS, raw.toLowerCase())
      ? CONNECT_FLAGS[raw.toLowerCase()]
      : undefined;
    if (name === undefined) return { flags, unknown: option };
    const next = options[i + 1];
    const value = inline ?? (next !== undefined && !next.startsWith('-') ? next : '');
    if (inline === undefined && value !== '') i++;
    flags.set(name, value);
  }
  return { flags };
}

/** The agent's error, as a line of its own (azcmagent is not a cmdlet: no error record). */
function agentError(ctx: CmdletContext, text: string): CmdletResult {
  ctx.out.push({ kind: 'line', stream: 'error', text });
  return done();
}

/**
 * `azcmagent connect` (seed 002's onboarding line): connects this server's installed agent to Azure with
 * --resource-group, --tenant-id, --location and --subscription-id, signed in by --access-token or, without
 * one, by device code. The required-flag error is the CLI framework's (cobra) own; seed 002 gives the success
 * line, "Successfully Onboarded Resource to Azure". The agent's other progress lines are not quoted by any
 * reference file and are not printed.
 */
function agentConnect(ctx: CmdletContext, options: readonly string[]): CmdletResult {
  const { flags, unknown } = connectFlags(options);
  if (unknown !== undefined) return agentError(ctx, `Error: unknown flag: ${unknown}`);
  const missing = ['location', 'resource-group', 'subscription-id', 'tenant-id'].filter(
    (f) => (flags.get(f) ?? '') === '',
  );
  if (missing.length > 0)
    return agentError(ctx, `Error: required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`);
  const cloudFlag = flags.get('cloud') ?? 'AzureCloud';
  const cloud = (Object.keys(CLOUDS) as CloudName[]).find((c) => c.toLowerCase() === cloudFlag.toLowerCase());
  if (!cloud)
    return agentError(
      ctx,
      `The simulation models the AzureCloud, AzureChinaCloud and AzureUSGovernment clouds; '${cloudFlag}' is not one of them.`,
    );
  const tenantId = flags.get('tenant-id') ?? '';
  const request = {
    subscriptionId: flags.get('subscription-id') ?? '',
    resourceGroup: flags.get('resource-group') ?? '',
    location: flags.get('location') ?? '',
    tenantId,
    cloud,
  };
  let upn = ctx.account?.upn;
  if (ctx.stage === 'start') {
    const token = flags.get('access-token');
    if (token !== undefined) {
      upn = decodeSimToken(token);
      // No reference gives the agent's words for a token Azure AD refuses.
      if (upn === undefined || !own(ctx.draft.cloud.users, upn))
        return agentError(
          ctx,
          'The access token was not accepted: it is not a token of the simulated directory.',
        );
    } else {
      return { kind: 'signin', cloud, tenantId, stage: 'signed-in', client: 'azcmagent' };
    }
  }
  if (upn === undefined) return done();
  try {
    connectArcAgent(ctx.draft, ctx.node.name, request, upn, ctx.now);
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    return agentError(ctx, error.message);
  }
  return { kind: 'done', text: ['Successfully Onboarded Resource to Azure'] };
}

function azcmagentRun(ctx: CmdletContext): CmdletResult {
  const [verb, ...options] = ctx.args;
  const node = ctx.node;
  switch (verb?.toLowerCase()) {
    case 'version':
      return { kind: 'done', text: [`azcmagent version ${node.arc.version || ARC_AGENT_VERSION}`] };
    case 'show': {
      const id = node.arc.machineResourceId;
      const machine = id ? own(ctx.draft.cloud.machines, id.toLowerCase()) : undefined;
      const sub = machine ? own(ctx.draft.cloud.subscriptions, machine.subscriptionId) : undefined;
      const last = lastHeartbeat(node.arc, ctx.now);
      const connected = node.arc.connected;
      // The layout of azcmagent 1.x `show`; the reference files name the command, not its output.
      const rows: [string, string][] = [
        ['Resource Name', connected ? node.name : ''],
        ['Resource Group Name', connected ? (machine?.resourceGroup ?? '') : ''],
        ['Resource Namespace', 'Microsoft.HybridCompute'],
        ['Resource Id', connected ? (id ?? '') : ''],
        ['Subscription ID', connected ? (machine?.subscriptionId ?? '') : ''],
        ['Tenant ID', connected ? (sub?.tenantId ?? '') : ''],
        ['VM ID', connected ? (machine?.vmId ?? '') : ''],
        ['Location', connected ? (machine?.location ?? '') : ''],
        ['Cloud', connected ? 'AzureCloud' : ''],
        ['Agent Version', node.arc.version || ARC_AGENT_VERSION],
        ['Agent Logfile', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Log\\himds.log'],
        ['Agent Status', connected ? 'Connected' : 'Disconnected'],
        [
          'Agent Last Heartbeat',
          last !== undefined ? new Date(last).toISOString().replace(/\.\d{3}Z$/, 'Z') : '',
        ],
      ];
      return { kind: 'done', text: rows.map(([k, v]) => `${k.padEnd(40)}: ${v}`) };
    }
    case 'disconnect': {
      const localOnly = options.some((o) => o.toLowerCase() === '--force-local-only');
      disconnectAgent(ctx.draft, node.name, localOnly, ctx.now);
      return done();
    }
    case 'connect':
      return agentConnect(ctx, options);
    default:
      return {
        kind: 'done',
        text: [
          'Azure Connected Machine Agent',
          '',
          'Usage:',
          '  azcmagent [command]',
          '',
          'Available Commands:',
          '  connect     Connects this machine to Azure',
          '  disconnect  Disconnects this machine from Azure',
          '  show        Gets machine metadata and Agent status',
          '  version     Display the Hybrid Management Agent version',
          '',
        ],
      };
  }
}

// ───────────── Restart-Computer ─────────────

/**
 * Restart-Computer (Windows PowerShell 5.1): ShouldProcess with the cmdlet's own operation text, then the
 * server goes down and boots in simulated time (`beginNodeRestart`). -Force is accepted; the simulation has
 * no other signed-in users for it to override. -Wait, -For, -Timeout and -Delay are not simulated (their
 * PowerShell waits have no counterpart here) and answer as unknown parameters. When the console's own server restarts, the next line answers
 * with the broken session's error until the server is back; no reference file gives the console host's words
 * for a remote session that drops, so none are printed at the moment it goes.
 */
function restartComputerRun(ctx: CmdletContext, def: CmdletDef): CmdletResult {
  const names = boundStrings(ctx, 'ComputerName') ?? ['localhost'];
  const targets = names.map((name) => {
    const local = ['localhost', '.', ctx.node.name.toLowerCase()].includes(name.toLowerCase());
    const node = local
      ? ctx.node
      : Object.values(ctx.draft.nodes).find(
          (n) => n.name.toLowerCase() === name.toLowerCase() || n.fqdn.toLowerCase() === name.toLowerCase(),
        );
    return { name, local, node };
  });
  const operation = (local: boolean) =>
    `Enable the ${local ? 'Local' : 'Remote'} shutdown access rights and restart the computer.`;
  const target = (t: (typeof targets)[number]) =>
    t.local ? `localhost (${ctx.node.name.toUpperCase()})` : t.name;
  if (ctx.stage === 'start') {
    if (boundSwitch(ctx, 'WhatIf')) {
      for (const t of targets)
        ctx.out.push({
          kind: 'line',
          stream: 'output',
          text: `What if: Performing the operation "${operation(t.local)}" on target "${target(t)}".`,
        });
      return done();
    }
    const first = targets[0];
    if (ctx.bound.get('Confirm') === true && first)
      return {
        kind: 'choice',
        prompt: confirmPrompt(operation(first.local), target(first)),
        stage: 'confirmed',
      };
    return restartComputerRun({ ...ctx, stage: 'confirmed', answer: 'Y' }, def);
  }
  if (!isYes(ctx.answer)) return done();
  for (const t of targets) {
    if (t.node?.power !== 'Up') {
      // WinRM's words when a remote computer does not answer, as elsewhere in the console
      cmdletError(
        ctx,
        def,
        `Failed to restart the computer ${t.name} with the following error message: WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.`,
        {
          category: 'OperationStopped',
          target: `${t.name}:String`,
          exception: 'InvalidOperationException',
          errorId: 'RestartcomputerFailed',
        },
      );
      continue;
    }
    beginNodeRestart(ctx.draft, t.node.name, ctx.now);
  }
  return done();
}

function syncRun(ctx: CmdletContext): CmdletResult {
  const cluster = ctx.cluster;
  if (!cluster) return done();
  if (ctx.stage === 'start') {
    const job = startSyncNow(ctx.draft, cluster.name, ctx.now);
    return { kind: 'job', jobIds: [job.id], stage: 'finished' };
  }
  const job = ctx.jobs?.[0];
  if (job && job.status !== 'Succeeded') writeError(ctx, job.message ?? '');
  return done();
}

const bindDef = (
  run: (ctx: CmdletContext, def: CmdletDef) => CmdletResult,
  def: Omit<CmdletDef, 'run'>,
): CmdletDef => ({
  ...def,
  run: (ctx) => run(ctx, def),
});

export const SERVER_CMDLETS: CmdletDef[] = [
  {
    name: 'Get-AzureStackHCI',
    module: 'AzureStackHCI',
    errorSource: 'Get-AzureStackHCI',
    params: [],
    run: (ctx) => done([azureStackHciObject(ctx.draft, ctx.node, ctx.now)]),
  },
  {
    name: 'Get-AzureStackHCIArcIntegration',
    module: 'AzureStackHCI',
    errorSource: 'Get-AzureStackHCIArcIntegration',
    params: [],
    run: (ctx) => done([arcIntegrationObject(ctx)]),
  },
  {
    name: 'Sync-AzureStackHCI',
    module: 'AzureStackHCI',
    errorSource: 'Sync-AzureStackHCI',
    params: [],
    run: syncRun,
  },
  bindDef(attestationRun, {
    name: 'Get-AzureStackHCIAttestation',
    module: 'AzureStackHCI',
    errorSource: 'Get-AzureStackHCIAttestation',
    params: [{ name: 'ComputerName', type: 'string', position: 0 }],
  }),
  bindDef(getWinEventRun, {
    name: 'Get-WinEvent',
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.GetWinEventCommand',
    defaultSet: 'GetLogSet',
    params: [
      { name: 'LogName', type: 'string', position: 0, sets: ['GetLogSet'] },
      { name: 'ProviderName', type: 'string', position: 0, sets: ['GetProviderSet'] },
      { name: 'MaxEvents', type: 'int' },
      { name: 'ComputerName', type: 'string' },
      { name: 'Oldest', type: 'switch' },
    ],
  }),
  ...(['start', 'stop', 'restart'] as const).map((action) =>
    bindDef(serviceRun(action), {
      name: `${action[0]?.toUpperCase() ?? ''}${action.slice(1)}-Service`,
      module: 'core',
      errorSource: `Microsoft.PowerShell.Commands.${action[0]?.toUpperCase() ?? ''}${action.slice(1)}ServiceCommand`,
      shouldProcess: true,
      params: [
        { name: 'Name', type: 'string', position: 0, mandatory: true, aliases: ['ServiceName'] },
        { name: 'ComputerName', type: 'string', aliases: ['Cn'] },
        { name: 'Force', type: 'switch' },
        { name: 'PassThru', type: 'switch' },
      ],
    }),
  ),
  bindDef(restartComputerRun, {
    name: 'Restart-Computer',
    module: 'core',
    errorSource: 'Microsoft.PowerShell.Commands.RestartComputerCommand',
    shouldProcess: true,
    params: [
      {
        name: 'ComputerName',
        type: 'strings',
        position: 0,
        aliases: ['CN', '__SERVER', 'Server', 'IPAddress'],
      },
      { name: 'Credential', type: 'credential', position: 1 },
      { name: 'Force', type: 'switch', aliases: ['f'] },
    ],
  }),
  { name: 'sc.exe', module: 'native', errorSource: 'sc.exe', params: [], run: scRun },
  {
    name: 'wevtutil',
    aliases: ['wevtutil.exe'],
    module: 'native',
    errorSource: 'wevtutil',
    params: [],
    run: wevtutilRun,
  },
  {
    name: 'azcmagent',
    aliases: ['azcmagent.exe', `${AGENT_DIR}\\azcmagent.exe`],
    module: 'native',
    errorSource: 'azcmagent',
    params: [],
    run: azcmagentRun,
  },
];

export { AGENT_DIR, CLOUDS };
