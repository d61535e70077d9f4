import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { azcmagentTagProblems, proxyUrlProblem } from '@/api/rules';
import {
  generateOnboardingScript,
  psLiteral,
  shLiteral,
  tagArgument,
  type OnboardingScriptInput,
} from './onboarding-script';

const sandbox = mkdtempSync(join(tmpdir(), 'onboarding-script-'));
const canary = join(sandbox, 'pwned');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Quotes of every kind, command substitution, backticks, a newline, PowerShell's smart quotes and subexpressions. */
const EVIL = `it's "quoted" $(touch ${canary}) \`touch ${canary}\` $env:PATH @(1) ’smart‘ '; touch ${canary}; echo '\nsecond line \\' end`;

const benign: OnboardingScriptInput = {
  subscriptionId: '11111111-2222-3333-4444-555555555555',
  resourceGroup: 'arc-servers',
  tenantId: '66666666-7777-8888-9999-000000000000',
  location: 'westeurope',
  cloud: 'AzureCloud',
  proxyUrl: 'http://proxy.contoso.com:3128',
  tags: [
    { name: 'Datacenter', value: 'DC1' },
    { name: 'City', value: 'Seattle' },
  ],
  correlationId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
};
const evil: OnboardingScriptInput = {
  ...benign,
  resourceGroup: 'arc-servers',
  proxyUrl: `http://proxy:3128/${EVIL.replaceAll('\n', '')}`,
  tags: [
    { name: 'Datacenter', value: EVIL },
    { name: `City'"$(x)`, value: 'Seattle' },
  ],
};

interface Token {
  kind: 'code' | 'literal' | 'dq' | 'comment';
  text: string;
  value?: string;
}

