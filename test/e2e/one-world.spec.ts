import type { BrowserContext, Page } from '@playwright/test';
import { ARM, expect, test, waitForApp, withScenario } from './fixtures';

/** One browser profile, one simulated world: every tab of a context talks to the same one. */

const SUBSCRIPTIONS = `${ARM}/subscriptions?api-version=2022-12-01`;
const SERVERS = '/connections/cluster/hci-cluster01/tools/servers';

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await waitForApp(page);
  return page;
}

/** An ARM call from the page, as a script in it would make: status and body. */
function arm(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, url, b]) => {
      const res = await fetch(url, {
        method: m,
        // No Authorization header: the simulated ARM acts as the account signed in to the gateway.
        headers: { 'Content-Type': 'application/json' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: res.status, text: await res.text() };
    },
    [method, `${ARM}${path}`, body] as const,
  );
}

async function subscriptionId(page: Page): Promise<string> {
  const { status, text } = await arm(page, 'GET', '/subscriptions?api-version=2022-12-01');
  expect(status).toBe(200);
  const id = (JSON.parse(text) as { value: { subscriptionId: string }[] }).value[0]?.subscriptionId;
  if (!id) throw new Error(`no subscription in ${text}`);
  return id;
}

const group = (subscription: string, name: string) =>
  `/subscriptions/${subscription}/resourcegroups/${name}?api-version=2022-09-01`;

test('a resource group created in one tab is there in the other, without a reload', async ({ context }) => {
  const first = await open(context, withScenario('/', 'registered'));
  const second = await open(context, '/');
  const subscription = await subscriptionId(first);

  expect((await arm(second, 'GET', group(subscription, 'rg-one-world'))).status).toBe(404);
  const created = await arm(first, 'PUT', group(subscription, 'rg-one-world'), { location: 'eastus' });
  expect(created.status).toBe(201);
  const seen = await arm(second, 'GET', group(subscription, 'rg-one-world'));
  expect(seen.status).toBe(200);
  expect(JSON.parse(seen.text)).toMatchObject({ name: 'rg-one-world', location: 'eastus' });
});

test('both tabs write, both reload, and nothing is lost', async ({ context }) => {
  const first = await open(context, withScenario('/', 'registered'));
  const second = await open(context, '/');
  const subscription = await subscriptionId(first);

  expect((await arm(first, 'PUT', group(subscription, 'rg-from-first'), { location: 'eastus' })).status).toBe(
    201,
  );
  expect(
    (await arm(second, 'PUT', group(subscription, 'rg-from-second'), { location: 'westeurope' })).status,
  ).toBe(201);

  await first.reload();
  await waitForApp(first);
  await second.reload();
  await waitForApp(second);
  for (const page of [first, second]) {
    expect((await arm(page, 'GET', group(subscription, 'rg-from-first'))).status).toBe(200);
    expect((await arm(page, 'GET', group(subscription, 'rg-from-second'))).status).toBe(200);
  }
});

test("the lab in a second window injects node-down, and the first window's Servers row shows it", async ({
  context,
}) => {
  const demo = await open(context, withScenario(SERVERS, 'fresh'));
  const row = demo.getByRole('row', { name: /hci-node2/ });
  await expect(row.getByText('Up', { exact: true })).toBeVisible();

  const lab = await open(context, '/lab');
  const inject = lab.getByRole('button', { name: 'Inject node-down', exact: true });
  await inject.locator('xpath=..').getByRole('combobox', { name: 'Target' }).selectOption('hci-node2');
  await inject.click();
  await expect(lab.getByRole('button', { name: 'Repair node-down on hci-node2' })).toBeVisible();

  await expect(row.getByText('Down', { exact: true })).toBeVisible();
});

test("a tab opened after the first is told of the first tab's changes without a reload", async ({
  context,
}) => {
  const first = await open(context, withScenario('/', 'fresh'));
  // Opened once the world runs: its hello reaches a host that is already up, the case that lost the race.
  const late = await open(context, SERVERS);
  const row = late.getByRole('row', { name: /hci-node2/ });
  await expect(row.getByText('Up', { exact: true })).toBeVisible();

  await first.evaluate(() => window.hciSim?.inject('node-down', 'hci-node2'));

  await expect(row.getByText('Down', { exact: true })).toBeVisible();
});

test('a preset link in one tab resets the world the other tab shows', async ({ context }) => {
  const first = await open(context, withScenario(SERVERS, 'fresh'));
  await first.evaluate(() => window.hciSim?.inject('node-down', 'hci-node2'));
  const row = first.getByRole('row', { name: /hci-node2/ });
  await expect(row.getByText('Down', { exact: true })).toBeVisible();

  await open(context, withScenario('/', 'fresh'));
  await expect(row.getByText('Up', { exact: true })).toBeVisible();
});

