import { readFile } from 'node:fs/promises';
import { expect, expectNoSeriousA11yViolations, setTheme, test } from './fixtures';

const TOOL = '/connections/cluster/hci-cluster01/tools/virtual-machines';

test('Connect downloads a valid .rdp naming the VM address', async ({ page, gotoScenario }) => {
  await gotoScenario(TOOL, 'fresh');
  await page
    .getByRole('grid', { name: 'Virtual machines' })
    .getByRole('row', { name: /dc01/ })
    .getByRole('gridcell', { name: 'dc01', exact: true })
    .click();
  // At 1440×900 Connect is past what the action bar holds, so it sits in WAC's More (…) menu.
  await page
    .getByRole('toolbar', { name: 'Virtual machine actions' })
    .getByRole('button', { name: 'More' })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Connect' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('dc01.rdp');
  const text = await readFile(await file.path(), 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('full address:s:10.0.1.11');
  for (const line of lines) expect(line).toMatch(/^[a-z ]+:[is]:.*$/);
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
    await expect(page.getByRole('region', { name: 'Essentials' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
