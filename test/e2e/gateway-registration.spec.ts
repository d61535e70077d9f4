import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, setTheme, test, waitForApp, type Theme } from './fixtures';

const ADMIN = 'admin@contoso.onmicrosoft.com';
const APP_NAME = 'WindowsAdminCenter-https://wac.contoso.local';
const CLOSING =
  'You have signed in to the Windows Admin Center application on your device. You may now close this window.';

async function openPane(page: Page): Promise<{ pane: Locator; code: string }> {
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  const pane = page.getByRole('dialog', { name: 'Get started with Azure in Windows Admin Center' });
  const codeBox = pane.getByRole('textbox', { name: 'Device code' });
  await expect(codeBox).toHaveValue(/^[A-Z2-9]{9}$/);
  return { pane, code: await codeBox.inputValue() };
}

/** Uses the code from the page's own world (the sign-in page in a tab is covered by the first test). */
async function redeemInPage(page: Page, code: string, upn: string): Promise<number> {
  return page.evaluate(
    async ([c, u]) => {
      const res = await fetch('/api/device-login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: c, upn: u }),
      });
      return res.status;
    },
    [code, upn] as const,
  );
}

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test(`registers the gateway and signs in entirely in the browser, the code used in a new tab (${theme})`, async ({
    page,
    context,
    gotoScenario,
  }) => {
    // Seven axe scans on two shared cores: the whole journey takes longer than the default minute.
    test.setTimeout(180_000);
    await setTheme(page, theme);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await gotoScenario('/settings/register', 'fresh');
    await expect(page.getByRole('heading', { name: 'Register with Azure' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Register' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoSeriousA11yViolations(page);

    const { pane, code } = await openPane(page);
    await expect(pane.getByRole('combobox', { name: 'Azure cloud' })).toHaveValue('AzureCloud');
    await expect(pane.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    await pane.getByRole('button', { name: 'Copy' }).click();
    await expect(pane.getByText('Code copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    const [signInTab] = await Promise.all([
      context.waitForEvent('page'),
      pane.getByRole('link', { name: /Enter the code/ }).click(),
    ]);
    await waitForApp(signInTab);
    await expect(signInTab.getByText(/Simulated Microsoft sign-in page/)).toBeVisible();
    await expect(signInTab.getByRole('heading', { name: 'Enter code' })).toBeVisible();
    await expectNoSeriousA11yViolations(signInTab);
    await signInTab.getByRole('textbox', { name: 'Code' }).fill(code);
    await signInTab.getByRole('button', { name: 'Next' }).click();
    await expect(signInTab.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
    await expectNoSeriousA11yViolations(signInTab);
    await signInTab.getByRole('button', { name: new RegExp(ADMIN) }).click();
    await expect(
      signInTab.getByRole('heading', { name: 'Are you trying to sign in to Windows Admin Center?' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(signInTab);
    await signInTab.getByRole('button', { name: 'Continue' }).click();
    await expect(signInTab.getByText(CLOSING)).toBeVisible();
    await expectNoSeriousA11yViolations(signInTab);
    await signInTab.close();

    // The registering tab notices the sign-in and offers the account's tenants.
    await expect(pane.getByText(`Signed in as ${ADMIN}.`)).toBeVisible();
    const tenant = pane.getByRole('combobox', { name: /Azure Active Directory \(tenant\) ID/ });
    await expect(tenant).toBeEnabled();
    await expect(tenant.locator('option')).toHaveText([/\(Contoso\)$/, /\(Fabrikam\)$/]);
    await expectNoSeriousA11yViolations(page);

    await pane.getByRole('button', { name: 'Connect' }).click();
    const consent = page.getByRole('dialog', { name: 'Permissions requested' });
    await expect(consent.getByText(APP_NAME)).toBeVisible();
    await expect(consent.getByText('This application is not published by Microsoft.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await consent.getByRole('button', { name: 'Accept' }).click();
    await expect(pane.getByText('Now connected to Azure AD')).toBeVisible();

    await pane.getByRole('button', { name: 'Sign in' }).click();
    await expect(pane.getByText(`Signed in as ${ADMIN}. You can close this pane.`)).toBeVisible();
    await expect(pane.getByRole('heading', { level: 3 })).toHaveText([
      /Select an Azure cloud/,
      /Copy this code/,
      /Enter the code/,
      /Connect to Azure Active Directory/,
      /Sign in to Azure/,
    ]);
    await expect(pane.locator('h3 svg')).toHaveCount(5);
    await expectNoSeriousA11yViolations(page);

    // The world persists: a reload keeps the gateway registered and the account signed in.
    await page.goto('/settings/account');
    await waitForApp(page);
    await expect(page.getByText(`Contoso Admin (${ADMIN})`)).toBeVisible();
    await expect(page.getByRole('table', { name: `Roles of ${ADMIN} per subscription` })).toContainText(
      'Owner',
    );
    await expectNoSeriousA11yViolations(page);
  });
}

test('an unknown application ID is refused next to the field, and Connect does not proceed', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/settings/register', 'fresh');
  const { pane, code } = await openPane(page);
  expect(await redeemInPage(page, code, ADMIN)).toBe(200);
  await expect(pane.getByText(`Signed in as ${ADMIN}.`)).toBeVisible();
  await pane.getByRole('radio', { name: 'Use existing' }).check();
  const appId = pane.getByRole('textbox', { name: /Azure application ID/ });
  await appId.fill('11111111-2222-3333-4444-555555555555');
  await pane.getByRole('button', { name: 'Connect' }).click();
  await expect(
    pane.getByText(
      "A registered application with the ID '11111111-2222-3333-4444-555555555555' was not found.",
    ),
  ).toBeVisible();
  await expect(appId).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('dialog', { name: 'Permissions requested' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('an expired device code says so and offers a new one', async ({ page, gotoScenario, hciSim }) => {
  await gotoScenario('/settings/register', 'fresh');
  const { pane, code } = await openPane(page);
  await hciSim.advance('16m');
  await expect(pane.getByText('This code has expired')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await pane.getByRole('button', { name: 'Get a new code' }).click();
  await expect(pane.getByRole('textbox', { name: 'Device code' })).not.toHaveValue(code);
  await expect(pane.getByText('This code has expired')).toHaveCount(0);
});

test('with no-aad-consent the flow waits for an admin, then finishes without re-entering anything', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await gotoScenario('/settings/register', 'fresh');
  await hciSim.inject('no-aad-consent', ADMIN);
  const { pane, code } = await openPane(page);
  expect(await redeemInPage(page, code, ADMIN)).toBe(200);
  await pane.getByRole('button', { name: 'Connect' }).click();
  await page
    .getByRole('dialog', { name: 'Permissions requested' })
    .getByRole('button', { name: 'Accept' })
    .click();
  await expect(pane.getByText('Need admin approval')).toBeVisible();
  const link = pane.getByRole('link', { name: `open ${APP_NAME} in App registrations` });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/azure\/app-registrations\/[0-9a-f-]{36}$/);
  await expectNoSeriousA11yViolations(page);

  // An administrator grants consent (what the cloud view's Grant admin consent does).
  await hciSim.repair('no-aad-consent', ADMIN);
  const appId = (href ?? '').split('/').at(-1) ?? '';
  const status = await page.evaluate(
    async ([id, upn]) =>
      (
        await fetch(`/api/cloud/apps/${id}/grant-consent`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ upn }),
        })
      ).status,
    [appId, ADMIN] as const,
  );
  expect(status).toBe(200);
  await pane.getByRole('button', { name: 'Check again' }).click();
  await expect(pane.getByText('Now connected to Azure AD')).toBeVisible();
  await pane.getByRole('button', { name: 'Sign in' }).click();
  await expect(pane.getByText(`Signed in as ${ADMIN}. You can close this pane.`)).toBeVisible();
});

test('after Sign out, Azure needs a sign-in again; Unregister → Confirm keeps the Azure app', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario('/settings/account', 'gateway-registered');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText(/Not signed in\./)).toBeVisible();
  const readiness = await page.evaluate(
    async () => (await (await fetch('/api/gateway/azure-readiness')).json()) as { code: string },
  );
  expect(readiness.code).toBe('NotSignedIn');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to Azure' });
  await expect(dialog.getByRole('combobox', { name: 'Account' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#main-content').getByText(`Contoso Admin (${ADMIN})`)).toBeVisible();

  await page.getByRole('link', { name: 'Register', exact: true }).click();
  await page.getByRole('button', { name: 'Unregister' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Unregister from Azure' });
  await expect(confirm).toContainText(
    "It doesn't delete the Azure app or affect any Azure services used by servers or clusters managed by Windows Admin Center.",
  );
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  const apps = await page.evaluate(
    async () => (await (await fetch('/api/cloud/apps')).json()) as { kind: string }[],
  );
  expect(apps.some((a) => a.kind === 'gateway')).toBe(true);
});
