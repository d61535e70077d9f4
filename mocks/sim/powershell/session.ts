/**
 * A console session as a state machine over the world: a line is parsed and run; a cmdlet either answers
 * at once or waits — for a choice (NuGet, PSGallery, -Confirm), for mandatory parameter values, for a device
 * code to be redeemed on the sign-in page, or for jobs of the world — and the session resumes it when the
 * answer, the sign-in or the jobs' end arrives (`answer`, `poll`). Ctrl+C drops the wait.
 *
 *   ready ──line──▶ run ──┬─ done ──▶ ready
 *                         ├─ choice / mandatory ──answer──▶ run (same cmdlet, next stage)
 *                         ├─ signin ──poll: code redeemed──▶ run
 *                         └─ job ──poll: progress … jobs ended──▶ run
 *
 * Everything here is an operation `(draft, now)`: the caller runs it through the runtime, so the world and
 * the session move together. Sessions themselves are values kept by the caller, one per console.
 */
import { own } from '../lookup';
import { guidFrom, nextSeq, SimError } from '../core';
import { jobProgress } from '../jobs';
import { tenantSignInError } from '../identity';
import { MINUTE } from '../model';
import type { CloudName, Millis, World } from '../model';
import { bind, resolveParam } from './binder';
import type { Evaluate } from './binder';
import { COMMANDS, findCommand } from './commands';
import type {
  AzContext,
  BoundValue,
  CmdletContext,
  CmdletDef,
  CmdletResult,
  OutputRecord,
  SignInClient,
} from './context';
import { formatChoice, formatError, formatObjects, formatValue, valueLines } from './format';
import type { ChoicePrompt } from './format';
import { abortedLines, END_OF_SUPPORT_PROMPT, runsOutOfSupportOs } from './end-of-support';
import { parseLine, ParseError } from './syntax';
import type { Command, Statement, Word } from './syntax';
import { isPsObject } from './values';
import type { PsObject, PsValue } from './values';

export const HOME = 'C:\\Users\\hciadmin';
export const DEVICE_LOGIN_URL = 'https://microsoft.com/devicelogin';
const CONSOLE_CODE_LIFETIME: Millis = 15 * MINUTE;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HISTORY_LIMIT = 200;

/**
 * The app name the sign-in page shows for each client ("Are you trying to sign in to <app name>?"). Az
 * PowerShell signs in as its well-known public client 1950a258-227b-4e31-a9cf-717495945fc2, whose display
 * name is "Microsoft Azure PowerShell" (the name Azure AD's sign-in logs show for it; list of first-party client
 * ids at https://gist.github.com/dafthack/2c0bbcac72b10c1ee205d1dd2fed3fe7). No reference names the app
 * azcmagent signs in with; the page shows the agent's product name, "Azure Connected Machine Agent".
 */
export const SIGN_IN_APPS: Record<SignInClient, string> = {
  'az-powershell': 'Microsoft Azure PowerShell',
  azcmagent: 'Azure Connected Machine Agent',
};

interface Resume {
  def: string;
  command: Command;
  bound: [string, BoundValue][];
  args: string[];
  stage: string;
  data: Record<string, unknown>;
  downstream: Command[];
  rest: Statement[];
  line: string;
  assignTo?: string;
  /** the server an Invoke-Command script block runs on, when not the session's */
  server?: string;
}

export type Pending =
  | { kind: 'choice'; prompt: ChoicePrompt; resume: Resume }
  | { kind: 'mandatory'; missing: string[]; resume: Resume }
  | { kind: 'signin'; code: string; cloud: CloudName; tenantId?: string; resume: Resume }
  | { kind: 'job'; jobIds: string[]; activity?: string; resume: Resume };

export interface PsSession {
  id: string;
  server: string;
  cwd: string;
  width: number;
  variables: [string, PsValue][];
  history: string[];
  /** modules installed with Install-Module in this session's user scope */
  modules: string[];
  nugetProvider: boolean;
  pending?: Pending;
}

export interface Progress {
  activity: string;
  status: string;
  percent: number;
}

export interface StepResult {
  session: PsSession;
  output: OutputRecord[];
  /** the prompt the input line shows next */
  prompt: string;
  busy: boolean;
  progress: Progress | null;
  signIn: { url: string; code: string } | null;
}

