import { fireEvent, waitFor, within } from '@testing-library/react';
import { hciSim, sim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

async function openLab(scenario = 'registered') {
  const view = await renderRoute('/lab', { scenario });
  await waitForAppReady();
  await screen.findByRole('heading', { name: 'Simulated time' });
  return view;
}

describe('Simulation lab', () => {
  it('is reachable from the app bar', async () => {
    const { user, router } = await renderRoute('/');
    await waitForAppReady();
    await user.click(screen.getByRole('button', { name: 'Simulation lab' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/lab'));
    expect(await screen.findByRole('heading', { name: 'Simulation lab' })).toBeInTheDocument();
  });

  it('moves the clock by a day and says how far it is ahead', async () => {
    const { user } = await openLab();
    const offset = sim.world().clockOffsetMs;
    await user.click(screen.getByRole('button', { name: '+1 day' }));
    await waitFor(() => expect(sim.world().clockOffsetMs - offset).toBe(86_400_000));
    const days = Math.floor(sim.world().clockOffsetMs / 86_400_000);
    await waitFor(() =>
      expect(screen.getByTestId('lab-offset')).toHaveTextContent(`${days} d ahead of real time`),
    );
  });

  it('refuses a custom duration that is not one, next to the field, and changes nothing', async () => {
    const { user } = await openLab();
    const before = sim.snapshot();
    const offset = sim.world().clockOffsetMs;
    await user.type(screen.getByRole('textbox', { name: /Custom duration/ }), 'soon');
    await user.click(screen.getByRole('button', { name: 'Advance' }));
    expect(await screen.findByText(/'soon' is not a duration/)).toBeInTheDocument();
    // the refused Advance takes the user to the field
    expect(screen.getByRole('textbox', { name: /Custom duration/ })).toHaveFocus();
    expect(sim.snapshot()).toBe(before);
    await user.clear(screen.getByRole('textbox', { name: /Custom duration/ }));
    await user.type(screen.getByRole('textbox', { name: /Custom duration/ }), '1d12h');
    await user.click(screen.getByRole('button', { name: 'Advance' }));
    await waitFor(() => expect(sim.world().clockOffsetMs - offset).toBe(36 * 3_600_000));
  });

  it('injects a fault on one server, shows where it is on, and repairs it', async () => {
    const { user } = await openLab();
    const row = screen.getByTestId('fault-time-skew');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Target' }), 'hci-node2');
    await user.click(within(row).getByRole('button', { name: 'Inject time-skew' }));
    const repair = await within(row).findByRole('button', { name: 'Repair time-skew on hci-node2' });
    expect(sim.world().faults).toMatchObject([{ fault: 'time-skew', target: 'hci-node2' }]);
    await user.click(repair);
    await waitFor(() => expect(sim.world().faults).toEqual([]));
    await waitFor(() =>
      expect(within(row).queryByRole('button', { name: /Repair time-skew on/ })).not.toBeInTheDocument(),
    );
  });

  it('follows changes made through window.hciSim', async () => {
    const { queryClient } = await openLab();
    await hciSim.inject('node-down', 'hci-node3');
    await queryClient.invalidateQueries();
    const row = screen.getByTestId('fault-node-down');
    expect(
      await within(row).findByRole('button', { name: 'Repair node-down on hci-node3' }),
    ).toBeInTheDocument();
  });

  it('refuses a broken world file with the reason and keeps the world', async () => {
    await openLab();
    const before = sim.snapshot();
    const file = new File(['{"schemaVersion": 1, "clusters": '], 'broken.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('lab-import-file'), { target: { files: [file] } });
    const alert = await screen.findByText(
      /broken\.json was not imported and the current world is unchanged\./,
    );
    expect(alert.textContent.length).toBeGreaterThan(
      'broken.json was not imported and the current world is unchanged. '.length,
    );
    expect(sim.snapshot()).toBe(before);
  });

  it('imports an exported world back', async () => {
    const exported = sim.snapshot();
    await hciSim.reset('fresh');
    await openLab('fresh');
    const file = new File([exported], 'world.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('lab-import-file'), { target: { files: [file] } });
    expect(await screen.findByText(/Imported world\.json: preset fresh/)).toBeInTheDocument();
    expect(sim.snapshot()).toBe(exported);
  });

  it('reproduces a troubleshooting-guide case and links to the troubleshooter with its error', async () => {
    const { user } = await openLab();
    await user.click(await screen.findByRole('button', { name: 'Reproduce time-skew' }));
    const link = await screen.findByRole('link', { name: 'Troubleshoot this error' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain('?error=AADSTS80013');
    expect(sim.world().faults.map((f) => f.fault)).toEqual(['time-skew']);
  });

  it('offers a link that reproduces the preset and the clock', async () => {
    const { user } = await openLab('benefits-on');
    const offset = sim.world().clockOffsetMs;
    await user.click(screen.getByRole('button', { name: '+7 days' }));
    await waitFor(() => expect(sim.world().clockOffsetMs - offset).toBe(7 * 86_400_000));
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Shareable link/ }).value).toContain(
        `advance=${sim.world().clockOffsetMs}`,
      ),
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Shareable link/ }).value).toContain(
      'scenario=benefits-on',
    );
  });
});
