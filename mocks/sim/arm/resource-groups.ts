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
import { beginDelete } from './deletes';
import { resourceGroupOperationUri, secondsLeft } from './lro';
import { page, tagFilter } from './paging';
import { armResourceGroup } from './project';
import { resourceGroupPatchSchema, resourceGroupPutSchema } from '../../../src/api/arm-schemas';
import { readArmBody } from './body';
import { requireResourceGroupName, resourceGroupLocation } from './validate';

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
    const body = readArmBody(resourceGroupPutSchema, req.body, false);
    const location = resourceGroupLocation(
      body.location,
      cloudLocations(cloudOfSubscription(draft, sub.subscriptionId)),
    );
    const tags = body.tags ?? undefined;
    const managedBy = body.managedBy ?? undefined;
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
    const body = readArmBody(resourceGroupPatchSchema, req.body, false);
    const tags = body.tags ?? undefined;
    const managedBy = body.managedBy ?? undefined;
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
 * DELETE: 202 with Location and Retry-After; the group shows Deleting until the delete ends in simulated
 * time, when it and every resource in it go (deletes.ts). A cluster resource deleted this way is deleted
 * "in the portal": its on-prem cluster still believes it is registered.
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
    const { endsAt } = beginDelete(
      draft,
      { type: 'resourceGroup', subscriptionId: rg.subscriptionId, resourceGroup: rg.name },
      now,
    );
    const token = {
      op: 'delete' as const,
      resourceId: resourceGroupId(rg.subscriptionId, rg.name),
      at: now,
      endsAt,
    };
    const apiVersion = API_VERSIONS.resources[0] ?? '2022-09-01';
    return {
      status: 202,
      retryAfter: secondsLeft(token, now),
      location: resourceGroupOperationUri(sub.subscriptionId, token, apiVersion),
    };
  };
