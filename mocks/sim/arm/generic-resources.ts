/**
 * Resources_List and Resources_ListByResourceGroup (Resources 2022-09-01): every top-level resource of the
 * subscription or group — here the HCI clusters and Arc machines — as GenericResourceExpanded, with the
 * `$filter`, `$top` and `$skipToken` the OpenAPI file defines. The filter grammar is the one its
 * description gives:
 *
 *   tagName eq 'n' [and tagValue eq 'v']      (then, as ARM says, the tags themselves are not returned)
 *   startswith(tagName, 'prefix')
 *   clause [and clause]…  with clause = (location|resourceType|name|resourceGroup) (eq|ne) 'v'
 *                                      | substringof('v', name|resourceGroup)
 */
import { hciClusterId, machineId, resourceGroupId } from '../arm-ids';
import { quote } from '../lookup';
import type { World } from '../model';
import { API_VERSIONS, beginAuthorized, inResourceGroup, requireResourceGroup } from './common';
import type { ArmOp, ArmRequest } from './common';
import { invalidParameter } from './errors';
import { page } from './paging';

const READ = 'Microsoft.Resources/subscriptions/resources/read';

interface GenericResource {
  id: string;
  name: string;
  type: string;
  location: string;
  resourceGroup: string;
  tags: Record<string, string>;
}

function resourcesOf(world: World, subscriptionId: string): GenericResource[] {
  const sub = subscriptionId.toLowerCase();
  const clusters = Object.values(world.cloud.hciClusters)
    .filter((c) => c.subscriptionId.toLowerCase() === sub)
    .map((c) => ({
      id: hciClusterId(c.subscriptionId, c.resourceGroup, c.name),
      name: c.name,
      type: 'Microsoft.AzureStackHCI/clusters',
      location: c.location,
      resourceGroup: c.resourceGroup,
      tags: c.tags,
    }));
  const machines = Object.values(world.cloud.machines)
    .filter((m) => m.subscriptionId.toLowerCase() === sub)
    .map((m) => ({
      id: machineId(m.subscriptionId, m.resourceGroup, m.name),
      name: m.name,
      type: 'Microsoft.HybridCompute/machines',
      location: m.location,
      resourceGroup: m.resourceGroup,
      tags: m.tags,
    }));
  const byId = (a: GenericResource, b: GenericResource) => {
    const x = a.id.toLowerCase();
    const y = b.id.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return [...clusters, ...machines].sort(byId);
}

type Predicate = (r: GenericResource) => boolean;

const unquote = (s: string) => s.replace(/''/g, "'");
const STRING = "'((?:[^']|'')*)'";
const TAG = new RegExp(`^tagName\\s+eq\\s+${STRING}(?:\\s+and\\s+tagValue\\s+eq\\s+${STRING})?$`, 'i');
const TAG_PREFIX = new RegExp(`^startswith\\(\\s*tagName\\s*,\\s*${STRING}\\s*\\)$`, 'i');
const COMPARE = new RegExp(`^(location|resourceType|name|resourceGroup)\\s+(eq|ne)\\s+${STRING}$`, 'i');
const SUBSTRING = new RegExp(`^substringof\\(\\s*${STRING}\\s*,\\s*(name|resourceGroup)\\s*\\)$`, 'i');

const field = (r: GenericResource, name: string): string => {
  switch (name.toLowerCase()) {
    case 'location':
      return r.location;
    case 'resourcetype':
      return r.type;
    case 'resourcegroup':
      return r.resourceGroup;
    default:
      return r.name;
  }
};

/** The filter as a predicate, and whether it filtered by tag (whose results carry no tags). */
export function resourceFilter(filter: string | undefined): { matches: Predicate; byTag: boolean } {
  const text = filter?.trim() ?? '';
  if (text === '') return { matches: () => true, byTag: false };
  const tag = TAG.exec(text);
  if (tag) {
    const name = unquote(tag[1] ?? '').toLowerCase();
    const value = tag[2] === undefined ? undefined : unquote(tag[2]);
    return {
      byTag: true,
      matches: (r) =>
        Object.entries(r.tags).some(
          ([k, v]) => k.toLowerCase() === name && (value === undefined || v === value),
        ),
    };
  }
  const prefix = TAG_PREFIX.exec(text);
  if (prefix) {
    const start = unquote(prefix[1] ?? '').toLowerCase();
    return {
      byTag: true,
      matches: (r) => Object.keys(r.tags).some((k) => k.toLowerCase().startsWith(start)),
    };
  }
  const clauses = text.split(/\s+and\s+/i).map((clause): Predicate => {
    const compare = COMPARE.exec(clause.trim());
    if (compare) {
      const [, name = '', op = '', raw = ''] = compare;
      const value = unquote(raw).toLowerCase();
      const equal = (r: GenericResource) => field(r, name).toLowerCase() === value;
      return op.toLowerCase() === 'eq' ? equal : (r) => !equal(r);
    }
    const sub = SUBSTRING.exec(clause.trim());
    if (sub) {
      const value = unquote(sub[1] ?? '').toLowerCase();
      const name = sub[2] ?? 'name';
      return (r) => field(r, name).toLowerCase().includes(value);
    }
    throw invalidParameter(
      `The $filter '${quote(text)}' is not supported: use tagName eq 'n' [and tagValue eq 'v'], startswith(tagName, 'p'), or location, resourceType, name or resourceGroup with eq or ne, or substringof('text', name), joined with and.`,
      '$filter',
    );
  });
  return { byTag: false, matches: (r) => clauses.every((c) => c(r)) };
}

function listed(all: GenericResource[], req: ArmRequest, path: string) {
  const { matches, byTag } = resourceFilter(req.filter);
  const value = all.filter(matches).map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    location: r.location,
    ...(byTag ? {} : { tags: r.tags }),
  }));
  const apiVersion = req.apiVersion ?? API_VERSIONS.resources[0] ?? '2022-09-01';
  return { status: 200, body: page(value, req, path, apiVersion) };
}

/** GET /subscriptions/{sub}/resources */
export const listResources =
  (req: ArmRequest, p: { subscriptionId: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(
      world,
      req,
      now,
      'resources',
      p.subscriptionId,
      'read',
      READ,
      (s) => `/subscriptions/${s}`,
    );
    return listed(
      resourcesOf(world, sub.subscriptionId),
      req,
      `/subscriptions/${sub.subscriptionId}/resources`,
    );
  };

/** GET /subscriptions/{sub}/resourceGroups/{rg}/resources */
export const listResourcesByResourceGroup =
  (req: ArmRequest, p: { subscriptionId: string; resourceGroup: string }): ArmOp =>
  (world, now) => {
    const { sub } = beginAuthorized(world, req, now, 'resources', p.subscriptionId, 'read', READ, (s) =>
      resourceGroupId(s, p.resourceGroup),
    );
    const rg = requireResourceGroup(world, sub.subscriptionId, p.resourceGroup);
    const inGroup = inResourceGroup(sub.subscriptionId, rg.name);
    return listed(
      resourcesOf(world, sub.subscriptionId).filter((r) =>
        inGroup({ subscriptionId: sub.subscriptionId, resourceGroup: r.resourceGroup }),
      ),
      req,
      `${resourceGroupId(sub.subscriptionId, rg.name)}/resources`,
    );
  };
