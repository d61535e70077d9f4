import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test, type HciSim } from './fixtures';

// Each journey runs several jobs and axe scans in real time; the default 60 s is tight on a busy machine.
test.describe.configure({ timeout: 120_000 });

const CLUSTER = 'hci-cluster01';
const PAGE = `/connections/cluster/${CLUSTER}/settings/azure-benefits`;
const DASHBOARD = `/connections/cluster/${CLUSTER}/tools/dashboard`;
const NODES = ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'];

type Sim = {
  [M in keyof HciSim]: (...args: Parameters<HciSim[M]>) => Promise<Awaited<ReturnType<HciSim[M]>>>;
};

/** The date 30 days after simulated now, as the page formats it (en-US, the browser's time zone). */
async function in30Days(page: Page, hciSim: Sim): Promise<string> {
  const now = String(await hciSim.now());
  return page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }).format(
        new Date(Date.parse(iso) + 30 * 86_400_000),
      ),
    now,
  );
}

function serverRow(page: Page, node: string): Locator {
  return page
    .getByRole('grid', { name: 'Servers and their Azure benefits' })
    .getByRole('row', { name: new RegExp(`^${node}\\.`) });
}

function header(page: Page, label: string): Locator {
  return page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

function table(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

test('from registered, turning Azure benefits on with every VM makes every server Active for 30 days and N out of N VMs', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(PAGE, 'registered');
  await expect(page.getByRole('heading', { name: 'Azure benefits' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Azure benefits' }),
  ).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Turn on' }).click();
  const pane = page.getByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
  await expect(
    pane.getByRole('checkbox', { name: 'Turn on for all existing VMs (recommended)' }),
  ).toBeChecked();
  await expect(
    pane.getByText("For now, you'll have to manually enable benefits on each VM you create later."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the running Generation 1 VM can't take the adapter: turn it off from the pane first
  await pane.getByRole('button', { name: 'Turn off legacy-app01' }).click();
  await hciSim.advance('5s');
  await expect(pane.getByText('Generation 1 VMs must be turned off first')).toBeHidden();

  await pane.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('status', { name: 'Running operations' })).toContainText(
    'Enable Azure Stack HCI IMDS Attestation...',
  );
  await hciSim.advance('2m');

  await expect(page.getByText('Turn on Azure benefits: succeeded')).toBeVisible();
  await expect(header(page, 'Azure benefits cluster status')).toHaveText('On');
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('8 out of 8 VMs');
  const expiry = await in30Days(page, hciSim);
  for (const node of NODES) {
    await expect(serverRow(page, node).getByRole('gridcell')).toHaveText([
      `${node}.contoso.local`,
      'Active',
      expiry,
    ]);
  }
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('tab', { name: 'VMs' }).click();
  await expect(table(page, 'VMs with Azure benefits').getByText('8 items')).toBeVisible();
  await expect(table(page, 'VMs without Azure benefits').getByText('No records found')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the notifications pane lists the job with its result
  await page
    .getByRole('button', { name: /notifications/i })
    .first()
    .click();
  await expect(page.getByText('Enable Azure Stack HCI IMDS Attestation...').first()).toBeVisible();
});

test('31 days cut off from Azure turns every server Expired; after the repair, Sync with Azure makes them Active again', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(PAGE, 'benefits-on');
  await expect(serverRow(page, 'hci-node1').getByText('Active')).toBeVisible();

  await hciSim.inject('outbound-blocked');
  await hciSim.advance('31d');
  for (const node of NODES) await expect(serverRow(page, node).getByText('Expired')).toBeVisible();
  await expect(page.getByText("The cluster can't sync with Azure now")).toBeVisible();

  await page.getByRole('button', { name: 'Sync with Azure' }).click();
  await hciSim.advance('10s');
  await expect(page.getByText('Sync with Azure: failed')).toBeVisible();
  await expect(
    page.getByText(/outbound HTTPS connectivity is blocked or the proxy is misconfigured/).first(),
  ).toBeVisible();

  await hciSim.repair('outbound-blocked');
  await expect(page.getByText("The cluster can't sync with Azure now")).toBeHidden();
  await page.getByRole('button', { name: 'Sync with Azure' }).click();
  await hciSim.advance('10s');
  await expect(page.getByText('Sync with Azure: succeeded')).toBeVisible();
  const expiry = await in30Days(page, hciSim);
  for (const node of NODES)
    await expect(serverRow(page, node).getByRole('gridcell')).toHaveText([
      `${node}.contoso.local`,
      'Active',
      expiry,
    ]);
});

test('a server added later is Inactive with a banner; its VMs wait until Enable inactive server makes it Active', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(PAGE, 'new-node');
  await expect(serverRow(page, 'hci-node5').getByText('Inactive')).toBeVisible();
  await expect(
    page.getByText(/hci-node5 was added to the cluster after Azure benefits was turned on/),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'VMs' }).click();
  const without = table(page, 'VMs without Azure benefits');
  await without.getByRole('checkbox', { name: 'Select new-app01' }).click();
  await expect(without.getByText(/The IMDS Service on hci-node5 needs to be activated/)).toBeVisible();
  await expect(
    without.getByText('Go to the Cluster tab to fix Azure benefits for hci-node5, then try again.'),
  ).toBeVisible();
  await without.getByRole('button', { name: 'Go to the Cluster tab' }).click();

  await page.getByRole('button', { name: 'Enable inactive server' }).click();
  await expect(page.getByRole('status', { name: 'Running operations' })).toContainText(
    'Configuring AzureStack HCI IMDS Attestation on hci-node5',
  );
  await hciSim.advance('1m');
  await expect(page.getByText('Enable inactive server: succeeded')).toBeVisible();
  await expect(serverRow(page, 'hci-node5').getByRole('gridcell')).toHaveText([
    'hci-node5.contoso.local',
    'Active',
    await in30Days(page, hciSim),
  ]);
  await expect(page.getByRole('button', { name: 'Enable inactive server' })).toBeHidden();

  await page.getByRole('tab', { name: 'VMs' }).click();
  await without.getByRole('checkbox', { name: 'Select all rows' }).click();
  await without.getByRole('button', { name: 'Turn on Azure benefits for VMs' }).click();
  await hciSim.advance('1m');
  await expect(page.getByText('Turn on Azure benefits for VMs: succeeded')).toBeVisible();
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('10 out of 10 VMs');
});

test('a running Generation 1 VM is refused with the reason, and turned on once it is turned off from the same page', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario(PAGE, 'registered');
  await page.getByRole('button', { name: 'Turn on' }).click();
  const pane = page.getByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
  await pane.getByRole('checkbox', { name: 'Turn on for all existing VMs (recommended)' }).uncheck();
  await pane.getByRole('button', { name: 'Turn on' }).click();
  await hciSim.advance('2m');
  await expect(header(page, 'VMs with Azure benefits turned on')).toHaveText('0 out of 8 VMs');

  await page.getByRole('tab', { name: 'VMs' }).click();
  const without = table(page, 'VMs without Azure benefits');
  await without.getByRole('checkbox', { name: 'Select legacy-app01' }).click();
  await without.getByRole('button', { name: 'Turn on Azure benefits for VMs' }).click();
  const refusal = page.getByRole('group', { name: "Couldn't turn on Azure benefits for VMs" });
  await expect(refusal).toContainText('Unable to configure IMDS Service on VM.');
  await expect(refusal).toContainText(
    'Generation 1 VMs must be turned off before Azure benefits can be turned on for them.',
  );

  await refusal.getByRole('button', { name: 'Turn off legacy-app01' }).click();
  await hciSim.advance('5s');
  await expect(refusal.getByText('legacy-app01 is off now: try again.')).toBeVisible();
  await without.getByRole('button', { name: 'Turn on Azure benefits for VMs' }).click();
  await hciSim.advance('1m');
  await expect(page.getByText('Turn on Azure benefits for VMs: succeeded')).toBeVisible();
  await expect(
    table(page, 'VMs with Azure benefits').getByRole('row', { name: /legacy-app01/ }),
  ).toBeVisible();
});

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
  await expect(page.getByRole('region', { name: 'Azure benefits' })).toContainText('7 out of 8 VMs');
});
