/**
 * Microsoft.AzureStackHCI 2024-04-01: clusters, their arcSettings/default, and its extensions.
 *
 * A cluster resource is the cloud half of a registration. Deleting it (DELETE here, or deleting its
 * resource group) does not tell the on-prem cluster anything: it still believes it is registered and its
 * next sync fails — the troubleshooting guide's "resource deleted in the portal". So a delete of a
 * resource some on-prem registration points at is recorded as the `resource-deleted-in-portal` fault,
 * which the lab shows and whose repair re-creates the resource; a PUT that re-creates it clears the fault.
 *
 *   PUT ─▶ NotYetRegistered ─(first sync from on-prem)─▶ ConnectedRecently ─(no sync 12 h)─▶
 *   NotConnectedRecently ─(no sync 20 h)─▶ Disconnected            (status derived from lastSyncTimestamp)
 */
import { arcSettingId, hciClusterId, resourceKey } from '../arm-ids';
import { CLOUDS, normaliseRegion } from '../clouds';
import { newGuid } from '../core';
import type { ArcSettingResource, HciClusterResource, Millis, World } from '../model';
import { systemData } from '../registration';
import { authorize } from './auth';
import {
  API_VERSIONS,
  NAMESPACES,
  begin,
  beginAuthorized,
  inResourceGroup,
  byName,
  cloudOfSubscription,
  requireProviderRegistered,
  requireResourceGroup,
} from './common';
import type { ArmOp, ArmReply, ArmRequest } from './common';
import { invalidParameter, invalidResourceName, resourceLocationConflict, resourceNotFound } from './errors';
import { beginDelete, registrationOwner } from './deletes';
import { providerOperationUris, secondsLeft } from './lro';
import { armArcSetting, armCluster } from './project';
import type * as z from 'zod/mini';
import {
  arcSettingPatchSchema,
  arcSettingPutSchema,
  clusterPatchSchema,
  clusterPutSchema,
} from '../../../src/api/arm-schemas';
import { readArmBody } from './body';
import { isValidResourceGroupName, requireGenericResourceName, resourceLocation } from './validate';
import { own, quote } from '../lookup';

const CLUSTER_TYPE = 'Microsoft.AzureStackHCI/clusters';
const ACTION = {
  cluster: { read: `${CLUSTER_TYPE}/read`, write: `${CLUSTER_TYPE}/write`, delete: `${CLUSTER_TYPE}/delete` },
  arc: {
    read: `${CLUSTER_TYPE}/arcSettings/read`,
    write: `${CLUSTER_TYPE}/arcSettings/write`,
    delete: `${CLUSTER_TYPE}/arcSettings/delete`,
  },
  ext: {
    read: `${CLUSTER_TYPE}/arcSettings/extensions/read`,
    delete: `${CLUSTER_TYPE}/arcSettings/extensions/delete`,
  },
};
const HCI_API_VERSION = API_VERSIONS.hci[0] ?? '2024-04-01';

export interface ClusterParams {
  subscriptionId: string;
  resourceGroup: string;
  clusterName: string;
}

export interface ArcSettingParams extends ClusterParams {
  arcSettingName: string;
}

export interface ExtensionParams extends ArcSettingParams {
  extensionName: string;
}

function clusterKey(p: ClusterParams): string {
  return resourceKey(hciClusterId(p.subscriptionId, p.resourceGroup, p.clusterName));
}

/** The resource group must exist (404 ResourceGroupNotFound), then the cluster (404 ResourceNotFound). */
function requireCluster(world: World, p: ClusterParams): HciClusterResource {
  const rg = requireResourceGroup(world, p.subscriptionId, p.resourceGroup);
  const cluster = own(world.cloud.hciClusters, clusterKey(p));
  if (!cluster) throw resourceNotFound(`${CLUSTER_TYPE}/${p.clusterName}`, rg.name);
  return cluster;
}

