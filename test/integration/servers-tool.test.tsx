import { waitFor, within } from '@testing-library/react';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

function rowOf(name: string): HTMLElement {
  const grid = screen.getByRole('grid', { name: 'Servers' });
  return within(grid).getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('Servers tool', () => {
  it('shows a node that went down as Down', async () => {
    await hciSim.inject('node-down', 'hci-node2');
    await renderRoute('/connections/cluster/hci-cluster01/tools/servers');
    await waitForAppReady();
    expect(within(rowOf('hci-node2')).getByText('Down')).toBeInTheDocument();
    expect(within(rowOf('hci-node1')).getByText('Up')).toBeInTheDocument();
    expect(screen.getByText('4 items')).toBeInTheDocument();
  });

  it('keeps search and selection in the URL and shows the selected node in the details pane', async () => {
    const { user, router } = await renderRoute(
      '/connections/cluster/hci-cluster01/tools/servers?selected=hci-node2&tab=arc',
    );
    await waitForAppReady();
    const details = screen.getByRole('region', { name: 'Details - hci-node2' });
    expect(within(details).getByRole('tab', { name: 'Azure Arc', selected: true })).toBeInTheDocument();
    expect(within(details).getByText('Last heartbeat')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search servers' }), 'node3');
    await waitFor(() => expect(router.state.location.search).toContain('q=node3'));
    expect(await screen.findByText('1 match')).toBeInTheDocument();

    await user.click(screen.getByText('hci-node3'));
    await waitFor(() => expect(router.state.location.search).toContain('selected=hci-node3'));
    expect(await screen.findByRole('region', { name: 'Details - hci-node3' })).toBeInTheDocument();
  });

  it('keeps the servers it shows when a refresh fails: a failed refetch is not a failed page load', async () => {
    const { user, queryClient } = await renderRoute('/connections/cluster/hci-cluster01/tools/servers');
    await waitForAppReady();
    await hciSim.inject('api-errors', 'api');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    // The refetch has answered with the API fault: the query is in error and still holds its data.
    await waitFor(() =>
      expect(
        queryClient
          .getQueryCache()
          .findAll({ predicate: (q) => q.state.status === 'error' && q.state.data !== undefined }),
      ).not.toHaveLength(0),
    );
    expect(screen.queryByText("Couldn't load the servers of hci-cluster01")).not.toBeInTheDocument();
    expect(within(rowOf('hci-node2')).getByText('Up')).toBeInTheDocument();
    expect(screen.getByText('4 items')).toBeInTheDocument();
  });
});

describe('Servers tool after Unregister', () => {
  it('shows no agent version beside an Azure Arc status of Not installed', async () => {
    await hciSim.reset('registered');
    const started = await fetch('/api/clusters/hci-cluster01/unregister', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(202);
    await hciSim.advance('10m');
    await renderRoute('/connections/cluster/hci-cluster01/tools/servers?selected=hci-node2&tab=arc');
    await waitForAppReady();
    const details = screen.getByRole('region', { name: 'Details - hci-node2' });
    expect(await within(details).findByText('Not installed')).toBeInTheDocument();
    expect(within(details).queryByText(/^1\.\d+\./)).not.toBeInTheDocument();
  });
});
