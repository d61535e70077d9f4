/**
 * A restart that takes time (Restart-Computer): the server goes down — its clustered VMs fail over as they
 * do when a node stops answering — and a `node/boot` event brings it back, where `restartNode` (the lab's
 * instant `node-restart`) takes over: the warm-up window, the licence store, the heartbeats.
 */
import { own } from './lookup';
import { schedule, SimError } from './core';
import { restartNode } from './faults';
import { MINUTE } from './model';
import type { Millis, ScheduledEvent, World } from './model';
import { failOverVmsFrom } from './vms';

/** No reference file says how long a cluster node takes to restart; 3 minutes is this simulation's choice. */
export const NODE_RESTART_DURATION: Millis = 3 * MINUTE;

/** True while a restart started by `beginNodeRestart` has the server down. */
export function nodeRestarting(world: World, nodeName: string): boolean {
  return world.schedule.some((e) => e.kind === 'node/boot' && e.node === nodeName);
}

export function beginNodeRestart(draft: World, nodeName: string, now: Millis): void {
  const node = own(draft.nodes, nodeName);
  if (!node) throw new SimError('not-found', 'ServerNotFound', `There is no server named '${nodeName}'.`);
  if (node.power !== 'Up')
    throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
  node.power = 'Down';
  failOverVmsFrom(draft, node.name, now);
  schedule(draft, { at: now + NODE_RESTART_DURATION, kind: 'node/boot', node: node.name });
}

/** The boot: back up unless a `node-down` fault now holds the server off. */
export function nodeBooted(draft: World, event: Extract<ScheduledEvent, { kind: 'node/boot' }>): void {
  const node = own(draft.nodes, event.node);
  if (!node || node.power === 'Up') return;
  if (draft.faults.some((f) => f.fault === 'node-down' && f.target === node.name)) return;
  node.power = 'Up';
  restartNode(draft, node.name, event.at);
}
