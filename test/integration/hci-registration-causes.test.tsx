import { waitFor, within } from '@testing-library/react';
import { setPollMs } from '@/config/timing';
import { hciSim } from '../../mocks/node';
import { DEV_SUBSCRIPTION, PROD_SUBSCRIPTION } from '../../mocks/sim/scenarios';
import { screen } from '../utils/render';
import { openWizard, pane, runJob, SUCCESS, type User } from './registration-wizard';

/**
 * The registration causes of behaviour.md §1.5 that depend on what the wizard is given: the resource name,
 * the region of a resource that already exists, the Arc resource group. Each is caused the way it happens
 * in the field, shows the simulation's text in the pane, and is fixed through the pane's way forward.
 */

const ARM = 'https://management.azure.com';

beforeEach(() => setPollMs({ pollMs: 50, idlePollMs: 100 }));

/** Replaces a field's text the way pasting does: one change, not one render per character. */
async function typeInto(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

const resourceNameField = () => within(pane()).getByRole('textbox', { name: /Azure resource name/ });

async function useExistingGroup(user: User, name: string) {
  await user.click(within(pane()).getByRole('radio', { name: 'Use existing' }));
  await user.click(within(pane()).getByRole('combobox', { name: /Existing resource group/ }));
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${name} \\(`) }));
}

async function arm(method: 'PUT' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${ARM}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
}

describe('Registration causes the wizard reaches through its inputs', () => {
  it('a cluster already registered under another resource name: the cmdlet text, then the registered name succeeds', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('no-arc-role');
    const { user } = await openWizard();
    await user.click(within(pane()).getByRole('button', { name: 'Advanced' }));
    expect(resourceNameField()).toHaveValue('hci-cluster01');
    await typeInto(user, resourceNameField(), 'contoso-hci');
    const review = within(pane()).getByRole('list', { name: 'What will be created' });
    expect(within(review).getByText(/^Azure Stack HCI resource contoso-hci \(/)).toBeInTheDocument();
    await runJob(user, 'Register', 'Registered, but Azure Arc integration failed');

    // Registered as contoso-hci; re-running with the cluster's name is refused before anything changes.
    await hciSim.repair('no-arc-role');
    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    expect(resourceNameField()).toHaveValue('contoso-hci');
    await typeInto(user, resourceNameField(), 'hci-cluster01');
    await runJob(
      user,
      'Register',
      "Cluster is already registered with resource name : contoso-hci. Skip '-ResourceName' or provide '-ResourceName' as contoso-hci in Register-AzStackHCI to perform registration.",
    );

    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    await user.click(within(pane()).getByRole('button', { name: 'Advanced' }));
    await typeInto(user, resourceNameField(), 'contoso-hci');
    await runJob(user, 'Register', SUCCESS);
    expect(
      within(pane()).getByRole('link', { name: 'View the Azure resource contoso-hci' }),
    ).toBeInTheDocument();
  });

  it('a resource left in Azure by an unregister from the wrong subscription, in another region: the region text, then its own region succeeds', async () => {
    await hciSim.reset('registered');
    // Unregister-AzStackHCI -SubscriptionId <another> (what the console sends): the cluster forgets its
    // registration, Azure keeps the resource.
    const unregister = await fetch(`${location.origin}/api/clusters/hci-cluster01/unregister`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptionId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(unregister.ok).toBe(true);
    await hciSim.advance('2m');

    const { user } = await openWizard();
    await user.click(within(pane()).getByRole('combobox', { name: /Azure subscription ID/ }));
    await user.click(await screen.findByRole('option', { name: new RegExp(PROD_SUBSCRIPTION) }));
    await useExistingGroup(user, 'hci-cluster01-rg');
    await user.click(within(pane()).getByRole('combobox', { name: /Azure region/ }));
    await user.click(await screen.findByRole('option', { name: 'West Europe' }));
    await runJob(
      user,
      'Register',
      'There is already an Azure Stack HCI resource with the same resource ID in region eastus, which is different from the input region westeurope. Either specify the same region or delete the existing resource and try again.',
    );

    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    await user.click(within(pane()).getByRole('combobox', { name: /Azure region/ }));
    await user.click(await screen.findByRole('option', { name: 'East US' }));
    await runJob(user, 'Register', SUCCESS);
  });

  it('Arc machines of the same names already in the resource group: the Arc text, then another Arc resource group succeeds', async () => {
    await hciSim.reset('gateway-registered');
    // hci-node1 and hci-node2 were onboarded to Azure Arc on their own before, into the group the wizard
    // proposes, in the subscription it selects first.
    const sub = `/subscriptions/${DEV_SUBSCRIPTION}`;
    await arm('PUT', `${sub}/resourcegroups/hci-cluster01-rg?api-version=2022-09-01`, { location: 'eastus' });
    await arm('POST', `${sub}/providers/Microsoft.HybridCompute/register?api-version=2022-09-01`);
    for (const node of ['hci-node1', 'hci-node2']) {
      await arm(
        'PUT',
        `${sub}/resourceGroups/hci-cluster01-rg/providers/Microsoft.HybridCompute/machines/${node}?api-version=2022-12-27`,
        { location: 'eastus', properties: { osType: 'windows' } },
      );
    }

    const { user } = await openWizard();
    await user.click(within(pane()).getByRole('button', { name: 'Register' }));
    expect(
      within(pane()).getByText(
        "A resource group named 'hci-cluster01-rg' already exists in this subscription. Choose Use existing, or another name.",
      ),
    ).toBeInTheDocument();
    await useExistingGroup(user, 'hci-cluster01-rg');
    await runJob(
      user,
      'Register',
      'Arc machine(s) with names: hci-node1,hci-node2 already exists in the Resource Group hci-cluster01-rg. Use a different Resource group for registration or specify a different Arc for Servers Resource Group.',
    );

    await user.click(within(pane()).getByRole('button', { name: 'Change the settings' }));
    await user.click(within(pane()).getByRole('button', { name: 'Advanced' }));
    await typeInto(
      user,
      within(pane()).getByRole('textbox', { name: /Azure Arc resource group/ }),
      'hci-arc-rg',
    );
    await runJob(user, 'Register', SUCCESS);
  });
});

describe('Keyboard and focus between the form and the job', () => {
  it('Register by keyboard starts the job and focus lands on its title; Change the settings brings focus back to the first field; Register again to the job', async () => {
    await hciSim.reset('gateway-registered');
    await hciSim.inject('node-down', 'hci-node2');
    const { user } = await openWizard();

    within(pane()).getByRole('button', { name: 'Register' }).focus();
    await user.keyboard('{Enter}');
    const title = await within(pane()).findByRole('heading', {
      name: 'Registering Azure Stack HCI with Azure...',
    });
    await waitFor(() => expect(title).toHaveFocus());
    await hciSim.advance('2m');
    await within(pane()).findByText(/^Failed to register\. Couldn't generate self-signed certificate/);

    // From the title, Tab reaches the outcome's actions in order: Register again, then Change the settings.
    await user.tab();
    expect(within(pane()).getByRole('button', { name: 'Register again' })).toHaveFocus();
    await user.tab();
    const changeSettings = within(pane()).getByRole('button', { name: 'Change the settings' });
    expect(changeSettings).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(pane()).getByRole('combobox', { name: /Azure subscription ID/ })).toHaveFocus(),
    );

    await hciSim.repair('node-down', 'hci-node2');
    await user.click(within(pane()).getByRole('button', { name: 'Register' }));
    await waitFor(() =>
      expect(
        within(pane()).getByRole('heading', { name: 'Registering Azure Stack HCI with Azure...' }),
      ).toHaveFocus(),
    );
    await hciSim.advance('2m');
    await within(pane()).findByText(SUCCESS);
  });
});