const idOf = (c: HciClusterResource) => hciClusterId(c.subscriptionId, c.resourceGroup, c.name);

const touch = (target: { systemData: HciClusterResource['systemData'] }, upn: string, now: Millis) => {
  target.systemData = {
    ...target.systemData,
    lastModifiedBy: upn,
    lastModifiedByType: 'User',
    lastModifiedAt: now,
  };
};

// ───────────── clusters ─────────────

export const listClustersBySubscription =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hci',
      p.subscriptionId,
      'read',
      ACTION.cluster.read,
      (s) => `/subscriptions/${s}`,
    );
    const value = Object.values(world.cloud.hciClusters)
      .filter((c) => c.subscriptionId.toLowerCase() === sub.subscriptionId.toLowerCase())
      .sort(byName)
      .map((c) => armCluster(world, c, now));
    return { status: 200, body: { value } };
  };

export const listClustersByResourceGroup =
  (req: ArmRequest, p: { subscriptionId: string; resourceGroup: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hci',
      p.subscriptionId,
      'read',
      ACTION.cluster.read,
      (s) => `/subscriptions/${s}/resourceGroups/${p.resourceGroup}`,
    );
    const rg = requireResourceGroup(world, sub.subscriptionId, p.resourceGroup);
    const value = Object.values(world.cloud.hciClusters)
      .filter(inResourceGroup(sub.subscriptionId, rg.name))
      .sort(byName)
      .map((c) => armCluster(world, c, now));
    return { status: 200, body: { value } };
  };

export const getCluster =
  (req: ArmRequest, p: ClusterParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'hci',
      p.subscriptionId,
      'read',
      ACTION.cluster.read,
      (s) => hciClusterId(s, p.resourceGroup, p.clusterName),
    );
    return {
      status: 200,
      body: armCluster(world, requireCluster(world, { ...p, subscriptionId: sub.subscriptionId }), now),
    };
  };

/** The writable parts of a cluster body (Cluster on PUT, ClusterPatch on PATCH) that the world keeps. */
function clusterProperties(body: z.output<typeof clusterPatchSchema>) {
  const props = body.properties ?? undefined;
  const desired = props?.desiredProperties ?? undefined;
  return {
    aadClientId: props?.aadClientId ?? undefined,
    aadTenantId: props?.aadTenantId ?? undefined,
    aadApplicationObjectId: props?.aadApplicationObjectId ?? undefined,
    aadServicePrincipalObjectId: props?.aadServicePrincipalObjectId ?? undefined,
    windowsServerSubscription: desired?.windowsServerSubscription ?? undefined,
    diagnosticLevel: desired?.diagnosticLevel ?? undefined,
  };
}

function applyClusterProperties(
  target: HciClusterResource,
  props: ReturnType<typeof clusterProperties>,
): void {
  if (props.aadClientId !== undefined) target.aadClientId = props.aadClientId;
  if (props.aadTenantId !== undefined) target.aadTenantId = props.aadTenantId;
  if (props.aadApplicationObjectId !== undefined)
    target.aadApplicationObjectId = props.aadApplicationObjectId;
  if (props.aadServicePrincipalObjectId !== undefined)
    target.aadServicePrincipalObjectId = props.aadServicePrincipalObjectId;
  if (props.windowsServerSubscription !== undefined)
    target.desiredWindowsServerSubscription = props.windowsServerSubscription;
  if (props.diagnosticLevel !== undefined) target.desiredDiagnosticLevel = props.diagnosticLevel;
}

