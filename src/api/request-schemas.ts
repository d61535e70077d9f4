/**
 * One schema per request body of the gateway API (`/api`), written with zod/mini (tree-shakable: a form
 * that imports one schema pulls in only the checks it uses). The handlers parse every body with these
 * and answer 400 naming the field path; the forms can use the same schemas, or the rules they are built
 * from (rules.ts). Unknown properties are ignored, as in ARM.
 */
import * as z from 'zod/mini';
import {
  azcmagentTagProblems,
  errorTextProblem,
  hostNameProblem,
  isGuid,
  proxyUrlProblem,
  resourceGroupNameProblem,
  resourceNameProblem,
  subscriptionIdProblem,
  tagRuleBroken,
  tagRuleMessage,
  upnProblem,
  vmCpuCountProblem,
  vmMemoryProblem,
  vmNameProblem,
  vmOsProblem,
} from './rules';
import { checkDuration } from './durations';
import { stringRecordSchema } from './string-record';

/** A check from rules.ts as a zod refinement with the rule's own message. */
const rule = (problem: (value: string) => string | undefined) =>
  z.superRefine((value: string, ctx) => {
    const message = problem(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: value });
  });

/** A string of at most `max` characters (names, ids, free text with a bound). */
const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));
const name = text(260);

export const cloudNameSchema = z.enum(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment'], {
  // the pane's step is "Select an Azure cloud." (ui.md §2b); the values are the names a client sends
  error: "Select an Azure cloud: 'AzureCloud', 'AzureChinaCloud' or 'AzureUSGovernment'.",
});
export const subscriptionIdSchema = z.string().check(rule(subscriptionIdProblem));
export const resourceGroupNameSchema = z.string().check(rule(resourceGroupNameProblem));
export const hostNameSchema = z.string().check(rule(hostNameProblem));
export const upnSchema = z.string().check(rule(upnProblem));
export const guidSchema = z.string().check(z.refine(isGuid, 'must be a GUID'));
/** Tags as ARM keeps them: a null-prototype record (string-record.ts), so `__proto__` is an ordinary name. */
export const tagsSchema = stringRecordSchema.check(
  z.superRefine((tags, ctx) => {
    const broken = tagRuleBroken(tags);
    if (broken) ctx.addIssue({ code: 'custom', message: tagRuleMessage(broken), input: tags });
  }),
);
const names = z.array(name).check(z.maxLength(10_000, 'has too many entries'));

// ───────────── connections and gateway registration ─────────────

/** A connection's tags (Edit Tags): no source gives WAC's bounds; these keep the list readable. */
const connectionTags = z
  .array(z.string().check(z.maxLength(64, 'A tag can be at most 64 characters long.')))
  .check(z.maxLength(20, 'A connection can have at most 20 tags.'));

export const addConnectionSchema = z.object({
  name: hostNameSchema,
  type: z.enum(['server', 'cluster']),
  tags: z.optional(connectionTags),
});

export const updateConnectionSchema = z.object({
  tags: z.optional(connectionTags),
  managingAs: z.optional(
    text(256).check(
      rule((v) => (v.trim() === '' ? 'Enter the account to manage the connection as.' : undefined)),
    ),
  ),
  /** With managingAs; kept with the connection, never returned. */
  password: z.optional(text(256)),
  /** Manage as's "Use these credentials for all connections". */
  allConnections: z.optional(z.boolean()),
});

export const deviceCodeSchema = z.object({ cloud: cloudNameSchema });
export const deviceLoginSchema = z.object({ code: text(64), upn: text(256) });
export const connectGatewaySchema = z.object({
  tenantId: z.optional(text(64)),
  application: z.discriminatedUnion(
    'mode',
    [z.object({ mode: z.literal('create') }), z.object({ mode: z.literal('existing'), appId: text(64) })],
    // the pane's two choices (ui.md §2b step 4), by the names a client sends
    {
      error:
        "Choose Create new ('create') or Use existing ('existing') for the Azure Active Directory application.",
    },
  ),
});
export const signInSchema = z.object({ upn: z.optional(z.union([z.literal(''), upnSchema])) });
export const grantConsentSchema = z.object({ upn: z.optional(text(256)) });

// ───────────── cluster registration ─────────────

export const registerClusterSchema = z.object({
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  region: text(64),
  enableArc: z.boolean(),
  createResourceGroup: z.optional(z.boolean()),
  arcResourceGroup: z.optional(z.union([z.literal(''), resourceGroupNameSchema])),
  resourceName: z.optional(z.string().check(rule(resourceNameProblem))),
});
export const unregisterClusterSchema = z.object({
  subscriptionId: z.optional(z.union([z.literal(''), subscriptionIdSchema])),
  cloud: z.optional(z.union([z.literal(''), cloudNameSchema])),
});

// ───────────── Arc ─────────────

