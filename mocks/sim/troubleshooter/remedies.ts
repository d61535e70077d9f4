/** Performs one remediation step's action as an operation on the world, as the portal or the cmdlet would. */
import { requireCluster } from '../cluster-lookup';
import { own } from '../lookup';
import { hciClusterId, resourceKey } from '../arm-ids';
import { MESSAGES, startClusterUnregistration, startRepair, startSyncNow } from '../cluster-registration';
import { SimError } from '../core';
import { nodeReachesAzure } from '../derive';
import { setHcisvc } from '../diagnostics';
import { hasFault } from '../faults-state';
import { repairFault, restartNode } from '../faults';
import { HOUR } from '../model';
import type { ClusterNode, Millis, OnPremCluster, World } from '../model';
import { refreshHeartbeats } from '../reachability';
import { onboardNodeToArc } from '../registration';
import { arcMachineIdFor, clusterResourceExists, orphans } from './checks';
import type { RemedyAction, RemedyResult } from './types';

function nodeOf(draft: World, cluster: OnPremCluster, name: string): ClusterNode {
  const node = own(draft.nodes, name);
  if (node?.cluster !== cluster.name)
    throw new SimError('not-found', 'ServerNotFound', `'${name}' is not a server of ${cluster.name}.`);
  return node;
}

export function runRemedy(
  draft: World,
  clusterName: string,
  action: RemedyAction,
  now: Millis,
): RemedyResult {
  const cluster = requireCluster(draft, clusterName);
  switch (action.kind) {
    case 'repair-fault': {
      if (
        action.target !== '*' &&
        !own(draft.nodes, action.target) &&
        action.target !== cluster.name &&
        !own(draft.cloud.users, action.target)
      ) {
        throw new SimError(
          'not-found',
          'TargetNotFound',
          `There is no server, cluster or account named '${action.target}'.`,
        );
      }
      repairFault(draft, action.fault, action.target === '*' ? undefined : action.target, now);
      return {
        message: `${action.fault} repaired on ${action.target === '*' ? 'every target' : action.target}.`,
      };
    }
    case 'start-hcisvc':
      return { message: setHcisvc(draft, clusterName, action.node, true, now) };
    case 'enable-debug': {
      const node = nodeOf(draft, cluster, action.node);
      if (node.power !== 'Up')
        throw new SimError(
          'unavailable',
          'ServerUnreachable',
          `${node.name} is not responding; the Debug channel can't be enabled.`,
        );
      node.debugChannelEnabled = true;
      return { message: `The Microsoft-AzureStack-HCI/Debug channel is enabled on ${node.name}.` };
    }
    case 'sync':
      return { message: 'Sync started.', job: startSyncNow(draft, clusterName, now) };
    case 'repair-registration':
      return { message: 'Repair started.', job: startRepair(draft, clusterName, now) };
    case 'unregister':
      return {
        message: 'Unregistration started.',
        job: startClusterUnregistration(draft, { cluster: clusterName }, now),
      };
    case 'restart-node':
      nodeOf(draft, cluster, action.node);
      restartNode(draft, action.node, now);
      return { message: `${action.node} restarted.` };
    case 'azcmagent-disconnect': {
      const node = nodeOf(draft, cluster, action.node);
      if (node.power !== 'Up')
        throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
      disconnectArc(draft, cluster, node.name, now, false);
      return { message: `The Arc agent on ${node.name} is disconnected locally.` };
    }
    case 'delete-arc-resource': {
      const node = nodeOf(draft, cluster, action.node);
      const id = arcMachineIdFor(draft, cluster, node.name);
      const existed = id !== undefined && !!own(draft.cloud.machines, resourceKey(id));
      if (id !== undefined) delete draft.cloud.machines[resourceKey(id)];
      const reg = cluster.registration;
      if (reg) {
        const resource = own(
          draft.cloud.hciClusters,
          resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
        );
        if (resource?.arcSetting) delete resource.arcSetting.perNode[node.name];
      }
      if (node.arc.connected) disconnectArc(draft, cluster, node.name, now, false);
      return {
        message: existed
          ? `The Arc resource ${node.name} was deleted.`
          : `There was no Arc resource for ${node.name}.`,
      };
    }
    case 'enable-arc': {
      const node = nodeOf(draft, cluster, action.node);
      const reg = cluster.registration;
      if (!reg)
        throw new SimError(
          'precondition',
          'ClusterNotRegistered',
          `Azure Arc integration needs a registered cluster; '${cluster.name}' is not registered.`,
        );
      if (!reg.arcEnabled)
        throw new SimError(
          'precondition',
          'ArcNotEnabled',
          `Azure Arc integration is off for ${cluster.name}.`,
        );
      if (node.power !== 'Up')
        throw new SimError('unavailable', 'ServerUnreachable', `${node.name} is not responding.`);
      if (hasFault(draft, 'no-arc-role'))
        throw new SimError('forbidden', 'AuthorizationFailed', MESSAGES.arcRoles);
      if (!nodeReachesAzure(node))
        throw new SimError(
          'unavailable',
          'ArcConnectionFailed',
          `${node.name} can't reach Azure Arc: fix its connectivity (firewall or proxy) first.`,
        );
      const clusterId = hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName);
      onboardNodeToArc(
        draft,
        node.name,
        {
          subscriptionId: reg.subscriptionId,
          resourceGroup: reg.arcResourceGroup,
          region: reg.region,
          clusterResourceId: clusterId,
          upn: draft.gateway.account?.upn ?? 'hciSim',
        },
        now,
      );
      return { message: `Azure Arc integration is enabled on ${node.name}.` };
    }
    case 'delete-orphans': {
      if (cluster.registration && clusterResourceExists(draft, cluster)) {
        throw new SimError(
          'conflict',
          'ClusterRegistered',
          `${cluster.name} is registered: unregister it instead of deleting its resources.`,
        );
      }
      const left = orphans(draft, cluster);
      for (const id of left.resources) delete draft.cloud.hciClusters[id];
      for (const id of left.machines) delete draft.cloud.machines[id];
      for (const id of left.apps) delete draft.cloud.apps[id];
      return {
        message: `Deleted ${left.resources.length} cluster resource(s), ${left.machines.length} Arc machine(s) and ${left.apps.length} app registration(s).`,
      };
    }
    case 'wait':
      return {
        message: `Waiting ${Math.round(action.durationMs / HOUR)} hour(s) of simulated time.`,
        waitMs: action.durationMs,
      };
    case 'open-registration':
      throw new SimError(
        'bad-request',
        'NotAnOperation',
        'Opening the registration is done in the portal, not in the simulation.',
      );
  }
}

function disconnectArc(
  draft: World,
  cluster: OnPremCluster,
  node: string,
  now: Millis,
  deleteResource: boolean,
): void {
  const n = own(draft.nodes, node);
  if (!n) return;
  const id = n.arc.machineResourceId;
  if (deleteResource && id) delete draft.cloud.machines[resourceKey(id)];
  const reg = cluster.registration;
  if (deleteResource && reg) {
    const resource = own(
      draft.cloud.hciClusters,
      resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName)),
    );
    if (resource?.arcSetting) delete resource.arcSetting.perNode[node];
  }
  n.arc = { installed: n.arc.installed, version: n.arc.version, connected: false };
  refreshHeartbeats(draft, node, now);
}
