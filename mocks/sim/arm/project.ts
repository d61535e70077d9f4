/**
 * The world's cloud records as ARM returns them, shaped by the OpenAPI files in specs/azure-rest-api
 * (test/contract checks every body against them). Everything that follows from time is derived here from
 * stored timestamps and `now`: cluster status / connectivityStatus from the last sync (derive.ts
 * armConnectivity), machine status from the agent's heartbeats (arcMachineStatus: Connected →
 * Disconnected after 5 missed heartbeats → Expired after 45 days), arcSettings per-node and aggregate
 * states from the machines.
 */
import { arcSettingId, hciClusterId, machineId, resourceGroupId, resourceKey } from '../arm-ids';
import { CLOUDS } from '../clouds';
import { guidFrom } from '../core';
import { arcMachineStatus, arcStatusChangedAt, armConnectivity } from '../derive';
import { DAY } from '../model';
import type {
  ArcNodeState,
  ArcSettingResource,
  AzureUser,
  CloudName,
  HciClusterResource,
  HybridMachineResource,
  Millis,
  ProviderState,
  ResourceGroup,
  Subscription,
  SystemData,
  Tenant,
  World,
} from '../model';
import { cloudLocations, cloudOfSubscription, iso } from './common';
import { own } from '../lookup';

export const TYPES = {
  resourceGroup: 'Microsoft.Resources/resourceGroups',
  cluster: 'Microsoft.AzureStackHCI/clusters',
  arcSetting: 'Microsoft.AzureStackHCI/clusters/arcSettings',
  extension: 'Microsoft.AzureStackHCI/clusters/arcSettings/extensions',
  machine: 'Microsoft.HybridCompute/machines',
} as const;

/** Azure Stack HCI's free trial, counted from registration. */
export const TRIAL_DAYS = 60;

export function armSystemData(s: SystemData) {
  return {
    createdBy: s.createdBy,
    createdByType: s.createdByType,
    createdAt: iso(s.createdAt),
    lastModifiedBy: s.lastModifiedBy,
    lastModifiedByType: s.lastModifiedByType,
    lastModifiedAt: iso(s.lastModifiedAt),
  };
}

const tagsOf = (tags: Record<string, string>) => (Object.keys(tags).length > 0 ? { tags: { ...tags } } : {});

// ───────────── Microsoft.Resources ─────────────

const LOCATION_PLACEMENT: Record<CloudName, string> = {
  AzureCloud: 'Public_2014-09-01',
  AzureChinaCloud: 'Mooncake_2014-09-01',
  AzureUSGovernment: 'USGov_2014-09-01',
};