const PS_QUOTE = /['\u2018\u2019\u201A\u201B]/;

/** PowerShell's lexer rules for what matters here: verbatim strings (quote doubling, smart quotes), expandable strings, comments. */
function psTokens(script: string): Token[] {
  const tokens: Token[] = [];
  let code = '';
  const flush = () => {
    if (code !== '') tokens.push({ kind: 'code', text: code });
    code = '';
  };
  for (let i = 0; i < script.length;) {
    const c = script.charAt(i);
    if (PS_QUOTE.test(c)) {
      flush();
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= script.length) throw new Error('unterminated verbatim string');
        const d = script.charAt(j);
        if (PS_QUOTE.test(d)) {
          if (PS_QUOTE.test(script.charAt(j + 1))) {
            value += d;
            j += 2;
            continue;
          }
          break;
        }
        value += d;
        j += 1;
      }
      tokens.push({ kind: 'literal', text: script.slice(i, j + 1), value });
      i = j + 1;
    } else if (c === '"') {
      flush();
      let j = i + 1;
      while (j < script.length && script.charAt(j) !== '"') j += script.charAt(j) === '`' ? 2 : 1;
      tokens.push({ kind: 'dq', text: script.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '#' && (i === 0 || script.charAt(i - 1) === '\n')) {
      flush();
      const end = script.indexOf('\n', i);
      tokens.push({ kind: 'comment', text: script.slice(i, end === -1 ? undefined : end) });
      i = end === -1 ? script.length : end;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** POSIX shell words: '…' (no escapes inside), \x outside quotes, "…" with backslash escapes, comments. */
function shTokens(script: string): Token[] {
  const tokens: Token[] = [];
  let code = '';
  const flush = () => {
    if (code !== '') tokens.push({ kind: 'code', text: code });
    code = '';
  };
  for (let i = 0; i < script.length;) {
    const c = script.charAt(i);
    if (c === "'") {
      flush();
      const end = script.indexOf("'", i + 1);
      if (end === -1) throw new Error('unterminated single-quoted string');
      tokens.push({ kind: 'literal', text: script.slice(i, end + 1), value: script.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '\\' && script.charAt(i + 1) === "'") {
      flush();
      tokens.push({ kind: 'literal', text: "\\'", value: "'" });
      i += 2;
    } else if (c === '"') {
      flush();
      let j = i + 1;
      while (j < script.length && script.charAt(j) !== '"') j += script.charAt(j) === '\\' ? 2 : 1;
      tokens.push({ kind: 'dq', text: script.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '#' && (i === 0 || script.charAt(i - 1) === '\n')) {
      flush();
      const end = script.indexOf('\n', i);
      tokens.push({ kind: 'comment', text: script.slice(i, end === -1 ? undefined : end) });
      i = end === -1 ? script.length : end;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** Adjacent literal pieces form one word: `'a'\''b'` is a'b. */
function mergeLiterals(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (const t of tokens) {
    const last = merged.at(-1);
    if (t.kind === 'literal' && last?.kind === 'literal')
      merged[merged.length - 1] = {
        kind: 'literal',
        text: last.text + t.text,
        value: (last.value ?? '') + (t.value ?? ''),
      };
    else merged.push(t);
  }
  return merged;
}

/** name → value of every `<prefix>name = '<literal>';` assignment, and the code around the literals. */
function assignments(tokens: Token[], prefix: RegExp): { values: Map<string, string>; skeleton: string[] } {
  const values = new Map<string, string>();
  const skeleton: string[] = [];
  tokens.forEach((t, index) => {
    if (t.kind !== 'literal') {
      skeleton.push(`${t.kind}:${t.text}`);
      return;
    }
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    const name = before?.kind === 'code' ? prefix.exec(before.text)?.[1] : undefined;
    expect(name, `literal ${t.text} is not the whole right-hand side of an assignment`).toBeDefined();
    expect(after?.kind === 'code' && after.text.startsWith(';')).toBe(true);
    values.set(name ?? '', t.value ?? '');
    skeleton.push('literal');
  });
  return { values, skeleton };
}

const expected = (input: OnboardingScriptInput) => ({
  subscription: input.subscriptionId,
  resourceGroup: input.resourceGroup,
  tenant: input.tenantId,
  location: input.location,
  cloud: input.cloud,
  tags: tagArgument(input.tags),
  proxy: input.proxyUrl,
  correlation: input.correlationId,
});

describe('PowerShell onboarding script', () => {
  const parse = (input: OnboardingScriptInput) =>
    assignments(psTokens(generateOnboardingScript('windows', input)), /\$env:([A-Z_]+) = $/);

  it('keeps every injected value one verbatim string, equal to the input', () => {
    const { values } = parse(evil);
    const want = expected(evil);
    expect(values.get('TAGS')).toBe(want.tags);
    expect(values.get('PROXY')).toBe(want.proxy);
    expect(values.get('RESOURCE_GROUP')).toBe(want.resourceGroup);
    expect(values.get('SUBSCRIPTION_ID')).toBe(want.subscription);
    expect(values.get('TENANT_ID')).toBe(want.tenant);
    expect(values.get('CORRELATION_ID')).toBe(want.correlation);
  });

  it('has the same code outside its literals whatever the values are', () => {
    expect(parse(evil).skeleton).toEqual(parse(benign).skeleton);
  });

  it('doubles every single quote, smart quotes included', () => {
    expect(psLiteral(`a'b’c‘d`)).toBe(`'a''b’’c‘‘d'`);
    expect(psTokens(psLiteral('x\n$(y)`z'))).toEqual([
      { kind: 'literal', text: "'x\n$(y)`z'", value: 'x\n$(y)`z' },
    ]);
  });
});

describe('Linux onboarding script', () => {
  const script = generateOnboardingScript('linux', evil);
  const parse = (input: OnboardingScriptInput) =>
    assignments(mergeLiterals(shTokens(generateOnboardingScript('linux', input))), /export ([A-Za-z]+)=$/);

  it('keeps every injected value one single-quoted word, equal to the input', () => {
    const { values } = parse(evil);
    expect(values.get('tags')).toBe(tagArgument(evil.tags));
    expect(values.get('proxy')).toBe(evil.proxyUrl);
    expect(values.get('resourceGroup')).toBe(evil.resourceGroup);
  });

  it('has the same code outside its literals whatever the values are', () => {
    expect(parse(evil).skeleton).toEqual(parse(benign).skeleton);
  });

  it("writes a quote as '\\''", () => {
    expect(shLiteral("it's")).toBe(`'it'\\''s'`);
  });

  it('passes bash -n', () => {
    expect(() => execFileSync('bash', ['-n'], { input: script })).not.toThrow();
  });

  it('round-trips every value through bash without running anything inside it', () => {
    // Only the assignments run (the download and connect steps follow the first blank line), in an empty environment.
    const assignmentsOnly = script.slice(0, script.indexOf('\n\n# Download'));
    const names = [
      'subscriptionId',
      'resourceGroup',
      'tenantId',
      'location',
      'cloud',
      'tags',
      'proxy',
      'correlationId',
    ];
    const program = `${assignmentsOnly}\nprintf '%s\\0' ${names.map((n) => `"$${n}"`).join(' ')}`;
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], { env: {}, encoding: 'utf8' });
    const want = expected(evil);
    expect(out.split('\0').slice(0, -1)).toEqual([
      want.subscription,
      want.resourceGroup,
      want.tenant,
      want.location,
      want.cloud,
      want.tags,
      want.proxy,
      want.correlation,
    ]);
    expect(existsSync(canary)).toBe(false);
  });
});

describe('validation as the portal does it, with the API’s rules', () => {
  it.each([
    ['http://proxy.contoso.com:3128', undefined],
    ['proxy.contoso.com:3128', 'The proxy URL must start with http:// or https://.'],
    ['http://proxy.contoso.com', 'Include the proxy port, for example http://proxy.contoso.com:3128.'],
    ['http://user:pw@proxy:8080', 'The agent does not support setting proxy authentication.'],
    ['not a url', 'Enter a proxy URL in the format http://<proxyURL>:<proxyport>.'],
  ])('proxy %j → %s', (value, message) => {
    expect(proxyUrlProblem(value)).toBe(message);
  });

  it.each([
    ['Datacenter', undefined],
    ['', 'A tag name cannot be empty.'],
    ['a/b', "The tag names 'a/b' have reserved characters '<,>,%,&,\\,?,/' or control characters."],
    ['a\u0007b', "The tag names 'a\u0007b' have reserved characters '<,>,%,&,\\,?,/' or control characters."],
    [
      'a=b',
      'The tag name cannot contain a comma or an equals sign: azcmagent --tags uses them as separators.',
    ],
  ])('tag name %j → %s', (name, message) => {
    expect(azcmagentTagProblems(name, '').name).toBe(message);
  });

  it('accepts quotes, $(...), backticks and newlines in a tag value, and refuses commas and over-long values', () => {
    expect(azcmagentTagProblems('City', EVIL).value).toBeUndefined();
    expect(azcmagentTagProblems('City', 'a,b').value).toMatch(/comma/);
    expect(azcmagentTagProblems('City', 'x'.repeat(257)).value).toMatch(/256/);
  });
});
