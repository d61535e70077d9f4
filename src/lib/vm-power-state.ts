import type { VmDto } from '@/api/contract';
import type { VmPowerActionDto } from '@/api/vms-contract';

/** A VM's power state as every VM page shows it (cluster VMs, Benefits' VMs tab, the clouds' VMs). */
export type VmPowerState = VmDto['state'];

/**
 * Which power actions a state allows: the UI's copy of the simulation's `POWER_ACTIONS` rule (mocks/sim/vms.ts),
 * kept to the fields a button needs. The UI may not import the simulation, so this is the one copy in `src`.
 */
export const POWER_ACTIONS: Readonly<
  Record<VmPowerActionDto, { label: string; from: readonly VmPowerState[] }>
> = {
  start: { label: 'Start', from: ['Off', 'Saved', 'Paused'] },
  'turn-off': { label: 'Turn off', from: ['Running', 'Paused', 'Starting'] },
  shutdown: { label: 'Shut down', from: ['Running'] },
  save: { label: 'Save', from: ['Running', 'Paused'] },
};

const TRANSITIONAL: readonly string[] = ['Starting', 'Stopping', 'Saving'];

/** A state the VM is passing through: lists poll until it settles. Takes any string: the clouds' VMs report
 * states as text. */
export const isTransitional = (state: string): boolean => TRANSITIONAL.includes(state);

export const canPower = (action: VmPowerActionDto, state: string): boolean =>
  (POWER_ACTIONS[action].from as readonly string[]).includes(state);

/** A VM can be deleted only when it isn't running (Hyper-V refuses otherwise). */
export const canDelete = (state: string): boolean => state === 'Off' || state === 'Saved';

/** Remote Desktop needs a running guest. */
export const canConnect = (state: string): boolean => state === 'Running';
