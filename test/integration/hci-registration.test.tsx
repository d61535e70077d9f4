import { waitFor, within } from '@testing-library/react';
import { setPollMs } from '@/config/timing';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const SETTINGS = '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration';
const ARC_PAGE = '/connections/cluster/hci-cluster01/tools/azure-arc/registration';

beforeEach(() => setPollMs({ pollMs: 50, idlePollMs: 100 }));

async function openWizard(scenario = 'gateway-registered') {
  const view = await renderRoute(`${SETTINGS}?register=open`, { scenario });
  await waitForAppReady();
  const pane = await screen.findByRole('dialog', { name: 'Register Azure Stack HCI' });
  await within(pane).findByRole('list', { name: 'Prerequisite checks' });
  return { ...view, pane };
}

/** Runs simulated time forward until the job in the pane has ended, then returns its outcome text. */
async function finishJob(pane: HTMLElement) {
  await within(pane).findByRole('list', { name: 'Steps' });
  await within(pane).findByLabelText('In progress');
  await hciSim.advance('2m');
  await waitFor(() => expect(within(pane).queryByLabelText('In progress')).toBeNull());
}

describe('Register Azure Stack HCI', () => {
  it('says what is wrong next to each field as you type, and sends nothing while anything is', async () => {
    const { user, pane } = await openWizard();
    const rg = within(pane).getByRole('textbox', { name: /New resource group name/ });
    await user.clear(rg);
    await user.type(rg, 'my rg.');
    expect(
      within(pane).getByText(
        /can only include letters, digits, underscores, hyphens, periods and parentheses \(not space\)/,
      ),
    ).toBeInTheDocument();
    await user.clear(rg);
    await user.type(rg, 'rg.');
    expect(within(pane).getByText("A resource group name can't end with a period.")).toBeInTheDocument();
    await user.clear(rg);
    expect(within(pane).getByText('Enter a resource group name.')).toBeInTheDocument();

    const sub = within(pane).getByRole('combobox', { name: /Azure subscription ID/ });
    await user.clear(sub);
    await user.type(sub, 'not-a-guid');
    expect(within(pane).getByText(/'not-a-guid' isn't a subscription ID/)).toBeInTheDocument();

    await user.click(within(pane).getByRole('button', { name: 'Register' }));
    expect(within(pane).queryByRole('list', { name: 'Steps' })).toBeNull();
    // the refused Register takes the user to the first field it marked
    expect(sub).toHaveFocus();
    const snapshot = (await hciSim.snapshot()) as { jobs: Record<string, unknown> };
    expect(Object.keys(snapshot.jobs)).toHaveLength(0);
  });

  it('Show PowerShell on the review step gives Register-AzStackHCI with the values chosen in the wizard', async () => {
    const { user, pane } = await openWizard();
    const rg = within(pane).getByRole('textbox', { name: /New resource group name/ });
    await user.clear(rg);
    await user.type(rg, 'my-rg');
    await user.click(within(pane).getByRole('button', { name: 'Advanced' }));
    await user.click(within(pane).getByRole('checkbox', { name: 'Enable Azure Arc' }));
    await user.click(within(pane).getByRole('button', { name: 'Show PowerShell' }));
    const dialog = await screen.findByRole('dialog', { name: 'PowerShell for Register Azure Stack HCI' });
    const script = within(dialog).getByLabelText('PowerShell script').textContent;
    expect(script).toMatch(
      /^Register-AzStackHCI -SubscriptionId '[0-9a-f-]{36}' -ResourceGroupName 'my-rg' -Region 'eastus'/,
    );
    expect(script).toContain('-EnableAzureArcServer:$false');
    expect(script).not.toContain('-ArcServerResourceGroupName');
  });
});

describe('Registration failures, each with its real text and a way forward that works', () => {
  it('no Arc role: registered but Arc failed, with retry once the role is granted', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('no-arc-role');
    const { user, pane } = await openWizard('');
    expect(
      within(pane).getByText(
        /can't assign roles: the cluster will register but Azure Arc integration will fail/,
      ),
    ).toBeInTheDocument();
    await user.click(within(pane).getByRole('button', { name: 'Register' }));
    await finishJob(pane);
    expect(
      await within(pane).findByText(
        'Failed to assign required roles for Azure Arc integration. Your Azure AD account must be an Owner or User Access Administrator in the subscription to enable Azure Arc integration.',
      ),
    ).toBeInTheDocument();
    expect(within(pane).getByText('Registered, but Azure Arc integration failed')).toBeInTheDocument();

    await hciSim.repair('no-arc-role');
    await user.click(within(pane).getByRole('button', { name: 'Retry Azure Arc integration' }));
    await waitFor(() => expect(within(pane).getByLabelText('In progress')).toBeInTheDocument());
    await finishJob(pane);
    expect(
      await within(pane).findByText(/^Azure Stack HCI is successfully registered\./),
    ).toBeInTheDocument();
  });
});

describe('Registration status page', () => {
  it('out of policy after 31 days with outbound blocked; Sync now after the repair makes it Connected again', async () => {
    await hciSim.reset('registered');
    await hciSim.inject('outbound-blocked');
    await hciSim.advance('31d');
    const { user } = await renderRoute(ARC_PAGE);
    await waitForAppReady();
    const system = await screen.findByRole('region', { name: 'Azure Stack HCI system status' });
    expect(within(system).getAllByText('Out of policy').length).toBeGreaterThan(0);
    expect(
      within(system).getByText(/new virtual machines can't be created until the cluster is synced/),
    ).toBeInTheDocument();

    await hciSim.repair('outbound-blocked');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    // The job has started once the page shows it running; only then does moving time finish it.
    await screen.findByLabelText('In progress');
    await hciSim.advance('1m');
    expect(
      await screen.findByText('Successfully synced with Azure for cluster: hci-cluster01.contoso.local'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Azure Stack HCI system status' })).getByText('Connected'),
      ).toBeInTheDocument(),
    );
  });
});
