import { waitFor, within } from '@testing-library/react';
import { sim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

/** The connections page, with Manage as open on hci-cluster01. */
async function openManageAs() {
  const { user } = await renderRoute('/');
  await waitForAppReady();
  const grid = screen.getByRole('grid', { name: 'All connections' });
  await user.click(within(grid).getByRole('checkbox', { name: 'Select hci-cluster01' }));
  expect(await screen.findByText('1 selected')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Manage as' }));
  const pane = await screen.findByRole('dialog', { name: 'Specify your credentials' });
  return { user, pane, userName: within(pane).getByRole('textbox', { name: /User name/ }) };
}

const managingAs = (name: string) =>
  sim.read((w) => w.gateway.connections.find((c) => c.name === name)?.managingAs);

describe('All connections', () => {
  it('lists the fresh world cluster with its type and status', async () => {
    await renderRoute('/');
    await waitForAppReady();
    expect(screen.getByRole('heading', { name: 'All Connections' })).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'All connections' });
    expect(within(grid).getByRole('link', { name: 'hci-cluster01' })).toHaveAttribute(
      'href',
      '/connections/cluster/hci-cluster01',
    );
    const row = within(grid).getByRole('row', { name: /hci-cluster01/ });
    expect(within(row).getByText('Server clusters')).toBeInTheDocument();
    expect(document.title).toBe('All Connections - Windows Admin Center');
  });

  it('shows an error next to the Name field for an invalid host name, then adds a valid one', async () => {
    const { user } = await renderRoute('/');
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Add' }));
    // The pane's own Add: the toolbar's Add stays in the tree until Fluent's modalizer hides it.
    const pane = await screen.findByRole('dialog', { name: 'Add a connection' });
    const name = within(pane).getByRole('textbox', { name: /Name/ });
    await user.type(name, 'bad name!');
    await user.click(within(pane).getByRole('button', { name: 'Add' }));
    expect(await screen.findByText(/'bad name!' is not a valid host name/)).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    // the refused Add takes the user to the field, whose message is its description
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(expect.stringMatching(/'bad name!' is not a valid host name/));

    await user.clear(name);
    await user.paste('hci-cluster02');
    await user.click(within(pane).getByRole('radio', { name: 'Server clusters' }));
    await user.click(within(pane).getByRole('button', { name: 'Add' }));

    const grid = await screen.findByRole('grid', { name: 'All connections' });
    expect(await within(grid).findByRole('link', { name: 'hci-cluster02' })).toBeInTheDocument();
  });

  it('Manage as refuses a blank user name next to the field and takes the user there', async () => {
    const { user, pane, userName } = await openManageAs();
    const before = managingAs('hci-cluster01');
    await user.clear(userName);
    await user.click(within(pane).getByRole('button', { name: 'Save' }));
    expect(userName).toHaveAttribute('aria-invalid', 'true');
    expect(userName).toHaveAccessibleDescription('Enter the account to manage the connection as.');
    expect(userName).toHaveFocus();
    expect(managingAs('hci-cluster01')).toBe(before);
  });

  it('Manage as keeps the credentials with the connections, for all of them when asked, and never returns the password', async () => {
    const { user, pane, userName } = await openManageAs();
    await user.clear(userName);
    await user.paste('CONTOSO\\opsadmin');
    await user.click(within(pane).getByLabelText('Password'));
    await user.paste('P@ssw0rd!');
    await user.click(
      within(pane).getByRole('checkbox', { name: 'Use these credentials for all connections' }),
    );
    await user.click(within(pane).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Specify your credentials' })).not.toBeInTheDocument(),
    );
    const stored = sim.read((w) => w.gateway.connections.map((c) => [c.name, c.managingAs, c.password]));
    expect(stored.map(([name]) => name)).toContain('hci-cluster01');
    for (const [, managingAs, password] of stored) {
      expect(managingAs).toBe('CONTOSO\\opsadmin');
      expect(password).toBe('P@ssw0rd!');
    }
    const answer = await (await fetch('http://localhost/api/connections')).text();
    expect(answer).toContain('CONTOSO\\\\opsadmin');
    expect(answer).not.toContain('P@ssw0rd!');
  });

  it('asks for confirmation naming the connection before removing it', async () => {
    const { user } = await renderRoute('/');
    await waitForAppReady();
    const grid = screen.getByRole('grid', { name: 'All connections' });
    await user.click(within(grid).getByRole('checkbox', { name: 'Select hci-cluster01' }));
    expect(await screen.findByText('1 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Connection(s)' });
    expect(
      within(dialog).getByText('Are you sure you want to remove hci-cluster01 from the connections list?'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));

    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'hci-cluster01' })).not.toBeInTheDocument(),
    );
    expect(screen.queryByText('1 selected')).not.toBeInTheDocument();
  });

  it("shows 'No Saved Connections' with the way to add one once every connection is removed", async () => {
    const { user } = await renderRoute('/');
    await waitForAppReady();
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    expect(await screen.findByText('5 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Connection(s)' });
    expect(
      within(dialog).getByText(
        /^Are you sure you want to remove hci-cluster01, hci-node1, .* from the connections list\?$/,
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));

    expect(await screen.findByRole('heading', { name: 'No Saved Connections' })).toBeInTheDocument();
    expect(
      screen.getByText("To get started, add a connection to Windows Admin Center using the '+ Add' command."),
    ).toBeInTheDocument();
  });
});
