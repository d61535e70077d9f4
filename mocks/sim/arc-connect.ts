/**
 * `azcmagent connect` on a server whose agent is installed but not connected (seed 002's onboarding step, and
 * the way back after `azcmagent disconnect --force-local-only`): the machine resource is created in the
 * named subscription, resource group and location, with the signed-in user as its creator.
 */
import { own } from './lookup';
import { hciClusterId, rgKey } from './arm-ids';
import { CLOUDS, findLocation } from './clouds';
import { SimError } from './core';
import { canWrite } from './identity';
import type { CloudName, Millis, World } from './model';
import { arcOnboardingBlocked, onboardNodeToArc } from './registration';

export interface AgentConnectRequest {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId: string;
  cloud: CloudName;
}

// No reference file quotes azcmagent's own error texts; these say what the world refused, in plain words.
export function connectArcAgent(
  draft: World,
  nodeName: string,
  request: AgentConnectRequest,
  upn: string,
  now: Millis,
): { machineResourceId: string } {
  const node = own(draft.nodes, nodeName);
  if (!node) throw new SimError('not-found', 'ServerNotFound', `There is no server named '${nodeName}'.`);
  if (!node.arc.installed)
    throw new SimError(
      'conflict',
      'AgentNotInstalled',
      `The Azure Connected Machine agent is not installed on ${node.name}.`,
    );
  if (node.arc.connected)
    throw new SimError(
      'conflict',
      'AgentAlreadyConnected',
      `${node.name} is already connected to Azure (${node.arc.machineResourceId ?? ''}). Run azcmagent disconnect first.`,
    );
  const sub = own(draft.cloud.subscriptions, request.subscriptionId);
  const tenant = sub ? own(draft.cloud.tenants, sub.tenantId) : undefined;
  if (sub?.tenantId.toLowerCase() !== request.tenantId.toLowerCase() || tenant?.cloud !== request.cloud)
    throw new SimError(
      'not-found',
      'SubscriptionNotFound',
      `The subscription '${request.subscriptionId}' could not be found in tenant '${request.tenantId}' (${CLOUDS[request.cloud].displayName}).`,
    );
  const rg = own(draft.cloud.resourceGroups, rgKey(sub.subscriptionId, request.resourceGroup));
  if (!rg)
    throw new SimError(
      'not-found',
      'ResourceGroupNotFound',
      `Resource group '${request.resourceGroup}' could not be found.`,
    );
  const location = findLocation(request.location);
  if (!location)
    throw new SimError(
      'bad-request',
      'InvalidLocation',
      `The location '${request.location}' is not available.`,
    );
  if (!canWrite(draft, upn, sub.subscriptionId)) {
    const user = own(draft.cloud.users, upn);
    throw new SimError(
      'forbidden',
      'AuthorizationFailed',
      `The client '${upn}' with object id '${user?.objectId ?? ''}' does not have authorization to perform action 'Microsoft.HybridCompute/machines/write' over scope '/subscriptions/${sub.subscriptionId}/resourcegroups/${rg.name}/providers/Microsoft.HybridCompute/machines/${node.name}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  if (arcOnboardingBlocked(draft, node))
    throw new SimError(
      'unavailable',
      'ArcEndpointsUnreachable',
      `${node.name} cannot reach the Azure Arc endpoints (network, proxy or permissions): the agent could not connect.`,
    );
  // A cluster node that joins its cluster's Arc resource group is one of the cluster's Arc servers again.
  const reg = node.cluster === '' ? undefined : own(draft.clusters, node.cluster)?.registration;
  const parent =
    reg?.subscriptionId.toLowerCase() === sub.subscriptionId.toLowerCase() &&
    reg.arcResourceGroup.toLowerCase() === rg.name.toLowerCase()
      ? hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)
      : undefined;
  onboardNodeToArc(
    draft,
    node.name,
    {
      subscriptionId: sub.subscriptionId,
      resourceGroup: rg.name,
      region: location.name,
      upn,
      ...(parent !== undefined ? { clusterResourceId: parent } : {}),
    },
    now,
  );
  return { machineResourceId: node.arc.machineResourceId ?? '' };
}
