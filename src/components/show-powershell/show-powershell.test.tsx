import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerAzStackHci } from '@/lib/powershell';
import { ShowPowerShell } from './show-powershell';

describe('ShowPowerShell', () => {
  it('opens the commands the portal runs and copies them as they are shown', async () => {
    const user = userEvent.setup({ delay: null });
    const line = registerAzStackHci({ subscriptionId: 's', region: 'eastus', resourceName: "Clu'ster $x" });
    render(
      <FluentProvider theme={webLightTheme}>
        <ShowPowerShell title="Register this cluster" commands={[line, 'Sync-AzureStackHCI']} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Show PowerShell' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register this cluster' });
    expect(within(dialog).getByText(/This is the PowerShell the portal runs/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('PowerShell script').textContent).toBe(
      `${line}\nSync-AzureStackHCI`,
    );
    expect(line).toContain("-ResourceName 'Clu''ster $x'");
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(`${line}\nSync-AzureStackHCI`);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied to the clipboard.');
  });

  it('is disabled when there is nothing to show', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ShowPowerShell commands={[]} />
      </FluentProvider>,
    );
    expect(screen.getByRole('button', { name: 'Show PowerShell' })).toBeDisabled();
  });
});
