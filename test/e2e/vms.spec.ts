import { readFile } from 'node:fs/promises';
import { expect, expectNoSeriousA11yViolations, setTheme, test } from './fixtures';

const TOOL = '/connections/cluster/hci-cluster01/tools/virtual-machines';
const LICENSING =
  'There was a failure configuring the virtual machine role for \'app42\'. Job failed. Error opening "app42" clustered roles. The service being accessed is licensed for a particular number of connections. No more connections can be made to the service at this time because there are already as many connections as the service can accept.';

test('creating a VM on out-of-policy fails with the licensing error; after repair and sync it succeeds and the VM appears on its host', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(TOOL, 'out-of-policy');
  const create = async () => {
    await page.getByRole('button', { name: 'Create' }).click();
    const pane = page.getByRole('dialog', { name: 'Add virtual machine' });
    await pane.getByRole('textbox', { name: /Name/ }).fill('app42');
    await pane.getByRole('combobox', { name: /Host server/ }).click();
    await page.getByRole('option', { name: /hci-node2/ }).click();
    await pane.getByRole('button', { name: 'Create' }).click();
    return pane;
  };
  const pane = await create();
  await expect(pane.getByRole('progressbar')).toBeVisible();
  await hciSim.advance('10s');
  await expect(pane.getByText(LICENSING, { exact: false })).toBeVisible();
  await pane.getByRole('button', { name: 'Cancel' }).click();

  for (const node of ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'])
    await hciSim.repair('outbound-blocked', node);
  const sync = await page.evaluate(
    async () => (await fetch('/api/clusters/hci-cluster01/sync', { method: 'POST' })).status,
  );
  expect(sync).toBe(202);
  await hciSim.advance('2m');

  await create();
  await hciSim.advance('10s');
  const row = page.getByRole('grid', { name: 'Virtual machines' }).getByRole('row', { name: /app42/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('gridcell', { name: 'hci-node2', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /Notifications/ }).click();
  await expect(
    page.getByText("Successfully created the virtual machine 'app42' on hci-node2.").first(),
  ).toBeVisible();
});

test('Connect downloads a valid .rdp naming the VM address', async ({ page, gotoScenario }) => {
  await gotoScenario(TOOL, 'fresh');
  await page
    .getByRole('grid', { name: 'Virtual machines' })
    .getByRole('row', { name: /dc01/ })
    .getByRole('gridcell', { name: 'dc01', exact: true })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Connect' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('dc01.rdp');
  const text = await readFile(await file.path(), 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('full address:s:10.0.1.11');
  for (const line of lines) expect(line).toMatch(/^[a-z ]+:[is]:.*$/);
});

test('in the multi-cloud portal, deleting a WAP network in use is refused with the reason, and an unreachable connector shows its status', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/azure-stack?cloud=AzurePack_1&view=networks', 'fresh');
  await page
    .getByRole('grid', { name: 'Virtual networks of AzurePack_1' })
    .getByRole('gridcell', { name: 'azurepack_1-vnet01', exact: true })
    .click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: "Delete the virtual network 'azurepack_1-vnet01'?" });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(
    dialog.getByText(/It is in use by the virtual machines 'wap1-app01', 'wap1-db01', 'wap1-jump01'/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const status = await page.evaluate(
    async () =>
      (
        await fetch('/api/wap/clouds/AzurePack_2/connector', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ reachable: false }),
        })
      ).status,
  );
  expect(status).toBe(200);
  await page.getByRole('combobox', { name: 'Cloud' }).click();
  await page.getByRole('option', { name: /AzurePack_2/ }).click();
  await expect(page.getByText('AzurePack_2 is unavailable')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Status of AzurePack_2' })).toContainText(
    'Connector unreachable',
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious violation on the VM pages of both solutions (${theme})`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    await gotoScenario(TOOL, 'fresh');
    await page
      .getByRole('grid', { name: 'Virtual machines' })
      .getByRole('gridcell', { name: 'sql01', exact: true })
      .click();
    await expect(page.getByRole('region', { name: 'Details - sql01' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await gotoScenario('/azure-stack?cloud=AzurePack_1', 'fresh');
    await page
      .getByRole('grid', { name: 'Virtual machines of AzurePack_1' })
      .getByRole('gridcell', { name: 'wap1-app01', exact: true })
      .click();
    await expect(page.getByRole('region', { name: 'Details - wap1-app01' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
