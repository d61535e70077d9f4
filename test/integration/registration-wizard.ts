import { waitFor, within } from '@testing-library/react';
import { hciSim } from '../../mocks/node';
import { renderRoute, screen, waitForAppReady } from '../utils/render';

/** The cluster's registration settings, where `?register=open` opens the wizard. */
export const SETTINGS = '/connections/cluster/hci-cluster01/settings/azure-stack-hci-registration';
export const SUCCESS = /^Azure Stack HCI is successfully registered\./;
export const pane = () => screen.getByRole('dialog', { name: 'Register Azure Stack HCI' });

/** Opens the wizard on a world already prepared by the test (reset + faults), once its checks are shown. */
export async function openWizard() {
  const view = await renderRoute(`${SETTINGS}?register=open`);
  await waitForAppReady();
  await screen.findByRole('dialog', { name: 'Register Azure Stack HCI' });
  await within(pane()).findByRole('list', { name: 'Prerequisite checks' });
  return view;
}

export type User = Awaited<ReturnType<typeof openWizard>>['user'];

/** Starts (or restarts) the job with `button`, runs simulated time past its end, and waits for `outcome`. */
export async function runJob(user: User, button: string, outcome: string | RegExp) {
  await user.click(within(pane()).getByRole('button', { name: button }));
  await waitFor(() => expect(within(pane()).getByLabelText('In progress')).toBeInTheDocument());
  await hciSim.advance('2m');
  await waitFor(() => expect(within(pane()).getByText(outcome)).toBeInTheDocument());
}
