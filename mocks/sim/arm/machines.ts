/**
 * Microsoft.HybridCompute/machines 2022-12-27: the Arc-enabled servers. A machine's status is not stored:
 * it follows from the heartbeats of the agent that reports to it (project.ts). A machine created through
 * ARM with no agent behind it has no status until one connects, as in Azure.
 *
 * Deleting a machine resource leaves its agent as it is: the agent still believes it is connected, which
 * is the portal's per-node "Not installed" case and is repaired on-prem, not here.
 */
import { machineId, resourceKey } from '../arm-ids';
import { normaliseRegion } from '../clouds';
import { newGuid } from '../core';
import type { HybridMachineResource, World } from '../model';
import { systemData } from '../registration';
import { authorize } from './auth';
import {
  NAMESPACES,
  begin,
  beginAuthorized,
  inResourceGroup,
  byName,
  cloudLocations,
  cloudOfSubscription,
  requireProviderRegistered,
  requireResourceGroup,
} from './common';
import type { ArmOp, ArmRequest } from './common';
import type * as z from 'zod/mini';
import { machinePatchSchema, machinePutSchema } from '../../../src/api/arm-schemas';
import { readArmBody } from './body';
import { resourceLocationConflict, resourceNotFound } from './errors';
import { armMachine } from './project';
import { requireMachineName, resourceLocation } from './validate';
import { own } from '../lookup';

const MACHINE_TYPE = 'Microsoft.HybridCompute/machines';
const ACTION = {
  read: `${MACHINE_TYPE}/read`,
  write: `${MACHINE_TYPE}/write`,
  delete: `${MACHINE_TYPE}/delete`,
};

export interface MachineParams {
  subscriptionId: string;
  resourceGroup: string;
  machineName: string;
}

const keyOf = (p: MachineParams) => resourceKey(machineId(p.subscriptionId, p.resourceGroup, p.machineName));

function requireMachine(world: World, p: MachineParams): HybridMachineResource {
  const rg = requireResourceGroup(world, p.subscriptionId, p.resourceGroup);
  const machine = own(world.cloud.machines, keyOf(p));
  if (!machine) throw resourceNotFound(`${MACHINE_TYPE}/${p.machineName}`, rg.name);
  return machine;
}

/** The writable properties shared by Machine (PUT) and MachineUpdate (PATCH) that the world keeps. */
function machineProperties(body: z.output<typeof machinePatchSchema>) {
  const props = body.properties ?? undefined;
  return {
    parentClusterResourceId: props?.parentClusterResourceId ?? undefined,
    vmId: props?.vmId ?? undefined,
    osType: props?.osType ?? undefined,
  };
}

function applyParent(m: HybridMachineResource, parent: string | undefined): void {
  if (parent === undefined) return;
  if (parent === '') delete m.parentClusterResourceId;
  else m.parentClusterResourceId = parent;
}

export const listMachinesBySubscription =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hybridCompute',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => `/subscriptions/${s}`,
    );
    const value = Object.values(world.cloud.machines)
      .filter((m) => m.subscriptionId.toLowerCase() === sub.subscriptionId.toLowerCase())
      .sort(byName)
      .map((m) => armMachine(world, m, now));
    return { status: 200, body: { value } };
  };

export const listMachinesByResourceGroup =
  (req: ArmRequest, p: { subscriptionId: string; resourceGroup: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hybridCompute',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => `/subscriptions/${s}/resourceGroups/${p.resourceGroup}`,
    );
    const rg = requireResourceGroup(world, sub.subscriptionId, p.resourceGroup);
    const value = Object.values(world.cloud.machines)
      .filter(inResourceGroup(sub.subscriptionId, rg.name))
      .sort(byName)
      .map((m) => armMachine(world, m, now));
    return { status: 200, body: { value } };
  };

export const getMachine =
  (req: ArmRequest, p: MachineParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hybridCompute',
      p.subscriptionId,
      'read',
      ACTION.read,
      (s) => machineId(s, p.resourceGroup, p.machineName),
    );
    return {
      status: 200,
      body: armMachine(world, requireMachine(world, { ...p, subscriptionId: sub.subscriptionId }), now),
    };
  };