/** Clusters_Create: synchronous, 200 for a new resource and for an existing one alike. */
export const putCluster =
  (req: ArmRequest, p: ClusterParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = begin(draft, req, now, 'hci', p.subscriptionId);
    requireGenericResourceName(p.clusterName);
    authorize(
      draft,
      caller,
      sub.subscriptionId,
      'write',
      ACTION.cluster.write,
      hciClusterId(sub.subscriptionId, p.resourceGroup, p.clusterName),
    );
    const rg = requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    requireProviderRegistered(sub, NAMESPACES.hci);
    const body = readArmBody(clusterPutSchema, req.body, false);
    const location = resourceLocation(
      body.location,
      CLUSTER_TYPE,
      CLOUDS[cloudOfSubscription(draft, sub.subscriptionId)].hciRegions,
    );
    const tags = body.tags ?? undefined;
    const props = clusterProperties(body);
    const key = resourceKey(hciClusterId(sub.subscriptionId, rg.name, p.clusterName));
    const existing = own(draft.cloud.hciClusters, key);
    if (existing) {
      if (normaliseRegion(existing.location) !== location)
        throw resourceLocationConflict(existing.name, existing.location, rg.name, location);
      existing.tags = tags ?? {};
      applyClusterProperties(existing, props);
      touch(existing, caller.upn, now);
      return { status: 200, body: armCluster(draft, existing, now) };
    }
    const created: HciClusterResource = {
      subscriptionId: sub.subscriptionId,
      resourceGroup: rg.name,
      name: p.clusterName,
      location,
      tags: tags ?? {},
      provisioningState: 'Succeeded',
      cloudId: newGuid(draft, `cloud-id:${p.clusterName}`),
      desiredDiagnosticLevel: 'Basic',
      desiredWindowsServerSubscription: 'Disabled',
      systemData: systemData(caller.upn, now),
    };
    applyClusterProperties(created, props);
    const owner = registrationOwner(draft, key);
    if (owner) {
      // the resource an on-prem registration points at is back: that cluster's next sync fills it in
      created.onPremCluster = owner.name;
      draft.faults = draft.faults.filter(
        (f) => !(f.fault === 'resource-deleted-in-portal' && f.target === owner.name),
      );
    }
    draft.cloud.hciClusters[key] = created;
    return { status: 200, body: armCluster(draft, created, now) };
  };

/** Clusters_Update: tags, identity fields and desiredProperties (the agent reports them back on its next sync). */
export const patchCluster =
  (req: ArmRequest, p: ClusterParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = beginAuthorized(
      draft,
      req,
      now,
      'hci',
      p.subscriptionId,
      'write',
      ACTION.cluster.write,
      (s) => hciClusterId(s, p.resourceGroup, p.clusterName),
    );
    const cluster = requireCluster(draft, { ...p, subscriptionId: sub.subscriptionId });
    const body = readArmBody(clusterPatchSchema, req.body, false);
    const tags = body.tags ?? undefined;
    const props = clusterProperties(body);
    if (tags !== undefined) cluster.tags = tags;
    applyClusterProperties(cluster, props);
    touch(cluster, caller.upn, now);
    return { status: 200, body: armCluster(draft, cluster, now) };
  };

/** The 202 of a long-running delete: where to poll it, and how long to wait. */
export function acceptedDelete(
  namespace: string,
  subscriptionId: string,
  location: string,
  resourceId: string,
  now: Millis,
  endsAt: Millis,
): ArmReply {
  const token = { op: 'delete' as const, resourceId, at: now, endsAt };
  return {
    status: 202,
    retryAfter: secondsLeft(token, now),
    ...providerOperationUris(namespace, subscriptionId, location, token, HCI_API_VERSION),
  };
}

/**
 * Clusters_Delete: 202 with Location, Azure-AsyncOperation and Retry-After; the resource shows Deleting
 * until the delete ends in simulated time (deletes.ts). 204 when there is nothing to delete.
 */
