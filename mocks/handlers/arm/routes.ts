/**
 * ARM's URL space: path templates → the simulation's operations. Matching is case-insensitive on the
 * literal segments (`resourcegroups` and `resourceGroups` are the same to ARM) and percent-decodes the
 * names. What does not match gets ARM's answers for it (see `unmatched`).
 */
import {
  NAMESPACES,
  PROVIDER_RESOURCE_TYPES,
  checkResourceGroupExistence,
  deleteArcSetting,
  deleteCluster,
  deleteExtension,
  deleteMachine,
  deleteResourceGroup,
  getArcSetting,
  getCluster,
  getExtension,
  getMachine,
  getOperationResult,
  getOperationStatus,
  getProvider,
  getResourceGroup,
  getResourceGroupOperationResult,
  getSubscription,
  listArcSettings,
  listLocations,
  listClustersByResourceGroup,
  listClustersBySubscription,
  listExtensions,
  listMachinesByResourceGroup,
  listMachinesBySubscription,
  listProviders,
  listResourceGroups,
  listResources,
  listResourcesByResourceGroup,
  listSubscriptions,
  listTenants,
  patchArcSetting,
  patchCluster,
  patchMachine,
  patchResourceGroup,
  putArcSetting,
  putCluster,
  putMachine,
  putResourceGroup,
  setProviderRegistration,
} from '../../sim/arm';
import type { ArmOp, ArmRequest } from '../../sim/arm';

export type ArmMethod = 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';

/** `{name}` placeholders of a template, as a union of their names. */
type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

type OpFactory = (req: ArmRequest, params: Record<string, string>) => ArmOp;

export interface ArmRoute {
  template: string;
  segments: string[];
  ops: Partial<Record<ArmMethod, OpFactory>>;
}

