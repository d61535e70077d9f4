import { waitFor, within } from '@testing-library/react';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

/** The provider element that carries the theme choice (Fluent puts the theme's CSS variables on it). */
function themedRoot(): Element | null {
  return document.querySelector('[data-theme]');
}

describe('The WAC shell', () => {
  it('refetches what is on screen when the simulated world changes, without a reload', async () => {
    await renderRoute('/connections/cluster/hci-cluster01/tools/servers');
    await waitForAppReady();
    const grid = screen.getByRole('grid', { name: 'Servers' });
    expect(within(within(grid).getByRole('row', { name: /^hci-node3/ })).getByText('Up')).toBeInTheDocument();

    // The world host announces the change (test/setup does what the browser's host does).
    await hciSim.inject('node-down', 'hci-node3');

    expect(await within(grid).findByRole('row', { name: /^hci-node3\s*Down/ })).toBeInTheDocument();
  });

  it('switches to the dark theme from Settings → Personalization and remembers it', async () => {
    const { user } = await renderRoute('/settings/personalization');
    await waitForAppReady();
    expect(themedRoot()).toHaveAttribute('data-theme', 'light');

    await user.click(screen.getByRole('switch', { name: 'Dark theme' }));
    expect(themedRoot()).toHaveAttribute('data-theme', 'dark');
    expect(window.localStorage.getItem('hci-portal-theme')).toBe('dark');
  });

  it('offers the other solutions from the Solution Selector and titles the page from its breadcrumbs', async () => {
    const { user, router } = await renderRoute('/');
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Solution Selector' }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitemradio')
        .map((item) => item.textContent),
    ).toEqual(['Cluster Manager', 'Azure portal (cloud view)', 'Azure Stack portal (multi-cloud)']);
    await user.click(within(menu).getByRole('menuitemradio', { name: 'Azure portal (cloud view)' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/azure'));
    await waitFor(() => expect(document.title).toBe('Azure portal (cloud view) - Windows Admin Center'));
  });

  it('moves focus to the action toolbar with Ctrl+Alt+A', async () => {
    const { user } = await renderRoute('/');
    await waitForAppReady();
    await user.keyboard('{Control>}{Alt>}a{/Alt}{/Control}');
    expect(screen.getByRole('button', { name: 'Add' })).toHaveFocus();
  });

  it('shows a running job with its progress in the notifications pane, then its result', async () => {
    await hciSim.reset('registered');
    const { user } = await renderRoute('/');
    await waitForAppReady();
    const response = await fetch('/api/clusters/hci-cluster01/sync', { method: 'POST' });
    expect(response.ok).toBe(true);
    // Work started outside the UI shows up at once: the world change names the jobs and notifications.

    await user.click(
      await screen.findByRole('button', {
        name: /^Notifications, There are [1-9]\d* unread notifications\.$/,
      }),
    );
    const pane = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(await within(pane).findByText(/in progress$/)).toBeInTheDocument();
    expect(within(pane).getByText(/^The task is \d+% complete$/)).toBeInTheDocument();
    expect(within(pane).getByRole('link', { name: 'Go to Dashboard on hci-cluster01.' })).toHaveAttribute(
      'href',
      '/connections/cluster/hci-cluster01/tools/dashboard',
    );

    await hciSim.advance('1h');
    expect(await within(pane).findByText(/ succeeded$/)).toBeInTheDocument();
    expect(within(pane).queryByText(/^The task is \d+% complete$/)).not.toBeInTheDocument();
  });
});
