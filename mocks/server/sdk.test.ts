/**
 * The official Azure SDK for JavaScript, unchanged and with its own default api-versions and endpoint,
 * against the simulated ARM (msw/node answers https://management.azure.com; the SDKs refuse bearer
 * tokens over plain http, so serve:sim suits curl and PowerShell, and this test uses the interceptor).
 */
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_UPN, AUDITOR_UPN } from '../sim';
import { server, sim } from '../node';

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

  it('updates and deletes a group; the delete is a long-running operation the poller follows', async () => {
    const client = resources();
    await client.resourceGroups.createOrUpdate('sdk-del', { location: 'eastus' });
    const updated = await client.resourceGroups.update('sdk-del', { tags: { state: 'updated' } });
    expect(updated.tags).toEqual({ state: 'updated' });
    const poller = await client.resourceGroups.beginDelete('sdk-del', { updateIntervalInMs: 0 });
    await poller.pollUntilDone();
    expect(poller.isDone()).toBe(true);
    expect(await client.resourceGroups.checkExistence('sdk-del')).toMatchObject({ body: false });
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
});
