/**
 * What a cmdlet sees when it runs, and what it answers: objects for the pipeline, or a wait (a prompt, a
 * device-code sign-in, a job of the world) after which it is called again at the stage it named.
 */
import type { CloudName, ClusterNode, Job, Millis, OnPremCluster, World } from '../model';
import { formatError, formatValue } from './format';
import type { ChoicePrompt, ErrorPosition } from './format';
import type { PsObject, PsValue } from './values';

export type OutputStream = 'output' | 'error' | 'warning' | 'verbose';

export type OutputRecord = { kind: 'line'; stream: OutputStream; text: string } | { kind: 'clear' };

/** An Azure sign-in of the console (Connect-AzAccount's context). */
export interface AzContext {
  upn: string;
  tenantId: string;
  cloud: CloudName;
}

/**
 * Who asks for a device code: Az PowerShell's Connect-AzAccount prints "[Login to Azure] …" (its client app is
 * "Microsoft Azure PowerShell" on the sign-in page); azcmagent prints the sign-in sentence alone.
 */
export type SignInClient = 'az-powershell' | 'azcmagent';

export interface ScriptBlock {
  readonly kind: 'scriptblock';
  readonly text: string;
}

export type BoundValue = PsValue | ScriptBlock;

export type ParamType =
  'string' | 'strings' | 'switch' | 'int' | 'bool' | 'hashtable' | 'credential' | 'scriptblock' | 'any';

export interface ParamDef {
  name: string;
  type: ParamType;
  /** 0-based position for positional binding */
  position?: number;
  mandatory?: boolean;
  aliases?: readonly string[];
  /** the type Get-Help's syntax names when it is not the binder's (an enum such as DiagnosticLevel) */
  typeName?: string;
  /** parameter sets this parameter belongs to; absent: every set */
  sets?: readonly string[];
}

export interface Invocation {
  /** the command name as defined (canonical casing) */
  name: string;
  /** the statement's text and where the command sits in it, for `At line:1 char:N` */
  at: ErrorPosition;
}

export interface CmdletContext {
  draft: World;
  now: Millis;
  node: ClusterNode;
  cluster: OnPremCluster | undefined;
  width: number;
  cwd: string;
  bound: ReadonlyMap<string, BoundValue>;
  /** a native command's arguments, as typed */
  args: readonly string[];
  invocation: Invocation;
  stage: string;
  data: Record<string, unknown>;
  /** the key of the choice answered at a `choice` wait */
  answer?: string;
  /** the jobs a `job` wait was for, as they ended */
  jobs?: Job[];
  /** the account that redeemed the device code of a `signin` wait */
  account?: AzContext;
  out: OutputRecord[];
  /** modules installed in this session, and whether the NuGet provider is */
  modules: readonly string[];
  nugetProvider: boolean;
  installModule(name: string): void;
  setCwd(path: string): void;
}

export type CmdletResult =
  | { kind: 'done'; objects?: PsObject[]; text?: string[] }
  | { kind: 'choice'; prompt: ChoicePrompt; stage: string; data?: Record<string, unknown> }
  | {
      kind: 'signin';
      cloud: CloudName;
      tenantId?: string;
      stage: string;
      data?: Record<string, unknown>;
      /** the client that asks, for the sign-in page and the line that prints the code (default: Az PowerShell) */
      client?: SignInClient;
    }
  | { kind: 'job'; jobIds: string[]; stage: string; data?: Record<string, unknown>; activity?: string }
  | { kind: 'clear' };

export interface CmdletDef {
  name: string;
  aliases?: readonly string[];
  /**
   * Where the command comes from: `Az.StackHCI` must be installed with Install-Module first; `AzureStackHCI`
   * and `Hyper-V` exist on cluster servers only; `core` everywhere.
   */
  module: 'core' | 'Az.StackHCI' | 'AzureStackHCI' | 'Hyper-V' | 'native';
  params: readonly ParamDef[];
  /** the .NET type (compiled cmdlets) or function name after the comma of FullyQualifiedErrorId */
  errorSource: string;
  /** -WhatIf / -Confirm are accepted */
  shouldProcess?: boolean;
  /** parameter set used when none is determined by the bound parameters */
  defaultSet?: string;
  /** Get-Help's SYNOPSIS, where a reference file gives it */
  synopsis?: string;
  /** the filter cmdlets that transform a pipeline's objects */
  filter?: (objects: PsObject[], ctx: CmdletContext) => { objects?: PsObject[]; lines?: string[] };
  run?: (ctx: CmdletContext) => CmdletResult;
}

export const done = (objects?: PsObject[]): CmdletResult =>
  objects ? { kind: 'done', objects } : { kind: 'done' };

export function boundString(ctx: CmdletContext, name: string): string | undefined {
  const v = ctx.bound.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function boundSwitch(ctx: CmdletContext, name: string): boolean {
  return ctx.bound.get(name) === true;
}

export function boundStrings(ctx: CmdletContext, name: string): string[] | undefined {
  const v = ctx.bound.get(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (typeof v === 'object' && v.kind === 'array') return v.items.map((i) => formatValue(i));
  return undefined;
}

function suppressed(ctx: CmdletContext, stream: 'error' | 'warning'): boolean {
  const pref = ctx.bound.get(stream === 'error' ? 'ErrorAction' : 'WarningAction');
  return typeof pref === 'string' && ['ignore', 'silentlycontinue'].includes(pref.toLowerCase());
}

/**
 * A module's error: Az.StackHCI and the on-box cmdlets report with Write-Error, which PowerShell shows as
 * `NotSpecified: (:) [Write-Error], WriteErrorException`.
 */
export function writeError(ctx: CmdletContext, message: string): void {
  if (suppressed(ctx, 'error')) return;
  for (const text of formatError(
    {
      command: ctx.invocation.name,
      message,
      category: 'NotSpecified',
      target: ':',
      activity: 'Write-Error',
      exception: 'WriteErrorException',
      errorId: `Microsoft.PowerShell.Commands.WriteErrorException,${ctx.invocation.name}`,
    },
    ctx.invocation.at,
  ))
    ctx.out.push({ kind: 'line', stream: 'error', text });
}

/** An error a compiled cmdlet raises itself, with its own category and id. */
export function cmdletError(
  ctx: CmdletContext,
  def: CmdletDef,
  message: string,
  opts: { category: string; target?: string; exception: string; errorId: string },
): void {
  if (suppressed(ctx, 'error')) return;
  for (const text of formatError(
    {
      command: ctx.invocation.name,
      message,
      category: opts.category,
      target: opts.target ?? ':',
      activity: ctx.invocation.name,
      exception: opts.exception,
      errorId: `${opts.errorId},${def.errorSource}`,
    },
    ctx.invocation.at,
  ))
    ctx.out.push({ kind: 'line', stream: 'error', text });
}

export function writeWarning(ctx: CmdletContext, text: string): void {
  if (suppressed(ctx, 'warning')) return;
  ctx.out.push({ kind: 'line', stream: 'warning', text: `WARNING: ${text}` });
}

export function writeVerbose(ctx: CmdletContext, text: string): void {
  if (ctx.bound.get('Verbose') === true)
    ctx.out.push({ kind: 'line', stream: 'verbose', text: `VERBOSE: ${text}` });
}

export function writeHost(ctx: CmdletContext, text: string): void {
  ctx.out.push({ kind: 'line', stream: 'output', text });
}