export const deleteCluster =
  (req: ArmRequest, p: ClusterParams): ArmOp =>
  (draft, now) => {
    const { sub } = beginAuthorized(
      draft,
      req,
      now,
      'hci',
      p.subscriptionId,
      'write',
      ACTION.cluster.delete,
      (s) => hciClusterId(s, p.resourceGroup, p.clusterName),
    );
    requireResourceGroup(draft, sub.subscriptionId, p.resourceGroup);
    const key = clusterKey({ ...p, subscriptionId: sub.subscriptionId });
    const cluster = own(draft.cloud.hciClusters, key);
    if (!cluster) return { status: 204 };
    const { endsAt } = beginDelete(
      draft,
      {
        type: 'cluster',
        subscriptionId: sub.subscriptionId,
        resourceGroup: cluster.resourceGroup,
        cluster: cluster.name,
      },
      now,
    );
    return acceptedDelete(NAMESPACES.hci, sub.subscriptionId, cluster.location, idOf(cluster), now, endsAt);
  };

// ───────────── arcSettings ─────────────

const isDefault = (name: string) => name.toLowerCase() === 'default';

function requireArcSetting(world: World, p: ArcSettingParams) {
  const cluster = requireCluster(world, p);
  if (!isDefault(p.arcSettingName) || !cluster.arcSetting) {
    throw resourceNotFound(
      `${CLUSTER_TYPE}/${p.clusterName}/arcSettings/${p.arcSettingName}`,
      cluster.resourceGroup,
    );
  }
  return { cluster, arcSetting: cluster.arcSetting };
}

export const listArcSettings =
  (req: ArmRequest, p: ClusterParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(world, req, now, 'hci', p.subscriptionId, 'read', ACTION.arc.read, (s) =>
      hciClusterId(s, p.resourceGroup, p.clusterName),
    );
    const cluster = requireCluster(world, { ...p, subscriptionId: sub.subscriptionId });
    const value = cluster.arcSetting ? [armArcSetting(world, idOf(cluster), cluster.arcSetting, now)] : [];
    return { status: 200, body: { value } };
  };

