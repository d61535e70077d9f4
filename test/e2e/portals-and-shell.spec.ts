import { expect, expectNoSeriousA11yViolations, setTheme, test, type Theme } from './fixtures';

const CLUSTER = '/connections/cluster/hci-cluster01';
const VMS = `${CLUSTER}/tools/virtual-machines`;
const CLUSTER_TOOLS = [
  'dashboard',
  'servers',
  'virtual-machines',
  'azure-arc',
  'azure-arc/servers',
  'azure-arc/registration',
  'diagnostics',
];

test("the Azure portal view wears the portal's chrome, and the cluster blade shows Essentials with its status in the portal's words", async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/azure/hci', 'registered');
  await expect(page.locator('header').first()).toContainText('Microsoft Azure');
  await expect(page.getByRole('searchbox', { name: /Search resources, services, and docs/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Signed-in account' })).toContainText('@');
  const list = page.getByRole('grid', { name: 'Azure Stack HCI' });
  await expect(list.getByText('Connected', { exact: true })).toBeVisible();
  await expect(list.getByText('ConnectedRecently')).toHaveCount(0);

  await list.getByRole('link', { name: 'hci-cluster01' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'hci-cluster01' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'hci-cluster01 menu' })).toContainText('Overview');
  await expect(page.getByRole('toolbar', { name: 'hci-cluster01 commands' })).toContainText('Delete');
  const essentials = page.getByRole('region', { name: 'Essentials' });
  for (const label of ['Resource group', 'Status', 'Location', 'Subscription', 'Subscription ID', 'Tags'])
    await expect(essentials.getByText(label, { exact: true })).toBeVisible();
  await expect(essentials.getByText('Connected', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Azure Stack HCI');
});

test('at 1280×720 the VM action bar stays on one line and moves what does not fit into More', async ({
  page,
  gotoScenario,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoScenario(VMS, 'registered');
  const bar = page.getByRole('toolbar', { name: 'Virtual machine actions' });
  const boxes = await bar.getByRole('button').evaluateAll((buttons) =>
    buttons
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { top: Math.round(r.top), height: Math.round(r.height), text: b.textContent };
      }),
  );
  expect(new Set(boxes.map((b) => b.top)).size, JSON.stringify(boxes)).toBe(1);
  for (const box of boxes) expect(box.height, box.text).toBeLessThanOrEqual(40);
  const more = bar.getByRole('button', { name: 'More' });
  await expect(more).toBeVisible();
  await more.click();
  await expect(page.getByRole('menuitem', { name: 'Show PowerShell' })).toBeVisible();
});

test('typing into a filter box leaves the box where it is while the count of matches appears', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario(VMS, 'registered');
  const box = page.getByRole('searchbox', { name: 'Search virtual machines' });
  const before = await box.boundingBox();
  await box.click();
  await page.keyboard.type('dc');
  await expect(page.getByText(/^\d+ match(es)?$/)).toBeVisible();
  // The left edge: the box's clear button appears on its right, inside it, once there is text.
  expect((await box.boundingBox())?.x).toBe(before?.x);
});

test('at 1024×768 no cluster tool scrolls sideways', async ({ page, gotoScenario }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await gotoScenario(`${CLUSTER}/tools/dashboard`, 'registered');
  for (const tool of CLUSTER_TOOLS) {
    await page.goto(`${CLUSTER}/tools/${tool}`);
    await page.waitForFunction(() => document.body.dataset.appReady === 'true');
    await expect(page.getByRole('main')).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `${tool} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  }
});

test('with api-errors on, a failed Start names the VM in place and the table stays', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(VMS, 'registered');
  const grid = page.getByRole('grid', { name: 'Virtual machines' });
  await grid.getByRole('gridcell', { name: 'web02', exact: true }).click();
  await hciSim.inject('api-errors');
  await page
    .getByRole('toolbar', { name: 'Virtual machine actions' })
    .getByRole('button', { name: 'Start' })
    .click();
  const failure = page.getByRole('region', { name: 'Failed actions' });
  await expect(failure).toContainText("Couldn't start the virtual machine 'web02'.");
  await failure.getByRole('button', { name: 'Details' }).click();
  await expect(failure).toContainText('Tracking ID');
  await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'web02', exact: true })).toBeVisible();
  await expect(page.getByText("Couldn't load the connection")).toHaveCount(0);
});

test('Machines - Azure Arc is a browse list whose machine opens as a blade with Essentials', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/azure/machines', 'registered');
  await expect(page.getByRole('heading', { level: 1, name: 'Machines - Azure Arc' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Filter for any field...' })).toBeVisible();
  const list = page.getByRole('grid', { name: 'Machines - Azure Arc' });
  await list.getByRole('link', { name: 'hci-node1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'hci-node1' })).toBeVisible();
  const essentials = page.getByRole('region', { name: 'Essentials' });
  for (const label of ['Resource group', 'Status', 'Location', 'Subscription', 'Subscription ID', 'Tags'])
    await expect(essentials.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Machines - Azure Arc');
});

test('an Azure Stack VM opens as a deep-linkable blade with Connect, Start, Stop, Delete and Checkpoints', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/azure-stack?cloud=AzurePack_1', 'fresh');
  await page
    .getByRole('grid', { name: 'Virtual machines of AzurePack_1' })
    .getByRole('gridcell', { name: 'wap1-app01', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'wap1-app01' })).toBeVisible();
  const bar = page.getByRole('toolbar', { name: 'Virtual machine actions' });
  for (const command of ['Connect', 'Start', 'Stop', 'Delete', 'Checkpoints'])
    await expect(bar.getByRole('button', { name: command })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Essentials' })).toContainText('Running');
  const link = page.url();
  expect(link).toContain('vm=');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'wap1-app01' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test(`the portal browse lists have no serious accessibility violations (${theme})`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    for (const path of [
      '/azure',
      '/azure/resource-groups',
      '/azure/machines',
      '/azure/hci',
      '/azure/resources',
      '/azure-stack?cloud=AzurePack_1',
    ]) {
      await gotoScenario(path, 'registered');
      await expectNoSeriousA11yViolations(page);
    }
  });

  test(`the portal blades have no serious accessibility violations (${theme})`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    await gotoScenario('/azure/hci', 'registered');
    await page.getByRole('link', { name: 'hci-cluster01' }).click();
    await expect(page.getByRole('region', { name: 'Essentials' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/azure/machines');
    await page.getByRole('link', { name: 'hci-node1' }).click();
    await expect(page.getByRole('region', { name: 'Essentials' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/azure-stack?cloud=AzurePack_1');
    await page.getByRole('gridcell', { name: 'wap1-app01', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Essentials' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
