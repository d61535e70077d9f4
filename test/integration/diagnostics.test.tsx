import { waitFor, within } from '@testing-library/react';
import { hciSim, sim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

describe('Diagnostics', () => {
  it('shows sc.exe query hcisvc per server and stops and starts it consistently with the fault', async () => {
    const { user } = await renderRoute('/connections/cluster/hci-cluster01/tools/diagnostics', {
      scenario: 'registered',
    });
    await waitForAppReady();
    const card = await screen.findByTestId('service-hci-node1');
    expect(within(card).getByLabelText('sc.exe query hcisvc on hci-node1').textContent).toContain(
      'STATE              : 4  RUNNING',
    );
    await user.click(within(card).getByRole('button', { name: 'Stop hcisvc on hci-node1' }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('service-hci-node1')).getByLabelText('sc.exe query hcisvc on hci-node1')
          .textContent,
      ).toContain('STATE              : 1  STOPPED'),
    );
    expect(sim.world().faults).toMatchObject([{ fault: 'hcisvc-stopped', target: 'hci-node1' }]);
    await user.click(
      within(screen.getByTestId('service-hci-node1')).getByRole('button', {
        name: 'Start hcisvc on hci-node1',
      }),
    );
    await waitFor(() => expect(sim.world().faults).toEqual([]));
  });

  it('lists the Admin channel events of a server, filters them and links errors to the troubleshooter', async () => {
    await hciSim.reset('registered');
    await hciSim.inject('tpm-cleared', 'hci-node1');
    const { user } = await renderRoute('/connections/cluster/hci-cluster01/tools/diagnostics');
    await waitForAppReady();
    const table = await screen.findByRole('table', {
      name: 'Events of hci-node1, Microsoft-AzureStack-HCI/Admin',
    });
    expect(within(table).getByText(/encountered an error accessing its data/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Filter' }), '594');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveTextContent('594');
    expect(within(table).getAllByRole('link', { name: 'Troubleshoot' })[0]?.getAttribute('href')).toContain(
      '/tools/diagnostics/troubleshoot?error=',
    );
  });

  it('alerts a week before the cluster falls OutOfPolicy', async () => {
    await hciSim.reset('registered');
    await hciSim.inject('outbound-blocked', 'hci-cluster01');
    await hciSim.advance('24d');
    await renderRoute('/connections/cluster/hci-cluster01/tools/diagnostics');
    await waitForAppReady();
    expect(
      await screen.findByText(/hci-cluster01 falls OutOfPolicy unless it syncs with Azure in \d days?/),
    ).toBeInTheDocument();
  });
});

describe('Troubleshooter', () => {
  it('gives the cause of a pasted error, runs the remedy and confirms the problem is gone', async () => {
    await hciSim.reset('registered');
    await hciSim.inject('time-skew', 'hci-node2');
    const text =
      'AADSTS80013: OnPremisesPasswordValidationTimeSkew - The authentication attempt could not be completed due to time skew between the machine running the authentication agent and AD. Fix time sync issues.';
    const { user } = await renderRoute(
      `/connections/cluster/hci-cluster01/tools/diagnostics/troubleshoot?error=${encodeURIComponent(text)}`,
    );
    await waitForAppReady();
    expect(
      await screen.findByRole('heading', { name: 'OnPremisesPasswordValidationTimeSkew' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/local time is too far from the true UTC time on hci-node2/)).toBeInTheDocument();
    expect(screen.getByTestId('troubleshoot-check')).toHaveTextContent('The problem is still there');
    await user.click(screen.getByRole('button', { name: 'Synchronise the clock on hci-node2' }));
    await waitFor(() =>
      expect(screen.getByTestId('troubleshoot-check')).toHaveTextContent('The problem is gone'),
    );
    expect(sim.world().faults).toEqual([]);
  });

  it('parses both halves of the certificate error and says when nothing matches', async () => {
    const { user } = await renderRoute('/connections/cluster/hci-cluster01/tools/diagnostics/troubleshoot', {
      scenario: 'registered',
    });
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Troubleshoot' }));
    expect(await screen.findByText('Paste an error text or pick one from the list.')).toBeInTheDocument();
    // the refused submit takes the user to the field, whose message is its description
    expect(screen.getByRole('textbox', { name: /Error text/ })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Error text/ })).toHaveAccessibleDescription(
      expect.stringContaining('Paste an error text or pick one from the list.'),
    );
    // The page asks for the text to be pasted: one change, not a render per character.
    await user.click(screen.getByRole('textbox', { name: /Error text/ }));
    await user.paste(
      "Failed to register. Couldn't generate self-signed certificate on node(s) hci-node1,hci-node3. Couldn't set and verify registration certificate on node(s) hci-node2",
    );
    await user.click(screen.getByRole('button', { name: 'Troubleshoot' }));
    expect(
      await screen.findByText("Couldn't generate the certificate on: hci-node1, hci-node3"),
    ).toBeInTheDocument();
    expect(screen.getByText("Couldn't set and verify the certificate on: hci-node2")).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: /Error text/ }));
    await user.paste('The printer is on fire');
    await user.click(screen.getByRole('button', { name: 'Troubleshoot' }));
    expect(await screen.findByText('No known cause')).toBeInTheDocument();
  });
});

describe('Show PowerShell on the registration status page', () => {
  it('shows Sync, Repair and Unregister with the registration the cluster has', async () => {
    const { user } = await renderRoute(
      '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration',
      { scenario: 'registered' },
    );
    await waitForAppReady();
    const toolbar = await screen.findByRole('toolbar', { name: 'Registration actions' });
    await user.click(within(toolbar).getByRole('button', { name: 'Show PowerShell' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'PowerShell for Sync now, Repair registration and Unregister',
    });
    const script = within(dialog).getByLabelText('PowerShell script').textContent;
    const reg = sim.world().clusters['hci-cluster01']?.registration;
    expect(script).toContain('Sync-AzureStackHCI');
    expect(script).toContain(
      `Register-AzStackHCI -SubscriptionId '${reg?.subscriptionId ?? ''}' -RepairRegistration`,
    );
    expect(script).toContain(
      `Unregister-AzStackHCI -SubscriptionId '${reg?.subscriptionId ?? ''}' -ResourceGroupName '${reg?.resourceGroup ?? ''}' -ResourceName '${reg?.resourceName ?? ''}'`,
    );
  });
});
