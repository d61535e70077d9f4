import type { BrowserContext, Page } from '@playwright/test';
import { ARM, expect, test } from './fixtures';

// A file of its own: Playwright takes a trace setting only at a file's top level (it forces a new worker).

const SUBSCRIPTIONS = `${ARM}/subscriptions?api-version=2022-12-01`;

// Playwright's trace snapshots crash Chromium's browser process (SIGTRAP, every page gone) when
// ServiceWorker.stopAllWorkers stops the worker that answered the page's requests: 17 of 60 runs with them
// (this test, and a script that only stops the worker and fetches), 0 of 56 without (16 of this test; 40 of
// the script with no trace, a trace without snapshots, or screenshots only). The crash is the browser's and
// the tracer's, not the page's; the trace keeps its actions and screenshots.
test.use({
  trace: { mode: 'retain-on-first-failure', snapshots: false, screenshots: true, sources: true },
});

/** The connections page of `registered`, and a way to stop its service worker as the browser does. */
async function connectionsWithStoppableWorker(
  page: Page,
  context: BrowserContext,
  gotoScenario: (path: string, scenario: string) => Promise<void>,
): Promise<() => Promise<unknown>> {
  await gotoScenario('/', 'registered');
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return () => cdp.send('ServiceWorker.stopAllWorkers');
}

/** An in-app navigation that needs a route's code: the cluster, from the connections list. */
async function openCluster(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'hci-cluster01' }).first().click();
  await expect(page.getByRole('heading', { name: 'hci-cluster01' }).first()).toBeVisible();
}

test('after the browser stops the service worker, the next fetch and navigation are answered by the world', async ({
  page,
  context,
  gotoScenario,
}) => {
  const stopWorkers = await connectionsWithStoppableWorker(page, context, gotoScenario);
  await stopWorkers();

  const status = await page.evaluate(async (url) => (await fetch(url)).status, SUBSCRIPTIONS);
  expect(status).toBe(200);

  await stopWorkers();
  await openCluster(page);
  await expect(page.getByText(/failed: 404/)).toHaveCount(0);
  await expect(page.getByText('hci-node1').first()).toBeVisible();
});

test("after the browser stops the service worker, the app's code still comes from the network, not through the restarted worker", async ({
  page,
  context,
  gotoScenario,
}) => {
  const stopWorkers = await connectionsWithStoppableWorker(page, context, gotoScenario);
  await stopWorkers();
  // A response the worker gave dies with it when it is stopped again: the browser then keeps the failed
  // module, and every later navigation that needs it fails until a reload.
  const throughWorker: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' && response.fromServiceWorker())
      throughWorker.push(response.url());
  });
  await openCluster(page);
  expect(throughWorker).toEqual([]);
});
