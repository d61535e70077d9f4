import { render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppProvider } from '@/app/provider';
import { AzureGate } from '@/components/azure-gate/azure-gate';
import { createQueryClient } from '@/lib/query-client';
import { hciSim, sim } from '../../mocks/node';
import { ADMIN_UPN, OPERATOR_UPN } from '../../mocks/sim';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const API = 'http://localhost';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A step's heading once done: its title, then "(done)" for screen readers next to the green check. */
function doneStep(title: string) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return screen.getByRole('heading', { level: 3, name: new RegExp(`^${escaped}\\s*\\(done\\)$`) });
}

/** Opens Settings → Gateway → Register and the "Get started with Azure" pane; returns the issued code. */
async function openPane() {
  const view = await renderRoute('/settings/register');
  await waitForAppReady();
  expect(screen.getByRole('heading', { name: 'Register with Azure' })).toBeInTheDocument();
  await view.user.click(screen.getByRole('button', { name: 'Register' }));
  const pane = await screen.findByRole('dialog', { name: 'Get started with Azure in Windows Admin Center' });
  const codeBox = await within(pane).findByRole('textbox', { name: 'Device code' });
  await waitFor(() => expect((codeBox as HTMLInputElement).value).toMatch(/^[A-Z2-9]{9}$/));
  return { ...view, pane, code: (codeBox as HTMLInputElement).value };
}

/** Copies the code, then uses it on the sign-in page as `upn` (the page itself is tested below). */
async function copyAndSignInWithCode(view: Awaited<ReturnType<typeof openPane>>, upn: string) {
  const { user, pane, code } = view;
  expect(within(pane).queryByRole('link', { name: /Enter the code/ })).not.toBeInTheDocument();
  await user.click(within(pane).getByRole('button', { name: 'Copy' }));
  expect(await navigator.clipboard.readText()).toBe(code);
  expect(within(pane).getByRole('link', { name: /Enter the code/ })).toHaveAttribute('href', '/device-login');
  expect(doneStep('Copy this code.')).toBeInTheDocument();
  expect((await post('/api/device-login', { code, upn })).status).toBe(200);
  // The pane polls and notices the redemption.
  expect(await within(pane).findByText(`Signed in as ${upn}.`)).toBeInTheDocument();
  expect(doneStep('Enter the code.')).toBeInTheDocument();
}

