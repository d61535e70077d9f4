import type { Page } from '@playwright/test';
import {
  expect,
  expectNoSeriousA11yViolations,
  expectTheme,
  setTheme,
  test,
  waitForApp,
  type Theme,
  ARM,
} from './fixtures';

const CLUSTER = 'hci-cluster01';
const NODES = ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'];
const DASHBOARD = `/connections/cluster/${CLUSTER}/tools/dashboard`;
const SERVERS = `/connections/cluster/${CLUSTER}/tools/servers`;

interface ArmReply {
  status: number;
  body: unknown;
}
interface ArmList<T> {
  value: T[];
}
interface ArmError {
  error: { code: string; message: string };
}

/** Calls the simulated Azure Resource Manager from the page, the way the portal does (through MSW's worker). */
function arm(page: Page, method: string, path: string, body?: unknown): Promise<ArmReply> {
  return page.evaluate(
    async ([url, verb, payload]) => {
      try {
        const res = await fetch(url, {
          method: verb,
          ...(payload === undefined
            ? {}
            : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }),
        });
        const text = await res.text();
        return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
      } catch (error) {
        // No handler answered: MSW let the request through to a network the tests do not have.
        return { status: 0, body: `${verb} ${url} failed: ${String(error)}` };
      }
    },
    [`${ARM}${path}`, method, body] as const,
  );
}

function expectArmError(reply: ArmReply, status: number, code?: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const { error } = reply.body as ArmError;
  expect(error.code).toEqual(code ?? expect.stringMatching(/\w/));
  expect(error.message).toMatch(/\w/);
}

test('a fresh world lists the cluster, and its dashboard shows four servers not yet registered', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/', 'fresh');
  await expect(page.getByRole('heading', { name: 'All Connections' })).toBeVisible();
  await expect(
    page
      .getByRole('link', { name: CLUSTER })
      .or(page.getByRole('row', { name: new RegExp(CLUSTER) }))
      .first(),
  ).toBeVisible();

  await page.getByText(CLUSTER, { exact: true }).first().click();

  await expect(page).toHaveURL(new RegExp(`${DASHBOARD}(\\?|$)`));
  for (const node of NODES) await expect(page.getByText(node).first()).toBeVisible();
  await expect(page.getByText('Not yet registered').first()).toBeVisible();
  await expect(
    page
      .getByRole('link', { name: 'Register this cluster' })
      .or(page.getByRole('button', { name: 'Register this cluster' }))
      .first(),
  ).toBeVisible();
});

test('a server that goes down shows as Down without a reload', async ({ page, gotoScenario, hciSim }) => {
  await gotoScenario(SERVERS, 'fresh');
  const row = page.getByRole('row', { name: /hci-node2/ });
  await expect(row.getByText('Up', { exact: true })).toBeVisible();

  await hciSim.inject('node-down', 'hci-node2');

  await expect(row.getByText('Down', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /hci-node1/ }).getByText('Up', { exact: true })).toBeVisible();
});

test('31 days unregistered puts the cluster out of policy, and that survives a reload', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(DASHBOARD, 'fresh');
  await expect(page.getByText('Not yet registered').first()).toBeVisible();

  await hciSim.advance('31d');

  const outOfPolicy = page.getByText(/Out of policy|OutOfPolicy/i).first();
  await expect(outOfPolicy).toBeVisible();

  // No ?scenario= this time: the world must come back from where it was left.
  await page.goto(DASHBOARD);
  await waitForApp(page);
  await expect(outOfPolicy).toBeVisible();
});

test('the simulated ARM validates resource group names and enforces the Reader role', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario('/', 'gateway-registered');

  const subs = await arm(page, 'GET', '/subscriptions?api-version=2022-12-01');
  expect(subs.status, JSON.stringify(subs.body)).toBe(200);
  const subscriptionId = (subs.body as ArmList<{ subscriptionId: string }>).value[0]?.subscriptionId;
  expect(subscriptionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const groups = `/subscriptions/${String(subscriptionId)}/resourcegroups`;
  const listGroups = async () => {
    const reply = await arm(page, 'GET', `${groups}?api-version=2022-09-01`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return (reply.body as ArmList<{ name: string }>).value.map((g) => g.name);
  };
  expect(Array.isArray(await listGroups())).toBe(true);

  const invalid = await arm(page, 'PUT', `${groups}/bad%20name.?api-version=2022-09-01`, {
    location: 'eastus',
  });
  expectArmError(invalid, 400);
  expect(await listGroups()).not.toContain('bad name.');

  await hciSim.inject('reader-only');
  const denied = await arm(page, 'PUT', `${groups}/rg-e2e?api-version=2022-09-01`, { location: 'eastus' });
  expectArmError(denied, 403, 'AuthorizationFailed');
  expect(await listGroups()).not.toContain('rg-e2e');
});

for (const theme of ['light', 'dark'] satisfies Theme[]) {
  test(`All connections and the dashboard have no serious accessibility violations in the ${theme} theme`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);

    await gotoScenario('/', 'fresh');
    await expect(page.getByRole('heading', { name: 'All Connections' })).toBeVisible();
    await expectTheme(page, theme);
    await expectNoSeriousA11yViolations(page);

    await gotoScenario(DASHBOARD, 'fresh');
    await expect(page.getByText('hci-node1').first()).toBeVisible();
    await expectTheme(page, theme);
    await expectNoSeriousA11yViolations(page);
  });
}