/** Machines_CreateOrUpdate: 200 for both. The agent, not ARM, fills in OS and agent details. */
export const putMachine =
  (req: ArmRequest, p: MachineParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = begin(draft, req, now, 'hybridCompute', p.subscriptionId);
    requireMachineName(p.machineName);
    authorize(
      draft,
      caller,
      sub.subscriptionId,
      'write',
      ACTION.write,
      machineId(sub.subscriptionId, p.resourceGroup, p.machineName),
    );
    const rg = requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    requireProviderRegistered(sub, NAMESPACES.hybridCompute);
    const body = readArmBody(machinePutSchema, req.body, false);
    const location = resourceLocation(
      body.location,
      MACHINE_TYPE,
      cloudLocations(cloudOfSubscription(draft, sub.subscriptionId)),
    );
    const tags = body.tags ?? undefined;
    const props = machineProperties(body);
    const key = keyOf({ ...p, subscriptionId: sub.subscriptionId });
    const existing = own(draft.cloud.machines, key);
    if (existing) {
      if (normaliseRegion(existing.location) !== location)
        throw resourceLocationConflict(existing.name, existing.location, rg.name, location);
      existing.tags = tags ?? {};
      applyParent(existing, props.parentClusterResourceId);
      if (props.vmId !== undefined) existing.vmId = props.vmId;
      if (props.osType !== undefined) existing.osType = props.osType;
      existing.systemData = {
        ...existing.systemData,
        lastModifiedBy: caller.upn,
        lastModifiedByType: 'User',
        lastModifiedAt: now,
      };
      return { status: 200, body: armMachine(draft, existing, now) };
    }
    const created: HybridMachineResource = {
      subscriptionId: sub.subscriptionId,
      resourceGroup: rg.name,
      name: p.machineName,
      location,
      tags: tags ?? {},
      vmId: props.vmId ?? newGuid(draft, `vmid:${p.machineName}`),
      osType: props.osType ?? 'windows',
      osName: '',
      osVersion: '',
      osSku: '',
      agentVersion: '',
      hostName: p.machineName,
      provisioningState: 'Succeeded',
      lastStatusChangeAt: now,
      systemData: systemData(caller.upn, now),
    };
    applyParent(created, props.parentClusterResourceId);
    draft.cloud.machines[key] = created;
    return { status: 200, body: armMachine(draft, created, now) };
  };

/** Machines_Update: tags and parentClusterResourceId (the other writable properties are not modelled). */
export const patchMachine =
  (req: ArmRequest, p: MachineParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = beginAuthorized(
      draft,
      req,
      now,
      'hybridCompute',
      p.subscriptionId,
      'write',
      ACTION.write,
      (s) => machineId(s, p.resourceGroup, p.machineName),
    );
    const machine = requireMachine(draft, { ...p, subscriptionId: sub.subscriptionId });
    const body = readArmBody(machinePatchSchema, req.body, false);
    const tags = body.tags ?? undefined;
    const props = machineProperties(body);
    if (tags !== undefined) machine.tags = tags;
    applyParent(machine, props.parentClusterResourceId);
    machine.systemData = {
      ...machine.systemData,
      lastModifiedBy: caller.upn,
      lastModifiedByType: 'User',
      lastModifiedAt: now,
    };
    return { status: 200, body: armMachine(draft, machine, now) };
  };

/** Machines_Delete: synchronous, 200 when a machine went, 204 when there was none. */
export const deleteMachine =
  (req: ArmRequest, p: MachineParams): ArmOp =>
  (draft, now) => {
    const { sub } = beginAuthorized(
      draft,
      req,
      now,
      'hybridCompute',
      p.subscriptionId,
      'write',
      ACTION.delete,
      (s) => machineId(s, p.resourceGroup, p.machineName),
    );
    requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    const key = keyOf({ ...p, subscriptionId: sub.subscriptionId });
    if (!own(draft.cloud.machines, key)) return { status: 204 };
    delete draft.cloud.machines[key];
    return { status: 200 };
  };
