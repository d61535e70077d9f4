/**
 * What a request schema's problems say, in one place for both sides: the handlers answer the first one as
 * a 400 naming the field path (mocks/handlers/http.ts), and the forms show each field's sentence next to
 * that field before anything is sent. So a form and the API never word the same rule differently.
 */
import type * as z from 'zod/mini';

interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  errors?: readonly (readonly SchemaIssue[])[];
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object of names and values',
};

/** What zod/mini says when a schema gives no message of its own. */
const ZOD_DEFAULT_MESSAGE = 'Invalid input';

/** At most ~100 characters of a value sent, for quoting it back. */
function shown(value: unknown): string {
  const text =
    typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? String(value));
  return text.length <= 100 ? text : `${text.slice(0, 100)}… (${text.length} characters)`;
}

/** The field path of an issue, as the API's `target` names it ('' for the body itself). */
export const issueField = (issue: { path: readonly PropertyKey[] }): string =>
  issue.path.map(String).join('.');

/**
 * One issue as a sentence naming the field. A rule's own message, and a sentence a schema gives as its
 * `error` (capitalised, unlike the fragments such as "must be at most 64 characters"), are kept as written.
 */
export function issueMessage(issue: SchemaIssue): string {
  const field = issueField(issue);
  const label = field === '' ? 'The body' : `'${field}'`;
  if (issue.code !== 'custom' && issue.message !== ZOD_DEFAULT_MESSAGE && /^[A-Z]/.test(issue.message))
    return issue.message;
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'invalid_type': {
      if (issue.input === undefined) return `${label} is required.`;
      const expected = issue.expected ?? '';
      return `${label} must be ${Object.hasOwn(EXPECTED, expected) ? EXPECTED[expected] : expected || 'of another type'}.`;
    }
    case 'invalid_value':
      return `${label} must be ${(issue.values ?? []).map(shown).join(' or ')}.`;
    case 'invalid_union': {
      // a union of '' and a rule: the rule's message says more than "no option matched"
      const inner = (issue.errors ?? []).flat().find((i) => i.code === 'custom');
      if (inner) return inner.message;
      return issue.input === undefined ? `${label} is required.` : `${label} is not valid.`;
    }
    default:
      return `${label} ${issue.message}.`;
  }
}

/** The first problem of a value, as the API would answer it: the field path and the sentence. */
export function firstProblem(
  schema: z.ZodMiniType,
  value: unknown,
): { field: string; message: string } | undefined {
  const result = schema.safeParse(value);
  const issue = result.error?.issues[0] as SchemaIssue | undefined;
  return issue ? { field: issueField(issue), message: issueMessage(issue) } : undefined;
}

/**
 * For a form: each top-level field's first problem, keyed by the field's name in the request, in the
 * API's words. A form shows `problems[field]` next to the field that fills it.
 */
export function fieldProblems(schema: z.ZodMiniType, value: unknown): Map<string, string> {
  const problems = new Map<string, string>();
  const result = schema.safeParse(value);
  for (const issue of (result.error?.issues ?? []) as SchemaIssue[]) {
    const field = String(issue.path[0] ?? '');
    if (!problems.has(field)) problems.set(field, issueMessage(issue));
  }
  return problems;
}