function route<P extends string>(
  template: P,
  ops: Partial<Record<ArmMethod, (req: ArmRequest, params: Record<ParamNames<P>, string>) => ArmOp>>,
): ArmRoute {
  return { template, segments: template.split('/').filter(Boolean), ops };
}

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroup}`;
const CLUSTERS = `${RG}/providers/Microsoft.AzureStackHCI/clusters`;
const CLUSTER = `${CLUSTERS}/{clusterName}`;
const ARC = `${CLUSTER}/arcSettings/{arcSettingName}`;
const MACHINES = `${RG}/providers/Microsoft.HybridCompute/machines`;
const HCI_LOCATION = `${SUB}/providers/Microsoft.AzureStackHCI/locations/{location}`;

/** Most specific first: the first template that matches wins. */
export const ARM_ROUTES: readonly ArmRoute[] = [
  route('/subscriptions', { GET: (req) => listSubscriptions(req) }),
  route('/tenants', { GET: (req) => listTenants(req) }),
  route(SUB, { GET: getSubscription }),
  route(`${SUB}/locations`, { GET: listLocations }),
  route(`${SUB}/resourcegroups`, { GET: listResourceGroups }),
  route(`${SUB}/resources`, { GET: listResources }),
  route(`${RG}/resources`, { GET: listResourcesByResourceGroup }),
  route(RG, {
    GET: getResourceGroup,
    HEAD: checkResourceGroupExistence,
    PUT: putResourceGroup,
    PATCH: patchResourceGroup,
    DELETE: deleteResourceGroup,
  }),
  route(`${SUB}/operationresults/{operationId}`, { GET: getResourceGroupOperationResult }),
  route(`${SUB}/providers/Microsoft.AzureStackHCI/clusters`, { GET: listClustersBySubscription }),
  route(`${SUB}/providers/Microsoft.HybridCompute/machines`, { GET: listMachinesBySubscription }),
  route(`${HCI_LOCATION}/operationStatuses/{operationId}`, {
    GET: (req, p) => getOperationStatus(req, { ...p, namespace: NAMESPACES.hci, family: 'hci' }),
  }),
  route(`${HCI_LOCATION}/operationResults/{operationId}`, {
    GET: (req, p) => getOperationResult(req, { ...p, namespace: NAMESPACES.hci, family: 'hci' }),
  }),
  route(`${SUB}/providers`, { GET: listProviders }),
  route(`${SUB}/providers/{namespace}`, { GET: getProvider }),
  route(`${SUB}/providers/{namespace}/register`, {
    POST: (req, p) => setProviderRegistration(req, { ...p, register: true }),
  }),
  route(`${SUB}/providers/{namespace}/unregister`, {
    POST: (req, p) => setProviderRegistration(req, { ...p, register: false }),
  }),
  route(CLUSTERS, { GET: listClustersByResourceGroup }),
  route(CLUSTER, { GET: getCluster, PUT: putCluster, PATCH: patchCluster, DELETE: deleteCluster }),
  route(`${CLUSTER}/arcSettings`, { GET: listArcSettings }),
  route(ARC, { GET: getArcSetting, PUT: putArcSetting, PATCH: patchArcSetting, DELETE: deleteArcSetting }),
  route(`${ARC}/extensions`, { GET: listExtensions }),
  route(`${ARC}/extensions/{extensionName}`, { GET: getExtension, DELETE: deleteExtension }),
  route(MACHINES, { GET: listMachinesByResourceGroup }),
  route(`${MACHINES}/{machineName}`, {
    GET: getMachine,
    PUT: putMachine,
    PATCH: patchMachine,
    DELETE: deleteMachine,
  }),
];

export interface RouteMatch {
  route: ArmRoute;
  params: Record<string, string>;
}

/** Path segments, percent-decoded; undefined when an escape is malformed. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export function matchArmRoute(segments: readonly string[]): RouteMatch | undefined {
  for (const candidate of ARM_ROUTES) {
    if (candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = candidate.segments.every((pattern, i) => {
      const actual = segments[i] ?? '';
      const name = /^\{(\w+)\}$/.exec(pattern)?.[1];
      if (name !== undefined) {
        params[name] = actual;
        return actual !== '';
      }
      return pattern.toLowerCase() === actual.toLowerCase();
    });
    if (ok) return { route: candidate, params };
  }
  return undefined;
}

export type Unmatched =
  | { status: 400; code: 'InvalidResourceNamespace'; message: string }
  | { status: 404; code: 'InvalidResourceType' | 'NotFound'; message: string };

/**
 * ARM's answer for a path no route serves: an unknown provider namespace is InvalidResourceNamespace, an
 * unknown type in a known namespace is InvalidResourceType, anything else is not a resource URI at all.
 */
export function unmatched(
  segments: readonly string[],
  url: string,
  apiVersion: string | undefined,
): Unmatched {
  const providers = segments.findIndex((s) => s.toLowerCase() === 'providers');
  const namespace = providers >= 0 ? segments[providers + 1] : undefined;
  if (segments[0]?.toLowerCase() === 'subscriptions' && namespace !== undefined) {
    const known = Object.keys(PROVIDER_RESOURCE_TYPES).find(
      (ns) => ns.toLowerCase() === namespace.toLowerCase(),
    );
    if (known === undefined)
      return {
        status: 400,
        code: 'InvalidResourceNamespace',
        message: `The resource namespace '${namespace}' is invalid.`,
      };
    // type segments alternate with names: providers/{ns}/{type}/{name}/{type}/…
    const type = segments
      .slice(providers + 2)
      .filter((_, i) => i % 2 === 0)
      .join('/');
    if (type !== '') {
      return {
        status: 404,
        code: 'InvalidResourceType',
        message: `The resource type '${type}' could not be found in the namespace '${known}' for api version '${apiVersion ?? ''}'.`,
      };
    }
  }
  return {
    status: 404,
    code: 'NotFound',
    message: `No HTTP resource was found that matches the request URI '${url}'.`,
  };
}
