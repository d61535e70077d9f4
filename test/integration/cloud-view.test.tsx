import { waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { hciSim, sim } from '../../mocks/node';
import { ADMIN_UPN, CONTOSO_TENANT, createApp, hciClusterId } from '../../mocks/sim';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

function machineRow(name: string): HTMLElement {
  const grid = screen.getByRole('grid', { name: 'Machines - Azure Arc' });
  return within(grid).getByRole('row', { name: new RegExp(`^${name}`) });
}

/** Basics of Add a single server: the first resource group and West Europe. */
async function fillBasics(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('combobox', { name: /Resource group/ }));
  await user.click((await screen.findAllByRole('option'))[0] as HTMLElement);
  await user.click(screen.getByRole('combobox', { name: /Region/ }));
  await user.click(await screen.findByRole('option', { name: 'West Europe' }));
}

const EVIL = `it's "x" $(touch /tmp/p) \`id\`\nline2`;

describe('Azure portal (cloud view)', () => {
  it('shows hci-node3 Disconnected after 30 minutes down and Connected again within 5 minutes of the repair', async () => {
    await renderRoute('/azure/machines', { scenario: 'registered' });
    await waitForAppReady();
    expect(within(machineRow('hci-node3')).getByText('Connected')).toBeInTheDocument();
    expect(within(machineRow('hci-node3')).getByText('hci-cluster01')).toBeInTheDocument();
    await hciSim.inject('node-down', 'hci-node3');
    await hciSim.advance('30m');
    expect(await within(machineRow('hci-node3')).findByText('Disconnected')).toBeInTheDocument();

    await hciSim.repair('node-down', 'hci-node3');
    await hciSim.advance('5m');
    expect(await within(machineRow('hci-node3')).findByText('Connected')).toBeInTheDocument();
  });

  it('filters the machines by status', async () => {
    await hciSim.reset('registered');
    await hciSim.inject('node-down', 'hci-node3');
    await hciSim.advance('30m');
    const { user } = await renderRoute('/azure/machines');
    await waitForAppReady();
    const grid = () => screen.getByRole('grid', { name: 'Machines - Azure Arc' });
    expect(within(machineRow('hci-node3')).getByText('Disconnected')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Disconnected' }));
    await waitFor(() => expect(within(grid()).queryByText('hci-node1')).not.toBeInTheDocument());
    expect(machineRow('hci-node3')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Connected' }));
    await waitFor(() => expect(within(grid()).queryByText('hci-node3')).not.toBeInTheDocument());
    expect(machineRow('hci-node1')).toBeInTheDocument();
  });

  it('asks for a resource group, a region and a proxy port before it generates a script', async () => {
    const { user } = await renderRoute('/azure/machines/add', { scenario: 'registered' });
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Select a resource group.')).toBeInTheDocument();
    expect(screen.getByText('Select a region.')).toBeInTheDocument();

    await fillBasics(user);
    await user.click(screen.getByRole('radio', { name: 'Proxy server' }));
    await user.click(screen.getByRole('textbox', { name: /Proxy server URL/ }));
    await user.paste('http://proxy.contoso.com');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Include the proxy port, for example http://proxy.contoso.com:3128.'),
    ).toBeInTheDocument();
    // the refused Next takes the user to the field it marked
    expect(screen.getByRole('textbox', { name: /Proxy server URL/ })).toHaveFocus();
    expect(screen.queryByText('Select a resource group.')).not.toBeInTheDocument();
    expect(screen.queryByText('Select a region.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /Proxy server URL/ }));
    await user.paste(':3128');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('textbox', { name: 'City' })).toBeInTheDocument();
  });

  it('keeps a script from a tag azcmagent would refuse, with the message next to the tag and focus on it', async () => {
    const { user } = await renderRoute('/azure/machines/add', { scenario: 'registered' });
    await waitForAppReady();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Add custom tag' }));
    await user.type(screen.getByRole('textbox', { name: 'Name of custom tag 1' }), 'cost<center');
    await user.type(screen.getByRole('textbox', { name: 'Value of custom tag 1' }), 'a,b');
    await user.click(screen.getByRole('button', { name: 'Next: Download and run script' }));

    const name = screen.getByRole('textbox', { name: 'Name of custom tag 1' });
    expect(name).toHaveAccessibleDescription(
      "The tag names 'cost<center' have reserved characters '<,>,%,&,\\,?,/' or control characters.",
    );
    expect(screen.getByRole('textbox', { name: 'Value of custom tag 1' })).toHaveAccessibleDescription(
      'The tag value cannot contain a comma: azcmagent --tags uses it to separate tags.',
    );
    expect(name).toHaveFocus();
    expect(screen.queryByRole('textbox', { name: 'OnboardingScript.ps1' })).not.toBeInTheDocument();
  });

  it('generates scripts that keep a hostile tag value inert', async () => {
    const { user } = await renderRoute('/azure/machines/add', { scenario: 'registered' });
    await waitForAppReady();
    await fillBasics(user);
    await user.click(screen.getByRole('radio', { name: 'Proxy server' }));
    await user.click(screen.getByRole('textbox', { name: /Proxy server URL/ }));
    await user.paste('http://proxy.contoso.com:3128');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(await screen.findByRole('textbox', { name: 'City' }));
    await user.paste(EVIL);
    await user.click(screen.getByRole('button', { name: 'Next: Download and run script' }));
    const script = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'OnboardingScript.ps1' });
    expect(script.value).toContain(`$env:TAGS = 'City=${EVIL.replaceAll("'", "''")}';`);
    expect(script.value).toContain(`$env:PROXY = 'http://proxy.contoso.com:3128';`);

    await user.click(screen.getByRole('tab', { name: 'Basics' }));
    await user.click(screen.getByRole('radio', { name: 'Linux' }));
    await user.click(screen.getByRole('tab', { name: 'Download and run script' }));
    const sh = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'OnboardingScript.sh' });
    expect(sh.value).toContain(`export tags='City=${EVIL.replaceAll("'", `'\\''`)}';`);
  });

  it('runs the script on a simulated server, which is listed at once and connects at its first heartbeat', async () => {
    const { user } = await renderRoute('/azure/machines/add', { scenario: 'registered' });
    await waitForAppReady();
    await fillBasics(user);
    await user.click(screen.getByRole('radio', { name: 'Linux' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next: Download and run script' }));

    await user.click(await screen.findByRole('textbox', { name: /Server name/ }));
    await user.paste('web07');
    await user.click(screen.getByRole('button', { name: 'Run on a simulated server' }));
    expect(await screen.findByText('web07 is connected to Azure Arc')).toBeInTheDocument();
    expect(
      sim.read((w) => w.gateway.connections.some((c) => c.name === 'web07' && c.type === 'server')),
    ).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Machines - Azure Arc' }));
    await waitForAppReady();
    expect(
      await within(machineRow('web07')).findByTitle('The agent has not sent its first heartbeat yet'),
    ).toBeInTheDocument();
    expect(within(machineRow('web07')).getByText('Linux')).toBeInTheDocument();
    await hciSim.advance('5m');
    expect(await within(machineRow('web07')).findByText('Connected')).toBeInTheDocument();
  });

  it('shows the cluster resource with Essentials, the 8-hour Disconnected text and Arc settings, and the Benefits attestation on Configuration', async () => {
    await hciSim.reset('out-of-policy');
    const id = sim.read((w) => {
      const reg = w.clusters['hci-cluster01']?.registration;
      return reg ? hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName) : '';
    });
    const { user } = await renderRoute(`/azure/resource${id}`);
    await waitForAppReady();
    // Status and Azure Connection both say it in the portal's words.
    expect(
      await screen.findAllByText('Disconnected - Cluster not in connected state for more than 8 hours'),
    ).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Essentials' })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Arc settings per server' })).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'hci-cluster01 menu' });
    await user.click(within(menu).getByRole('button', { name: 'Configuration' }));
    expect(await screen.findByText('Azure benefits host attestation')).toBeInTheDocument();
    // JSON View: the Resource ID may wrap after each "/" and nowhere else it can help, and it has a Copy button.
    await user.click(within(menu).getByRole('button', { name: 'Overview' }));
    await user.click(await screen.findByRole('button', { name: 'JSON View' }));
    const json = await screen.findByRole('dialog', { name: 'Resource JSON' });
    const rendered = within(json).getByText((_text, el) => el?.getAttribute('data-resource-id') === id);
    expect(rendered).toHaveTextContent(id);
    expect(rendered.innerHTML.split('/</span><wbr>')).toHaveLength(id.split('/').length);
    expect(rendered.innerHTML).toMatch(/>resourceGroups\/<\/span><wbr>/);
    expect(within(json).getByRole('button', { name: 'Copy Resource ID' })).toBeInTheDocument();
  });

  it('deletes the cluster resource and walks back to a healthy registration: unregister on the cluster, register again', async () => {
    await hciSim.reset('registered');
    const reg = sim.read((w) => w.clusters['hci-cluster01']?.registration);
    if (!reg) throw new Error('registered preset has no registration');
    const id = hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName);
    const { user } = await renderRoute(`/azure/resource${id}`);
    await waitForAppReady();
    expect((await screen.findAllByText('Connected')).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // Clusters_Delete is long-running: the resource goes once its simulated seconds have passed
    await hciSim.advance('10s');
    expect(await screen.findByText('This Azure Stack HCI resource no longer exists')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Unregister hci-cluster01' }));
    expect(await screen.findByText(/started\. Follow its progress in Notifications\./)).toBeInTheDocument();
    await hciSim.advance('10m');
    expect(sim.read((w) => w.clusters['hci-cluster01']?.registration)).toBeUndefined();

    await user.click(
      await screen.findByRole('button', { name: 'Delete hci-node1, hci-node2, hci-node3, hci-node4' }),
    );
    expect(await screen.findByText(/None are left\./)).toBeInTheDocument();
    const register = await fetch('http://localhost/api/clusters/hci-cluster01/registration', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subscriptionId: reg.subscriptionId,
        resourceGroup: reg.resourceGroup,
        createResourceGroup: false,
        region: reg.region,
        enableArc: true,
      }),
    });
    expect(register.status).toBe(202);
    await hciSim.advance('30m');
    expect(
      Object.values(sim.world().jobs)
        .filter((j) => j.kind === 'cluster/register')
        .map((j) => [j.status, j.message]),
    ).toEqual([['Succeeded', expect.any(String)]]);
    expect(sim.read((w) => w.cloud.hciClusters[id.toLowerCase()]?.name)).toBe(reg.resourceName);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('heading', { name: 'Essentials' })).toBeInTheDocument();
    expect(screen.queryByText('This Azure Stack HCI resource no longer exists')).not.toBeInTheDocument();
    expect(screen.getAllByText('Connected').length).toBeGreaterThan(0);
    expect(screen.getByRole('grid', { name: 'Arc settings per server' })).toBeInTheDocument();
  });

  it('grants admin consent to an app registration', async () => {
    await hciSim.reset('registered');
    const appId = sim.run(
      (d, now) =>
        createApp(
          d,
          {
            displayName: 'hci-lab',
            tenantId: CONTOSO_TENANT,
            kind: 'cluster',
            clusterName: 'hci-cluster01',
            consent: false,
          },
          now,
        ).appId,
    );
    if (!appId.ok) throw appId.error;
    const { user } = await renderRoute(`/azure/app-registrations/${appId.value}`);
    await waitForAppReady();
    // The app is a blade: Essentials on its Overview, the command bar, and API permissions in its menu.
    expect(await screen.findByRole('heading', { level: 1, name: 'hci-lab' })).toBeInTheDocument();
    // The breadcrumb names the app by its display name, not by the appId in the address.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('button', { name: 'hci-lab' })).toBeInTheDocument();
    expect(within(crumbs).queryByText(appId.value)).not.toBeInTheDocument();
    const essentials = screen.getByRole('region', { name: 'Essentials' });
    expect(within(essentials).getByText('Application (client) ID')).toBeInTheDocument();
    expect(within(essentials).getByText(appId.value)).toBeInTheDocument();
    expect(within(essentials).getByText(CONTOSO_TENANT)).toBeInTheDocument();
    expect(within(essentials).getByRole('button', { name: 'Copy Object ID' })).toBeInTheDocument();
    const commands = screen.getByRole('toolbar', { name: 'hci-lab commands' });
    expect(within(commands).getByRole('button', { name: 'Delete' })).toBeEnabled();
    const menu = screen.getByRole('navigation', { name: 'hci-lab menu' });
    await user.click(within(menu).getByRole('button', { name: 'API permissions' }));
    expect(await screen.findByText('Not granted')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Signed in to the portal as' })).toHaveTextContent(ADMIN_UPN);
    await user.click(screen.getByRole('button', { name: 'Grant admin consent' }));
    expect(await screen.findByText('Admin consent granted for hci-lab.')).toBeInTheDocument();
    expect(sim.read((w) => w.cloud.apps[appId.value]?.adminConsentGranted)).toBe(true);
  });

  it('lists the app registrations in the browse pattern and opens one as a blade', async () => {
    const { user } = await renderRoute('/azure/app-registrations', { scenario: 'registered' });
    await waitForAppReady();
    expect(screen.getByRole('heading', { level: 1, name: 'App registrations' })).toBeInTheDocument();
    expect(screen.getByRole('toolbar', { name: 'App registrations commands' })).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'App registrations' });
    const count = within(grid).getAllByRole('link').length;
    expect(count).toBeGreaterThan(0);
    expect(screen.getByText(`Showing 1 to ${count} of ${count} records.`)).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Filter for any field...' }), 'no such app');
    expect(await screen.findByText(`Showing 0 of ${count} records.`)).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Filter for any field...' }));
    const first = within(screen.getByRole('grid', { name: 'App registrations' })).getAllByRole('link')[0];
    const name = first?.textContent ?? '';
    if (first) await user.click(first);
    expect(await screen.findByRole('navigation', { name: `${name} menu` })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Essentials' })).toBeInTheDocument();
  });

  it('walks from Resource groups to a group, its subscription and a machine, each a blade with Essentials', async () => {
    const { user } = await renderRoute('/azure/resource-groups', { scenario: 'registered' });
    await waitForAppReady();
    expect(screen.getByRole('heading', { level: 1, name: 'Resource groups' })).toBeInTheDocument();
    const groups = screen.getByRole('grid', { name: 'Resource groups' });
    await user.click(within(groups).getByRole('link', { name: 'hci-cluster01-rg' }));
    expect(await screen.findByRole('navigation', { name: 'hci-cluster01-rg menu' })).toBeInTheDocument();
    const rgEssentials = screen.getByRole('region', { name: 'Essentials' });
    expect(within(rgEssentials).getByText('Tags')).toBeInTheDocument();
    const subscription = within(rgEssentials).getAllByRole('link')[0];
    if (!subscription) throw new Error('no subscription link');
    const subscriptionName = subscription.textContent;

    const resources = await screen.findByRole('grid', { name: 'Resources in hci-cluster01-rg' });
    await user.click(await within(resources).findByRole('link', { name: 'hci-node2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'hci-node2' })).toBeInTheDocument();
    const essentials = screen.getByRole('region', { name: 'Essentials' });
    for (const label of ['Resource group', 'Status', 'Location', 'Subscription', 'Subscription ID', 'Tags'])
      expect(within(essentials).getByText(label)).toBeInTheDocument();
    expect(within(essentials).getByText('Connected')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'On the server (through Windows Admin Center)' }),
    ).toBeInTheDocument();

    await user.click(within(essentials).getByRole('link', { name: subscriptionName }));
    expect(await screen.findByRole('navigation', { name: `${subscriptionName} menu` })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Essentials' })).getByText('Directory'),
    ).toBeInTheDocument();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('button', { name: subscriptionName })).toBeInTheDocument();
    expect(
      await screen.findByRole('grid', { name: `Resource groups of ${subscriptionName}` }),
    ).toBeInTheDocument();
  });
});
