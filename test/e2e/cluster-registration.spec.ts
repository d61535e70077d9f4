import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, setTheme, test, waitForApp } from './fixtures';

const SETTINGS = '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration';
const ARC_PAGE = '/connections/cluster/hci-cluster01/tools/azure-arc/registration';
const SUCCESS =
  'Azure Stack HCI is successfully registered. An Azure resource representing Azure Stack HCI has been created in your Azure subscription to enable an Azure-consistent monitoring, billing, and support experience.';

/** The registration pane, opened from the dashboard's Azure connection card of a gateway registered with Azure. */
async function openRegistrationFromDashboard(
  page: Page,
  gotoScenario: (path: string, scenario: string) => Promise<void>,
): Promise<Locator> {
  await gotoScenario('/connections/cluster/hci-cluster01/tools/dashboard', 'gateway-registered');
  await page
    .getByRole('region', { name: 'Azure connection' })
    .getByRole('link', { name: 'Register this cluster' })
    .click();
  return page.getByRole('dialog', { name: 'Register Azure Stack HCI' });
}

test('from the dashboard, registers hci-cluster01 with a new resource group in East US, every step checked, then Connected with each node Arc-enabled', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  const pane = await openRegistrationFromDashboard(page, gotoScenario);
  await expect(pane.getByRole('list', { name: 'Prerequisite checks' })).toBeVisible();
  await expect(pane.getByRole('textbox', { name: /New resource group name/ })).toHaveValue(
    'hci-cluster01-rg',
  );
  await expect(pane.getByRole('combobox', { name: /Azure region/ })).toHaveText('East US');
  await expect(
    pane.getByRole('list', { name: 'What will be created' }).getByText(/Azure Arc-enabled server hci-node\d/),
  ).toHaveCount(4);

  await pane.getByRole('button', { name: 'Register' }).click();
  const steps = pane.getByRole('list', { name: 'Steps' });
  await expect(steps.locator('[data-step-state="current"]')).toHaveText(
    'Checking whether the required modules are installed',
  );
  await hciSim.advance('2m');
  await expect(pane.getByText(SUCCESS)).toBeVisible();
  await expect(steps.locator('li')).toHaveCount(16);
  await expect(steps.locator('[data-step-state="done"]')).toHaveCount(16);
  await expect(steps.getByText('Creating Azure Resource Group hci-cluster01-rg')).toBeVisible();
  await expect(pane.getByRole('link', { name: 'View the Azure resource hci-cluster01' })).toHaveAttribute(
    'href',
    /\/azure\/resource\/subscriptions\/.+\/clusters\/hci-cluster01$/,
  );

  await pane.getByRole('button', { name: 'Close' }).first().click();
  const system = page.getByRole('region', { name: 'Azure Stack HCI system status' });
  await expect(system.getByText('Registered', { exact: true })).toBeVisible();
  await expect(system.getByText('Connected', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Server status' }).getByText('Arc-enabled')).toHaveCount(4);
});

test('a reload while the registration runs brings its pane back with the job where it was, and the job completes', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  const pane = await openRegistrationFromDashboard(page, gotoScenario);
  await pane.getByRole('button', { name: 'Register' }).click();
  const done = pane.getByRole('list', { name: 'Steps' }).locator('[data-step-state="done"]');
  await hciSim.advance('20s');
  await expect.poll(() => done.count()).toBeGreaterThan(0);
  const doneBeforeReload = await done.count();

  await page.reload();
  await waitForApp(page);
  // The world's clock runs on while the page reloads, so the job may have gone further, never back.
  await expect.poll(() => done.count()).toBeGreaterThanOrEqual(doneBeforeReload);
  await expect(pane.getByRole('button', { name: 'Register' })).toBeDisabled();

  await hciSim.advance('2m');
  await expect(pane.getByText(SUCCESS)).toBeVisible();
  await expect(done).toHaveCount(16);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the wizard and the status page have no serious accessibility violations (${theme})`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    await gotoScenario(ARC_PAGE, 'registered');
    await expect(page.getByRole('region', { name: 'Server status' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await gotoScenario(`${SETTINGS}?register=open`, 'gateway-registered');
    await expect(
      page
        .getByRole('dialog', { name: 'Register Azure Stack HCI' })
        .getByRole('list', { name: 'Prerequisite checks' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
