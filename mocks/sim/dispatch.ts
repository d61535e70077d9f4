/**
 * The simulation's dispatch: what each scheduled event does when its time comes, and what each kind of job
 * does when it ends. Both are complete tables over their kinds (`ScheduledEventKind`, `JobKind`), so adding
 * a kind without its handler fails to compile, and nothing depends on which modules happen to be imported.
 */
import { completeArcDisable, completeArcEnable } from './arc';
import { completeArmDelete } from './arm/deletes';
import { completeDisableBenefits, completeEnableBenefits, completeVmBenefits } from './benefits';
import {
  completeClusterRegistration,
  completeClusterUnregistration,
  completeRepair,
  completeSyncNow,
} from './cluster-registration';
import { dataRepaired } from './faults';
import { nodeBooted } from './node-restart';
import { completeJob } from './jobs';
import type { JobCompletions } from './jobs';
import type { Millis, ScheduledEvent, ScheduledEventKind, World } from './model';
import { arcRegistrationTask, scheduledSync } from './registration';
import { completeCheckpointJob, completeCreateVm, completeDeleteVm, completePowerJob } from './vms';
import { completeDeleteWapNetwork } from './wap';

export const JOB_COMPLETIONS: JobCompletions = {
  'vm/start': completePowerJob,
  'vm/stop': completePowerJob,
  'vm/shutdown': completePowerJob,
  'vm/save': completePowerJob,
  'vm/create': completeCreateVm,
  'vm/delete': completeDeleteVm,
  'vm/checkpoint': completeCheckpointJob,
  'vm/apply-checkpoint': completeCheckpointJob,
  'vm/rename-checkpoint': completeCheckpointJob,
  'vm/delete-checkpoint': completeCheckpointJob,
  'vnet/delete': completeDeleteWapNetwork,
  'cluster/register': completeClusterRegistration,
  'cluster/unregister': completeClusterUnregistration,
  'cluster/repair': completeRepair,
  'cluster/sync': completeSyncNow,
  'benefits/enable': completeEnableBenefits,
  'benefits/disable': completeDisableBenefits,
  'benefits/add-vm': completeVmBenefits,
  'benefits/remove-vm': completeVmBenefits,
  'arc/enable': completeArcEnable,
  'arc/disable': completeArcDisable,
};

/**
 * Handles one scheduled event. `until` is the time the world is being advanced to, so a handler may fold a
 * run of identical periodic events into their last one.
 */
export type EventHandler<K extends ScheduledEventKind> = (
  draft: World,
  event: Extract<ScheduledEvent, { kind: K }>,
  until: Millis,
) => void;

export type EventHandlers = { [K in ScheduledEventKind]: EventHandler<K> };

export const EVENT_HANDLERS: EventHandlers = {
  'job/complete': (draft, event) => {
    completeJob(draft, event, JOB_COMPLETIONS);
  },
  'cluster/sync': scheduledSync,
  'node/data-repaired': dataRepaired,
  'node/boot': nodeBooted,
  'arc/registration-task': arcRegistrationTask,
  'arm/delete': completeArmDelete,
};

function runHandler<K extends ScheduledEventKind>(
  draft: World,
  event: Extract<ScheduledEvent, { kind: K }>,
  until: Millis,
): void {
  const handler: EventHandler<K> | undefined = Object.hasOwn(EVENT_HANDLERS, event.kind)
    ? EVENT_HANDLERS[event.kind]
    : undefined;
  // A world loaded from storage is checked by persist.ts; this stops a kind the code no longer knows.
  if (!handler) throw new Error(`No handler for scheduled events of kind '${event.kind}'.`);
  handler(draft, event, until);
}

/** Runs one due event; an event of a kind this simulation does not know is an error, not a silent drop. */
export function dispatchEvent(draft: World, event: ScheduledEvent, until: Millis): void {
  runHandler(draft, event, until);
}
