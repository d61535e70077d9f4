import { waitFor, within } from '@testing-library/react';
import { setPollMs } from '@/config/timing';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';
import { openWizard, pane, runJob, SETTINGS, SUCCESS } from './registration-wizard';

beforeEach(() => setPollMs({ pollMs: 50, idlePollMs: 100 }));

describe('Registration failures, each with its real text and a way forward that works', () => {
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
    expect(within(pane()).getByRole('link', { name: 'Troubleshoot this error' })).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/connections\/cluster\/hci-cluster01\/tools\/diagnostics\/troubleshoot\?error=Failed%20to%20register/,
      ) as string,
    );
    await hciSim.repair('node-down', 'hci-node2');
    await hciSim.repair('outbound-blocked', 'hci-node3');
    await runJob(user, 'Register again', SUCCESS);
  });

  it('the prerequisite checks follow the world: a server started while the pane is open passes, and Check again stays usable', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('node-down', 'hci-node2');
    await openWizard();
    const checks = () => within(pane()).getByRole('list', { name: 'Prerequisite checks' });
    expect(within(checks()).getByText(/hci-node2 does not respond/)).toBeInTheDocument();

    await hciSim.repair('node-down', 'hci-node2');
    await waitFor(() => expect(checks()).toHaveTextContent('4 of 4 servers respond.'));
    expect(within(pane()).getByRole('button', { name: 'Check again' })).toBeEnabled();
  });

  it('no admin consent: PendingForAdminConsent with the consent link, completed by registering again after consent', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('no-aad-consent');
    const { user } = await openWizard();
    await runJob(
      user,
      'Register',
      /^You need additional Azure Active Directory permissions to register in this Azure subscription\./,
    );
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
    expect(
      within(pane()).getByText(
        `Azure Stack HCI isn't available in ${regionName}. Registration will fail there: choose one of the supported regions.`,
      ),
    ).toBeInTheDocument();
    await runJob(
      user,
      'Register',
      /^Azure Stack HCI is not yet available in region .+\. Please choose one of these regions: East US,/,
    );
    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    expect(within(pane()).getByRole('combobox', { name: /Azure region/ })).toHaveTextContent(regionName);
  });
});

