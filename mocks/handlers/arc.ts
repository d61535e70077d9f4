/**
 * Azure Arc under `/api`: a cluster's Arc-enabled servers (the agent on the server and the machine in Azure,
 * side by side), enable/disable jobs (202 with the JobDto), `azcmagent disconnect`, and the simulated run
 * of the portal's onboarding script.
 */
import { http, HttpResponse } from 'msw';
import type {
  ArcServerDto,
  ClusterArcDto,
  OnPremAgentStatus,
  RunOnboardingResultDto,
} from '../../src/api/arc-contract';
import type { SimRuntime } from '../runtime';
import {
  ARC_EXPIRED_AFTER,
  arcEnabledOnNode,
  clusterNodes,
  disconnectAgent,
  hciClusterId,
  lastHeartbeat,
  nodeReachesAzure,
  requireServer,
  resourceKey,
  runOnboardingScript,
  startArcDisable,
  startArcEnable,
} from '../sim';
import type { ClusterNode, Job, Millis, Op, World } from '../sim';
import { arcStatusChangedAt } from '../sim';
import { machineStatus } from '../sim/arm/project';
import { disconnectAgentSchema, enableArcSchema, runOnboardingSchema } from '../../src/api/request-schemas';
import { acceptedJob, fromSimError, parseBody, simRoute } from './http';
import { iso } from './views';
import { own, requireCluster } from '../sim';

function onPremStatus(node: ClusterNode, now: Millis): OnPremAgentStatus {
  if (node.power === 'Down') return 'Offline';
  const agent = node.arc;
  if (!agent.installed) return 'Not installed';
  if (!agent.connected) return 'Disconnected';
  const last = lastHeartbeat(agent, now);
  if (agent.heartbeatAnchor === undefined && last !== undefined && now - last > ARC_EXPIRED_AFTER)
    return 'Expired';
  return nodeReachesAzure(node) ? 'Connected' : 'Disconnected';
}

export function arcServerDto(world: World, node: ClusterNode, now: Millis): ArcServerDto {
  const agent = node.arc;
  const id = agent.machineResourceId;
  const machine = id === undefined ? undefined : own(world.cloud.machines, resourceKey(id));
  const reg = own(world.clusters, node.cluster)?.registration;
  const onPrem = onPremStatus(node, now);
  const azureStatus = machine ? (machineStatus(world, machine, now) ?? null) : null;
  const enabled = arcEnabledOnNode(world, node);
  let displayStatus: ArcServerDto['displayStatus'];
  if (machine) displayStatus = azureStatus ?? 'Waiting for first heartbeat';
  else displayStatus = agent.installed && agent.connected ? 'Not installed' : 'Not enabled';
  const comparable = onPrem === 'Offline' ? 'Disconnected' : onPrem;
  return {
    name: node.name,
    fqdn: node.fqdn,
    cluster: node.cluster,
    arcStatus: node.cluster !== '' && !reg ? 'Unknown' : enabled ? 'Enabled' : 'Disabled',
    agentVersion: agent.installed ? agent.version : null,
    onPrem: {
      status: onPrem,
      lastHeartbeat: iso(lastHeartbeat(agent, now)),
      checkedAt: new Date(now).toISOString(),
    },
    azure:
      machine && id !== undefined
        ? {
            resourceId: id,
            subscriptionId: machine.subscriptionId,
            resourceGroup: machine.resourceGroup,
            status: azureStatus,
            lastStatusChange: iso(arcStatusChangedAt(agent, now) ?? machine.lastStatusChangeAt),
            portalPath: `/azure/resource${id}`,
          }
        : null,
    displayStatus,
    statusesAgree: machine
      ? azureStatus === null
        ? comparable === 'Connected'
        : comparable === azureStatus
      : comparable === 'Not installed' || comparable === 'Disconnected',
  };
}

export function clusterArcDto(world: World, clusterName: string, now: Millis): ClusterArcDto {
  const cluster = requireCluster(world, clusterName);
  const reg = cluster.registration;
  const servers = clusterNodes(world, cluster.name).map((n) => arcServerDto(world, n, now));
  const clusterId = reg ? hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName) : undefined;
  const resource = clusterId === undefined ? undefined : own(world.cloud.hciClusters, resourceKey(clusterId));
  return {
    cluster: cluster.name,
    registered: reg !== undefined,
    clusterArcStatus: !reg ? 'Unknown' : reg.arcEnabled ? 'Enabled' : 'Disabled',
    resourceGroup:
      resource?.arcSetting?.arcInstanceResourceGroup ?? (reg?.arcEnabled ? reg.arcResourceGroup : null),
    clusterPortalPath: clusterId === undefined ? null : `/azure/resource${clusterId}`,
    servers,
  };
}

export function arcHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);
  const startJob = (op: Op<Job>) => acceptedJob(sim, op);

  return [
    http.get(
      '*/api/clusters/:name/arc',
      handle((_request, params) =>
        HttpResponse.json(sim.read((w, now) => clusterArcDto(w, params.name ?? '', now))),
      ),
    ),

    http.post(
      '*/api/clusters/:name/arc/enable',
      handle(async (request, params) => {
        const { nodes } = await parseBody(request, enableArcSchema);
        return startJob((d, now) => startArcEnable(d, params.name ?? '', nodes, now));
      }),
    ),

    http.post(
      '*/api/clusters/:name/arc/servers/:node/disable',
      handle((_request, params) =>
        startJob((d, now) => startArcDisable(d, params.name ?? '', params.node ?? '', now)),
      ),
    ),

    http.get(
      '*/api/servers/:name/arc',
      handle((_request, params) =>
        HttpResponse.json(sim.read((w, now) => arcServerDto(w, requireServer(w, params.name ?? ''), now))),
      ),
    ),

    http.post(
      '*/api/servers/:name/arc/disconnect',
      handle(async (request, params) => {
        const force = (await parseBody(request, disconnectAgentSchema)).forceLocalOnly === true;
        const outcome = sim.run((d, now) => {
          const node = requireServer(d, params.name ?? '');
          disconnectAgent(d, node.name, force, now);
          return node.name;
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(sim.read((w, now) => arcServerDto(w, requireServer(w, outcome.value), now)));
      }),
    ),

    http.post(
      '*/api/cloud/onboarding/run',
      handle(async (request) => {
        const body = await parseBody(request, runOnboardingSchema);
        const input = {
          ...body,
          tags: body.tags ?? {},
          proxyUrl: body.proxyUrl === '' ? undefined : body.proxyUrl,
        };
        const outcome = sim.run((d, now) => runOnboardingScript(d, input, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        const result: RunOnboardingResultDto = {
          ...outcome.value,
          portalPath: `/azure/resource${outcome.value.machineResourceId}`,
        };
        return HttpResponse.json(result, { status: 201 });
      }),
    ),
  ];
}
