import { expect, expectNoSeriousA11yViolations, setTheme, test, type Theme } from './fixtures';

const ARC_SERVERS = '/connections/cluster/hci-cluster01/tools/azure-arc/servers';
const MACHINES = '/azure/machines';

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`the machines list and the generate-script tabs pass axe in the ${theme} theme`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    await gotoScenario(MACHINES, 'registered');
    await expect(
      page.getByRole('grid', { name: 'Machines - Azure Arc' }).getByRole('row', { name: /^hci-node1/ }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await gotoScenario(`${MACHINES}/add`, 'registered');
    await expect(page.getByRole('group', { name: 'Basics' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('combobox', { name: /Resource group/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: /Region/ }).click();
    await page.getByRole('option', { name: 'East US', exact: true }).click();
    await page.getByRole('tab', { name: 'Tags' }).click();
    await expect(page.getByRole('group', { name: 'Tags' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('tab', { name: 'Download and run script' }).click();
    await expect(page.getByRole('textbox', { name: 'OnboardingScript.ps1' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await gotoScenario(ARC_SERVERS, 'registered');
    await expect(page.getByRole('grid', { name: 'Arc-enabled servers' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
