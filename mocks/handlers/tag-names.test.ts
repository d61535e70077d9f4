/**
 * A tag name is a plain string in ARM (common-types' `tags`: additionalProperties of type string), so a tag
 * named like a member of Object.prototype is an ordinary tag: stored, answered, filtered by and replaced
 * like any other, on every way tags come in (ARM PUT and PATCH, and the onboarding script's tags).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../sim';
import { encodeSimToken } from '../sim/arm';
import { server, sim } from '../node';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const TAGS = Object.fromEntries(NAMES.map((name, i) => [name, `v${i}`]));
/** The tags as the client writes them: JSON text, where `__proto__` is an ordinary key. */
const TAGS_JSON = `{${NAMES.map((name, i) => `"${name}":"v${i}"`).join(',')}}`;

let token = '';
let sub = '';
let rg = '';
let cluster = '';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset('registered');
  const first = sim.read((w: World) => {
    const reg = Object.values(w.clusters).find((c) => c.registration)?.registration;
    return { reg, upn: w.gateway.account?.upn ?? '' };
  });
  token = encodeSimToken(first.upn);
  sub = first.reg?.subscriptionId ?? '';
  rg = first.reg?.resourceGroup ?? '';
  cluster = first.reg?.resourceName ?? '';
});

async function send(method: string, path: string, body?: string) {
  const response = await fetch(`https://management.azure.com${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as { tags?: unknown; value?: unknown } };
}

/** The answer's tags, read as JSON text so an own `__proto__` key shows as one. */
const ownTags = (answer: { tags?: unknown }) => Object.entries(answer.tags ?? {});

describe('tags named like Object members', () => {
  const cases = [
    [
      'a resource group',
      () => `/subscriptions/${sub}/resourceGroups/rg-proto?api-version=2022-09-01`,
      '{"location":"eastus","tags":TAGS}',
    ],
    [
      'a cluster',
      () =>
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AzureStackHCI/clusters/c-proto?api-version=2024-04-01`,
      '{"location":"eastus","tags":TAGS,"properties":{"aadClientId":"00000000-0000-0000-0000-000000000001"}}',
    ],
  ] as const;

  it.each(cases)('%s keeps them through PUT, GET and PATCH', async (_label, url, template) => {
    const put = await send('PUT', url(), template.replace('TAGS', TAGS_JSON));
    expect(put.status).toBeLessThan(300);
    expect(ownTags(put.body)).toEqual(Object.entries(TAGS));
    expect(ownTags((await send('GET', url())).body)).toEqual(Object.entries(TAGS));

    const patch = await send('PATCH', url(), '{"tags":{"__proto__":"x"}}');
    expect(patch.status).toBe(200);
    expect(ownTags(patch.body)).toEqual([['__proto__', 'x']]);
  });

  it('an existing cluster and a resource group PATCHed with them keep them', async () => {
    const clusterUrl = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AzureStackHCI/clusters/${cluster}?api-version=2024-04-01`;
    const patched = await send('PATCH', clusterUrl, `{"tags":${TAGS_JSON}}`);
    expect(ownTags(patched.body)).toEqual(Object.entries(TAGS));
    const rgUrl = `/subscriptions/${sub}/resourceGroups/${rg}?api-version=2022-09-01`;
    expect(ownTags((await send('PATCH', rgUrl, `{"tags":${TAGS_JSON}}`)).body)).toEqual(Object.entries(TAGS));
  });

  it('filters resource groups by such a tag', async () => {
    await send(
      'PUT',
      `/subscriptions/${sub}/resourceGroups/rg-proto?api-version=2022-09-01`,
      `{"location":"eastus","tags":${TAGS_JSON}}`,
    );
    const filter = encodeURIComponent("tagName eq '__proto__' and tagValue eq 'v0'");
    const list = await send(
      'GET',
      `/subscriptions/${sub}/resourceGroups?api-version=2022-09-01&$filter=${filter}`,
    );
    expect((list.body.value as { name: string }[]).map((g) => g.name)).toEqual(['rg-proto']);
    const byName = encodeURIComponent("tagName eq 'constructor'");
    const named = await send(
      'GET',
      `/subscriptions/${sub}/resourceGroups?api-version=2022-09-01&$filter=${byName}`,
    );
    expect((named.body.value as { name: string }[]).map((g) => g.name)).toEqual(['rg-proto']);
  });

  it('counts them with ARM’s rules: one of them twice, in another case, is a duplicate', async () => {
    const put = await send(
      'PUT',
      `/subscriptions/${sub}/resourceGroups/rg-proto?api-version=2022-09-01`,
      '{"location":"eastus","tags":{"__proto__":"a","__PROTO__":"b"}}',
    );
    expect(put.status).toBe(400);
  });

  it('the onboarding script tags the machine with them', async () => {
    const run = await fetch('https://gateway.local/api/cloud/onboarding/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"serverName":"srv9","subscriptionId":"${sub}","resourceGroup":"${rg}","region":"eastus","osType":"windows","tags":${TAGS_JSON}}`,
    });
    expect(run.status).toBe(201);
    const { machineResourceId } = (await run.json()) as { machineResourceId: string };
    const machine = await send('GET', `${machineResourceId}?api-version=2022-12-27`);
    expect(ownTags(machine.body)).toEqual(Object.entries(TAGS));
  });

  it('keeps them through the lab’s Export and Import', async () => {
    const url = `/subscriptions/${sub}/resourceGroups/rg-proto?api-version=2022-09-01`;
    await send('PUT', url, `{"location":"eastus","tags":${TAGS_JSON}}`);
    const file = await (await fetch('https://gateway.local/api/sim/export')).text();
    sim.reset('fresh');
    const imported = await fetch('https://gateway.local/api/sim/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: file,
    });
    expect(imported.status).toBe(200);
    expect(ownTags((await send('GET', url)).body)).toEqual(Object.entries(TAGS));
  });

  it('leaves Object.prototype alone', () => {
    expect('v0' in {}).toBe(false);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
