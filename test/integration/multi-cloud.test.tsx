import { waitFor, within } from '@testing-library/react';
import { hciSim, sim } from '../../mocks/node';
import { setWapConnector, setWapUserKnown } from '../../mocks/sim';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

const unchanged = <T,>(outcome: { ok: boolean; value?: T }) => expect(outcome.ok).toBe(true);

describe('Azure Stack portal (multi-cloud)', () => {
  it('switches clouds with the Cloud drop-down and lists each cloud’s VMs', async () => {
    const { user, router } = await renderRoute('/azure-stack');
    await waitForAppReady();
    const picker = screen.getByRole('combobox', { name: 'Cloud' });
    expect(picker).toHaveTextContent('AzureStack');
    expect(await screen.findByRole('grid', { name: 'Virtual machines of AzureStack' })).toBeInTheDocument();
    expect(await screen.findByText('dc01')).toBeInTheDocument();
    await user.click(picker);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'AzureStack',
      'AzurePack_1',
      'AzurePack_2',
    ]);
    await user.click(screen.getByRole('option', { name: 'AzurePack_1' }));
    await waitFor(() => expect(router.state.location.search).toContain('cloud=AzurePack_1'));
    const grid = await screen.findByRole('grid', { name: 'Virtual machines of AzurePack_1' });
    expect(await within(grid).findByText('wap1-app01')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Status of AzurePack_1' })).toHaveTextContent(
      /Connector connected/,
    );
  });

  it("sorts and filters a cloud's VMs through the server, one page at a time", async () => {
    const { user, router } = await renderRoute('/azure-stack?cloud=AzureStack');
    await waitForAppReady();
    const grid = await screen.findByRole('grid', { name: 'Virtual machines of AzureStack' });
    const names = sim.read((w) => Object.values(w.vms).map((v) => v.name));
    const last = [...names].sort((a, b) =>
      b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' }),
    )[0];
    await user.click(within(grid).getByRole('button', { name: 'Name' }));
    await user.click(within(grid).getByRole('button', { name: 'Name' }));
    await waitFor(() =>
      expect(within(grid).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    );
    await waitFor(() =>
      expect(within(grid).getAllByRole('row')[1]).toHaveAttribute('data-row-id', expect.any(String)),
    );
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]).toHaveTextContent(last ?? ''));
    await user.type(screen.getByRole('searchbox', { name: 'Filter virtual machines' }), 'dc01');
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '2'));
    expect(within(grid).getByText('dc01')).toBeInTheDocument();
    // The text reaches the address once its rows show, so the filtered list is a link that survives a reload.
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('dc01'));

    // A link to another filter replaces the text, and the text typed before does not come back over it.
    await router.navigate('/azure-stack?cloud=AzureStack&q=web0');
    await waitFor(() =>
      expect(screen.getByRole('searchbox', { name: 'Filter virtual machines' })).toHaveValue('web0'),
    );
    expect(await within(grid).findByText('web01')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('web0');
  });

  it('opens a WAP VM as a blade from a link, shows its configuration and stops it as a job', async () => {
    const id = sim.read(
      (w) => Object.values(w.wapClouds.AzurePack_1?.vms ?? {}).find((v) => v.name === 'wap1-app01')?.id ?? '',
    );
    const { user } = await renderRoute(`/azure-stack?cloud=AzurePack_1&vm=${id}&tab=settings`);
    await waitForAppReady();
    const menu = await screen.findByRole('navigation', { name: 'wap1-app01 menu' });
    expect(within(menu).getByRole('button', { name: 'Configuration' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await screen.findByText('4,096 MB')).toBeInTheDocument();
    await user.click(within(menu).getByRole('button', { name: 'Overview' }));
    const essentials = await screen.findByRole('region', { name: 'Essentials' });
    for (const label of ['Status', 'Location', 'Subscription', 'Subscription ID', 'Tags'])
      expect(within(essentials).getByText(label)).toBeInTheDocument();
    expect(within(essentials).getByText('Running')).toBeInTheDocument();

    const commands = screen.getByRole('toolbar', { name: 'Virtual machine actions' });
    await user.click(within(commands).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(sim.world().wapClouds.AzurePack_1?.vms[id]?.power).toBe('Stopping'));
    await hciSim.advance('15s');
    expect(await within(essentials).findByText('Off')).toBeInTheDocument();
    expect(within(commands).getByRole('button', { name: 'Start' })).toBeEnabled();

    await user.click(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('button', {
        name: 'Virtual machines',
      }),
    );
    expect(await screen.findByRole('grid', { name: 'Virtual machines of AzurePack_1' })).toBeInTheDocument();
  });

  it('refuses to delete a virtual network that VMs use, with the reason in the dialog', async () => {
    const id = sim.read(
      (w) =>
        Object.values(w.wapClouds.AzurePack_1?.networks ?? {}).find((n) => n.name === 'azurepack_1-vnet01')
          ?.id ?? '',
    );
    const { user } = await renderRoute(`/azure-stack?cloud=AzurePack_1&view=networks&network=${id}`);
    await waitForAppReady();
    await screen.findByRole('region', { name: 'Details - azurepack_1-vnet01' });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: "Delete the virtual network 'azurepack_1-vnet01'?",
    });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await within(dialog).findByText(
        /It is in use by the virtual machines 'wap1-app01', 'wap1-db01', 'wap1-jump01'/,
      ),
    ).toBeInTheDocument();
    expect(sim.world().wapClouds.AzurePack_1?.networks[id]).toBeDefined();
  });

  it('an unreachable connector shows its status in place, while the other clouds keep working', async () => {
    unchanged(sim.run((d) => setWapConnector(d, 'AzurePack_2', { reachable: false, latencyMs: 0 })));
    const { user } = await renderRoute('/azure-stack?cloud=AzurePack_2');
    await waitForAppReady();
    // Seed 004: errors about not being able to fetch subscriptions or extensions, closed with OK.
    const errors = await screen.findByRole('alertdialog', {
      name: 'Errors from the Azure Pack cloud AzurePack_2',
    });
    expect(
      within(errors).getByText(
        'Not able to fetch subscriptions or extensions from the Azure Pack cloud AzurePack_2.',
      ),
    ).toBeInTheDocument();
    await user.click(within(errors).getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await screen.findByText('AzurePack_2 is unavailable')).toBeInTheDocument();
    expect(
      screen.getByText(
        /The Windows Azure Pack Connector of AzurePack_2 \(https:\/\/waptenantportal2:40005\) is not responding/,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Cloud' }));
    await user.click(screen.getByRole('option', { name: 'AzurePack_1' }));
    expect(await screen.findByText('wap1-app01')).toBeInTheDocument();
  });

  it('a user missing from a WAP cloud identity provider sees why the cloud is unavailable', async () => {
    unchanged(sim.run((d) => setWapUserKnown(d, 'AzurePack_1', 'admin@contoso.onmicrosoft.com', false)));
    await renderRoute('/azure-stack?cloud=AzurePack_1');
    await waitForAppReady();
    expect(
      await screen.findByText(/doesn't exist in the identity provider of AzurePack_1/),
    ).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Status of AzurePack_1' })).toHaveTextContent(
      'Account not in this cloud',
    );
  });
});
