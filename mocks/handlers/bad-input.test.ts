/**
 * Generated bad input against every state-changing route of both surfaces (ARM and /api), from a fixed
 * seed. Whatever is sent, the answer is never a 5xx or a thrown error; a 4xx is `{ error: { code,
 * message } }` with a readable message that quotes little of what was sent, and leaves the world exactly
 * as it was; and nothing ever writes onto Object.prototype.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeWorld } from '../sim';
import type { World } from '../sim';
import { encodeSimToken } from '../sim/arm';
import { server, sim } from '../node';

interface Route {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `{name}` placeholders are filled from the fixture, or replaced by a bad value */
  path: string;
  /** a body the route accepts (its fields are mutated one by one); undefined for body-less routes */
  body?: Record<string, unknown>;
  arm?: boolean;
}

const SUB = '/subscriptions/{sub}';
const RG = `${SUB}/resourceGroups/{rg}`;
const CLUSTER = `${RG}/providers/Microsoft.AzureStackHCI/clusters/{cluster}`;
const MACHINE = `${RG}/providers/Microsoft.HybridCompute/machines/{machine}`;
const v = (path: string, version: string) => `${path}?api-version=${version}`;

const ROUTES: Route[] = [
  // ARM
  { arm: true, method: 'PUT', path: v(RG, '2022-09-01'), body: { location: 'eastus', tags: { a: 'b' } } },
  { arm: true, method: 'PATCH', path: v(RG, '2022-09-01'), body: { tags: { a: 'b' }, managedBy: 'x' } },
  { arm: true, method: 'DELETE', path: v(RG, '2022-09-01') },
  { arm: true, method: 'POST', path: v(`${SUB}/providers/{ns}/register`, '2022-09-01') },
  { arm: true, method: 'POST', path: v(`${SUB}/providers/{ns}/unregister`, '2022-09-01') },
  {
    arm: true,
    method: 'PUT',
    path: v(CLUSTER, '2024-04-01'),
    body: {
      location: 'eastus',
      tags: { a: 'b' },
      properties: { aadClientId: '00000000-0000-0000-0000-000000000001' },
    },
  },
  { arm: true, method: 'PATCH', path: v(CLUSTER, '2024-04-01'), body: { tags: { a: 'b' } } },
  { arm: true, method: 'DELETE', path: v(CLUSTER, '2024-04-01') },
  {
    arm: true,
    method: 'PUT',
    path: v(`${CLUSTER}/arcSettings/{arc}`, '2024-04-01'),
    body: { properties: { arcInstanceResourceGroup: 'rg1' } },
  },
  { arm: true, method: 'PATCH', path: v(`${CLUSTER}/arcSettings/{arc}`, '2024-04-01'), body: { tags: {} } },
  { arm: true, method: 'DELETE', path: v(`${CLUSTER}/arcSettings/{arc}`, '2024-04-01') },
  { arm: true, method: 'DELETE', path: v(`${CLUSTER}/arcSettings/{arc}/extensions/{ext}`, '2024-04-01') },
  {
    arm: true,
    method: 'PUT',
    path: v(MACHINE, '2022-12-27'),
    body: { location: 'eastus', tags: { a: 'b' } },
  },
  { arm: true, method: 'PATCH', path: v(MACHINE, '2022-12-27'), body: { tags: { a: 'b' } } },
  { arm: true, method: 'DELETE', path: v(MACHINE, '2022-12-27') },
  // /api: gateway and connections
  {
    method: 'POST',
    path: '/api/connections',
    body: { name: 'srv1.contoso.local', type: 'server', tags: ['a'] },
  },
  {
    method: 'PATCH',
    path: '/api/connections/{type}/{cname}',
    body: { tags: ['a'], managingAs: 'CONTOSO\\hciadmin' },
  },
  { method: 'DELETE', path: '/api/connections/{type}/{cname}' },
  { method: 'POST', path: '/api/notifications/read-all' },
  { method: 'DELETE', path: '/api/notifications' },
  { method: 'DELETE', path: '/api/notifications/{notification}' },
  // gateway registration
  { method: 'POST', path: '/api/gateway/device-code', body: { cloud: 'AzureCloud' } },
  { method: 'POST', path: '/api/device-login', body: { code: 'ABC', upn: 'admin@contoso.com' } },
  {
    method: 'POST',
    path: '/api/gateway/connect',
    body: { tenantId: '00000000-0000-0000-0000-000000000001', application: { mode: 'create' } },
  },
  { method: 'POST', path: '/api/gateway/accept-permissions' },
  { method: 'POST', path: '/api/gateway/check-consent' },
  { method: 'POST', path: '/api/gateway/sign-in', body: { upn: '{upn}' } },
  { method: 'POST', path: '/api/gateway/sign-out' },
  { method: 'POST', path: '/api/gateway/unregister' },
  { method: 'POST', path: '/api/cloud/apps/{app}/grant-consent', body: { upn: '{upn}' } },
  { method: 'DELETE', path: '/api/cloud/apps/{app}' },
  // cluster registration
  {
    method: 'POST',
    path: '/api/clusters/{name}/registration',
    body: {
      subscriptionId: '{sub}',
      resourceGroup: 'rg-new',
      region: 'eastus',
      enableArc: true,
      createResourceGroup: true,
    },
  },
  {
    method: 'POST',
    path: '/api/clusters/{name}/unregister',
    body: { subscriptionId: '{sub}', cloud: 'AzureCloud' },
  },
  { method: 'POST', path: '/api/clusters/{name}/repair' },
  { method: 'POST', path: '/api/clusters/{name}/sync' },
  // Arc
  { method: 'POST', path: '/api/clusters/{name}/arc/enable', body: { nodes: ['{node}'] } },
  { method: 'POST', path: '/api/clusters/{name}/arc/servers/{node}/disable' },
  { method: 'POST', path: '/api/servers/{node}/arc/disconnect', body: { forceLocalOnly: true } },
  {
    method: 'POST',
    path: '/api/cloud/onboarding/run',
    body: {
      serverName: 'srv9',
      subscriptionId: '{sub}',
      resourceGroup: '{rg}',
      region: 'eastus',
      osType: 'windows',
      tags: { a: 'b' },
      proxyUrl: 'http://proxy:8080',
    },
  },
  // Benefits
  {
    method: 'POST',
    path: '/api/clusters/{name}/benefits/enable',
    body: { addVms: true, servers: ['{node}'] },
  },
  { method: 'POST', path: '/api/clusters/{name}/benefits/disable', body: { removeVms: true } },
  { method: 'POST', path: '/api/clusters/{name}/benefits/vms/{vmaction}', body: { vmIds: ['{vm}'] } },
  // Diagnostics
  { method: 'POST', path: '/api/clusters/{name}/nodes/{node}/hcisvc', body: { action: 'stop' } },
  { method: 'POST', path: '/api/clusters/{name}/nodes/{node}/debug-channel' },
  { method: 'POST', path: '/api/clusters/{name}/troubleshoot', body: { text: 'Failed to register' } },
  {
    method: 'POST',
    path: '/api/clusters/{name}/troubleshoot/remedy',
    body: { action: { kind: 'start-hcisvc', node: '{node}' } },
  },
  // VMs
  {
    method: 'POST',
    path: '/api/clusters/{name}/vms',
    body: {
      name: 'vm-new',
      hostServer: '{node}',
      generation: 2,
      cpuCount: 2,
      memoryMiB: 4096,
      os: 'Windows Server 2022',
    },
  },
  { method: 'DELETE', path: '/api/vms/{vm}' },
  { method: 'POST', path: '/api/vms/{vm}/{power}' },
  { method: 'POST', path: '/api/vms/{vm}/checkpoints', body: { name: 'cp1' } },
  { method: 'POST', path: '/api/vms/{vm}/checkpoints/{checkpoint}/apply' },
  { method: 'PATCH', path: '/api/vms/{vm}/checkpoints/{checkpoint}', body: { name: 'cp2' } },
  { method: 'DELETE', path: '/api/vms/{vm}/checkpoints/{checkpoint}' },
  // multi-cloud
  { method: 'DELETE', path: '/api/clouds/{cloud}/vms/{wapvm}' },
  { method: 'POST', path: '/api/clouds/{cloud}/vms/{wapvm}/{cloudpower}' },
  { method: 'POST', path: '/api/clouds/{cloud}/vms/{wapvm}/checkpoints', body: { name: 'cp1' } },
  { method: 'POST', path: '/api/clouds/{cloud}/vms/{wapvm}/checkpoints/{wapcheckpoint}/apply' },
  {
    method: 'PATCH',
    path: '/api/clouds/{cloud}/vms/{wapvm}/checkpoints/{wapcheckpoint}',
    body: { name: 'cp2' },
  },
  { method: 'DELETE', path: '/api/clouds/{cloud}/vms/{wapvm}/checkpoints/{wapcheckpoint}' },
  { method: 'DELETE', path: '/api/clouds/{cloud}/networks/{network}' },
  { method: 'PUT', path: '/api/wap/clouds/{cloud}/connector', body: { reachable: true, latencyMs: 10 } },
  { method: 'PUT', path: '/api/wap/clouds/{cloud}/users/{upn}' },
  { method: 'DELETE', path: '/api/wap/clouds/{cloud}/users/{upn}' },
  // lab
  { method: 'POST', path: '/api/sim/reset', body: { scenario: 'fresh' } },
  { method: 'POST', path: '/api/sim/advance', body: { duration: '1h' } },
  { method: 'POST', path: '/api/sim/inject', body: { fault: 'node-down', target: '{node}' } },
  { method: 'POST', path: '/api/sim/repair', body: { fault: 'node-down', target: '{node}' } },
  { method: 'POST', path: '/api/sim/cases/{case}/reproduce', body: { cluster: '{name}' } },
  // a world file with a part of it bad is refused as a whole
  {
    method: 'POST',
    path: '/api/sim/import',
    body: { schemaVersion: 1, scenario: 'fresh', clockOffsetMs: 0 },
  },
];