export function newSession(id: string, server: string, width = 120): PsSession {
  return { id, server, cwd: HOME, width, variables: [], history: [], modules: [], nugetProvider: false };
}

/** The first line a console shows: where it is connected. */
export function openSession(world: World, id: string, server: string, width = 120): PsSession {
  const node = Object.values(world.nodes).find((n) => n.name.toLowerCase() === server.toLowerCase());
  if (!node)
    throw new SimError('not-found', 'ServerNotFound', `The server '${server}' was not found.`, {
      target: 'server',
    });
  if (node.power !== 'Up')
    throw new SimError(
      'unavailable',
      'ServerUnreachable',
      `Connecting to remote server ${node.fqdn} failed: the server is not responding. Start it, then open the console again.`,
    );
  return newSession(id, node.name, clampWidth(width));
}

function clampWidth(width: number): number {
  return Number.isFinite(width) ? Math.max(40, Math.min(400, Math.floor(width))) : 120;
}

// ───────────── Engine ─────────────

class Engine {
  readonly out: OutputRecord[] = [];
  progress: Progress | null = null;
  readonly vars: Map<string, PsValue>;

  constructor(
    readonly draft: World,
    readonly now: Millis,
    readonly session: PsSession,
  ) {
    this.vars = new Map(session.variables);
    this.server = session.server;
  }

  line(text: string, stream: 'output' | 'error' | 'warning' | 'verbose' = 'output') {
    this.out.push({ kind: 'line', stream, text });
  }

  lines(texts: readonly string[], stream: 'output' | 'error' = 'output') {
    for (const text of texts) this.line(text, stream);
  }

  /** the server commands run on: the session's, or an Invoke-Command target while its block runs */
  server: string;

  get node() {
    return own(this.draft.nodes, this.server);
  }

  evaluate: Evaluate = (word: Word): BoundValue => {
    switch (word.kind) {
      case 'literal':
        return word.text;
      case 'expandable':
        return word.parts
          .map((p) => ('text' in p ? p.text : formatValue(this.variable(p.variable))))
          .join('');
      case 'variable':
        return this.variable(word.name);
      case 'list':
        return { kind: 'array', items: word.items.map((w) => this.evaluate(w) as PsValue) };
      case 'scriptblock':
        return { kind: 'scriptblock', text: word.text };
    }
  };

  variable(name: string): PsValue {
    const lower = name.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (lower === 'home') return HOME;
    if (lower === 'pwd') return this.session.cwd;
    if (lower.startsWith('env:')) {
      const envName = lower.slice(4);
      if (envName === 'computername') return this.node?.name.toUpperCase() ?? '';
      if (envName === 'programfiles') return 'C:\\Program Files';
      if (envName === 'username') return 'hciadmin';
      return null;
    }
    for (const [k, v] of this.vars) if (k.toLowerCase() === lower) return v;
    return null;
  }

  setVariable(name: string, value: PsValue) {
    for (const k of [...this.vars.keys()]) if (k.toLowerCase() === name.toLowerCase()) this.vars.delete(k);
    this.vars.set(name, value);
  }

