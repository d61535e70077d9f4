/**
 * The official Azure SDK for JavaScript, unchanged and with its own default api-versions and endpoint,
 * against the simulated ARM (msw/node answers https://management.azure.com; the SDKs refuse bearer
 * tokens over plain http, so serve:sim suits curl and PowerShell, and this test uses the interceptor).
 */
import { AzureStackHCIClient } from '@azure/arm-azurestackhci';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_UPN, AUDITOR_UPN } from '../sim';
import { server, sim } from '../node';

/** Counts the requests whose URL matches, from now until `stop()`. */
function countRequests(url: RegExp): { count: number; stop: () => void } {
  const counter = { count: 0, stop: () => {} };
  const listener = ({ request }: { request: Request }) => {
    if (url.test(request.url)) counter.count += 1;
  };
  server.events.on('request:start', listener);
  counter.stop = () => server.events.removeListener('request:start', listener);
  return counter;
}

/** Resolves when the simulated ARM first answers with `status`. */
function firstResponse(status: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = ({ response }: { response: Response }) => {
      if (response.status !== status) return;
      server.events.removeListener('response:mocked', listener);
      resolve();
    };
    server.events.on('response:mocked', listener);
  });
}

const credential = (upn: string): TokenCredential => ({
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({
      token: `sim.${Buffer.from(upn).toString('base64url')}`,
      expiresOnTimestamp: Date.now() + 3_600_000,
    }),
});

let subscriptionId = '';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  sim.reset('gateway-registered');
  const subs = new SubscriptionClient(credential(ADMIN_UPN));
  for await (const s of subs.subscriptions.list()) {
    subscriptionId = s.subscriptionId ?? '';
    break;
  }
});
afterAll(() => server.close());

const resources = (upn = ADMIN_UPN, options: Record<string, unknown> = {}) =>
  new ResourceManagementClient(credential(upn), subscriptionId, options);

describe('the Azure SDK against the simulated ARM', () => {
  it('creates groups with tags, pages through them with top and nextLink, and filters by tag', async () => {
    const client = resources();
    for (const name of ['sdk-a', 'sdk-b', 'sdk-c'])
      await client.resourceGroups.createOrUpdate(name, {
        location: 'eastus',
        tags: { team: name === 'sdk-b' ? 'blue' : 'red' },
      });
    const pages: number[] = [];
    for await (const page of client.resourceGroups.list({ top: 1 }).byPage()) pages.push(page.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((n) => n === 1)).toBe(true);

    const blue: string[] = [];
    for await (const rg of client.resourceGroups.list({ filter: "tagName eq 'team' and tagValue eq 'blue'" }))
      blue.push(rg.name ?? '');
    expect(blue).toEqual(['sdk-b']);
  });

  it('updates and deletes a group; the delete is a long-running operation the poller follows until simulated time passes', async () => {
    const client = resources();
    await client.resourceGroups.createOrUpdate('sdk-del', { location: 'eastus' });
    const updated = await client.resourceGroups.update('sdk-del', { tags: { state: 'updated' } });
    expect(updated.tags).toEqual({ state: 'updated' });
    const polls = countRequests(/\/operationresults\//i);
    try {
      const poller = await client.resourceGroups.beginDelete('sdk-del');
      await poller.poll();
      expect(poller.isDone()).toBe(false);
      expect((await client.resourceGroups.get('sdk-del')).properties?.provisioningState).toBe('Deleting');
      sim.advance('30s');
      await poller.pollUntilDone();
      expect(poller.isDone()).toBe(true);
      expect(polls.count).toBeGreaterThanOrEqual(2);
    } finally {
      polls.stop();
    }
    expect(await client.resourceGroups.checkExistence('sdk-del')).toMatchObject({ body: false });
  });

  it('creates and deletes an Azure Stack HCI cluster with its SDK default api-version; the delete poller waits', async () => {
    const client = resources();
    await client.providers.register('Microsoft.AzureStackHCI');
    await client.resourceGroups.createOrUpdate('sdk-hci', { location: 'eastus' });
    const hci = new AzureStackHCIClient(credential(ADMIN_UPN), subscriptionId);
    const created = await hci.clusters.create('sdk-hci', 'sdk-cluster', { location: 'eastus' });
    expect(created.name).toBe('sdk-cluster');
    const polls = countRequests(/\/operationStatuses\//i);
    try {
      const poller = await hci.clusters.beginDelete('sdk-hci', 'sdk-cluster');
      await poller.poll();
      expect(poller.isDone()).toBe(false);
      sim.advance('10s');
      await poller.pollUntilDone();
      expect(polls.count).toBeGreaterThanOrEqual(2);
    } finally {
      polls.stop();
    }
    await expect(hci.clusters.get('sdk-hci', 'sdk-cluster')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('lists resources: top pages through nextLink, $filter by tag, by type and by name', async () => {
    const client = resources();
    await client.providers.register('Microsoft.AzureStackHCI');
    await client.resourceGroups.createOrUpdate('sdk-list', { location: 'eastus' });
    const hci = new AzureStackHCIClient(credential(ADMIN_UPN), subscriptionId);
    for (const [name, team] of [
      ['list-1', 'red'],
      ['list-2', 'blue'],
      ['list-3', 'red'],
    ] as const)
      await hci.clusters.create('sdk-list', name, { location: 'eastus', tags: { team } });

    const pages: string[][] = [];
    for await (const page of client.resources.listByResourceGroup('sdk-list', { top: 2 }).byPage())
      pages.push(page.map((r) => r.name ?? ''));
    expect(pages).toEqual([['list-1', 'list-2'], ['list-3']]);

    const red: string[] = [];
    for await (const r of client.resources.list({ filter: "tagName eq 'team' and tagValue eq 'red'" }))
      red.push(r.name ?? '');
    expect(red).toEqual(['list-1', 'list-3']);

    const typed: string[] = [];
    for await (const r of client.resources.listByResourceGroup('sdk-list', {
      filter: "resourceType eq 'Microsoft.AzureStackHCI/clusters' and substringof('2', name)",
    }))
      typed.push(`${r.type ?? ''}/${r.name ?? ''}`);
    expect(typed).toEqual(['Microsoft.AzureStackHCI/clusters/list-2']);

    await expect(
      client.resources.list({ filter: "plan/publisher eq 'x' or name eq 'y'" }).next(),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InvalidParameter' });
  });

  it('refuses a Reader with 403 AuthorizationFailed', async () => {
    await expect(
      resources(AUDITOR_UPN).resourceGroups.createOrUpdate('sdk-reader', { location: 'eastus' }),
    ).rejects.toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
  });

  it('surfaces throttling as 429 TooManyRequests with Retry-After', async () => {
    sim.inject('api-throttling', 'arm');
    try {
      await expect(
        resources(ADMIN_UPN, { retryOptions: { maxRetries: 0 } }).resourceGroups.get('sdk-a'),
      ).rejects.toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    } finally {
      sim.repair('api-throttling', 'arm');
    }
  });

  it('honours throttling: the SDK waits out Retry-After and its retry succeeds', async () => {
    const requests = countRequests(/\/resourcegroups\/sdk-a\?/i);
    const throttled = firstResponse(429);
    // the SDK's retry waits on setTimeout: fake it, so Retry-After's 10 s pass without a real sleep
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sim.inject('api-throttling', 'arm');
    try {
      const got = resources().resourceGroups.get('sdk-a');
      await throttled;
      sim.repair('api-throttling', 'arm');
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await got).name).toBe('sdk-a');
      expect(requests.count).toBe(2);
    } finally {
      vi.useRealTimers();
      requests.stop();
    }
  });
});
