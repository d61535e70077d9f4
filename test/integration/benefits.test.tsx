import { waitFor, within } from '@testing-library/react';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const PAGE = '/connections/cluster/hci-cluster01/settings/azure-benefits';
const DAY = 86_400_000;
const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric' });

async function open(scenario: string) {
  const view = await renderRoute(PAGE, { scenario });
  await waitForAppReady();
  return view;
}

/** The page's header value next to a label ("Azure benefits cluster status" → "On"). */
function headerValue(label: string): string {
  const terms = screen.getAllByRole('term');
  const index = terms.findIndex((t) => t.textContent === label);
  return screen.getAllByRole('definition')[index]?.textContent ?? '';
}

function serverRows(): string[] {
  const grid = screen.getByRole('grid', { name: 'Servers and their Azure benefits' });
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('gridcell')
        .map((c) => c.textContent)
        .join(' | '),
    );
}

function table(title: string) {
  return screen.getByRole('region', { name: title });
}

async function expiryIn30Days(): Promise<string> {
  return day.format(new Date(Date.parse(await hciSim.now()) + 30 * DAY));
}

// Jobs finish in simulated time, but each step still renders and polls: allow for a busy machine.
describe('Azure benefits page', () => {
  it('is in the cluster settings menu under Azure Stack HCI, and starts with the empty state', async () => {
    await open('registered');
    const menu = screen.getByRole('navigation', { name: 'Settings' });
    const items = within(menu)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(items.indexOf('Azure benefits')).toBeGreaterThan(items.indexOf('Azure Stack HCI registration'));
    expect(within(menu).getByRole('link', { name: 'Azure benefits' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    expect(screen.getByRole('heading', { name: 'Azure benefits' })).toBeInTheDocument();
    expect(screen.getByText('PREVIEW')).toBeInTheDocument();
    expect(
      screen.getByText(
        /To use additional Azure-exclusive features included with Azure Stack HCI, turn on Azure benefits on your cluster\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Learn more/ })).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('button', { name: 'Turn on' })).toBeEnabled();
  });

  it('turns on for the cluster and all VMs, turning the running Generation 1 VM off from the pane first', async () => {
    const { user } = await open('registered');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const pane = await screen.findByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
    expect(
      within(pane).getByText(
        /This creates a virtual switch on the cluster and optionally connects existing VMs/,
      ),
    ).toBeInTheDocument();
    expect(
      within(pane).getByRole('checkbox', { name: 'Turn on for all existing VMs (recommended)' }),
    ).toBeChecked();
    expect(
      within(pane).getByText("For now, you'll have to manually enable benefits on each VM you create later."),
    ).toBeInTheDocument();
    expect(
      within(pane).getByText(/legacy-app01 is a Generation 1 VM that is not turned off/),
    ).toBeInTheDocument();

    await user.click(within(pane).getByRole('button', { name: 'Turn off legacy-app01' }));
    await hciSim.advance('5s');
    await waitFor(() =>
      expect(within(pane).queryByText(/Generation 1 VMs must be turned off first/)).not.toBeInTheDocument(),
    );

    await user.click(within(pane).getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('status', { name: 'Running operations' })).toHaveTextContent(
      'Enable Azure Stack HCI IMDS Attestation...',
    );
    await hciSim.advance('2m');

    expect(await screen.findByText('Turn on Azure benefits: succeeded')).toBeInTheDocument();
    await waitFor(() => expect(headerValue('Azure benefits cluster status')).toBe('On'));
    await waitFor(() => expect(headerValue('VMs with Azure benefits turned on')).toBe('8 out of 8 VMs'));
    const expiry = await expiryIn30Days();
    expect(serverRows()).toEqual(
      ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'].map(
        (n) => `${n}.contoso.local | Active | ${expiry}`,
      ),
    );
  });

  it('shows the reason instead of turning on while the cluster is not registered', async () => {
    const { user } = await open('fresh');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const pane = await screen.findByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
    expect(
      within(pane).getByText(
        'The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
      ),
    ).toBeInTheDocument();
    expect(within(pane).getByRole('button', { name: 'Turn on' })).toBeDisabled();
    expect(within(pane).getByRole('link', { name: 'Go to Azure Stack HCI registration' })).toHaveAttribute(
      'href',
      '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration',
    );
    expect(within(pane).getByRole('link', { name: 'Troubleshoot this error' })).toHaveAttribute(
      'href',
      expect.stringContaining(
        '/tools/diagnostics/troubleshoot?error=The%20cluster%20is%20not%20registered%20with%20Azure%2E',
      ),
    );
  });

  it('says one or more servers are offline when a node is down', async () => {
    const { user, queryClient } = await open('registered');
    await hciSim.inject('node-down', 'hci-node2');
    await queryClient.invalidateQueries();
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const pane = await screen.findByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
    expect(
      await within(pane).findByText(
        'One or more servers in your cluster are offline. Check that all your servers are up and then try again.',
      ),
    ).toBeInTheDocument();
    expect(within(pane).getByRole('button', { name: 'Turn on' })).toBeDisabled();
  });

  it('shows every server Expired after 31 days cut off, says why Sync fails, and renews after the repair', async () => {
    const { user, queryClient } = await open('benefits-on');
    await hciSim.inject('outbound-blocked');
    await hciSim.advance('31d');
    await queryClient.invalidateQueries();
    await waitFor(() => expect(serverRows().every((r) => r.includes('| Expired |'))).toBe(true));
    expect(screen.getByText("The cluster can't sync with Azure now")).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sync with Azure' }));
    await hciSim.advance('10s');
    expect(await screen.findByText('Sync with Azure: failed')).toBeInTheDocument();
    expect(
      screen.getByText(
        "Couldn't sync with Azure for cluster: hci-cluster01.contoso.local. The servers cannot reach Azure: outbound HTTPS connectivity is blocked or the proxy is misconfigured.",
      ),
    ).toBeInTheDocument();

    await hciSim.repair('outbound-blocked');
    await queryClient.invalidateQueries();
    await waitFor(() =>
      expect(screen.queryByText("The cluster can't sync with Azure now")).not.toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Sync with Azure' }));
    await hciSim.advance('10s');
    expect(await screen.findByText('Sync with Azure: succeeded')).toBeInTheDocument();
    const expiry = await expiryIn30Days();
    await waitFor(() => expect(serverRows().every((r) => r.endsWith(`| Active | ${expiry}`))).toBe(true));
  });

  it('enables a server added later from the banner, after which its VMs can be turned on', async () => {
    const { user } = await open('new-node');
    expect(serverRows().at(-1)).toBe('hci-node5.contoso.local | Inactive | -');
    expect(
      screen.getByText(
        /hci-node5 was added to the cluster after Azure benefits was turned on and is Inactive/,
      ),
    ).toBeInTheDocument();

    // its VMs can't be changed yet, and the page says how to fix the host
    await user.click(screen.getByRole('tab', { name: 'VMs' }));
    const without = table('VMs without Azure benefits');
    await user.click(within(without).getByRole('checkbox', { name: 'Select new-app01' }));
    expect(
      within(without).getByText(
        /The IMDS Service on hci-node5 needs to be activated\. This is required before guests can be configured\./,
      ),
    ).toBeInTheDocument();
    expect(
      within(without).getByText('Go to the Cluster tab to fix Azure benefits for hci-node5, then try again.'),
    ).toBeInTheDocument();
    await user.click(within(without).getByRole('button', { name: 'Go to the Cluster tab' }));

    await user.click(screen.getByRole('button', { name: 'Enable inactive server' }));
    await hciSim.advance('1m');
    expect(await screen.findByText('Enable inactive server: succeeded')).toBeInTheDocument();
    const expiry = await expiryIn30Days();
    await waitFor(() => expect(serverRows().at(-1)).toBe(`hci-node5.contoso.local | Active | ${expiry}`));
    expect(screen.queryByRole('button', { name: 'Enable inactive server' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'VMs' }));
    const without2 = table('VMs without Azure benefits');
    await user.click(within(without2).getByRole('checkbox', { name: 'Select all rows' }));
    await user.click(within(without2).getByRole('button', { name: 'Turn on Azure benefits for VMs' }));
    await hciSim.advance('1m');
    expect(await screen.findByText('Turn on Azure benefits for VMs: succeeded')).toBeInTheDocument();
    await waitFor(() => expect(headerValue('VMs with Azure benefits turned on')).toBe('10 out of 10 VMs'));
    expect(within(table('VMs without Azure benefits')).getByText('No records found')).toBeInTheDocument();
  });

  it('refuses a running Generation 1 VM with the reason, and turns it on after turning it off from the page', async () => {
    const { user } = await open('registered');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const pane = await screen.findByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
    await user.click(
      within(pane).getByRole('checkbox', { name: 'Turn on for all existing VMs (recommended)' }),
    );
    await user.click(within(pane).getByRole('button', { name: 'Turn on' }));
    await hciSim.advance('2m');
    expect(await screen.findByText('Turn on Azure benefits: succeeded')).toBeInTheDocument();
    await waitFor(() => expect(headerValue('VMs with Azure benefits turned on')).toBe('0 out of 8 VMs'));

    await user.click(screen.getByRole('tab', { name: 'VMs' }));
    const without = table('VMs without Azure benefits');
    await user.click(within(without).getByRole('checkbox', { name: 'Select legacy-app01' }));
    await user.click(within(without).getByRole('button', { name: 'Turn on Azure benefits for VMs' }));
    const alert = await screen.findByRole('group', { name: "Couldn't turn on Azure benefits for VMs" });
    expect(within(alert).getByText('legacy-app01 didn’t change:')).toBeInTheDocument();
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      /^legacy-app01 \(hci-node1\): Unable to configure IMDS Service on VM\. .*Generation 1 VMs must be turned off before Azure benefits can be turned on for them\./,
    );

    await user.click(within(alert).getByRole('button', { name: 'Turn off legacy-app01' }));
    await hciSim.advance('5s');
    expect(await within(alert).findByText('legacy-app01 is off now: try again.')).toBeInTheDocument();
    await user.click(
      within(table('VMs without Azure benefits')).getByRole('button', {
        name: 'Turn on Azure benefits for VMs',
      }),
    );
    await hciSim.advance('1m');
    expect(await screen.findByText('Turn on Azure benefits for VMs: succeeded')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table('VMs with Azure benefits')).getByText('legacy-app01')).toBeInTheDocument(),
    );
    await waitFor(() => expect(headerValue('VMs with Azure benefits turned on')).toBe('1 out of 8 VMs'));
  });

  it('shows the PowerShell for turning on, with -AddVM only while all existing VMs are ticked', async () => {
    const { user } = await open('registered');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const pane = await screen.findByRole('dialog', { name: 'Turn on Azure benefits for this cluster' });
    const script = async () => {
      await user.click(within(pane).getByRole('button', { name: 'Show PowerShell' }));
      const dialog = await screen.findByRole('dialog', { name: 'PowerShell for Turn on Azure benefits' });
      const text = within(dialog).getByLabelText('PowerShell script').textContent;
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      await waitFor(() =>
        expect(screen.queryByRole('dialog', { name: 'PowerShell for Turn on Azure benefits' })).toBeNull(),
      );
      return text;
    };
    expect(await script()).toBe('Enable-AzStackHCIAttestation -AddVM -Force');
    await user.click(
      await within(pane).findByRole('checkbox', { name: 'Turn on for all existing VMs (recommended)' }),
    );
    expect(await script()).toBe('Enable-AzStackHCIAttestation -Force');
  });

  it('shows the PowerShell for the VMs selected, grouped by the host each runs on', async () => {
    const { user } = await open('benefits-on');
    await user.click(screen.getByRole('tab', { name: 'VMs' }));
    const withBenefits = table('VMs with Azure benefits');
    expect(within(withBenefits).getByRole('button', { name: 'Show PowerShell' })).toBeDisabled();
    await user.type(within(withBenefits).getByRole('searchbox'), 'web');
    expect(await within(withBenefits).findByText('2 matches')).toBeInTheDocument();
    await user.click(within(withBenefits).getByRole('checkbox', { name: 'Select all rows' }));
    await user.click(within(withBenefits).getByRole('button', { name: 'Show PowerShell' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'PowerShell for Turn off Azure benefits for VMs',
    });
    expect(within(dialog).getByLabelText('PowerShell script').textContent).toBe(
      [
        "Invoke-Command -ComputerName 'hci-node3' -ScriptBlock { Remove-AzStackHCIVMAttestation -VMName 'web01' -Force }",
        "Invoke-Command -ComputerName 'hci-node4' -ScriptBlock { Remove-AzStackHCIVMAttestation -VMName 'web02' -Force }",
      ].join('\n'),
    );
  });

  it('moves VMs between the tables in bulk, updating both counts and the header without a reload', async () => {
    const { user } = await open('benefits-on');
    await user.click(screen.getByRole('tab', { name: 'VMs' }));
    const withBenefits = table('VMs with Azure benefits');
    expect(within(withBenefits).getByText('8 items')).toBeInTheDocument();
    expect(within(table('VMs without Azure benefits')).getByText('0 items')).toBeInTheDocument();
    expect(within(table('VMs without Azure benefits')).getByText('No records found')).toBeInTheDocument();

    await user.type(within(withBenefits).getByRole('searchbox'), 'web');
    expect(await within(withBenefits).findByText('2 matches')).toBeInTheDocument();
    await user.click(within(withBenefits).getByRole('checkbox', { name: 'Select all rows' }));
    expect(within(withBenefits).getByText('2 selected')).toBeInTheDocument();
    await user.click(within(withBenefits).getByRole('button', { name: 'Turn off Azure benefits for VMs' }));
    expect(await screen.findByRole('status', { name: 'Running operations' })).toHaveTextContent(
      'Remove Virtual Machines from Azure Stack HCI IMDS Attestation...',
    );
    await hciSim.advance('1m');

    expect(await screen.findByText('Turn off Azure benefits for VMs: succeeded')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table('VMs with Azure benefits')).getByText('6 items')).toBeInTheDocument(),
    );
    const without = table('VMs without Azure benefits');
    expect(within(without).getByText('2 items')).toBeInTheDocument();
    expect(
      within(within(without).getByRole('grid'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['web01Offhci-node3Active', 'web02Offhci-node4Active']);
    await waitFor(() => expect(headerValue('VMs with Azure benefits turned on')).toBe('6 out of 8 VMs'));
  });

  it('turns off Azure benefits with its VMs, asking to turn off the running Generation 1 VM first', async () => {
    const { user } = await open('benefits-on');
    await user.click(screen.getByRole('button', { name: 'Turn off Azure benefits' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Turn off Azure benefits?' });
    expect(within(dialog).getByText(/8 VMs still have Azure benefits turned on/)).toBeInTheDocument();
    const removeVms = within(dialog).getByRole('checkbox', {
      name: 'Also turn off Azure benefits for the 8 VMs',
    });
    expect(removeVms).toBeChecked();
    expect(
      within(dialog).getByText(/Failed to remove device 'Synthetic Ethernet Port' from 'legacy-app01'/),
    ).toBeInTheDocument();

    await user.click(removeVms);
    expect(
      within(dialog).getByText(
        /There are still guests connected to IMDS Attestation\. Use switch -RemoveVM or Remove-AzStackHCIVMAttestation cmdlet\./,
      ),
    ).toBeInTheDocument();
    await user.click(removeVms);

    await user.click(within(dialog).getByRole('button', { name: 'Turn off legacy-app01' }));
    await hciSim.advance('5s');
    await waitFor(() =>
      expect(within(dialog).queryByText(/Synthetic Ethernet Port/)).not.toBeInTheDocument(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await hciSim.advance('2m');
    expect(await screen.findByText('Turn off Azure benefits: succeeded')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Turn on' })).toBeInTheDocument();
  });
});
