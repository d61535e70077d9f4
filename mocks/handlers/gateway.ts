/**
 * The gateway/cluster side at same-origin `/api/...`: what WAC's PowerShell would return, shaped by
 * src/api/contract.ts. Thin: parse and validate the request, run a query or an operation, serialise.
 */
import { http, HttpResponse } from 'msw';
import type {
  AddConnectionRequest,
  ClockDto,
  UpdateConnectionRequest,
  VmListDto,
} from '../../src/api/contract';
import type { SimRuntime } from '../runtime';
import { SimError, clusterNodes, clusterVms, makeNode, nextSeq } from '../sim';
import type { GatewayConnection, OnPremCluster, World } from '../sim';
import {
  clusterDto,
  connectionDto,
  eventDto,
  gatewayDto,
  jobDto,
  nodeDto,
  notificationDto,
  vmDto,
} from './views';
import { errorResponse, fromSimError, parseBody, readJsonObject, simRoute } from './http';
import { addConnectionSchema } from '../../src/api/request-schemas';
import { own, setOwn } from '../sim';

function findConnection(world: World, type: string, name: string): GatewayConnection | undefined {
  return world.gateway.connections.find(
    (c) => c.type === type && c.name.toLowerCase() === name.toLowerCase(),
  );
}

function clusterOr404(world: World, name: string) {
  const cluster =
    own(world.clusters, name) ??
    Object.values(world.clusters).find(
      (c) => c.name.toLowerCase() === name.toLowerCase() || c.fqdn.toLowerCase() === name.toLowerCase(),
    );
  if (!cluster)
    throw new SimError(
      'not-found',
      'ClusterNotFound',
      `The cluster '${name}' was not found. Check the name, or add it from All connections.`,
    );
  return cluster;
}

function nodeOr404(world: World, name: string) {
  const node =
    own(world.nodes, name) ??
    Object.values(world.nodes).find(
      (n) => n.name.toLowerCase() === name.toLowerCase() || n.fqdn.toLowerCase() === name.toLowerCase(),
    );
  if (!node) throw new SimError('not-found', 'ServerNotFound', `The server '${name}' was not found.`);
  return node;
}

const VM_SORTS = [
  'name',
  'state',
  'hostServer',
  'generation',
  'cpuCount',
  'memoryMiB',
  'uptimeSeconds',
  'azureBenefits',
] as const;
type VmSort = (typeof VM_SORTS)[number];

function parseIntParam(value: string | null, fallback: number, max: number, label: string): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw new SimError(
      'bad-request',
      'InvalidParameter',
      `'${label}' must be a whole number, not '${value}'.`,
    );
  return Math.min(Number(value), max);
}

