/**
 * Long-running deletes take simulated time, as ARM's do.
 *
 *   DELETE ─▶ 202 (resource shows provisioningState Deleting) ─(DELETE_DURATION_MS later: `arm/delete`)─▶ gone
 *
 * The delete schedules an `arm/delete` event; until it is due, the operation's status is InProgress with a
 * `Retry-After` of the seconds left, and the resource can still be read. When it is due the event removes
 * what is there then. The operation itself is not stored: its id carries the resource, start and end
 * (lro.ts), so nothing is left behind to expire. A second DELETE of a resource already being deleted
 * answers the same end time rather than starting another.
 */
import { arcSettingId, hciClusterId, resourceGroupId, resourceKey, rgKey } from '../arm-ids';
import { schedule } from '../core';
import { injectFault } from '../faults';
import type { ArmDeleteTarget, Millis, OnPremCluster, ScheduledEvent, World } from '../model';
import { own } from '../lookup';

/**
 * How long each delete takes in simulated time. No reference gives a duration: these are the
 * simulation's choice, long enough that a client must poll at least once and short enough for a demo.
 */
export const DELETE_DURATION_MS: Record<ArmDeleteTarget['type'], Millis> = {
  resourceGroup: 30_000,
  cluster: 10_000,
  arcSetting: 10_000,
};

export function deleteTargetId(target: ArmDeleteTarget): string {
  if (target.type === 'resourceGroup') return resourceGroupId(target.subscriptionId, target.resourceGroup);
  const cluster = hciClusterId(target.subscriptionId, target.resourceGroup, target.cluster);
  return target.type === 'cluster' ? cluster : arcSettingId(cluster);
}

const sameTarget = (a: ArmDeleteTarget, b: ArmDeleteTarget) =>
  a.type === b.type && resourceKey(deleteTargetId(a)) === resourceKey(deleteTargetId(b));

/** The delete of `target` already under way, if any. */
export function pendingDelete(
  world: World,
  target: ArmDeleteTarget,
): Extract<ScheduledEvent, { kind: 'arm/delete' }> | undefined {
  for (const e of world.schedule) if (e.kind === 'arm/delete' && sameTarget(e.target, target)) return e;
  return undefined;
}

/** The on-prem cluster whose registration points at this resource, if any. */
export function registrationOwner(world: World, key: string): OnPremCluster | undefined {
  return Object.values(world.clusters).find((c) => {
    const reg = c.registration;
    return (
      reg !== undefined &&
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)) === key
    );
  });
}

/**
 * Deletes a cluster resource the way the portal does: the on-prem cluster is not told. It still believes it
 * is registered and its next sync fails — the troubleshooting guide's "resource deleted in the portal" — so
 * the delete is recorded as that fault, which the lab shows and whose repair re-creates the resource.
 */
export function removeClusterResource(draft: World, key: string, now: Millis): void {
  const owner = registrationOwner(draft, key);
  if (owner) injectFault(draft, 'resource-deleted-in-portal', owner.name, now);
  delete draft.cloud.hciClusters[key];
}

/** The record a target names, to mark Deleting; undefined when it is not there. */
function targetRecord(world: World, target: ArmDeleteTarget): { provisioningState: string } | undefined {
  if (target.type === 'resourceGroup')
    return own(world.cloud.resourceGroups, rgKey(target.subscriptionId, target.resourceGroup));
  const cluster = own(
    world.cloud.hciClusters,
    resourceKey(hciClusterId(target.subscriptionId, target.resourceGroup, target.cluster)),
  );
  return target.type === 'cluster' ? cluster : cluster?.arcSetting;
}

/**
 * Starts (or joins) the delete of `target`: the resource shows Deleting until the returned end time.
 * The caller has checked that the resource exists.
 */
export function beginDelete(draft: World, target: ArmDeleteTarget, now: Millis): { endsAt: Millis } {
  const pending = pendingDelete(draft, target);
  if (pending) return { endsAt: pending.at };
  const record = targetRecord(draft, target);
  if (record) record.provisioningState = 'Deleting';
  const endsAt = now + DELETE_DURATION_MS[target.type];
  schedule(draft, { at: endsAt, kind: 'arm/delete', target });
  return { endsAt };
}

/** The `arm/delete` event: removes what the target names now (it may already be gone). */
export function completeArmDelete(
  draft: World,
  event: Extract<ScheduledEvent, { kind: 'arm/delete' }>,
): void {
  const { target, at } = event;
  if (target.type === 'resourceGroup') {
    const key = rgKey(target.subscriptionId, target.resourceGroup);
    if (!own(draft.cloud.resourceGroups, key)) return;
    const inGroup = (r: { subscriptionId: string; resourceGroup: string }) =>
      rgKey(r.subscriptionId, r.resourceGroup) === key;
    for (const [k, cluster] of Object.entries(draft.cloud.hciClusters))
      if (inGroup(cluster)) removeClusterResource(draft, k, at);
    for (const [k, machine] of Object.entries(draft.cloud.machines))
      if (inGroup(machine)) delete draft.cloud.machines[k];
    delete draft.cloud.resourceGroups[key];
    return;
  }
  const key = resourceKey(hciClusterId(target.subscriptionId, target.resourceGroup, target.cluster));
  const cluster = own(draft.cloud.hciClusters, key);
  if (!cluster) return;
  if (target.type === 'cluster') removeClusterResource(draft, key, at);
  else delete cluster.arcSetting;
}