test('the sign-in in a second tab completes the gateway registration in the first', async ({ context }) => {
  const page = await open(context, withScenario('/settings/register', 'fresh'));
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  const pane = page.getByRole('dialog', { name: 'Get started with Azure in Windows Admin Center' });
  const codeBox = pane.getByRole('textbox', { name: 'Device code' });
  await expect(codeBox).toHaveValue(/^[A-Z2-9]{9}$/);
  const code = await codeBox.inputValue();

  const signIn = await open(context, '/device-login');
  await signIn.getByRole('textbox', { name: 'Code' }).fill(code);
  await signIn.getByRole('button', { name: 'Next' }).click();
  await signIn.getByRole('button', { name: /admin@contoso\.onmicrosoft\.com/ }).click();
  await signIn.getByRole('button', { name: 'Continue' }).click();
  await expect(signIn.getByText(/You may now close this window\./)).toBeVisible();

  await expect(pane.getByText('Signed in as admin@contoso.onmicrosoft.com.')).toBeVisible();
});

// Each run is its own test, so each gets a fresh browser context (no cache, no service worker, no world).
for (let run = 1; run <= 20; run++) {
  test(`on a fresh browser context, the first ARM call made when window.hciSim appears is answered (${run} of 20)`, async ({
    page,
  }) => {
    await page.goto('/');
    await page.waitForFunction(() => window.hciSim !== undefined, undefined, { polling: 'raf' });
    const status = await page.evaluate(async (url) => (await fetch(url)).status, SUBSCRIPTIONS);
    expect(status).toBe(200);
  });
}

test('the only tab saying it closes (as it does on every reload) leaves the service worker registered', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/', 'registered');
  const registrations = await page.evaluate(async () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) throw new Error('the page is not controlled by the service worker');
    // What mocks/host/mock-service-worker-client.ts sends on beforeunload. msw's own worker unregisters
    // itself when the closing page is its last client, and a reload of the only tab then raced its new
    // document against the uninstall: 4 of 180 reloads began uncontrolled and had to register it again.
    worker.postMessage('CLIENT_CLOSED');
    // The worker takes messages in order; its answer to a keep-alive comes after it acted on the first.
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
        if (event.data.type === 'KEEPALIVE_RESPONSE') resolve();
      });
      worker.postMessage('KEEPALIVE_REQUEST');
    });
    return (await navigator.serviceWorker.getRegistrations()).length;
  });
  expect(registrations).toBe(1);

  await page.addInitScript(() => {
    Object.assign(window, { controlledAtStart: navigator.serviceWorker.controller !== null });
  });
  await page.reload();
  await waitForApp(page);
  expect(
    await page.evaluate(() => (window as unknown as { controlledAtStart: boolean }).controlledAtStart),
  ).toBe(true);
});

test.describe('in a browser without SharedWorker (Chrome on Android), one leader tab holds the world', () => {
  test.beforeEach(async ({ context }) => {
    // Before any of the page's scripts: index.html and mocks/browser.ts then find no SharedWorker.
    await context.addInitScript(() => {
      delete (window as { SharedWorker?: unknown }).SharedWorker;
    });
  });

  test('a resource group created in either tab is there in the other, and a fault shows in both', async ({
    context,
  }) => {
    const leader = await open(context, withScenario('/', 'registered'));
    const other = await open(context, SERVERS);
    expect(await other.evaluate(() => typeof window.SharedWorker)).toBe('undefined');
    const subscription = await subscriptionId(leader);

    expect((await arm(other, 'GET', group(subscription, 'rg-from-leader'))).status).toBe(404);
    expect(
      (await arm(leader, 'PUT', group(subscription, 'rg-from-leader'), { location: 'eastus' })).status,
    ).toBe(201);
    expect((await arm(other, 'GET', group(subscription, 'rg-from-leader'))).status).toBe(200);
    expect(
      (await arm(other, 'PUT', group(subscription, 'rg-from-other'), { location: 'westeurope' })).status,
    ).toBe(201);
    expect((await arm(leader, 'GET', group(subscription, 'rg-from-other'))).status).toBe(200);

    await leader.evaluate(() => window.hciSim?.inject('node-down', 'hci-node2'));
    await expect(
      other.getByRole('row', { name: /hci-node2/ }).getByText('Down', { exact: true }),
    ).toBeVisible();
  });

  test('when the leader tab closes, the next tab holds the world as it was', async ({ context }) => {
    const leader = await open(context, withScenario('/', 'registered'));
    const other = await open(context, SERVERS);
    const subscription = await subscriptionId(leader);
    expect(
      (await arm(other, 'PUT', group(subscription, 'rg-before-close'), { location: 'eastus' })).status,
    ).toBe(201);

    await leader.close();

    expect((await arm(other, 'GET', group(subscription, 'rg-before-close'))).status).toBe(200);
    await other.evaluate(() => window.hciSim?.inject('node-down', 'hci-node2'));
    await expect(
      other.getByRole('row', { name: /hci-node2/ }).getByText('Down', { exact: true }),
    ).toBeVisible();
    const late = await open(context, '/');
    expect((await arm(late, 'GET', group(subscription, 'rg-before-close'))).status).toBe(200);
  });
});