  commandNotFound(command: Command, line: string) {
    this.lines(
      formatError(
        {
          command: command.name,
          message: `The term '${command.name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
          category: 'ObjectNotFound',
          target: `${command.name}:String`,
          activity: '',
          exception: 'CommandNotFoundException',
          errorId: 'CommandNotFoundException',
        },
        { line, start: command.start, end: command.end },
      ).flatMap((l) => l.split('\n')),
      'error',
    );
  }

  /** What a command name means on this server, given the modules installed so far. */
  lookup(typed: string): CmdletDef | undefined {
    // a path the call operator names may start with an environment variable ("$env:ProgramFiles\…")
    const name = typed.replace(/\$env:(\w+)/gi, (_m, v: string) => formatValue(this.variable(`env:${v}`)));
    const def = findCommand(name, this.session.cwd);
    if (!def) return undefined;
    const node = this.node;
    const onCluster = node !== undefined && node.cluster !== '';
    if (def.module === 'Az.StackHCI' && !this.session.modules.includes('Az.StackHCI')) return undefined;
    if ((def.module === 'AzureStackHCI' || def.module === 'Hyper-V') && !onCluster) return undefined;
    if (def.name === 'azcmagent' && node?.arc.installed !== true) return undefined;
    return def;
  }

  runStatements(statements: Statement[], line: string): void {
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i] as Statement;
      const rest = statements.slice(i + 1);
      if (statement.kind === 'expression') {
        const value = this.evaluate(statement.value);
        if (value !== null) this.lines(valueLines(value as PsValue, this.session.width));
        continue;
      }
      if (statement.kind === 'assignment' && !Array.isArray(statement.value)) {
        this.setVariable(statement.variable, this.evaluate(statement.value) as PsValue);
        continue;
      }
      const commands = statement.kind === 'assignment' ? (statement.value as Command[]) : statement.commands;
      const assignTo = statement.kind === 'assignment' ? statement.variable : undefined;
      const waiting = this.runPipeline(commands, line, rest, assignTo);
      if (waiting) return;
    }
  }

  /** Runs one pipeline; true when it now waits (the rest of the line runs when it resumes). */
  runPipeline(commands: Command[], line: string, rest: Statement[], assignTo: string | undefined): boolean {
    const [first, ...downstream] = commands;
    if (!first) return false;
    if (first.name.toLowerCase() === 'invoke-command' || first.name.toLowerCase() === 'icm')
      return this.invokeCommand(first, line, rest);
    for (const command of commands) {
      if (!this.lookup(command.name)) {
        this.commandNotFound(command, line);
        return false;
      }
    }
    const def = this.lookup(first.name) as CmdletDef;
    // native programs get their arguments as typed; only cmdlets bind parameters
    const bound =
      def.module === 'native'
        ? ({ ok: true, bound: new Map(), missing: [] } as const)
        : bind(def, first, line, this.evaluate);
    if (!bound.ok) {
      this.lines(bound.lines, 'error');
      return false;
    }
    const resume: Resume = {
      def: def.name,
      command: first,
      bound: [...bound.bound],
      args: def.module === 'native' ? nativeArgs(first, this.evaluate) : [],
      stage: 'start',
      data: {},
      downstream,
      rest,
      line,
      ...(assignTo !== undefined ? { assignTo } : {}),
      ...(this.server !== this.session.server ? { server: this.server } : {}),
    };
    if (bound.missing.length > 0) {
      this.lines([
        `cmdlet ${def.name} at command pipeline position 1`,
        'Supply values for the following parameters:',
      ]);
      this.session.pending = { kind: 'mandatory', missing: bound.missing.map((p) => p.name), resume };
      return true;
    }
    return this.invoke(def, resume, {});
  }

  context(def: CmdletDef, resume: Resume, extra: Partial<CmdletContext>): CmdletContext | undefined {
    const node = own(this.draft.nodes, resume.server ?? this.session.server);
    if (!node) return undefined;
    const session = this.session;
    return {
      draft: this.draft,
      now: this.now,
      node,
      cluster: node.cluster === '' ? undefined : own(this.draft.clusters, node.cluster),
      width: session.width,
      cwd: session.cwd,
      bound: new Map(resume.bound),
      args: resume.args,
      invocation: {
        name: def.name,
        at: { line: resume.line, start: resume.command.start, end: resume.command.end },
      },
      stage: resume.stage,
      data: resume.data,
      out: this.out,
      modules: session.modules,
      nugetProvider: session.nugetProvider,
      installModule(name: string) {
        if (name === 'NuGet') session.nugetProvider = true;
        else if (!session.modules.includes(name)) session.modules.push(name);
      },
      setCwd(path: string) {
        session.cwd = path;
      },
      ...extra,
    };
  }

  /**
   * `Invoke-Command -ComputerName node -ScriptBlock { … }`, the form the portal's "Show PowerShell" gives for
   * on-box cmdlets: the block's statements run on that server (the rest of the line after it, here).
   */
  invokeCommand(command: Command, line: string, rest: Statement[]): boolean {
    const def = INVOKE_COMMAND;
    const bound = bind(def, command, line, this.evaluate);
    if (!bound.ok) {
      this.lines(bound.lines, 'error');
      return false;
    }
    const computers = bound.bound.get('ComputerName');
    const computer =
      typeof computers === 'object' && computers !== null && computers.kind === 'array'
        ? formatValue(computers.items[0] ?? null)
        : this.server;
    const block = bound.bound.get('ScriptBlock');
    const text =
      typeof block === 'object' && block !== null && block.kind === 'scriptblock' ? block.text : '';
    const node = Object.values(this.draft.nodes).find(
      (n) =>
        n.name.toLowerCase() === computer.toLowerCase() || n.fqdn.toLowerCase() === computer.toLowerCase(),
    );
    if (node?.power !== 'Up') {
      // WinRM's words when a remote computer does not answer
      this.lines(
        [
          `[${computer}] Connecting to remote server ${computer} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.`,
          `    + CategoryInfo          : OpenError: (${computer}:String) [], PSRemotingTransportException`,
          '    + FullyQualifiedErrorId : WinRMOperationTimeout,PSSessionStateBroken',
          ' ',
        ],
        'error',
      );
      return false;
    }
    let statements: Statement[];
    try {
      statements = parseLine(text);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      this.line(error.message, 'error');
      return false;
    }
    const previous = this.server;
    this.server = node.name;
    // the block's statements carry the rest of the line, so a wait inside resumes them in order
    const waiting = this.runBlock(statements, text, rest, line);
    this.server = previous;
    return waiting;
  }

  runBlock(statements: Statement[], text: string, rest: Statement[], line: string): boolean {
    this.runStatements(statements, text);
    if (this.waiting()) return true;
    if (rest.length === 0) return false;
    this.server = this.session.server;
    this.runStatements(rest, line);
    return this.waiting();
  }

  /** Calls the cmdlet at its stage and handles what it answers; true when it waits. */
  invoke(def: CmdletDef, asked: Resume, given: Partial<CmdletContext>): boolean {
    let resume = asked;
    let extra = given;
    const node = own(this.draft.nodes, resume.server ?? this.session.server);
    // Az.StackHCI asks about 22H2's end of support before anything else; -Confirm:$false and -WhatIf turn
    // ShouldProcess's question off, as they do for any ShouldProcess prompt.
    if (def.module === 'Az.StackHCI' && resume.stage === 'start' && node && runsOutOfSupportOs(node)) {
      const bound = new Map(resume.bound);
      const asksAtAll = bound.get('Confirm') !== false && bound.get('WhatIf') !== true;
      if (asksAtAll && resume.data.endOfSupport === undefined) {
        this.lines(formatChoice(END_OF_SUPPORT_PROMPT).lines);
        this.session.pending = {
          kind: 'choice',
          prompt: END_OF_SUPPORT_PROMPT,
          resume: { ...resume, data: { ...resume.data, endOfSupport: 'asked' } },
        };
        return true;
      }
      if (resume.data.endOfSupport === 'asked') {
        if (extra.answer !== 'Y' && extra.answer !== 'A') {
          // a thrown error ends the whole line, not only this pipeline
          this.lines(
            abortedLines({ line: resume.line, start: resume.command.start, end: resume.command.end }),
            'error',
          );
          delete this.session.pending;
          return false;
        }
        resume = { ...resume, data: { ...resume.data, endOfSupport: 'accepted' } };
        const { answer: _answered, ...rest } = extra;
        extra = rest;
      }
    }
    const ctx = this.context(def, resume, extra);
    if (!ctx || !def.run) return false;
    let result: CmdletResult;
    try {
      result = def.run(ctx);
    } catch (error) {
      if (!(error instanceof SimError)) throw error;
      // a refusal of the world's rules, reported the way the module reports its failures
      this.lines(
        formatError(
          {
            command: def.name,
            message: error.message,
            category: 'NotSpecified',
            target: ':',
            activity: 'Write-Error',
            exception: 'WriteErrorException',
            errorId: `Microsoft.PowerShell.Commands.WriteErrorException,${def.name}`,
          },
          ctx.invocation.at,
        ),
        'error',
      );
      result = { kind: 'done' };
    }
    const next = (stage: string, data?: Record<string, unknown>): Resume => ({
      ...resume,
      stage,
      data: data ?? resume.data,
    });
    switch (result.kind) {
      case 'clear':
        this.out.length = 0;
        this.out.push({ kind: 'clear' });
        return this.continueWith(resume);
      case 'done':
        this.emit(result.objects ?? [], result.text, resume);
        return this.continueWith(resume);
      case 'choice': {
        const shown = formatChoice(result.prompt);
        this.lines(shown.lines);
        this.session.pending = {
          kind: 'choice',
          prompt: result.prompt,
          resume: next(result.stage, result.data),
        };
        return true;
      }
      case 'signin': {
        const client = result.client ?? 'az-powershell';
        const code = issueConsoleCode(this.draft, result.cloud, this.now, SIGN_IN_APPS[client]);
        const sentence = `To sign in, use a web browser to open the page ${DEVICE_LOGIN_URL} and enter the code ${code} to authenticate.`;
        this.line(client === 'az-powershell' ? `[Login to Azure] ${sentence}` : sentence);
        this.session.pending = {
          kind: 'signin',
          code,
          cloud: result.cloud,
          ...(result.tenantId !== undefined ? { tenantId: result.tenantId } : {}),
          resume: next(result.stage, result.data),
        };
        return true;
      }
      case 'job':
        this.session.pending = {
          kind: 'job',
          jobIds: result.jobIds,
          ...(result.activity !== undefined ? { activity: result.activity } : {}),
          resume: next(result.stage, result.data),
        };
        this.reportProgress();
        return true;
    }
  }

  waiting(): boolean {
    return this.session.pending !== undefined;
  }

  /** After a cmdlet finished: the statements that followed it on the line. */
  continueWith(resume: Resume): boolean {
    delete this.session.pending;
    if (resume.rest.length === 0) return false;
    this.runStatements(resume.rest, resume.line);
    return this.waiting();
  }

  emit(objects: PsObject[], text: string[] | undefined, resume: Resume) {
    let current = objects;
    let lines: string[] | undefined = text;
    for (const command of resume.downstream) {
      const def = this.lookup(command.name);
      if (!def?.filter) {
        this.lines(
          formatError(
            {
              command: command.name,
              message:
                'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
              category: 'InvalidArgument',
              target: ':',
              activity: command.name,
              exception: 'ParameterBindingException',
              errorId: `InputObjectNotBound,${def?.errorSource ?? command.name}`,
            },
            { line: resume.line, start: command.start, end: command.end },
          ),
          'error',
        );
        return;
      }
      const bound = bind(def, command, resume.line, this.evaluate);
      if (!bound.ok) {
        this.lines(bound.lines, 'error');
        return;
      }
      const ctx = this.context(def, { ...resume, command, bound: [...bound.bound], args: [] }, {});
      if (!ctx) return;
      if (lines !== undefined)
        current = lines.map((l) => ({ kind: 'object', typeName: 'System.String', props: [['Value', l]] }));
      const result = def.filter(current, ctx);
      lines = result.lines;
      current = result.objects ?? [];
      if (lines !== undefined) break;
    }
    if (resume.assignTo !== undefined) {
      const value: PsValue =
        lines !== undefined
          ? lines.join('\n')
          : current.length === 1
            ? (current[0] as PsObject)
            : { kind: 'array', items: current };
      this.setVariable(resume.assignTo, value);
      return;
    }
    if (lines !== undefined) {
      this.lines(lines);
      return;
    }
    const plainStrings = current.filter((o) => o.typeName === 'System.String');
    if (plainStrings.length === current.length && current.length > 0) {
      this.lines(plainStrings.map((o) => formatValue(o.props[0]?.[1])));
      return;
    }
    if (current.length > 0) this.lines(formatObjects(current, this.session.width));
  }

  reportProgress() {
    const pending = this.session.pending;
    if (pending?.kind !== 'job') return;
    for (const id of pending.jobIds) {
      const job = own(this.draft.jobs, id);
      if (job?.status !== 'InProgress') continue;
      const p = jobProgress(job, this.now);
      // the job repeats the checks the cmdlet made before it signed in; the bar never moves back
      const login = pending.resume.data.loginProgress as Progress | undefined;
      this.progress =
        login && p.percent < login.percent
          ? login
          : { activity: pending.activity ?? job.title, status: p.currentStep ?? '', percent: p.percent };
      return;
    }
  }

  /** Moves a waiting cmdlet on when what it waits for has happened. */
  poll(): void {
    const pending = this.session.pending;
    if (!pending) return;
    if (pending.kind === 'signin') {
      const codes = this.draft.consoleDeviceCodes ?? [];
      const entry = codes.find((c) => c.code === pending.code);
      const def = this.lookup(pending.resume.def);
      if (!def) return;
      if (entry?.redeemedBy !== undefined) {
        const user = own(this.draft.cloud.users, entry.redeemedBy);
        this.draft.consoleDeviceCodes = codes.filter((c) => c.code !== pending.code);
        const tenantId =
          pending.tenantId ??
          user?.tenantIds.find((t) => own(this.draft.cloud.tenants, t)?.cloud === pending.cloud) ??
          '';
        const account: AzContext = { upn: entry.redeemedBy, tenantId, cloud: pending.cloud };
        delete this.session.pending;
        const mfa = tenantSignInError(this.draft, entry.redeemedBy, pending.cloud, pending.tenantId);
        if (mfa !== undefined) {
          // the cmdlet stops at its sign-in, as writeError reports it from the cmdlet itself
          this.lines(
            formatError(
              {
                command: pending.resume.def,
                message: mfa,
                category: 'NotSpecified',
                target: ':',
                activity: 'Write-Error',
                exception: 'WriteErrorException',
                errorId: `Microsoft.PowerShell.Commands.WriteErrorException,${pending.resume.def}`,
              },
              {
                line: pending.resume.line,
                start: pending.resume.command.start,
                end: pending.resume.command.end,
              },
            ),
            'error',
          );
          return;
        }
        this.invoke(def, pending.resume, { account });
        return;
      }
      if (!entry || this.now >= entry.expiresAt) {
        this.draft.consoleDeviceCodes = codes.filter((c) => c.code !== pending.code);
        delete this.session.pending;
        // No reference file gives the console's words for a code nobody used in time.
        this.lines(
          formatError(
            {
              command: 'Connect-AzAccount',
              message: `The device code ${pending.code} expired before anyone signed in with it. Run ${pending.resume.def} again to get a new code.`,
              category: 'CloseError',
              target: ':',
              activity: 'Connect-AzAccount',
              exception: 'AuthenticationFailedException',
              errorId: 'Microsoft.Azure.Commands.Profile.ConnectAzureRmAccountCommand',
            },
            {
              line: pending.resume.line,
              start: pending.resume.command.start,
              end: pending.resume.command.end,
            },
          ),
          'error',
        );
      }
      return;
    }
    if (pending.kind === 'job') {
      const jobs = pending.jobIds.map((id) => own(this.draft.jobs, id));
      if (jobs.some((j) => j?.status === 'InProgress')) {
        this.reportProgress();
        return;
      }
      const def = this.lookup(pending.resume.def);
      delete this.session.pending;
      if (def) this.invoke(def, pending.resume, { jobs: jobs.filter((j) => j !== undefined) });
    }
  }

  answer(text: string): void {
    const pending = this.session.pending;
    if (!pending) return;
    if (pending.kind === 'mandatory') {
      const [name, ...others] = pending.missing;
      if (name === undefined) return;
      const def = this.lookup(pending.resume.def);
      if (!def) return;
      if (text.trim() === '') {
        delete this.session.pending;
        this.lines(
          formatError(
            {
              command: def.name,
              message: `Cannot bind argument to parameter '${name}' because it is an empty string.`,
              category: 'InvalidData',
              target: ':',
              activity: def.name,
              exception: 'ParameterBindingValidationException',
              errorId: `ParameterArgumentValidationErrorEmptyStringNotAllowed,${def.errorSource}`,
            },
            {
              line: pending.resume.line,
              start: pending.resume.command.start,
              end: pending.resume.command.end,
            },
          ),
          'error',
        );
        return;
      }
      const param = resolveParam(def, name)[0];
      const value: BoundValue = param?.type === 'strings' ? { kind: 'array', items: [text] } : text;
      const resume = {
        ...pending.resume,
        bound: [...pending.resume.bound, [name, value] as [string, BoundValue]],
      };
      if (others.length > 0) {
        this.session.pending = { kind: 'mandatory', missing: others, resume };
        return;
      }
      delete this.session.pending;
      this.invoke(def, resume, {});
      return;
    }
    if (pending.kind !== 'choice') return;
    const typed = text.trim().toUpperCase();
    const key = typed === '' ? pending.prompt.defaultKey : typed;
    if (key === '?') {
      this.lines(pending.prompt.choices.map((c) => `${c.key} - ${c.help ?? c.label}`));
      return;
    }
    if (!pending.prompt.choices.some((c) => c.key === key) || key === 'S') return;
    const def = this.lookup(pending.resume.def);
    delete this.session.pending;
    if (def) this.invoke(def, pending.resume, { answer: key });
  }
}

const INVOKE_COMMAND: CmdletDef = {
  name: 'Invoke-Command',
  aliases: ['icm'],
  module: 'core',
  errorSource: 'Microsoft.PowerShell.Commands.InvokeCommandCommand',
  params: [
    { name: 'ComputerName', type: 'strings', position: 0, aliases: ['Cn'] },
    { name: 'ScriptBlock', type: 'scriptblock', position: 1 },
    { name: 'Credential', type: 'credential' },
  ],
};

function nativeArgs(command: Command, evaluate: Evaluate): string[] {
  return command.elements.flatMap((el) => {
    if (el.kind === 'parameter')
      return el.value
        ? [`${el.raw.split(':')[0] ?? ''}:${formatValue(evaluate(el.value) as PsValue)}`]
        : [el.raw];
    const v = evaluate(el.value);
    if (typeof v === 'object' && v !== null && v.kind === 'array') return v.items.map((i) => formatValue(i));
    return [typeof v === 'object' && v !== null && v.kind === 'scriptblock' ? v.text : formatValue(v)];
  });
}

/** A device code for this console, kept in the world so the sign-in page (maybe another tab) can find it. */
function issueConsoleCode(draft: World, cloud: CloudName, now: Millis, appName: string): string {
  let n = guidFrom('console-device-code', nextSeq(draft)).replace(/-/g, '');
  let code = '';
  for (let i = 0; i < 9; i++) {
    code += CODE_ALPHABET[parseInt(n.slice(0, 2), 16) % CODE_ALPHABET.length] ?? 'A';
    n = n.slice(2) || n;
  }
  const live = (draft.consoleDeviceCodes ?? []).filter((c) => c.expiresAt > now);
  live.push({ code, cloud, issuedAt: now, expiresAt: now + CONSOLE_CODE_LIFETIME, appName });
  draft.consoleDeviceCodes = live.slice(-20);
  return code;
}

function result(engine: Engine): StepResult {
  const session: PsSession = { ...engine.session, variables: [...engine.vars] };
  const pending = session.pending;
  let prompt = `PS ${session.cwd}> `;
  if (pending?.kind === 'choice') prompt = formatChoice(pending.prompt).prompt;
  if (pending?.kind === 'mandatory') prompt = `${pending.missing[0] ?? ''}: `;
  return {
    session,
    output: engine.out,
    prompt,
    busy: pending?.kind === 'job' || pending?.kind === 'signin',
    progress:
      pending?.kind === 'job' ? engine.progress : pending?.kind === 'signin' ? signInProgress(pending) : null,
    signIn: pending?.kind === 'signin' ? { url: DEVICE_LOGIN_URL, code: pending.code } : null,
  };
}

/** While the cmdlet waits for the sign-in, its progress bar stands at its login step. */
function signInProgress(pending: Extract<Pending, { kind: 'signin' }>): Progress | null {
  const login = pending.resume.data.loginProgress as Progress | undefined;
  return login ?? null;
}

function copy(session: PsSession): PsSession {
  return { ...session, history: [...session.history], modules: [...session.modules] };
}

/** A line typed at the prompt, or the answer to the question the session is asking. */
export function submitLine(session: PsSession, line: string) {
  return (draft: World, now: Millis): StepResult => {
    const engine = new Engine(draft, now, copy(session));
    const pending = engine.session.pending;
    if (pending?.kind === 'choice' || pending?.kind === 'mandatory') {
      engine.answer(line);
      engine.poll();
      return result(engine);
    }
    if (pending) return result(engine);
    if (line.trim() !== '') {
      engine.session.history = [...engine.session.history, line].slice(-HISTORY_LIMIT);
    }
    const node = engine.node;
    if (node?.power !== 'Up') {
      engine.lines(
        [
          `The I/O operation has been aborted because of either a thread exit or an application request.`,
          `    + CategoryInfo          : OpenError: (${node?.fqdn ?? session.server}:String) [], PSRemotingTransportException`,
          '    + FullyQualifiedErrorId : JobFailure',
          ' ',
        ],
        'error',
      );
      return result(engine);
    }
    let statements: Statement[];
    try {
      statements = parseLine(line);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      engine.lines(
        formatError(
          {
            command: '',
            message: error.message,
            category: 'ParserError',
            target: ':',
            activity: '',
            exception: 'ParentContainsErrorRecordException',
            errorId: error.errorId,
          },
          { line, start: error.offset, end: error.offset + 1 },
        ),
        'error',
      );
      return result(engine);
    }
    engine.runStatements(statements, line);
    engine.poll();
    return result(engine);
  };
}

/** The console asks again: moves a waiting cmdlet on (sign-in redeemed, jobs progressed or ended). */
export function pollSession(session: PsSession) {
  return (draft: World, now: Millis): StepResult => {
    const engine = new Engine(draft, now, copy(session));
    engine.poll();
    return result(engine);
  };
}

/** Ctrl+C: the cmdlet stops waiting. A job it started keeps running in the world, as a remote job does. */
export function interruptSession(session: PsSession) {
  return (draft: World, now: Millis): StepResult => {
    const engine = new Engine(draft, now, copy(session));
    const pending = engine.session.pending;
    if (pending?.kind === 'signin')
      draft.consoleDeviceCodes = (draft.consoleDeviceCodes ?? []).filter((c) => c.code !== pending.code);
    delete engine.session.pending;
    return result(engine);
  };
}

export function resizeSession(session: PsSession, width: number): PsSession {
  return { ...session, width: clampWidth(width) };
}

/** Where the session stands, without changing anything. */
export function describeSession(session: PsSession) {
  return (draft: World, now: Millis): StepResult => result(new Engine(draft, now, copy(session)));
}

// ───────────── Tab completion ─────────────

export interface Completion {
  /** the part of the line the match replaces */
  start: number;
  end: number;
  matches: string[];
}

/** Cmdlet names at a command's position, parameter names after `-`, as PowerShell's tab expansion offers. */
export function completeLine(world: World, session: PsSession, line: string, cursor: number): Completion {
  const upTo = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const wordStart = Math.max(upTo.lastIndexOf(' '), upTo.lastIndexOf('|'), upTo.lastIndexOf(';')) + 1;
  const word = upTo.slice(wordStart);
  const engine = new Engine(world, 0, copy(session));
  const segment = upTo.slice(Math.max(upTo.lastIndexOf('|'), upTo.lastIndexOf(';')) + 1);
  const commandName = segment.trimStart().split(/\s+/)[0] ?? '';
  const atCommand = segment.trimStart() === word;
  if (word.startsWith('-') && !atCommand) {
    const def = engine.lookup(commandName);
    if (!def) return { start: wordStart, end: cursor, matches: [] };
    const prefix = word.slice(1).toLowerCase();
    const names = [
      ...def.params.map((p) => p.name),
      ...(def.module === 'native' ? [] : ['Verbose', 'ErrorAction', 'WarningAction']),
    ];
    if (def.shouldProcess) names.push('WhatIf', 'Confirm');
    return {
      start: wordStart,
      end: cursor,
      matches: names.filter((n) => n.toLowerCase().startsWith(prefix)).map((n) => `-${n}`),
    };
  }
  if (!atCommand || word === '') return { start: wordStart, end: cursor, matches: [] };
  const lower = word.toLowerCase();
  const matches = COMMANDS.filter(
    (c) =>
      c.module !== 'native' && c.name.toLowerCase().startsWith(lower) && engine.lookup(c.name) !== undefined,
  )
    .map((c) => c.name)
    .sort((a, b) => a.localeCompare(b));
  return { start: wordStart, end: cursor, matches };
}

export type { PsValue };
export { isPsObject };