/** mulberry32: a small, fixed-seed generator, so every run sends the same inputs. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUGE = 'x'.repeat(100_000);
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const BAD_SEGMENTS = ['%E0%A4%A', '%', '%25', '%00', 'a%2Fb', ...PROTO_NAMES, 'x'.repeat(5_000), '..'];
const WRONG_TYPES: unknown[] = [42, true, null, [], {}, [1, 2], 1e20, 1e300, -1, 0.5, '', ' '];
const BAD_STRINGS = [...PROTO_NAMES, HUGE, '%E0%A4%A', 'undefined', '<script>', '\u0000', '1e300'];

interface Input {
  method: string;
  url: string;
  body?: string;
  contentType?: string;
  /** a 4xx is required (not merely allowed) */
  mustRefuse: boolean;
  label: string;
}

interface Fixture {
  values: Record<string, string>;
  token: string;
}

function fill(template: string, values: Record<string, string>, override?: [string, string]): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) =>
    override?.[0] === key ? override[1] : (values[key] ?? key),
  );
}

function fillBody(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return fill(value, values);
  if (Array.isArray(value)) return value.map((x) => fillBody(x, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, fillBody(x, values)]));
  return value;
}

/** Every (dotted) path of a body's leaves and objects. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return prefix ? [prefix] : [];
  const own = Object.entries(value).flatMap(([k, x]) => fieldPaths(x, prefix ? `${prefix}.${k}` : k));
  return prefix ? [prefix, ...own] : own;
}

function withField(body: unknown, path: string, replacement: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1) ?? ''] = replacement;
  return copy;
}

function inputsFor(route: Route, fixture: Fixture, next: () => number): Input[] {
  const origin = route.arm ? 'https://management.azure.com' : 'http://localhost';
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const validBody = route.body === undefined ? undefined : fillBody(route.body, fixture.values);
  const json = (b: unknown) => JSON.stringify(b);
  const inputs: Input[] = [];
  const at = (path: string) => `${origin}${path}`;
  const url = at(fill(route.path, fixture.values));
  const base = { method: route.method };
  const bodyOf = (b: unknown) => (b === undefined ? {} : { body: json(b), contentType: 'application/json' });

  for (const param of params) {
    for (const bad of BAD_SEGMENTS) {
      // a name ARM accepts for a resource it creates (PUT) is not bad input there
      const creates = route.method === 'PUT' || (route.arm && route.method === 'POST');
      const refusable = bad.startsWith('%E0') || bad === '%' || bad.length > 4_000;
      inputs.push({
        ...base,
        url: at(fill(route.path, fixture.values, [param, bad])),
        ...bodyOf(validBody),
        mustRefuse: refusable || (!creates && PROTO_NAMES.includes(bad) && route.method !== 'DELETE'),
        label: `${param}=${bad.slice(0, 20)}`,
      });
    }
  }
  // over-long URL
  inputs.push({
    ...base,
    url: `${url}${url.includes('?') ? '&' : '?'}q=${'a'.repeat(40_000)}`,
    mustRefuse: true,
    label: 'long url',
  });

  const body = validBody ?? {};
  // wrong content types and unparseable bodies
  inputs.push({
    ...base,
    url,
    body: json(body),
    contentType: 'text/plain',
    mustRefuse: true,
    label: 'text/plain',
  });
  inputs.push({
    ...base,
    url,
    body: 'a=1&b=2',
    contentType: 'application/x-www-form-urlencoded',
    mustRefuse: true,
    label: 'form',
  });
  for (const raw of ['{', 'not json', '[]', '42', '"s"', 'null', '{"__proto__":{"polluted":1}}'])
    inputs.push({
      ...base,
      url,
      body: raw,
      contentType: 'application/json',
      mustRefuse: raw !== 'null' && !raw.startsWith('{"__proto__"'),
      label: `raw ${raw}`,
    });
  inputs.push({
    ...base,
    url,
    body: `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}${validBody === undefined ? '' : `,${json(validBody).slice(1, -1)}`}}`,
    contentType: 'application/json',
    mustRefuse: false,
    label: 'pollution body',
  });

  // field by field: wrong types, bad strings
  for (const path of fieldPaths(validBody)) {
    const original = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], validBody);
    for (const wrong of WRONG_TYPES) {
      const sameType =
        typeof wrong === typeof original &&
        Array.isArray(wrong) === Array.isArray(original) &&
        (wrong === null) === (original === null);
      // an object where the schema allows any keys (tags: {}) is the right type
      if (sameType) continue;
      // a duration may be milliseconds as well as a string
      if (path === 'duration' && typeof wrong === 'number' && wrong > 0 && wrong < 1e11) continue;
      inputs.push({
        ...base,
        url,
        body: json(withField(validBody, path, wrong)),
        contentType: 'application/json',
        mustRefuse: wrong !== null && !(route.method === 'DELETE'),
        label: `${path}=${JSON.stringify(wrong)}`,
      });
    }
    for (const bad of BAD_STRINGS) {
      inputs.push({
        ...base,
        url,
        body: json(withField(validBody, path, bad)),
        contentType: 'application/json',
        mustRefuse: bad === HUGE && typeof original === 'string',
        label: `${path}=${bad.slice(0, 20)}`,
      });
    }
  }
  // a few random numbers at the bounds for numeric fields
  for (const path of fieldPaths(validBody)) {
    const original = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], validBody);
    if (typeof original !== 'number' && path !== 'duration') continue;
    for (const n of [1e20, 1e300, -1e20, Number.MAX_SAFE_INTEGER + 2, Math.floor(next() * 1e12)])
      inputs.push({
        ...base,
        url,
        body: json(withField(validBody, path, n)),
        contentType: 'application/json',
        mustRefuse: Math.abs(n) >= 1e20 || n > Number.MAX_SAFE_INTEGER,
        label: `${path}=${n}`,
      });
  }
  return inputs;
}

const EXPECTED_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function buildFixture(): Fixture {
  return sim.read((w) => {
    const sub = Object.values(w.cloud.subscriptions)[0]?.subscriptionId ?? '';
    const reg = Object.values(w.clusters)[0]?.registration;
    const vm = Object.values(w.vms).find((x) => x.checkpoints.length > 0) ?? Object.values(w.vms)[0];
    const cloud = Object.values(w.wapClouds)[0];
    const wapVm = cloud
      ? (Object.values(cloud.vms).find((x) => x.checkpoints.length > 0) ?? Object.values(cloud.vms)[0])
      : undefined;
    const upn = w.gateway.account?.upn ?? Object.keys(w.cloud.users)[0] ?? '';
    const values: Record<string, string> = {
      sub,
      rg: reg?.resourceGroup ?? 'rg1',
      cluster: reg?.resourceName ?? 'hci-cluster01',
      arc: 'default',
      ext: 'ext1',
      machine: 'hci-node1',
      ns: 'Microsoft.AzureStackHCI',
      type: 'cluster',
      cname: 'hci-cluster01',
      notification: w.notifications[0]?.id ?? 'n1',
      upn,
      app: Object.keys(w.cloud.apps)[0] ?? 'app',
      name: 'hci-cluster01',
      node: 'hci-node1',
      vm: vm?.id ?? 'vm',
      checkpoint: vm?.checkpoints[0]?.id ?? 'cp',
      vmaction: 'add',
      power: 'start',
      cloud: cloud?.name ?? 'wap',
      wapvm: wapVm?.id ?? 'wapvm',
      cloudpower: 'start',
      wapcheckpoint: wapVm?.checkpoints[0]?.id ?? 'cp',
      network: cloud ? (Object.keys(cloud.networks)[0] ?? 'net') : 'net',
      case: 'resource-deleted-in-portal',
    };
    return { values, token: encodeSimToken(upn) };
  });
}

sim.reset('registered');
const fixture = buildFixture();
let pristine: World = sim.world();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Sends one input and returns what is wrong with the answer (empty when it is as promised). */
async function check(route: Route, input: Input): Promise<string[]> {
  const failures: string[] = [];
  // the world is immutable: an unchanged world is the same object, so a reset is needed only after a change
  if (sim.world() !== pristine) {
    sim.reset('registered');
    pristine = sim.world();
  }
  const before = pristine;
  const where = `${input.method} ${route.path} [${input.label}]`;
  let response: Response;
  try {
    response = await fetch(input.url, {
      method: input.method,
      headers: {
        ...(input.contentType ? { 'Content-Type': input.contentType } : {}),
        ...(route.arm ? { Authorization: `Bearer ${fixture.token}` } : {}),
      },
      ...(input.body === undefined ? {} : { body: input.body }),
    });
  } catch (error) {
    return [`${where}: threw ${String(error).slice(0, 200)}`];
  }
  const text = await response.text();
  if (response.status >= 500) return [`${where}: ${response.status} ${text.slice(0, 200)}`];
  if (input.mustRefuse && response.status < 400) return [`${where}: accepted with ${response.status}`];
  if (response.status >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return [`${where}: ${response.status} body is not JSON: ${text.slice(0, 200)}`];
    }
    const message = parsed.error?.message;
    if (typeof parsed.error?.code !== 'string')
      failures.push(`${where}: no error code in ${text.slice(0, 200)}`);
    if (typeof message !== 'string' || message.trim() === '')
      failures.push(`${where}: no message in ${text.slice(0, 200)}`);
    else if (/\bundefined\b/.test(message) && !input.label.includes('undefined'))
      failures.push(`${where}: message says undefined: ${message.slice(0, 200)}`);
    else if (message.length > 1_000) failures.push(`${where}: message of ${message.length} characters`);
    const after = sim.world();
    if (after !== before && serializeWorld(after) !== serializeWorld(before))
      failures.push(`${where}: ${response.status} but the world changed`);
  }
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  if (protoKeys.join() !== EXPECTED_PROTO_KEYS.join() || 'polluted' in {}) {
    failures.push(`${where}: Object.prototype was written: ${protoKeys.join(',')}`);
    for (const key of protoKeys)
      if (!EXPECTED_PROTO_KEYS.includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
  }
  return failures;
}

