import {
  expect,
  expectNoSeriousA11yViolations,
  setTheme,
  test,
  waitForApp,
  withScenario,
  type Theme,
} from './fixtures';

const CLUSTER = 'hci-cluster01';
const DIAGNOSTICS = `/connections/cluster/${CLUSTER}/tools/diagnostics`;

for (const theme of ['light', 'dark'] as Theme[]) {
  test(`lab, diagnostics and troubleshooter pass axe in the ${theme} theme`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto(withScenario('/lab', 'registered'));
    await waitForApp(page);
    await expect(page.getByRole('heading', { name: 'Simulated time' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(DIAGNOSTICS);
    await waitForApp(page);
    await expect(page.getByRole('heading', { name: 'Azure Stack HCI service (hcisvc)' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(
      `${DIAGNOSTICS}/troubleshoot?error=${encodeURIComponent('Event ID 591: Azure Stack HCI failed to connect with Azure')}`,
    );
    await waitForApp(page);
    await expect(page.getByTestId('troubleshoot-check')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('the lab follows window.hciSim, and its shareable link reproduces preset and clock', async ({
  page,
  hciSim,
}) => {
  await page.goto(withScenario('/lab', 'benefits-on'));
  await waitForApp(page);
  await hciSim.inject('node-down', 'hci-node2');
  await expect(page.getByRole('button', { name: 'Repair node-down on hci-node2' })).toBeVisible();
  await page.getByRole('button', { name: '+7 days' }).click();
  await expect(page.getByTestId('lab-offset')).toContainText('7 d ahead of real time');
  const link = await page.getByRole('textbox', { name: /Shareable link/ }).inputValue();
  expect(link).toContain('scenario=benefits-on');
  await page.goto(link);
  await waitForApp(page);
  await expect(page.getByTestId('lab-offset')).toContainText('7 d ahead of real time');
  await expect(page.getByTestId('lab-offset')).toContainText('preset benefits-on');
  // a fresh preset load: the node-down fault of the old world is gone
  await expect(page.getByTestId('fault-node-down')).toContainText('off');
});