export const getArcSetting =
  (req: ArmRequest, p: ArcSettingParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(world, req, now, 'hci', p.subscriptionId, 'read', ACTION.arc.read, (s) =>
      arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    const { cluster, arcSetting } = requireArcSetting(world, { ...p, subscriptionId: sub.subscriptionId });
    return { status: 200, body: armArcSetting(world, idOf(cluster), arcSetting, now) };
  };

/** ArcSettings_Create: synchronous 200. The setting's nodes appear as the cluster onboards them. */
export const putArcSetting =
  (req: ArmRequest, p: ArcSettingParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = begin(draft, req, now, 'hci', p.subscriptionId);
    if (!isDefault(p.arcSettingName))
      throw invalidResourceName(
        p.arcSettingName,
        "An Azure Stack HCI cluster has one Arc setting, named 'default'.",
      );
    authorize(
      draft,
      caller,
      sub.subscriptionId,
      'write',
      ACTION.arc.write,
      arcSettingId(hciClusterId(sub.subscriptionId, p.resourceGroup, p.clusterName)),
    );
    const cluster = requireCluster(draft, { ...p, subscriptionId: sub.subscriptionId });
    const props = readArmBody(arcSettingPutSchema, req.body, true).properties ?? undefined;
    const arcRg = props?.arcInstanceResourceGroup ?? undefined;
    if (arcRg !== undefined && !isValidResourceGroupName(arcRg)) {
      throw invalidParameter(
        `Resource group name '${quote(arcRg)}' is invalid.`,
        'properties.arcInstanceResourceGroup',
      );
    }
    const ids = {
      arcApplicationClientId: props?.arcApplicationClientId ?? undefined,
      arcApplicationTenantId: props?.arcApplicationTenantId ?? undefined,
      arcServicePrincipalObjectId: props?.arcServicePrincipalObjectId ?? undefined,
      arcApplicationObjectId: props?.arcApplicationObjectId ?? undefined,
    };
    const setting: ArcSettingResource = cluster.arcSetting ?? {
      provisioningState: 'Succeeded',
      arcInstanceResourceGroup: arcRg ?? cluster.resourceGroup,
      perNode: {},
      systemData: systemData(caller.upn, now),
    };
    if (arcRg !== undefined) setting.arcInstanceResourceGroup = arcRg;
    for (const [k, v] of Object.entries(ids) as [keyof typeof ids, string | undefined][])
      if (v !== undefined) setting[k] = v;
    if (cluster.arcSetting) touch(setting, caller.upn, now);
    cluster.arcSetting = setting;
    return { status: 200, body: armArcSetting(draft, idOf(cluster), setting, now) };
  };

/**
 * ArcSettings_Update takes only `connectivityProperties`, which the world does not model (the portal's
 * flows never change them), so a valid PATCH changes nothing but the modification stamp.
 */
export const patchArcSetting =
  (req: ArmRequest, p: ArcSettingParams): ArmOp =>
  (draft, now) => {
    const { caller, sub } = beginAuthorized(
      draft,
      req,
      now,
      'hci',
      p.subscriptionId,
      'write',
      ACTION.arc.write,
      (s) => arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    const { cluster, arcSetting } = requireArcSetting(draft, { ...p, subscriptionId: sub.subscriptionId });
    // connectivityProperties are not modelled: the body is checked, and nothing of it is kept
    readArmBody(arcSettingPatchSchema, req.body, false);
    touch(arcSetting, caller.upn, now);
    return { status: 200, body: armArcSetting(draft, idOf(cluster), arcSetting, now) };
  };

/** ArcSettings_Delete: 202 (azure-async-operation), done in simulated time; the machines stay, as in Azure. */
export const deleteArcSetting =
  (req: ArmRequest, p: ArcSettingParams): ArmOp =>
  (draft, now) => {
    const { sub } = beginAuthorized(
      draft,
      req,
      now,
      'hci',
      p.subscriptionId,
      'write',
      ACTION.arc.delete,
      (s) => arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    const cluster = requireCluster(draft, { ...p, subscriptionId: sub.subscriptionId });
    if (!isDefault(p.arcSettingName) || !cluster.arcSetting) return { status: 204 };
    const { endsAt } = beginDelete(
      draft,
      {
        type: 'arcSetting',
        subscriptionId: sub.subscriptionId,
        resourceGroup: cluster.resourceGroup,
        cluster: cluster.name,
      },
      now,
    );
    return acceptedDelete(
      NAMESPACES.hci,
      sub.subscriptionId,
      cluster.location,
      arcSettingId(idOf(cluster)),
      now,
      endsAt,
    );
  };

// ───────────── extensions ─────────────
// No extension is ever installed in this world (the portal's flows do not install any), so the list is
// empty and every extension is not found.

export const listExtensions =
  (req: ArmRequest, p: ArcSettingParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(world, req, now, 'hci', p.subscriptionId, 'read', ACTION.ext.read, (s) =>
      arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    requireArcSetting(world, { ...p, subscriptionId: sub.subscriptionId });
    return { status: 200, body: { value: [] } };
  };

export const getExtension =
  (req: ArmRequest, p: ExtensionParams): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(world, req, now, 'hci', p.subscriptionId, 'read', ACTION.ext.read, (s) =>
      arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    const { cluster } = requireArcSetting(world, { ...p, subscriptionId: sub.subscriptionId });
    throw resourceNotFound(
      `${CLUSTER_TYPE}/${cluster.name}/arcSettings/default/extensions/${p.extensionName}`,
      cluster.resourceGroup,
    );
  };

/** Extensions_Delete of an extension that is not there: 204, ARM's answer for deleting nothing. */
export const deleteExtension =
  (req: ArmRequest, p: ExtensionParams): ArmOp =>
  (draft, now) => {
    const { sub } = beginAuthorized(
      draft,
      req,
      now,
      'hci',
      p.subscriptionId,
      'write',
      ACTION.ext.delete,
      (s) => arcSettingId(hciClusterId(s, p.resourceGroup, p.clusterName)),
    );
    requireArcSetting(draft, { ...p, subscriptionId: sub.subscriptionId });
    return { status: 204 };
  };
