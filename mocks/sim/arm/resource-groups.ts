/**
 * Resource groups (Resources 2022-09-01): list, get, HEAD, create-or-update (201 new / 200 existing),
 * PATCH, and DELETE, which removes everything in the group (its clusters and machines) and answers 202.
 */
import { resourceGroupId, rgKey } from '../arm-ids';
import { normaliseRegion } from '../clouds';
import { systemData } from '../registration';
import { authorize } from './auth';
import {
  API_VERSIONS,
  begin,
  beginAuthorized,
  byName,
  cloudLocations,
  cloudOfSubscription,
  findResourceGroup,
  requireResourceGroup,
} from './common';
import type { ArmOp, ArmRequest } from './common';
import { resourceGroupLocationConflict } from './errors';
import { resourceGroupOperationUri } from './lro';
import { page, tagFilter } from './paging';
import { armResourceGroup } from './project';
import { removeClusterResource } from './clusters';
import {
  optionalString,
  parseJsonObject,
  readResourceGroupLocation,
  readTags,
  requireResourceGroupName,
} from './validate';

const ACTION = {
  read: 'Microsoft.Resources/subscriptions/resourcegroups/read',
  write: 'Microsoft.Resources/subscriptions/resourcegroups/write',
  delete: 'Microsoft.Resources/subscriptions/resourcegroups/delete',
};

interface RgParams {
  subscriptionId: string;
  resourceGroup: string;
}

export const listResourceGroups =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'resources',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => `/subscriptions/${s}`,
    );
    const matches = tagFilter(req.filter);
    const all = Object.values(world.cloud.resourceGroups)
      .filter((rg) => rg.subscriptionId === sub.subscriptionId && matches(rg))
      .sort(byName)
      .map(armResourceGroup);
    const apiVersion = req.apiVersion ?? API_VERSIONS.resources[0] ?? '2022-09-01';
    return {
      status: 200,
      body: page(all, req, `/subscriptions/${sub.subscriptionId}/resourcegroups`, apiVersion),
    };
  };

export const getResourceGroup =
  (req: ArmRequest, p: RgParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'resources',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => resourceGroupId(s, p.resourceGroup),
    );
    return {
      status: 200,
      body: armResourceGroup(requireResourceGroup(world, sub.subscriptionId, p.resourceGroup)),
    };
  };

/** HEAD: 204 when the group exists, 404 when not; never a body. */
export const checkResourceGroupExistence =
  (req: ArmRequest, p: RgParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'resources',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => resourceGroupId(s, p.resourceGroup),
    );
    return { status: findResourceGroup(world, sub.subscriptionId, p.resourceGroup) ? 204 : 404 };
  };

export const putResourceGroup =
  (req: ArmRequest, p: RgParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = begin(draft, req, now, 'resources', p.subscriptionId);
    requireResourceGroupName(p.resourceGroup);
    authorize(
      draft,
      caller,
      sub.subscriptionId,
      'write',
      ACTION.write,
      resourceGroupId(sub.subscriptionId, p.resourceGroup),
    );
    const body = parseJsonObject(req.body, false);
    const location = readResourceGroupLocation(
      body,
      cloudLocations(cloudOfSubscription(draft, sub.subscriptionId)),
    );
    const tags = readTags(body);
    const managedBy = optionalString(body, 'managedBy', 'managedBy');
    const existing = findResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    if (existing) {
      if (normaliseRegion(existing.location) !== location)
        throw resourceGroupLocationConflict(location, existing.location);
      existing.tags = tags ?? {};
      if (managedBy === undefined) delete existing.managedBy;
      else existing.managedBy = managedBy;
      existing.systemData = {
        ...existing.systemData,
        lastModifiedBy: caller.upn,
        lastModifiedByType: 'User',
        lastModifiedAt: now,
      };
      return { status: 200, body: armResourceGroup(existing) };
    }
    const created = {
      subscriptionId: sub.subscriptionId,
      name: p.resourceGroup,
      location,
      tags: tags ?? {},
      ...(managedBy === undefined ? {} : { managedBy }),
      provisioningState: 'Succeeded' as const,
      systemData: systemData(caller.upn, now),
    };
    draft.cloud.resourceGroups[rgKey(sub.subscriptionId, p.resourceGroup)] = created;
    return { status: 201, body: armResourceGroup(created) };
  };

/** PATCH: tags (replaced as a whole when given) and managedBy. */
export const patchResourceGroup =
  (req: ArmRequest, p: RgParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = beginAuthorized(
      draft,
      req,
      now,
      'resources',
      p.subscriptionId,
      'write',
      ACTION.write,
      (s) => resourceGroupId(s, p.resourceGroup),
    );
    const rg = requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    const body = parseJsonObject(req.body, false);
    const tags = readTags(body);
    const managedBy = optionalString(body, 'managedBy', 'managedBy');
    if (tags !== undefined) rg.tags = tags;
    if (managedBy !== undefined) rg.managedBy = managedBy;
    rg.systemData = {
      ...rg.systemData,
      lastModifiedBy: caller.upn,
      lastModifiedByType: 'User',
      lastModifiedAt: now,
    };
    return { status: 200, body: armResourceGroup(rg) };
  };

/**
 * DELETE: the group and every resource in it go, as in ARM. A cluster resource deleted this way is
 * deleted "in the portal": its on-prem cluster still believes it is registered (clusters.ts).
 */
export const deleteResourceGroup =
  (req: ArmRequest, p: RgParams): ArmOp =>
  (draft, now) => {
    const { sub } = beginAuthorized(
      draft,
      req,
      now,
      'resources',
      p.subscriptionId,
      'write',
      ACTION.delete,
      (s) => resourceGroupId(s, p.resourceGroup),
    );
    const rg = requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    const inGroup = (r: { subscriptionId: string; resourceGroup: string }) =>
      rgKey(r.subscriptionId, r.resourceGroup) === rgKey(rg.subscriptionId, rg.name);
    for (const [key, cluster] of Object.entries(draft.cloud.hciClusters)) {
      if (inGroup(cluster)) removeClusterResource(draft, key, now);
    }
    for (const [key, machine] of Object.entries(draft.cloud.machines)) {
      if (inGroup(machine)) delete draft.cloud.machines[key];
    }
    delete draft.cloud.resourceGroups[rgKey(rg.subscriptionId, rg.name)];
    const apiVersion = API_VERSIONS.resources[0] ?? '2022-09-01';
    return {
      status: 202,
      location: resourceGroupOperationUri(
        sub.subscriptionId,
        { op: 'delete', resourceId: resourceGroupId(rg.subscriptionId, rg.name), at: now },
        apiVersion,
      ),
    };
  };
