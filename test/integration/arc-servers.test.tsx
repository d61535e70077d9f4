import { waitFor, within } from '@testing-library/react';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

function rowOf(name: string): HTMLElement {
  const grid = screen.getByRole('grid', { name: 'Arc-enabled servers' });
  return within(grid).getByRole('row', { name: new RegExp(`^${name}`) });
}

/**
 * Waits until the server's row shows `text`. Retries the whole lookup, grid included: right after a dialog
 * closes, Fluent keeps the page aria-hidden for a moment, and a one-shot grid query would fail then.
 */
async function expectRowText(name: string, text: string): Promise<void> {
  await waitFor(() => {
    expect(within(rowOf(name)).getByText(text)).toBeInTheDocument();
  });
}

describe('Azure Arc tool', () => {
  it('shows both tiles on the Overview, each leading to its page', async () => {
    await renderRoute('/connections/cluster/hci-cluster01/tools/azure-arc', { scenario: 'registered' });
    await waitForAppReady();
    expect(screen.getByRole('heading', { name: 'Azure Arc | Overview' })).toBeInTheDocument();
    expect(screen.getByText('1. Azure Stack HCI registration')).toBeInTheDocument();
    expect(screen.getByText('2. Arc-enabled servers')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Azure Stack HCI registration' })).toHaveAttribute(
      'href',
      '/connections/cluster/hci-cluster01/tools/azure-arc/registration',
    );
    expect(screen.getByRole('link', { name: 'Go to Arc-enabled servers' })).toHaveAttribute(
      'href',
      '/connections/cluster/hci-cluster01/tools/azure-arc/servers',
    );
    expect(await screen.findByText('4 out of 4')).toBeInTheDocument();
  });

  it('shows hci-node3 Disconnected 30 minutes after it went down, both views in the details pane, and Connected again after the repair', async () => {
    await renderRoute('/connections/cluster/hci-cluster01/tools/azure-arc/servers?selected=hci-node3', {
      scenario: 'registered',
    });
    await waitForAppReady();
    expect(within(rowOf('hci-node3')).getByText('Connected')).toBeInTheDocument();
    expect(
      within(rowOf('hci-node3')).getByRole('link', { name: 'View hci-node3 in the Azure portal' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/azure\/resource\/subscriptions\/.+\/machines\/hci-node3$/) as unknown,
    );

    await hciSim.inject('node-down', 'hci-node3');
    await hciSim.advance('30m');
    await expectRowText('hci-node3', 'Disconnected (Offline)');
    const details = screen.getByRole('region', { name: 'Details - hci-node3' });
    expect(
      within(within(details).getByRole('region', { name: 'On the server' })).getByText('Offline'),
    ).toBeInTheDocument();
    expect(
      within(within(details).getByRole('region', { name: 'In Azure' })).getByText('Disconnected'),
    ).toBeInTheDocument();

    await hciSim.repair('node-down', 'hci-node3');
    await hciSim.advance('5m');
    await expectRowText('hci-node3', 'Connected');
  });

  it('disables Azure Arc on a server after confirmation, then enables it again', async () => {
    const { user } = await renderRoute(
      '/connections/cluster/hci-cluster01/tools/azure-arc/servers?selected=hci-node2',
      { scenario: 'registered' },
    );
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Disable Azure Arc' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Disable Azure Arc integration on hci-node2\?/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText(/Disable Azure Arc on hci-node2: started/)).toBeInTheDocument();
    await hciSim.advance('2m');
    await expectRowText('hci-node2', 'Not enabled');
    await user.click(await screen.findByRole('button', { name: 'Enable Azure Arc on hci-node2' }));
    expect(await screen.findByText(/Enable Azure Arc on hci-cluster01: started/)).toBeInTheDocument();
    await hciSim.advance('4m');
    await expectRowText('hci-node2', 'Waiting for first heartbeat');
    await hciSim.advance('5m');
    await expectRowText('hci-node2', 'Connected');
  });

  it('shows the PowerShell for Disable Azure Arc and for azcmagent disconnect on the selected server', async () => {
    const { user } = await renderRoute(
      '/connections/cluster/hci-cluster01/tools/azure-arc/servers?selected=hci-node2',
      { scenario: 'registered' },
    );
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Disable Azure Arc' }));
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Show PowerShell' }));
    const disable = await screen.findByRole('dialog', { name: 'PowerShell for Disable Azure Arc' });
    expect(within(disable).getByLabelText('PowerShell script').textContent).toBe(
      "Invoke-Command -ComputerName 'hci-node2' -ScriptBlock { Disable-AzureStackHCIArcIntegration }",
    );
    await user.click(within(disable).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'PowerShell for Disable Azure Arc' })).toBeNull(),
    );
    await user.click(await within(confirm).findByRole('button', { name: 'No' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    await user.click(await screen.findByRole('button', { name: 'Disconnect agent' }));
    const disconnect = await screen.findByRole('alertdialog');
    await user.click(within(disconnect).getByRole('checkbox', { name: /--force-local-only/ }));
    await user.click(within(disconnect).getByRole('button', { name: 'Show PowerShell' }));
    const ps = await screen.findByRole('dialog', { name: 'PowerShell for Disconnect agent' });
    expect(within(ps).getByLabelText('PowerShell script').textContent).toBe(
      "Invoke-Command -ComputerName 'hci-node2' -ScriptBlock { Set-Location -LiteralPath 'C:\\Program Files\\AzureConnectedMachineAgent'; .\\azcmagent.exe disconnect --force-local-only }",
    );
  });

  it('tells an unregistered cluster to register first and keeps Enable off', async () => {
    await renderRoute('/connections/cluster/hci-cluster01/tools/azure-arc/servers', {
      scenario: 'gateway-registered',
    });
    await waitForAppReady();
    expect(await screen.findByText("This cluster isn't registered with Azure")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enable Azure Arc' })).toBeDisabled();
  });
});
