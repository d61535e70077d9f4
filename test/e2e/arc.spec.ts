import { expect, expectNoSeriousA11yViolations, setTheme, test, type Theme } from './fixtures';

const ARC_SERVERS = '/connections/cluster/hci-cluster01/tools/azure-arc/servers';
const MACHINES = '/azure/machines';

test('hci-node3 goes Disconnected on both sides 30 minutes after it goes down, and Connected within 5 minutes of the repair', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(ARC_SERVERS, 'registered');
  const arcRow = () =>
    page.getByRole('grid', { name: 'Arc-enabled servers' }).getByRole('row', { name: /^hci-node3/ });
  await expect(arcRow().getByText('Connected', { exact: true })).toBeVisible();

  await hciSim.inject('node-down', 'hci-node3');
  await hciSim.advance('30m');
  await expect(arcRow().getByText('Disconnected (Offline)')).toBeVisible();

  await page.getByRole('link', { name: 'View hci-node3 in the Azure portal' }).click();
  await expect(page.getByRole('heading', { name: 'hci-node3' })).toBeVisible();
  await expect(page.getByText('Disconnected', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Machines - Azure Arc' }).click();
  const machineRow = page
    .getByRole('grid', { name: 'Machines - Azure Arc' })
    .getByRole('row', { name: /^hci-node3/ });
  await expect(machineRow.getByText('Disconnected', { exact: true })).toBeVisible();

  await hciSim.repair('node-down', 'hci-node3');
  await hciSim.advance('5m');
  await expect(machineRow.getByText('Connected', { exact: true })).toBeVisible();
});

test('running a generated script adds a server whose machine connects at its first heartbeat', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(`${MACHINES}/add`, 'registered');
  await page.getByRole('combobox', { name: /Resource group/ }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('combobox', { name: /Region/ }).click();
  await page.getByRole('option', { name: 'East US', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('textbox', { name: 'Datacenter' }).fill(`DC "1" $(reboot) \`x\` it's`);
  await page.getByRole('button', { name: 'Next: Download and run script' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe('OnboardingScript.ps1');

  await page.getByRole('textbox', { name: /Server name/ }).fill('edge01');
  await page.getByRole('button', { name: 'Run on a simulated server' }).click();
  await expect(page.getByText('edge01 is connected to Azure Arc')).toBeVisible();
  await page.getByRole('link', { name: 'Machines - Azure Arc' }).click();
  const row = page.getByRole('grid', { name: 'Machines - Azure Arc' }).getByRole('row', { name: /^edge01/ });
  await expect(row.getByTitle('The agent has not sent its first heartbeat yet')).toBeVisible();
  await hciSim.advance('5m');
  await expect(row.getByText('Connected', { exact: true })).toBeVisible();
});

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
