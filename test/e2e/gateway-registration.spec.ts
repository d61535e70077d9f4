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

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test(`registers the gateway and signs in entirely in the browser, the code used in a new tab (${theme})`, async ({
    page,
    context,
    gotoScenario,
  }) => {
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
