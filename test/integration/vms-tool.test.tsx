import { waitFor, within } from '@testing-library/react';
import { hciSim, sim } from '../../mocks/node';
import { vmLicensingError } from '../../mocks/sim';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const URL_ = '/connections/cluster/hci-cluster01/tools/virtual-machines';

function grid() {
  return screen.getByRole('grid', { name: 'Virtual machines' });
}
function rowOf(name: string): HTMLElement {
  return within(grid()).getByRole('row', { name: new RegExp(`^Select ${name}\\b|^${name}\\b`) });
}

describe('Virtual machines tool', () => {
  it('lists the VMs with their state, host, generation and Azure benefits, and filters by typing', async () => {
    const { user } = await renderRoute(URL_);
    await waitForAppReady();
    expect(await screen.findByText('8 items')).toBeInTheDocument();
    const legacy = rowOf('legacy-app01');
    expect(within(legacy).getByText('Running')).toBeInTheDocument();
    expect(within(legacy).getByText('hci-node1')).toBeInTheDocument();
    expect(within(legacy).getByText('Generation 1')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search virtual machines' }), 'web');
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    expect(within(grid()).queryByText('dc01')).not.toBeInTheDocument();
  });

  it('starts a VM as a job: Starting, then Running, with the job in the notifications', async () => {
    const { user } = await renderRoute(
      `${URL_}?selected=${encodeURIComponent(sim.read((w) => Object.values(w.vms).find((v) => v.name === 'web02')?.id ?? ''))}`,
    );
    await waitForAppReady();
    await screen.findByRole('region', { name: 'Details - web02' });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(within(rowOf('web02')).getByText('Starting')).toBeInTheDocument());
    await hciSim.advance('10s');
    await waitFor(() => expect(within(rowOf('web02')).getByText('Running')).toBeInTheDocument());
    expect(sim.world().notifications.at(-1)).toMatchObject({
      level: 'Success',
      message: "Successfully started the virtual machine 'web02'.",
    });
  });

  it('on out-of-policy, Create runs the job and shows the licensing error in the pane', async () => {
    const { user } = await renderRoute(URL_, { scenario: 'out-of-policy' });
    await waitForAppReady();
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    const pane = await screen.findByRole('dialog', { name: 'Add virtual machine' });
    await user.click(within(pane).getByRole('button', { name: 'Create' }));
    expect(within(pane).getByText('Enter a name for the virtual machine.')).toBeInTheDocument();
    // the refused Create takes the user to the first field it marked
    expect(within(pane).getByRole('textbox', { name: /Name/ })).toHaveFocus();
    await user.type(within(pane).getByRole('textbox', { name: /Name/ }), 'app42');
    await user.click(within(pane).getByRole('combobox', { name: /Host server/ }));
    await user.click(await screen.findByRole('option', { name: /hci-node2/ }));
    await user.click(within(pane).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(Object.values(sim.world().jobs).some((j) => j.kind === 'vm/create')).toBe(true),
    );
    await hciSim.advance('10s');
    expect(await within(pane).findByText(vmLicensingError('app42'), { exact: false })).toBeInTheDocument();
    expect(within(pane).getByRole('link', { name: 'Troubleshoot this error' })).toHaveAttribute(
      'href',
      expect.stringContaining('/tools/diagnostics/troubleshoot?error='),
    );
  });

  it('deletes a VM with checkpoints after a confirmation that names it and says the checkpoints go too', async () => {
    const id = sim.read((w) => Object.values(w.vms).find((v) => v.name === 'web02')?.id ?? '');
    await fetch(`http://localhost/api/vms/${id}/checkpoints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'before-upgrade' }),
    });
    await hciSim.advance('1m');
    const { user } = await renderRoute(`${URL_}?selected=${id}&tab=checkpoints`);
    await waitForAppReady();
    expect(await screen.findByRole('treeitem', { name: 'before-upgrade (current)' })).toBeInTheDocument();
    await user.click(
      within(screen.getByRole('toolbar', { name: 'Virtual machine actions' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: "Delete the virtual machine 'web02'?" });
    expect(within(dialog).getByText(/with its 1 checkpoint\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(Object.values(sim.world().jobs).some((j) => j.kind === 'vm/delete')).toBe(true),
    );
    await hciSim.advance('10s');
    await waitFor(() => expect(within(grid()).queryByText('web02')).not.toBeInTheDocument());
  });

  it('Show PowerShell gives the commands for the actions the selected VM allows, run against its host', async () => {
    const vm = sim.read((w) => Object.values(w.vms).find((v) => v.name === 'web02'));
    const { user } = await renderRoute(`${URL_}?selected=${encodeURIComponent(vm?.id ?? '')}`);
    await waitForAppReady();
    await screen.findByRole('region', { name: 'Details - web02' });
    const host = within(rowOf('web02')).getByText(/^hci-node\d$/).textContent;
    await user.click(
      within(screen.getByRole('toolbar', { name: 'Virtual machine actions' })).getByRole('button', {
        name: 'Show PowerShell',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: "PowerShell for the actions on 'web02'" });
    expect(within(dialog).getByLabelText('PowerShell script').textContent).toBe(
      [
        '# Start',
        `Start-VM -Name 'web02' -ComputerName '${host}'`,
        '# Checkpoint',
        `Checkpoint-VM -Name 'web02' -ComputerName '${host}'`,
        '# Delete',
        `Remove-VM -Name 'web02' -ComputerName '${host}' -Force`,
      ].join('\n'),
    );
  });

  it('Connect downloads an .rdp file naming the VM address', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:rdp';
    });
    URL.revokeObjectURL = vi.fn();
    const id = sim.read((w) => Object.values(w.vms).find((v) => v.name === 'dc01')?.id ?? '');
    const { user } = await renderRoute(`${URL_}?selected=${id}`);
    await waitForAppReady();
    await screen.findByRole('region', { name: 'Details - dc01' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Downloaded dc01\.rdp/)).toBeInTheDocument();
    expect((await created[0]?.text())?.split('\r\n')[0]).toBe('full address:s:10.0.1.11');
  });
});