describe('Register Windows Admin Center with Azure', () => {
  it('registers the gateway from the fresh world and signs in, each step turning into a check', async () => {
    const view = await openPane();
    const { user, pane } = view;
    expect(doneStep('Select an Azure cloud.')).toBeInTheDocument();
    expect(within(pane).getByRole('combobox', { name: 'Azure cloud' })).toHaveDisplayValue('Azure Global');
    expect(within(pane).getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(within(pane).getByRole('button', { name: 'Connect' })).toBeDisabled();

    await copyAndSignInWithCode(view, ADMIN_UPN);

    const tenant = within(pane).getByRole('combobox', { name: /Azure Active Directory \(tenant\) ID/ });
    expect(
      within(tenant)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('(Contoso)'), expect.stringContaining('(Fabrikam)')]);
    expect(within(pane).getByRole('radio', { name: 'Create new' })).toBeChecked();
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));

    const consent = await screen.findByRole('dialog', { name: 'Permissions requested' });
    expect(within(consent).getByText('WindowsAdminCenter-https://wac.contoso.local')).toBeInTheDocument();
    expect(within(consent).getByText('This application is not published by Microsoft.')).toBeInTheDocument();
    expect(within(consent).getByText('Access Azure Service Management as you (preview)')).toBeInTheDocument();
    expect(
      within(consent).getByRole('checkbox', { name: 'Consent on behalf of your organization' }),
    ).not.toBeChecked();
    await user.click(within(consent).getByRole('button', { name: 'Accept' }));
    // While the consent prompt (modal) closes, the pane behind it is hidden from the accessibility tree.
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Permissions requested' })).not.toBeInTheDocument();
      expect(pane).not.toHaveAttribute('aria-hidden');
    });

    expect(await within(pane).findByText('Now connected to Azure AD')).toBeInTheDocument();
    expect(doneStep('Connect to Azure Active Directory.')).toBeInTheDocument();
    await user.click(within(pane).getByRole('button', { name: 'Sign in' }));
    expect(
      await within(pane).findByText(`Signed in as ${ADMIN_UPN}. You can close this pane.`),
    ).toBeInTheDocument();
    expect(doneStep('Sign in to Azure')).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.account?.upn)).toBe(ADMIN_UPN);
    expect(sim.read((w) => w.gateway.registration?.tenantId)).toBeDefined();

    await user.click(within(pane).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(await screen.findByRole('button', { name: 'Unregister' })).toBeInTheDocument();
    expect(screen.getByText(ADMIN_UPN)).toBeInTheDocument();
  });

  it('says next to the field that an unknown application ID was not found, and does not connect', async () => {
    const view = await openPane();
    const { user, pane } = view;
    await copyAndSignInWithCode(view, ADMIN_UPN);
    await user.click(within(pane).getByRole('radio', { name: 'Use existing' }));
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    const appId = within(pane).getByRole('textbox', { name: /Azure application ID/ });
    expect(appId).toHaveAttribute('aria-invalid', 'true');
    expect(within(pane).getByText(/Enter the Azure application ID/)).toBeInTheDocument();

    const unknown = '11111111-2222-3333-4444-555555555555';
    await user.click(appId);
    await user.paste(unknown);
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    expect(
      await within(pane).findByText(`A registered application with the ID '${unknown}' was not found.`),
    ).toBeInTheDocument();
    expect(appId).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('dialog', { name: 'Permissions requested' })).not.toBeInTheDocument();
    expect(sim.read((w) => w.gateway.pending)).toBeUndefined();
    expect(within(pane).getByRole('button', { name: 'Connect' })).toBeEnabled();
  });

  it('reports a server failure during Connect with its message and lets the user connect again once it is gone', async () => {
    const view = await openPane();
    const { user, pane } = view;
    await copyAndSignInWithCode(view, ADMIN_UPN);
    await hciSim.inject('api-errors', 'api');
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    expect(await within(pane).findByText("Couldn't connect to Azure Active Directory")).toBeInTheDocument();
    expect(within(pane).getByText(/Nothing was changed; select Connect to try again\./)).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.pending)).toBeUndefined();
    await hciSim.repair('api-errors', 'api');
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('dialog', { name: 'Permissions requested' })).toBeInTheDocument();
  });

  it('says when the code has expired and offers a new one', async () => {
    const { user, pane, code } = await openPane();
    await hciSim.advance('16m');
    expect(await within(pane).findByText('This code has expired')).toBeInTheDocument();
    expect(within(pane).getByRole('button', { name: 'Copy' })).toBeDisabled();
    expect((await post('/api/device-login', { code, upn: ADMIN_UPN })).status).toBe(400);
    await user.click(within(pane).getByRole('button', { name: 'Get a new code' }));
    const codeBox = within(pane).getByRole('textbox', { name: 'Device code' });
    await waitFor(() => expect((codeBox as HTMLInputElement).value).not.toBe(code));
    expect(within(pane).queryByText('This code has expired')).not.toBeInTheDocument();
    expect(within(pane).getByRole('button', { name: 'Copy' })).toBeEnabled();
  });

  it('stops at admin approval under no-aad-consent, and finishes after an admin grants consent without re-entering anything', async () => {
    await hciSim.inject('no-aad-consent', ADMIN_UPN);
    const view = await openPane();
    const { user, pane } = view;
    await copyAndSignInWithCode(view, ADMIN_UPN);
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    const consent = await screen.findByRole('dialog', { name: 'Permissions requested' });
    await user.click(within(consent).getByRole('button', { name: 'Accept' }));
    // While the consent prompt (modal) closes, the pane behind it is hidden from the accessibility tree.
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { name: 'Permissions requested' })).not.toBeInTheDocument();
      expect(pane).not.toHaveAttribute('aria-hidden');
    });

    expect(await within(pane).findByText('Need admin approval')).toBeInTheDocument();
    expect(
      within(pane).getByText(
        /needs permission to access resources in your organization that only an admin can grant/,
      ),
    ).toBeInTheDocument();
    const appId = sim.read((w) => w.gateway.pending?.appId) ?? '';
    expect(
      within(pane).getByRole('link', {
        name: /open WindowsAdminCenter-https:\/\/wac\.contoso\.local in App registrations/,
      }),
    ).toHaveAttribute('href', `/azure/app-registrations/${appId}`);

    await user.click(within(pane).getByRole('button', { name: 'Check again' }));
    expect(await within(pane).findByText(/Consent has not been granted yet\./)).toBeInTheDocument();

    // An administrator who may consent grants it (the cloud view's Grant admin consent calls this).
    await hciSim.repair('no-aad-consent', ADMIN_UPN);
    expect((await post(`/api/cloud/apps/${appId}/grant-consent`, { upn: ADMIN_UPN })).status).toBe(200);

    await user.click(within(pane).getByRole('button', { name: 'Check again' }));
    expect(await within(pane).findByText('Now connected to Azure AD')).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.registration?.appId)).toBe(appId);
    await user.click(within(pane).getByRole('button', { name: 'Sign in' }));
    expect(
      await within(pane).findByText(`Signed in as ${ADMIN_UPN}. You can close this pane.`),
    ).toBeInTheDocument();
  });

  it('shows the operator (who cannot consent) the same admin path', async () => {
    const view = await openPane();
    const { user, pane } = view;
    await copyAndSignInWithCode(view, OPERATOR_UPN);
    await user.click(within(pane).getByRole('button', { name: 'Connect' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Permissions requested' })).getByRole('button', {
        name: 'Accept',
      }),
    );
    expect(await within(pane).findByText('Need admin approval')).toBeInTheDocument();
    expect(within(pane).getByText(new RegExp(`${OPERATOR_UPN} can't consent`))).toBeInTheDocument();
  });

  it('unregisters after Confirm, saying the Azure app is not deleted', async () => {
    await hciSim.reset('gateway-registered');
    const { user } = await renderRoute('/settings/register');
    await waitForAppReady();
    await user.click(await screen.findByRole('button', { name: 'Unregister' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Unregister from Azure' });
    expect(
      within(dialog).getByText(
        /It doesn't delete the Azure app or affect any Azure services used by servers or clusters managed by Windows Admin Center\./,
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('button', { name: 'Register' })).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.registration)).toBeUndefined();
    expect(sim.read((w) => Object.values(w.cloud.apps).some((a) => a.kind === 'gateway'))).toBe(true);
  });
});

