/**
 * The PowerShell the portal runs for each state-changing action ("Show PowerShell"). Every value goes
 * into a single-quoted literal, in which PowerShell expands nothing: `$`, backticks, double quotes and
 * newlines stay text. The only character that ends such a literal is a single quote — and PowerShell
 * treats the Unicode quotes ‘ ’ ‚ ‛ exactly like `'` — so each of them is doubled.
 */

/** The characters PowerShell's tokenizer accepts as a single quote (`IsSingleQuote`). */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A value as a single-quoted PowerShell literal: `it's $x` → `'it''s $x'`. */
export function psQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

export type PsValue = string | number | boolean | readonly string[] | undefined | null;

/** A parameter: a named value, a switch (`true`), or `false`/undefined to leave it out. */
export interface PsParameter {
  name: string;
  value: PsValue;
  /** render a boolean as `-Name:$true|$false` instead of as a switch */
  explicitBoolean?: boolean;
}

function renderValue(value: string | number | readonly string[]): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${String(value)} is not a number PowerShell can take.`);
    return String(value);
  }
  if (typeof value === 'string') return psQuote(value);
  if (value.length === 0) return '@()';
  return value.map(psQuote).join(',');
}

function renderParameter(p: PsParameter): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(p.name))
    throw new Error(`'${p.name}' is not a PowerShell parameter name.`);
  const { value } = p;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') {
    if (p.explicitBoolean) return `-${p.name}:$${value ? 'true' : 'false'}`;
    return value ? `-${p.name}` : undefined;
  }
  return `-${p.name} ${renderValue(value)}`;
}

/** One command line: `Verb-Noun -Name 'value' -Switch`. */
export function psCommand(command: string, parameters: PsParameter[] = []): string {
  if (!/^[A-Za-z][\w.-]*$/.test(command)) throw new Error(`'${command}' is not a command name.`);
  const parts = parameters.map(renderParameter).filter((s): s is string => s !== undefined);
  return [command, ...parts].join(' ');
}

/** An empty optional field is not given. */
const opt = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

const p = (name: string, value: PsValue, explicitBoolean = false): PsParameter => ({
  name,
  value,
  explicitBoolean,
});

// ───────────── Registration (behaviour.md §1.1, §2) ─────────────

export interface RegisterOptions {
  subscriptionId: string;
  resourceGroupName?: string;
  region: string;
  resourceName?: string;
  tenantId?: string;
  /** the Azure cloud; AzureCloud (the default) is left out */
  environmentName?: string;
  /** false → `-EnableAzureArcServer:$false`; true/undefined → left out (Arc is the default) */
  enableAzureArcServer?: boolean;
  arcServerResourceGroupName?: string;
  /** a cluster node, when run from a management PC */
  computerName?: string;
}

/**
 * `-EnvironmentName` from a cloud id or the portal's display name ("Azure Global", "Azure China",
 * "Azure US Government"); the default cloud (AzureCloud) is left out, as the cmdlet's default.
 */
export function environmentName(cloud: string | undefined): string | undefined {
  if (cloud === undefined || cloud.trim() === '') return undefined;
  const c = cloud.trim();
  if (/^(AzureCloud|Azure Global|Azure|Azure public cloud)$/i.test(c)) return undefined;
  if (/china/i.test(c)) return 'AzureChinaCloud';
  if (/gov/i.test(c)) return 'AzureUSGovernment';
  return c;
}

const environment = environmentName;

export function registerAzStackHci(o: RegisterOptions): string {
  return psCommand('Register-AzStackHCI', [
    p('SubscriptionId', o.subscriptionId),
    p('ResourceGroupName', opt(o.resourceGroupName)),
    p('Region', o.region),
    p('ResourceName', opt(o.resourceName)),
    p('EnvironmentName', environment(o.environmentName)),
    p('EnableAzureArcServer', o.enableAzureArcServer === false ? false : undefined, true),
    p(
      'ArcServerResourceGroupName',
      o.enableAzureArcServer === false ? undefined : opt(o.arcServerResourceGroupName),
    ),
    p('ComputerName', opt(o.computerName)),
    p('TenantId', opt(o.tenantId)),
  ]);
}

export function repairAzStackHciRegistration(o: {
  subscriptionId: string;
  computerName?: string;
  tenantId?: string;
  environmentName?: string;
}): string {
  return psCommand('Register-AzStackHCI', [
    p('SubscriptionId', o.subscriptionId),
    p('EnvironmentName', environment(o.environmentName)),
    p('ComputerName', opt(o.computerName)),
    p('TenantId', opt(o.tenantId)),
    p('RepairRegistration', true),
  ]);
}

export function unregisterAzStackHci(o: {
  subscriptionId: string;
  resourceName?: string;
  resourceGroupName?: string;
  computerName?: string;
  tenantId?: string;
  environmentName?: string;
  /** `-DisableOnlyAzureArcServer` keeps the cluster registered and only removes Arc */
  disableOnlyAzureArcServer?: boolean;
}): string {
  return psCommand('Unregister-AzStackHCI', [
    p('SubscriptionId', o.subscriptionId),
    p('ResourceGroupName', opt(o.resourceGroupName)),
    p('ResourceName', opt(o.resourceName)),
    p('EnvironmentName', environment(o.environmentName)),
    p('ComputerName', opt(o.computerName)),
    p('TenantId', opt(o.tenantId)),
    p('DisableOnlyAzureArcServer', o.disableOnlyAzureArcServer === true),
  ]);
}

/** On-box cmdlet; run on a node, or through Invoke-Command when the portal runs it remotely. */
export function syncAzureStackHci(computerName?: string): string[] {
  return onNode(computerName, 'Sync-AzureStackHCI');
}

/** `Invoke-Command -ComputerName 'node' -ScriptBlock { … }` for on-box cmdlets, or the bare line. */
function onNode(computerName: string | undefined, line: string): string[] {
  if (!computerName) return [line];
  return [`Invoke-Command -ComputerName ${psQuote(computerName)} -ScriptBlock { ${line} }`];
}

// ───────────── Azure Benefits (behaviour.md §4) ─────────────

export function enableAzStackHciAttestation(o: { computerName?: string; addVm?: boolean } = {}): string {
  return psCommand('Enable-AzStackHCIAttestation', [
    p('ComputerName', opt(o.computerName)),
    p('AddVM', o.addVm === true),
    p('Force', true),
  ]);
}

export function disableAzStackHciAttestation(o: { computerName?: string; removeVm?: boolean } = {}): string {
  return psCommand('Disable-AzStackHCIAttestation', [
    p('ComputerName', opt(o.computerName)),
    p('RemoveVM', o.removeVm === true),
    p('Force', true),
  ]);
}

/** VMs grouped by the node that owns them: the cmdlet only sees the VMs of the node it runs on. */
function perHost(
  vms: readonly { name: string; host?: string }[],
  build: (names: string[]) => string,
): string[] {
  const groups = new Map<string | undefined, string[]>();
  for (const vm of vms) groups.set(vm.host, [...(groups.get(vm.host) ?? []), vm.name]);
  return [...groups].flatMap(([host, names]) => onNode(host, build(names)));
}

export function addAzStackHciVmAttestation(vms: readonly { name: string; host?: string }[]): string[] {
  return perHost(vms, (names) =>
    psCommand('Add-AzStackHCIVMAttestation', [p('VMName', names), p('Force', true)]),
  );
}

export function removeAzStackHciVmAttestation(vms: readonly { name: string; host?: string }[]): string[] {
  return perHost(vms, (names) =>
    psCommand('Remove-AzStackHCIVMAttestation', [p('VMName', names), p('Force', true)]),
  );
}

// ───────────── Azure Arc ─────────────

export function enableArcIntegration(computerName?: string): string[] {
  return onNode(computerName, 'Enable-AzureStackHCIArcIntegration');
}

export function disableArcIntegration(computerName?: string): string[] {
  return onNode(computerName, 'Disable-AzureStackHCIArcIntegration');
}

/** The troubleshooting guide's forced local disconnect of the Arc agent. */
export function azcmagentDisconnect(o: { computerName?: string; forceLocalOnly?: boolean } = {}): string[] {
  const lines = [
    `Set-Location -LiteralPath ${psQuote('C:\\Program Files\\AzureConnectedMachineAgent')}`,
    `.\\azcmagent.exe disconnect${o.forceLocalOnly ? ' --force-local-only' : ''}`,
  ];
  if (!o.computerName) return lines;
  return [`Invoke-Command -ComputerName ${psQuote(o.computerName)} -ScriptBlock { ${lines.join('; ')} }`];
}

// ───────────── Diagnostics ─────────────

export function enableDebugChannel(computerName?: string): string[] {
  return onNode(computerName, 'wevtutil.exe sl /q /e:true Microsoft-AzureStack-HCI/Debug');
}

export function startHcisvc(computerName: string): string {
  return psCommand('Start-Service', [p('Name', 'hcisvc'), p('ComputerName', computerName)]);
}

export function stopHcisvc(computerName: string): string {
  return psCommand('Stop-Service', [p('Name', 'hcisvc'), p('ComputerName', computerName)]);
}

// ───────────── Hyper-V VM actions ─────────────

export type VmAction =
  'start' | 'turn-off' | 'shutdown' | 'save' | 'pause' | 'resume' | 'checkpoint' | 'delete' | 'restart';

export function vmCommand(
  action: VmAction,
  o: { name: string; computerName: string; checkpointName?: string },
): string {
  const target = [p('Name', o.name), p('ComputerName', o.computerName)];
  switch (action) {
    case 'start':
      return psCommand('Start-VM', target);
    case 'turn-off':
      return psCommand('Stop-VM', [...target, p('TurnOff', true)]);
    case 'shutdown':
      return psCommand('Stop-VM', [...target, p('Force', true)]);
    case 'save':
      return psCommand('Save-VM', target);
    case 'pause':
      return psCommand('Suspend-VM', target);
    case 'resume':
      return psCommand('Resume-VM', target);
    case 'restart':
      return psCommand('Restart-VM', [...target, p('Force', true)]);
    case 'checkpoint':
      return psCommand('Checkpoint-VM', [...target, p('SnapshotName', opt(o.checkpointName))]);
    case 'delete':
      return psCommand('Remove-VM', [...target, p('Force', true)]);
  }
}

// ───────────── Reading it back (tests and the troubleshooter use it) ─────────────

export type PsToken = { kind: 'literal'; value: string } | { kind: 'bare'; text: string };

/**
 * Splits a generated line into tokens the way PowerShell's tokenizer would for this subset: whitespace
 * separates bare words; a single-quoted literal runs to the next lone quote, a doubled quote being one
 * quote of content. Throws on an unterminated literal.
 */
export function tokenize(line: string): PsToken[] {
  const tokens: PsToken[] = [];
  let i = 0;
  const isQuote = (c: string | undefined) => c !== undefined && /['\u2018\u2019\u201A\u201B]/.test(c);
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === ',') {
      i += 1;
      continue;
    }
    if (isQuote(c)) {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= line.length) throw new Error('Unterminated single-quoted string.');
        const ch = line[i] ?? '';
        if (isQuote(ch)) {
          if (isQuote(line[i + 1])) {
            value += ch;
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += ch;
        i += 1;
      }
      tokens.push({ kind: 'literal', value });
      continue;
    }
    let text = '';
    while (i < line.length && !/[\s,]/.test(line[i] ?? '') && !isQuote(line[i])) {
      text += line[i] ?? '';
      i += 1;
    }
    tokens.push({ kind: 'bare', text });
  }
  return tokens;
}
