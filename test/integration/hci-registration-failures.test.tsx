import { waitFor, within } from '@testing-library/react';
import { setPollMs } from '@/config/timing';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const SETTINGS = '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration';
const pane = () => screen.getByRole('dialog', { name: 'Register Azure Stack HCI' });

beforeEach(() => setPollMs({ pollMs: 50, idlePollMs: 100 }));

/** Opens the wizard on a world already prepared by the test (reset + faults). */
async function openWizard() {
  const view = await renderRoute(`${SETTINGS}?register=open`);
  await waitForAppReady();
  await screen.findByRole('dialog', { name: 'Register Azure Stack HCI' }, { timeout: 10_000 });
  await within(pane()).findByRole('list', { name: 'Prerequisite checks' }, { timeout: 5000 });
  return view;
}

/** Starts (or restarts) the job with `button`, runs simulated time past its end, and waits for its outcome text. */
async function runJob(user: Awaited<ReturnType<typeof openWizard>>['user'], button: string, outcome: string | RegExp) {
  await user.click(within(pane()).getByRole('button', { name: button }));
  await waitFor(() => expect(within(pane()).getByLabelText('In progress')).toBeInTheDocument(), { timeout: 5000 });
  await hciSim.advance('2m');
  await waitFor(() => expect(within(pane()).getByText(outcome)).toBeInTheDocument(), { timeout: 8000 });
}

const SUCCESS = /^Azure Stack HCI is successfully registered\./;

describe('Registration failures, each with its real text and a way forward that works', { timeout: 60_000 }, () => {
  it('node down and outbound blocked: each half of the certificate error names its nodes; fixing both and Register again succeeds', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('node-down', 'hci-node2');
    await hciSim.inject('outbound-blocked', 'hci-node3');
    const { user } = await openWizard();
    const checks = within(pane()).getByRole('list', { name: 'Prerequisite checks' });
    expect(within(checks).getByText(/hci-node2 does not respond/)).toBeInTheDocument();
    expect(within(checks).getByText(/hci-node3 can't reach Azure/)).toBeInTheDocument();

    await runJob(
      user,
      'Register',
      "Failed to register. Couldn't generate self-signed certificate on node(s) hci-node2. Couldn't set and verify registration certificate on node(s) hci-node3. Make sure every clustered node is up and has Internet connectivity (at least outbound to Azure).",
    );
    await hciSim.repair('node-down', 'hci-node2');
    await hciSim.repair('outbound-blocked', 'hci-node3');
    await runJob(user, 'Register again', SUCCESS);
  });

  it('no admin consent: PendingForAdminConsent with the consent link, completed by registering again after consent', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('no-aad-consent');
    const { user } = await openWizard();
    await runJob(user, 'Register', /^You need additional Azure Active Directory permissions to register in this Azure subscription\./);
    expect(within(pane()).getByRole('link', { name: 'View consent in Azure AD' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/azure\/app-registrations\/[0-9a-f-]{36}$/) as string,
    );
    await hciSim.repair('no-aad-consent');
    await runJob(user, 'Register again', SUCCESS);
  });

  it('a region Azure Stack HCI is not in: listed as not available, the job fails with the supported list, and Change the settings keeps the choices', async () => {
    await hciSim.reset('gateway-registered');
    const { user } = await openWizard();
    await user.click(within(pane()).getByRole('combobox', { name: /Azure region/ }));
    const [option] = await screen.findAllByRole('option', { name: /\(not available\)/ });
    if (!option) throw new Error('no unsupported region is listed');
    const regionName = option.textContent.replace(' (not available)', '');
    await user.click(option);
    expect(within(pane()).getByText(`Azure Stack HCI isn't available in ${regionName}. Registration will fail there: choose one of the supported regions.`)).toBeInTheDocument();
    await runJob(user, 'Register', /^Azure Stack HCI is not yet available in region .+\. Please choose one of these regions: East US,/);
    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    expect(within(pane()).getByRole('combobox', { name: /Azure region/ })).toHaveTextContent(regionName);
  });
});
