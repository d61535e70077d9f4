/**
 * Set-AzStackHCI (behaviour.md §2.4): the resource's desired properties — Windows Server Subscription and the
 * diagnostic level — PATCHed in Azure, then a census sync that carries them to the cluster.
 */
import { requireCluster } from './cluster-lookup';
import { own } from './lookup';
import { hciClusterId, resourceKey } from './arm-ids';
import { registrationCaller, MESSAGES, startSyncNow } from './cluster-registration';
import type { AzureCaller } from './cluster-registration';
import { SimError } from './core';
import { clusterNodes, nodeIsUp } from './derive';
import { canWrite } from './identity';
import type { Job, Millis, World } from './model';

export type DiagnosticLevel = 'Off' | 'Basic' | 'Enhanced';

export interface ClusterSettingsChange {
  diagnosticLevel?: DiagnosticLevel;
  windowsServerSubscription?: 'Enabled' | 'Disabled';
}

/** The module's refusals, verbatim (behaviour.md §2.4). */
export const SETTINGS_MESSAGES = {
  notRegistered:
    'The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
  nodesOffline:
    'One or more servers in your cluster are offline. Check that all your servers are up and then try again.',
} as const;

/** Changes the resource's desired properties and starts the sync that applies them; the job is the sync. */
export function setClusterSettings(
  draft: World,
  clusterName: string,
  change: ClusterSettingsChange,
  now: Millis,
  caller?: AzureCaller,
): Job {
  const cluster = requireCluster(draft, clusterName);
  const reg = cluster.registration;
  if (!reg) throw new SimError('conflict', 'ClusterNotRegistered', SETTINGS_MESSAGES.notRegistered);
  if (clusterNodes(draft, cluster.name).some((n) => !nodeIsUp(n)))
    throw new SimError('unavailable', 'NodesOffline', SETTINGS_MESSAGES.nodesOffline);
  const who = registrationCaller(draft, now, caller);
  const id = hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName);
  const resource = own(draft.cloud.hciClusters, resourceKey(id));
  if (!resource) throw new SimError('not-found', 'ResourceNotFound', MESSAGES.cloudResourceMissing(id));
  if (!canWrite(draft, who.upn, reg.subscriptionId)) {
    const user = own(draft.cloud.users, who.upn);
    throw new SimError(
      'forbidden',
      'AuthorizationFailed',
      `The client '${who.upn}' with object id '${user?.objectId ?? ''}' does not have authorization to perform action 'Microsoft.AzureStackHCI/clusters/write' over scope '${id}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
  }
  if (change.windowsServerSubscription !== undefined)
    resource.desiredWindowsServerSubscription = change.windowsServerSubscription;
  if (change.diagnosticLevel !== undefined) {
    resource.desiredDiagnosticLevel = change.diagnosticLevel;
    // the cluster takes the desired level with the sync that follows; its census then reports it
    cluster.diagnosticLevel = change.diagnosticLevel;
  }
  return startSyncNow(draft, cluster.name, now);
}