const report: string[] = [];
afterAll(() => {
  if (process.env.BAD_INPUT_REPORT) writeFileSync(process.env.BAD_INPUT_REPORT, report.join('\n'));
});

describe('generated bad input (seed 13)', () => {
  it('covers every state-changing route of both surfaces with at least 2,000 inputs', () => {
    const total = ROUTES.reduce((n, route, i) => n + inputsFor(route, fixture, random(13 + i)).length, 0);
    expect(ROUTES.length).toBeGreaterThanOrEqual(68);
    expect(total).toBeGreaterThanOrEqual(2_000);
  });

  // a few inputs per test, so each test stays short on a busy machine
  const CHUNK = 8;
  const cases = ROUTES.flatMap((route, i) =>
    Array.from(
      { length: 8 },
      (_, chunk) => [`${route.method} ${route.path} #${chunk + 1}`, route, i, chunk] as const,
    ),
  );
  it.each(cases)(
    '%s: a clear 4xx, never a 5xx or a throw; nothing changed on refusal',
    async (_label, route, i, chunk) => {
      const inputs = inputsFor(route, fixture, random(13 + i));
      const mine =
        chunk === 7 ? inputs.slice(chunk * CHUNK) : inputs.slice(chunk * CHUNK, (chunk + 1) * CHUNK);
      const failures: string[] = [];
      for (const input of mine) failures.push(...(await check(route, input)));
      report.push(...failures);
      expect(failures.slice(0, 20)).toEqual([]);
    },
  );
});