describe('The happy path and unregister', () => {
  it('registers with a new resource group in East US: every step checked, the success text, then Registered, Connected and Arc per node', async () => {
    await hciSim.reset('gateway-registered');
    const { user } = await openWizard();
    expect(within(pane()).getByTestId('azure-account')).toHaveTextContent(/@contoso/i);
    expect(within(pane()).getByRole('textbox', { name: /New resource group name/ })).toHaveValue(
      'hci-cluster01-rg',
    );
    const review = within(pane()).getByRole('list', { name: 'What will be created' });
    expect(within(review).getByText('Resource group hci-cluster01-rg in East US')).toBeInTheDocument();
    expect(within(review).getAllByText(/^Azure Arc-enabled server hci-node\d/)).toHaveLength(4);

    await runJob(user, 'Register', SUCCESS);
    const steps = within(pane()).getByRole('list', { name: 'Steps' });
    const states = within(steps)
      .getAllByRole('listitem')
      .map((li) => [li.textContent, li.dataset.stepState]);
    expect(states).toContainEqual(['Creating Azure Resource Group hci-cluster01-rg', 'done']);
    expect(states).toContainEqual(['Enabling Azure Arc integration on every clustered node', 'done']);
    expect(states.every(([, state]) => state === 'done')).toBe(true);

    // the footer's Close (the header's X is labelled Close too)
    const closeButtons = within(pane()).getAllByRole('button', { name: 'Close' });
    await user.click(closeButtons[closeButtons.length - 1] as HTMLElement);
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Azure Stack HCI system status' })).getByText('Connected'),
      ).toBeInTheDocument(),
    );
    expect(
      within(screen.getByRole('region', { name: 'Azure Stack HCI system status' })).getByText('Registered'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Server status' })).getAllByText('Arc-enabled'),
    ).toHaveLength(4);
  });

  it('unregisters after a confirmation naming the resource; the status is Not registered and the resource group registration created is gone', async () => {
    const { user } = await renderRoute('/connections/cluster/hci-cluster01/tools/azure-arc/registration', {
      scenario: 'registered',
    });
    await waitForAppReady();
    const toolbar = await screen.findByRole('toolbar', { name: 'Registration actions' });
    interface Snapshot {
      cloud: { hciClusters: Record<string, unknown>; machines: Record<string, unknown> };
    }
    const before = (await hciSim.snapshot()) as Snapshot;
    expect(Object.keys(before.cloud.hciClusters).filter((id) => id.endsWith('/hci-cluster01'))).toHaveLength(
      1,
    );
    expect(Object.keys(before.cloud.machines).filter((id) => /hci-node\d$/.test(id))).toHaveLength(4);
    await user.click(within(toolbar).getByRole('button', { name: 'Unregister' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Unregister Azure Stack HCI' });
    expect(within(dialog).getByText('hci-cluster01', { selector: 'strong' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Unregister' }));
    expect(await screen.findByText('Arc for servers unregistration triggered')).toBeInTheDocument();
    await hciSim.advance('2m');
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Azure Stack HCI system status' })).getByText(
          'Not registered',
        ),
      ).toBeInTheDocument(),
    );
    expect(
      screen.getByText(
        /Azure Stack HCI is successfully unregistered\. The Azure resource representing Azure Stack HCI has been deleted\./,
      ),
    ).toBeInTheDocument();
    const world = (await hciSim.snapshot()) as Snapshot;
    expect(Object.keys(world.cloud.hciClusters).filter((id) => id.endsWith('/hci-cluster01'))).toEqual([]);
    expect(Object.keys(world.cloud.machines).filter((id) => /hci-node\d$/.test(id))).toEqual([]);
    // the finished banner is the outcome, not the in-progress activity title
    expect(screen.queryByText('Unregistering Azure Stack HCI from Azure...')).not.toBeInTheDocument();
    // the servers keep their agent, but with no Arc resource in Azure no version is shown next to "Not installed"
    const servers = screen.getByRole('region', { name: 'Server status' });
    expect(within(servers).queryByText(/^\d+\.\d+\.\d+\.\d+$/)).not.toBeInTheDocument();
  });

  it('asks before repairing, saying what the repair recreates and keeps', async () => {
    const { user } = await renderRoute('/connections/cluster/hci-cluster01/tools/azure-arc/registration', {
      scenario: 'registered',
    });
    await waitForAppReady();
    const toolbar = await screen.findByRole('toolbar', { name: 'Registration actions' });
    await user.click(within(toolbar).getByRole('button', { name: 'Repair registration' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Repair registration' });
    expect(dialog).toHaveTextContent(
      'Repairing the registration recreates the necessary Azure AD applications while retaining other information such as resource name, resource group and other registration choices.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const jobs = ((await hciSim.snapshot()) as { jobs: Record<string, { kind: string }> }).jobs;
    expect(Object.values(jobs).filter((j) => j.kind === 'cluster/repair')).toEqual([]);
    // while the dialog closes, the page behind it is still hidden from the accessibility tree
    await user.click(await within(toolbar).findByRole('button', { name: 'Repair registration' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Repair registration' })).getByRole('button', {
        name: 'Repair registration',
      }),
    );
    await hciSim.advance('2m');
    expect(
      await screen.findByText('Azure Stack HCI is successfully registered.', { exact: false }),
    ).toBeInTheDocument();
  });
});

describe('Before the gateway is ready', () => {
  it('offers the gateway registration instead of the cluster wizard when the gateway is not registered', async () => {
    await hciSim.reset('fresh');
    await renderRoute(`${SETTINGS}?register=open`);
    await waitForAppReady();
    const dialog = await screen.findByRole('dialog', { name: 'Register Azure Stack HCI' });
    expect(await within(dialog).findByRole('button', { name: 'Register with Azure' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('list', { name: 'Prerequisite checks' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Register' })).toBeDisabled();
  });
});