/** Subscriptions 2022-12-01 `Subscription`. */
export function armSubscription(world: World, sub: Subscription) {
  return {
    id: `/subscriptions/${sub.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: sub.subscriptionId,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: sub.state,
    subscriptionPolicies: {
      locationPlacementId: LOCATION_PLACEMENT[cloudOfSubscription(world, sub.subscriptionId)],
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

/** Subscriptions 2022-12-01 `TenantIdDescription`; the caller's home tenant is the first they belong to. */
export function armTenant(tenant: Tenant, caller: AzureUser) {
  return {
    id: `/tenants/${tenant.tenantId}`,
    tenantId: tenant.tenantId,
    tenantCategory: caller.tenantIds[0] === tenant.tenantId ? 'Home' : 'ProjectedBy',
    displayName: tenant.displayName,
    domains: [tenant.defaultDomain],
    defaultDomain: tenant.defaultDomain,
    tenantType: 'AAD',
  };
}

export function armResourceGroup(rg: ResourceGroup) {
  return {
    id: resourceGroupId(rg.subscriptionId, rg.name),
    name: rg.name,
    type: TYPES.resourceGroup,
    location: rg.location,
    ...(rg.managedBy === undefined ? {} : { managedBy: rg.managedBy }),
    ...tagsOf(rg.tags),
    properties: { provisioningState: rg.provisioningState },
  };
}

/** Resources 2022-09-01 `Provider`, for the namespaces the simulation serves. */
export const PROVIDER_RESOURCE_TYPES: Record<
  string,
  { resourceType: string; apiVersions: string[]; regions: 'hci' | 'all' }[]
> = {
  'Microsoft.AzureStackHCI': [
    { resourceType: 'clusters', apiVersions: ['2024-04-01'], regions: 'hci' },
    { resourceType: 'clusters/arcSettings', apiVersions: ['2024-04-01'], regions: 'hci' },
    { resourceType: 'clusters/arcSettings/extensions', apiVersions: ['2024-04-01'], regions: 'hci' },
    { resourceType: 'locations', apiVersions: ['2024-04-01'], regions: 'hci' },
    { resourceType: 'locations/operationStatuses', apiVersions: ['2024-04-01'], regions: 'hci' },
  ],
  'Microsoft.HybridCompute': [
    { resourceType: 'machines', apiVersions: ['2022-12-27'], regions: 'all' },
    { resourceType: 'locations', apiVersions: ['2022-12-27'], regions: 'all' },
    { resourceType: 'locations/operationStatuses', apiVersions: ['2022-12-27'], regions: 'all' },
  ],
  'Microsoft.GuestConfiguration': [
    { resourceType: 'guestConfigurationAssignments', apiVersions: ['2022-01-25'], regions: 'all' },
  ],
  'Microsoft.HybridConnectivity': [
    { resourceType: 'endpoints', apiVersions: ['2023-03-15'], regions: 'all' },
  ],
  'Microsoft.Resources': [{ resourceType: 'resourceGroups', apiVersions: ['2022-09-01'], regions: 'all' }],
};

export function armProvider(world: World, sub: Subscription, namespace: string, state: ProviderState) {
  const cloud = CLOUDS[cloudOfSubscription(world, sub.subscriptionId)];
  return {
    id: `/subscriptions/${sub.subscriptionId}/providers/${namespace}`,
    namespace,
    registrationState: state,
    registrationPolicy: namespace === 'Microsoft.Resources' ? 'RegistrationFree' : 'RegistrationRequired',
    resourceTypes: (PROVIDER_RESOURCE_TYPES[namespace] ?? []).map((t) => ({
      resourceType: t.resourceType,
      locations: (t.regions === 'hci' ? cloud.hciRegions : cloudLocations(cloud.name)).map(
        (r) => r.displayName,
      ),
      apiVersions: t.apiVersions,
    })),
  };
}

// ───────────── Microsoft.AzureStackHCI ─────────────

export function armCluster(world: World, r: HciClusterResource, now: Millis) {
  const cloud = CLOUDS[cloudOfSubscription(world, r.subscriptionId)];
  const { status, connectivityStatus } = armConnectivity(r.lastSyncTimestamp, now);
  const sinceRegistration =
    r.registrationTimestamp === undefined ? 0 : Math.max(0, now - r.registrationTimestamp);
  const reported = r.reported;
  const firstNode = reported?.nodes[0] === undefined ? undefined : own(world.nodes, reported.nodes[0].name);
  return {
    id: hciClusterId(r.subscriptionId, r.resourceGroup, r.name),
    name: r.name,
    type: TYPES.cluster,
    location: r.location,
    tags: { ...r.tags },
    systemData: armSystemData(r.systemData),
    properties: {
      provisioningState: r.provisioningState,
      status,
      connectivityStatus,
      cloudId: r.cloudId,
      ...(r.aadClientId === undefined ? {} : { aadClientId: r.aadClientId }),
      ...(r.aadTenantId === undefined ? {} : { aadTenantId: r.aadTenantId }),
      ...(r.aadApplicationObjectId === undefined ? {} : { aadApplicationObjectId: r.aadApplicationObjectId }),
      ...(r.aadServicePrincipalObjectId === undefined
        ? {}
        : { aadServicePrincipalObjectId: r.aadServicePrincipalObjectId }),
      softwareAssuranceProperties: {
        softwareAssuranceStatus: 'Disabled',
        softwareAssuranceIntent: 'Disable',
      },
      desiredProperties: {
        windowsServerSubscription: r.desiredWindowsServerSubscription,
        diagnosticLevel: r.desiredDiagnosticLevel,
      },
      reportedProperties: reported
        ? {
            clusterName: reported.clusterName,
            clusterId: reported.clusterId,
            clusterVersion: reported.clusterVersion,
            clusterType: 'ThirdParty',
            ...(firstNode ? { manufacturer: firstNode.manufacturer } : {}),
            oemActivation: 'Disabled',
            nodes: reported.nodes.map((n) => {
              const node = own(world.nodes, n.name);
              return {
                name: n.name,
                id: n.id,
                nodeType: 'ThirdParty',
                ...(node
                  ? {
                      manufacturer: node.manufacturer,
                      model: node.model,
                      serialNumber: node.serialNumber,
                      osDisplayVersion: node.osDisplayVersion,
                    }
                  : {}),
                osName: n.osName,
                osVersion: n.osVersion,
                coreCount: n.coreCount,
                memoryInGiB: n.memoryInGiB,
                lastLicensingTimestamp: iso(reported.lastUpdated),
                oemActivation: 'Disabled',
              };
            }),
            lastUpdated: iso(reported.lastUpdated),
            imdsAttestation: reported.imdsAttestation,
            diagnosticLevel: reported.diagnosticLevel,
          }
        : {},
      trialDaysRemaining: Math.max(0, TRIAL_DAYS - Math.floor(sinceRegistration / DAY)),
      billingModel: 'Trial',
      ...(r.registrationTimestamp === undefined
        ? {}
        : { registrationTimestamp: iso(r.registrationTimestamp) }),
      ...(r.lastSyncTimestamp === undefined ? {} : { lastSyncTimestamp: iso(r.lastSyncTimestamp) }),
      ...(r.lastBillingTimestamp === undefined ? {} : { lastBillingTimestamp: iso(r.lastBillingTimestamp) }),
      serviceEndpoint: `${cloud.dataPlaneEndpoint}/${r.location}`,
      resourceProviderObjectId: guidFrom(`hci-rp:${cloud.name}`, 1),
    },
  };
}

/** The node's Arc state as arcSettings reports it: from the machine its agent reports to. */
export function nodeArcState(world: World, arcInstance: string, now: Millis): ArcNodeState {
  const machine = own(world.cloud.machines, resourceKey(arcInstance));
  if (!machine) return 'NotSpecified';
  const status = machineStatus(world, machine, now);
  if (status === undefined) return 'Creating';
  return status === 'Connected' ? 'Connected' : 'Disconnected';
}

/** All alike → that state; some Connected → PartiallyConnected; otherwise the worst of them. */
export function aggregateArcState(states: readonly ArcNodeState[]): ArcNodeState {
  const distinct = [...new Set(states)];
  if (distinct.length === 0) return 'NotSpecified';
  if (distinct.length === 1) return distinct[0] ?? 'NotSpecified';
  if (distinct.includes('Connected')) return 'PartiallyConnected';
  if (distinct.includes('Disconnected')) return 'Disconnected';
  return distinct.includes('Creating') ? 'Creating' : 'NotSpecified';
}

export function armArcSetting(world: World, clusterResourceId: string, a: ArcSettingResource, now: Millis) {
  const perNodeDetails = Object.entries(a.perNode)
    .sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))
    .map(([name, n]) => ({
      name,
      arcInstance: n.arcInstance,
      arcNodeServicePrincipalObjectId: n.arcNodeServicePrincipalObjectId,
      state: nodeArcState(world, n.arcInstance, now),
    }));
  // Until the cluster's agents report in (right after an ARM PUT), the setting is still being created.
  const aggregateState: ArcNodeState =
    a.provisioningState !== 'Succeeded'
      ? a.provisioningState
      : perNodeDetails.length === 0
        ? 'Creating'
        : aggregateArcState(perNodeDetails.map((d) => d.state));
  return {
    id: arcSettingId(clusterResourceId),
    name: 'default',
    type: TYPES.arcSetting,
    systemData: armSystemData(a.systemData),
    properties: {
      provisioningState: a.provisioningState,
      arcInstanceResourceGroup: a.arcInstanceResourceGroup,
      ...(a.arcApplicationClientId === undefined ? {} : { arcApplicationClientId: a.arcApplicationClientId }),
      ...(a.arcApplicationTenantId === undefined ? {} : { arcApplicationTenantId: a.arcApplicationTenantId }),
      ...(a.arcServicePrincipalObjectId === undefined
        ? {}
        : { arcServicePrincipalObjectId: a.arcServicePrincipalObjectId }),
      ...(a.arcApplicationObjectId === undefined ? {} : { arcApplicationObjectId: a.arcApplicationObjectId }),
      aggregateState,
      perNodeDetails,
    },
  };
}

// ───────────── Microsoft.HybridCompute ─────────────

/** The agent that reports to this machine resource, if any: the host's agent, pointed at this very id. */
function agentOf(world: World, m: HybridMachineResource) {
  const node = own(world.nodes, m.hostName);
  const id = resourceKey(machineId(m.subscriptionId, m.resourceGroup, m.name));
  return node?.arc.machineResourceId !== undefined && resourceKey(node.arc.machineResourceId) === id
    ? node
    : undefined;
}

/** Connected / Disconnected / Expired; undefined for a machine whose agent has not sent a heartbeat yet. */
export function machineStatus(
  world: World,
  m: HybridMachineResource,
  now: Millis,
): 'Connected' | 'Disconnected' | 'Expired' | undefined {
  const node = agentOf(world, m);
  return node ? arcMachineStatus(node.arc, now) : undefined;
}

export function armMachine(world: World, m: HybridMachineResource, now: Millis) {
  const node = agentOf(world, m);
  const status = node ? arcMachineStatus(node.arc, now) : undefined;
  const changedAt = node ? arcStatusChangedAt(node.arc, now) : undefined;
  const tenantId = own(world.cloud.subscriptions, m.subscriptionId)?.tenantId;
  const fqdn = node?.fqdn;
  const domain = fqdn?.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : undefined;
  const id = machineId(m.subscriptionId, m.resourceGroup, m.name);
  return {
    id,
    name: m.name,
    type: TYPES.machine,
    location: m.location,
    tags: { ...m.tags },
    systemData: armSystemData(m.systemData),
    identity: {
      type: 'SystemAssigned',
      principalId: guidFrom(`machine-identity:${resourceKey(id)}`, 1),
      ...(tenantId === undefined ? {} : { tenantId }),
    },
    properties: {
      provisioningState: m.provisioningState,
      ...(status === undefined ? {} : { status }),
      lastStatusChange: iso(changedAt ?? m.lastStatusChangeAt),
      ...(m.agentVersion === '' ? {} : { agentVersion: m.agentVersion }),
      vmId: m.vmId,
      displayName: m.hostName,
      ...(fqdn === undefined ? {} : { machineFqdn: fqdn, dnsFqdn: fqdn, adFqdn: fqdn }),
      ...(domain === undefined ? {} : { domainName: domain }),
      osName: m.osType,
      ...(m.osVersion === '' ? {} : { osVersion: m.osVersion }),
      osType: m.osType,
      ...(m.osSku === '' ? {} : { osSku: m.osSku }),
      osProfile: { computerName: m.hostName },
      ...(m.parentClusterResourceId === undefined
        ? {}
        : { parentClusterResourceId: m.parentClusterResourceId }),
      mssqlDiscovered: 'false',
      detectedProperties: node
        ? {
            cloudprovider: 'N/A',
            manufacturer: node.manufacturer,
            model: node.model,
            coreCount: String(node.coreCount),
            totalPhysicalMemoryInGigabytes: String(node.memoryGiB),
          }
        : {},
      ...(node
        ? {
            agentConfiguration: {
              extensionsEnabled: 'true',
              guestConfigurationEnabled: 'true',
              configMode: 'full',
              incomingConnectionsPorts: [],
              proxyBypass: [],
            },
            serviceStatuses: {
              extensionService: {
                status: node.power === 'Up' ? 'Running' : 'Stopped',
                startupType: 'Automatic',
              },
              guestConfigurationService: {
                status: node.power === 'Up' ? 'Running' : 'Stopped',
                startupType: 'Automatic',
              },
            },
          }
        : {}),
    },
  };
}
