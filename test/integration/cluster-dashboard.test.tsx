import { waitFor, within } from '@testing-library/react';
import { toolsFor } from '@/shell/tools';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

describe('Cluster dashboard', () => {
  it('shows the four nodes and an unregistered cluster with the way to register it', async () => {
    const { user, router } = await renderRoute('/connections/cluster/hci-cluster01/tools/dashboard');
    await waitForAppReady();

    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    const azure = screen.getByRole('region', { name: 'Azure connection' });
    expect(within(azure).getByText('Not yet registered')).toBeInTheDocument();
    expect(
      within(azure).getByText(/days? left to register before the cluster is out of policy/),
    ).toBeInTheDocument();

    const servers = screen.getByRole('list', { name: 'Servers in this cluster' });
    const items = within(servers).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'hci-node1Up',
      'hci-node2Up',
      'hci-node3Up',
      'hci-node4Up',
    ]);
    expect(document.title).toBe('Dashboard - hci-cluster01 - Windows Admin Center');

    await user.click(within(azure).getByRole('link', { name: 'Register this cluster' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(
        '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration',
      ),
    );
    // What opens there (the status page and the Register pane) is the registration feature's to test.
  });

  it('opens a cluster on its Dashboard and lists its tools with Settings last', async () => {
    const { router } = await renderRoute('/connections/cluster/hci-cluster01');
    await waitForAppReady();
    expect(router.state.location.pathname).toBe('/connections/cluster/hci-cluster01/tools/dashboard');
    const pane = screen.getByRole('navigation', { name: 'Tools for hci-cluster01' });
    // The registry grows as tools are built; the pane shows exactly the cluster tools it holds, then Settings.
    const expected = [...toolsFor({ type: 'cluster' }).map((tool) => tool.title), 'Settings'];
    expect(
      within(pane)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(expected);
  });

  it('shows the API error with a Retry for a cluster the world does not have', async () => {
    await renderRoute('/connections/cluster/no-such-cluster/tools/dashboard');
    expect(await screen.findByText("no-such-cluster isn't in your connections list")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to All connections' })).toHaveAttribute('href', '/');
  });
});