describe('The simulated sign-in page', () => {
  it('rejects a wrong code, then signs in with the right one and closes with the real message', async () => {
    const issued = (await (await post('/api/gateway/device-code', { cloud: 'AzureCloud' })).json()) as {
      deviceCode: { code: string };
    };
    const { user } = await renderRoute('/device-login');
    await waitForAppReady();
    expect(screen.getByText(/Simulated Microsoft sign-in page/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Enter code' })).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: /Code/ });
    await user.click(box);
    await user.paste('WRONGCODE');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('That code didn\u2019t work. Check the code and try again.'),
    ).toBeInTheDocument();

    await user.clear(box);
    await user.paste(issued.deviceCode.code);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'Pick an account' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: new RegExp(OPERATOR_UPN) }));
    expect(
      await screen.findByRole('heading', { name: 'Are you trying to sign in to Windows Admin Center?' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      await screen.findByText(
        'You have signed in to the Windows Admin Center application on your device. You may now close this window.',
      ),
    ).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.deviceCode?.redeemedBy)).toBe(OPERATOR_UPN);
  });

  it('says an expired code has expired', async () => {
    const issued = (await (await post('/api/gateway/device-code', { cloud: 'AzureCloud' })).json()) as {
      deviceCode: { code: string };
    };
    await hciSim.advance('15m');
    const { user } = await renderRoute('/device-login');
    await waitForAppReady();
    await user.click(screen.getByRole('textbox', { name: /Code/ }));
    await user.paste(issued.deviceCode.code);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/The code you entered has expired\./)).toBeInTheDocument();
  });
});

describe('Settings → Account and the AzureGate', () => {
  function renderGate() {
    const queryClient = createQueryClient({ retry: false });
    return render(
      <AppProvider queryClient={queryClient}>
        <MemoryRouter>
          <AzureGate purpose="register this cluster">
            <p>Azure content</p>
          </AzureGate>
        </MemoryRouter>
      </AppProvider>,
    );
  }

  it('shows the signed-in account, its tenant and its role per subscription, and signs out', async () => {
    await hciSim.reset('gateway-registered');
    const { user } = await renderRoute('/settings/account');
    await waitForAppReady();
    expect(await screen.findByText(`Contoso Admin (${ADMIN_UPN})`)).toBeInTheDocument();
    const roles = screen.getByRole('table', { name: `Roles of ${ADMIN_UPN} per subscription` });
    expect(within(roles).getByRole('row', { name: /Contoso Production .* Owner/ })).toBeInTheDocument();
    expect(within(roles).getByRole('row', { name: /Fabrikam Lab .* Contributor/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText(/Not signed in\./)).toBeInTheDocument();
    expect(sim.read((w) => w.gateway.account)).toBeUndefined();
  });

  it('gates Azure content: sign in in place when nobody is signed in, then the content shows', async () => {
    await hciSim.reset('gateway-registered');
    await post('/api/gateway/sign-out', {});
    const view = renderGate();
    expect(await screen.findByText('Sign in to Azure first')).toBeInTheDocument();
    expect(screen.queryByText('Azure content')).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in to Azure' });
    expect(await within(dialog).findByRole('combobox', { name: /Account/ })).toHaveDisplayValue(
      `Contoso Admin (${ADMIN_UPN})`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Azure content')).toBeInTheDocument();
    view.unmount();
  });

  it('gates Azure content on a fresh gateway by offering the registration pane in place', async () => {
    renderGate();
    expect(await screen.findByText('Register Windows Admin Center with Azure first')).toBeInTheDocument();
    expect(screen.getByText(/This gateway isn\u2019t yet registered with Azure\./)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Register with Azure' }));
    expect(
      await screen.findByRole('dialog', { name: 'Get started with Azure in Windows Admin Center' }),
    ).toBeInTheDocument();
  });

  it('says when the session has expired (90 days) and signs in again', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.advance('91d');
    const { user } = await renderRoute('/settings/account');
    await waitForAppReady();
    const banner = await screen.findByText('Your Azure session has expired');
    expect(banner).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Sign in' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Sign in to Azure' });
    await within(dialog).findByRole('combobox', { name: /Account/ });
    await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByText('Your Azure session has expired')).not.toBeInTheDocument());
    expect(screen.getByText('Signed in')).toBeInTheDocument();
  });
});