export const enableArcSchema = z.object({ nodes: z.optional(names) });
export const disconnectAgentSchema = z.object({ forceLocalOnly: z.optional(z.boolean()) });
export const runOnboardingSchema = z.object({
  serverName: text(15),
  subscriptionId: subscriptionIdSchema,
  resourceGroup: resourceGroupNameSchema,
  region: text(64),
  osType: z.enum(['windows', 'linux']),
  tags: z.optional(
    tagsSchema.check(
      z.superRefine((tags, ctx) => {
        for (const [name, value] of Object.entries(tags)) {
          const problems = azcmagentTagProblems(name, value);
          const message = problems.name ?? problems.value;
          if (message !== undefined) {
            ctx.addIssue({ code: 'custom', message, input: tags });
            return;
          }
        }
      }),
    ),
  ),
  proxyUrl: z.optional(z.union([z.literal(''), z.string().check(rule(proxyUrlProblem))])),
});

// ───────────── Benefits ─────────────

export const enableBenefitsSchema = z.object({ addVms: z.boolean(), servers: z.optional(names) });
export const disableBenefitsSchema = z.object({ removeVms: z.boolean() });
export const vmBenefitsSchema = z.object({ vmIds: names });

// ───────────── diagnostics ─────────────

export const hcisvcSchema = z.object({ action: z.enum(['start', 'stop']) });
export const troubleshootSchema = z.object({ text: z.string().check(rule(errorTextProblem)) });
export const remedySchema = z.object({
  action: z.looseObject({ kind: text(64), node: z.optional(name), fault: z.optional(text(64)) }),
});

// ───────────── virtual machines ─────────────

/** Add virtual machine: Hyper-V's value rules (rules.ts); the host's capacity and unique names are the world's. */
export const createVmSchema = z
  .object({
    name: text(100).check(rule(vmNameProblem)),
    hostServer: name.check(
      rule((v) => (v === '' ? 'Select the server to create the virtual machine on.' : undefined)),
    ),
    generation: z.union([z.literal(1), z.literal(2)], { error: 'Generation must be 1 or 2.' }),
    // no source words these; the pane's fields are text, so a text that is no number lands here too
    cpuCount: z.number({ error: 'Enter the number of virtual processors as a whole number.' }),
    memoryMiB: z.number({ error: 'Enter the startup memory as a number.' }),
    os: text(100).check(rule(vmOsProblem)),
  })
  .check(
    z.superRefine((vm, ctx) => {
      const cpu = vmCpuCountProblem(vm.cpuCount, vm.generation);
      if (cpu !== undefined)
        ctx.addIssue({ code: 'custom', message: cpu, input: vm.cpuCount, path: ['cpuCount'] });
      const memory = vmMemoryProblem(vm.memoryMiB, vm.generation);
      if (memory !== undefined)
        ctx.addIssue({ code: 'custom', message: memory, input: vm.memoryMiB, path: ['memoryMiB'] });
    }),
  );
export const checkpointNameSchema = z.object({ name: text(100) });
export const wapConnectorSchema = z.object({
  reachable: z.optional(z.boolean()),
  latencyMs: z.optional(
    z
      .number()
      .check(
        z.int('must be a whole number'),
        z.minimum(0, 'must be at least 0'),
        z.maximum(30_000, 'must be at most 30000'),
      ),
  ),
});

// ───────────── PowerShell console ─────────────

/** The longest line the console takes (its input field's bound; no source gives the host's own). */
export const POWERSHELL_LINE_MAX = 4_000;
const consoleLine = z
  .string()
  .check(z.maxLength(POWERSHELL_LINE_MAX, `A line can hold at most ${POWERSHELL_LINE_MAX} characters.`));
/** The console's width in characters; the session keeps it within what its host can draw. */
const consoleColumns = z.number();

export const openPowerShellSchema = z.object({
  server: z.string({ error: 'Choose the server to open PowerShell on.' }).check(
    z.maxLength(260, 'must be at most 260 characters'),
    rule((v) => (v.trim() === '' ? 'Choose the server to open PowerShell on.' : undefined)),
  ),
  columns: z.optional(consoleColumns),
});
/** One of: a line, Ctrl+C (`interrupt`), a resize (`columns`); none asks where the session stands. */
export const powerShellInputSchema = z.object({
  line: z.optional(consoleLine),
  interrupt: z.optional(z.boolean()),
  columns: z.optional(consoleColumns),
});
export const powerShellCompleteSchema = z.object({
  line: consoleLine,
  cursor: z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be at least 0')),
});

// ───────────── simulation lab ─────────────

export const resetSchema = z.object({ scenario: z.optional(text(64)) });
/** The clock's step: the one duration grammar and bound (durations.ts), as the lab's field and the API read it. */
export const advanceSchema = z.object({
  duration: z
    .union([z.number(), text(64)], "must be milliseconds or a string like '90m', '12h', '31d'")
    .check(
      z.superRefine((duration, ctx) => {
        if (typeof duration === 'string' && duration.trim() === '') {
          ctx.addIssue({
            code: 'custom',
            message: 'Enter a duration, like 90m, 12h, 3d or 1d12h.',
            input: duration,
          });
          return;
        }
        const check = checkDuration(duration);
        if (!check.ok) ctx.addIssue({ code: 'custom', message: check.problem, input: duration });
      }),
    ),
});
export const faultSchema = z.object({
  fault: text(64),
  target: z.optional(z.nullable(name)),
});
// the cluster may be missing on the wire: the simulation asks for it in its own words
export const reproduceSchema = z.object({ cluster: z.optional(z.nullable(name)) });
