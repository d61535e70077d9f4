import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const CLUSTER = 'hci-cluster01';
const PAGE = `/connections/cluster/${CLUSTER}/settings/azure-benefits`;
const DASHBOARD = `/connections/cluster/${CLUSTER}/tools/dashboard`;

function header(page: Page, label: string): Locator {
  return page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

function table(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

test('moving VMs between the tables in bulk updates both counts, the header and the dashboard without a reload', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(PAGE, 'benefits-on');
  await page.getByRole('tab', { name: 'VMs' }).click();
  const withBenefits = table(page, 'VMs with Azure benefits');
  const without = table(page, 'VMs without Azure benefits');
  await expect(withBenefits.getByText('8 items')).toBeVisible();

  await withBenefits.getByRole('searchbox').fill('web');
  await expect(withBenefits.getByText('2 matches')).toBeVisible();
  await withBenefits.getByRole('checkbox', { name: 'Select all rows' }).click();
  await withBenefits.getByRole('button', { name: 'Turn off Azure benefits for VMs' }).click();
  await hciSim.advance('1m');

  await expect(withBenefits.getByText('6 items')).toBeVisible();
  await expect(without.getByText('2 items')).toBeVisible();
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('6 out of 8 VMs');

  await without.getByRole('checkbox', { name: 'Select all rows' }).click();
  await without.getByRole('button', { name: 'Turn on Azure benefits for VMs' }).click();
  await hciSim.advance('1m');
  await expect(without.getByText('0 items')).toBeVisible();
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('8 out of 8 VMs');

  await withBenefits.getByRole('searchbox').fill('');
  await withBenefits.getByRole('checkbox', { name: 'Select dc01' }).click();
  await withBenefits.getByRole('button', { name: 'Turn off Azure benefits for VMs' }).click();
  await hciSim.advance('1m');
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('7 out of 8 VMs');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(new RegExp(DASHBOARD));
  // exact: until the dashboard has rendered, the benefits page's 'VMs with Azure benefits' regions are still shown
  await expect(page.getByRole('region', { name: 'Azure benefits', exact: true })).toContainText(
    '7 out of 8 VMs',
  );
});