export function gatewayHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  return [
    // The clock is test-control surface: no API faults, so the lab can always tell the time.
    http.get('*/api/sim/clock', () => {
      const body: ClockDto = {
        now: new Date(sim.now()).toISOString(),
        offsetMs: sim.world().clockOffsetMs,
        scenario: sim.world().scenario,
      };
      return HttpResponse.json(body);
    }),

    http.get(
      '*/api/connections',
      handle(() =>
        HttpResponse.json(sim.read((w, now) => w.gateway.connections.map((c) => connectionDto(w, c, now)))),
      ),
    ),

    http.post(
      '*/api/connections',
      handle(async (request) => {
        const body: AddConnectionRequest = await parseBody(request, addConnectionSchema);
        const name = body.name.trim();
        const tags = (body.tags ?? []).filter((t) => t.trim() !== '');
        const type = body.type;
        const outcome = sim.run((draft, now) => {
          if (findConnection(draft, type, name)) {
            throw new SimError(
              'conflict',
              'ConnectionExists',
              `'${name}' is already in the connections list.`,
            );
          }
          if (type === 'cluster' && !own(draft.clusters, name)) addSimulatedCluster(draft, name, now);
          const connection: GatewayConnection = {
            name,
            type,
            managingAs: 'CONTOSO\\hciadmin',
            tags,
            addedAt: now,
          };
          draft.gateway.connections.push(connection);
          return connectionDto(draft, connection, now);
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value, { status: 201 });
      }),
    ),

    // Edit Tags and Manage as: only the fields given change; anything else in the body is ignored.
    http.patch(
      '*/api/connections/:type/:name',
      handle(async (request, params) => {
        const body = (await readJsonObject(request)) as Partial<UpdateConnectionRequest>;
        if (
          body.tags !== undefined &&
          (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string'))
        )
          return errorResponse(400, 'InvalidParameter', 'Tags must be a list of strings.', 'tags');
        if (
          body.managingAs !== undefined &&
          (typeof body.managingAs !== 'string' || body.managingAs.trim() === '')
        )
          return errorResponse(
            400,
            'InvalidParameter',
            'Enter the account to manage the connection as.',
            'managingAs',
          );
        if (body.password !== undefined && typeof body.password !== 'string')
          return errorResponse(400, 'InvalidParameter', 'The password must be a string.', 'password');
        if (body.allConnections !== undefined && typeof body.allConnections !== 'boolean')
          return errorResponse(
            400,
            'InvalidParameter',
            'allConnections must be true or false.',
            'allConnections',
          );
        if ((body.password !== undefined || body.allConnections === true) && body.managingAs === undefined)
          return errorResponse(
            400,
            'InvalidParameter',
            'Enter the account to manage the connection as.',
            'managingAs',
          );
        const tags = body.tags?.map((t) => t.trim()).filter((t) => t !== '');
        const managingAs = body.managingAs?.trim();
        const { password } = body;
        const outcome = sim.run((draft, now) => {
          const existing = findConnection(draft, params.type ?? '', params.name ?? '');
          if (!existing)
            throw new SimError(
              'not-found',
              'ConnectionNotFound',
              `'${params.name ?? ''}' is not in the connections list.`,
            );
          if (tags !== undefined) existing.tags = [...new Set(tags)];
          // Credentials for all connections: WAC's "Use these credentials for all connections".
          const credentialTargets = body.allConnections === true ? draft.gateway.connections : [existing];
          if (managingAs !== undefined)
            for (const c of credentialTargets) {
              c.managingAs = managingAs;
              if (password === undefined) delete c.password;
              else c.password = password;
            }
          return connectionDto(draft, existing, now);
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value);
      }),
    ),

    http.delete(
      '*/api/connections/:type/:name',
      handle((_request, params) => {
        const outcome = sim.run((draft) => {
          const existing = findConnection(draft, params.type ?? '', params.name ?? '');
          if (!existing)
            throw new SimError(
              'not-found',
              'ConnectionNotFound',
              `'${params.name ?? ''}' is not in the connections list.`,
            );
          draft.gateway.connections = draft.gateway.connections.filter((c) => c !== existing);
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      '*/api/clusters/:name',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => clusterDto(w, clusterOr404(w, params.name ?? ''), now))),
      ),
    ),

    http.get(
      '*/api/clusters/:name/nodes',
      handle((_r, params) =>
        HttpResponse.json(
          sim.read((w, now) => {
            const cluster = clusterOr404(w, params.name ?? '');
            const vms = clusterVms(w, cluster.name);
            return clusterNodes(w, cluster.name).map((n) => nodeDto(w, n, now, vms));
          }),
        ),
      ),
    ),

    http.get(
      '*/api/clusters/:name/vms',
      handle((request, params) => {
        const url = new URL(request.url);
        const skip = parseIntParam(url.searchParams.get('skip'), 0, Number.MAX_SAFE_INTEGER, 'skip');
        const top = parseIntParam(url.searchParams.get('top'), 200, 20_000, 'top');
        const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
        const sortParam = url.searchParams.get('sort') ?? 'name';
        const [sortKey, direction] = sortParam.split(':');
        if (!VM_SORTS.includes(sortKey as VmSort)) {
          throw new SimError(
            'bad-request',
            'InvalidParameter',
            `'sort' must be one of ${VM_SORTS.join(', ')} (optionally ':desc'), not '${sortParam}'.`,
          );
        }
        const body: VmListDto = sim.read((w, now) => {
          const cluster = clusterOr404(w, params.name ?? '');
          let items = clusterVms(w, cluster.name).map((vm) => vmDto(w, vm, now));
          if (q)
            items = items.filter((v) =>
              `${v.name} ${v.state} ${v.hostServer} ${v.os} ${v.ipAddress}`.toLowerCase().includes(q),
            );
          const key = sortKey as VmSort;
          const sign = direction === 'desc' ? -1 : 1;
          items.sort((a, b) => sign * compare(a[key], b[key]) || a.name.localeCompare(b.name));
          return { items: items.slice(skip, skip + top), total: items.length };
        });
        return HttpResponse.json(body);
      }),
    ),

    http.get(
      '*/api/servers/:name',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => nodeDto(w, nodeOr404(w, params.name ?? ''), now))),
      ),
    ),

    http.get(
      '*/api/nodes/:name/events',
      handle((request, params) => {
        const url = new URL(request.url);
        const channel = url.searchParams.get('channel');
        return HttpResponse.json(
          sim.read((w) => {
            const node = nodeOr404(w, params.name ?? '');
            if (node.power === 'Down') {
              throw new SimError(
                'unavailable',
                'ServerUnreachable',
                `Couldn't read the event log of '${node.name}': the server is not responding.`,
              );
            }
            return w.events
              .filter((e) => e.node === node.name && (channel === null || e.channel === channel))
              .slice(-1000)
              .reverse()
              .map(eventDto);
          }),
        );
      }),
    ),

    http.get(
      '*/api/gateway',
      handle(() => HttpResponse.json(sim.read(gatewayDto))),
    ),

    http.get(
      '*/api/jobs',
      handle(() =>
        HttpResponse.json(
          sim.read((w, now) =>
            Object.values(w.jobs)
              .sort((a, b) => b.startedAt - a.startedAt)
              .slice(0, 100)
              .map((j) => jobDto(j, now)),
          ),
        ),
      ),
    ),

    http.get(
      '*/api/jobs/:id',
      handle((_r, params) =>
        HttpResponse.json(
          sim.read((w, now) => {
            const job = own(w.jobs, params.id ?? '');
            if (!job)
              throw new SimError('not-found', 'JobNotFound', `The job '${params.id ?? ''}' was not found.`);
            return jobDto(job, now);
          }),
        ),
      ),
    ),

    http.get(
      '*/api/notifications',
      handle(() => HttpResponse.json(sim.read((w) => [...w.notifications].reverse().map(notificationDto)))),
    ),

    http.post(
      '*/api/notifications/read-all',
      handle(() => {
        sim.run((draft) => {
          for (const n of draft.notifications) n.read = true;
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.delete(
      '*/api/notifications',
      handle(() => {
        sim.run((draft) => {
          draft.notifications = [];
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.delete(
      '*/api/notifications/:id',
      handle((_r, params) => {
        const outcome = sim.run((draft) => {
          const before = draft.notifications.length;
          draft.notifications = draft.notifications.filter((n) => n.id !== params.id);
          if (draft.notifications.length === before)
            throw new SimError('not-found', 'NotificationNotFound', 'That notification was already cleared.');
        });
        if (!outcome.ok) return fromSimError(outcome.error);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    // Anything else under /api is a client bug: say so in the API's error shape rather than fall through.
    // Anchored at the path root: the dev server serves modules such as /src/features/x/api/y.ts, which a
    // '*/api/*' pattern would swallow.
    http.all(/^[a-z]+:\/\/[^/]+\/api\//i, ({ request }) =>
      errorResponse(
        404,
        'NotFound',
        `There is no ${request.method} ${new URL(request.url).pathname} in the gateway API.`,
      ),
    ),
  ];
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { numeric: true });
  return 0;
}

/** "+ Add" of a cluster the world does not have yet: a new, unregistered two-node cluster, installed now. */
function addSimulatedCluster(draft: World, name: string, now: number): void {
  const short = name.split('.')[0] ?? name;
  const cluster: OnPremCluster = {
    name,
    domain: name.includes('.') ? name.slice(short.length + 1) : 'contoso.local',
    fqdn: name.includes('.') ? name : `${name}.contoso.local`,
    installedAt: now,
    clusteredAt: now,
    osBuild: '20349.1607',
    osDisplayVersion: '22H2',
    nodeNames: [],
    imdsAttestation: 'Disabled',
    diagnosticLevel: 'Basic',
    logFiles: [],
  };
  setOwn(draft.clusters, name, cluster);
  for (let i = 1; i <= 2; i++) {
    const nodeName = `${short}-n${i}`;
    if (own(draft.nodes, nodeName)) continue;
    cluster.nodeNames.push(nodeName);
    draft.nodes[nodeName] = {
      ...makeNode(name, nodeName, i - 1, now, now),
      serialNumber: `SIM${String(nextSeq(draft)).padStart(6, '0')}`,
      coreCount: 16,
      memoryGiB: 256,
      lastBootAt: now,
    };
  }
}
