/**
 * The simulated ARM against the official OpenAPI files: the real handlers (msw/node) are driven with fetch
 * on several presets, and every response body is validated against the schema the spec gives for that
 * operation and status (errors against the operation's `default` ErrorResponse). Bad input must answer
 * with ARM's error and leave the world exactly as it was.
 *
 * The specs are read from ../shared/specs/azure-rest-api at test time, never copied here. Subscriptions
 * 2022-12-01 (subscriptions.json) is not among them, so the four operations served are transcribed below from
 * Azure/azure-rest-api-specs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { armHandlers } from '../../mocks/handlers/arm';
import { createSimRuntime } from '../../mocks/runtime';
import {
  ADMIN_UPN,
  AUDITOR_UPN,
  DEV_SUBSCRIPTION,
  HOUR,
  MINUTE,
  PROD_SUBSCRIPTION,
  disconnectAgent,
  runOnboardingScript,
  startArcDisable,
} from '../../mocks/sim';
import type { World } from '../../mocks/sim';
import { encodeSimToken } from '../../mocks/sim/arm';
import { loadSpecs } from './openapi';
import type { SpecSet } from './openapi';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC_ROOT = path.resolve(PROJECT_ROOT, '../shared/specs/azure-rest-api/specification');
const SPECS_FOUND =
  existsSync(path.join(SPEC_ROOT, 'azurestackhci')) && existsSync(path.join(SPEC_ROOT, 'common-types'));

/**
 * Subscriptions 2022-12-01, transcribed from Azure/azure-rest-api-specs
 * specification/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json
 * (descriptions dropped). The spec marks `nextLink` required in both list results; ARM omits it on the
 * last page and every SDK tolerates that, so the transcription leaves it optional.
 */
const SUBSCRIPTIONS_SPEC = {
  swagger: '2.0',
  paths: {
    '/subscriptions/{subscriptionId}': {
      get: {
        operationId: 'Subscriptions_Get',
        responses: {
          '200': { schema: { $ref: '#/definitions/Subscription' } },
          default: { schema: { $ref: '#/definitions/CloudError' } },
        },
      },
    },
    '/subscriptions/{subscriptionId}/locations': {
      get: {
        operationId: 'Subscriptions_ListLocations',
        responses: {
          '200': { schema: { $ref: '#/definitions/LocationListResult' } },
          default: { schema: { $ref: '#/definitions/CloudError' } },
        },
      },
    },
    '/subscriptions': {
      get: {
        operationId: 'Subscriptions_List',
        responses: {
          '200': { schema: { $ref: '#/definitions/SubscriptionListResult' } },
          default: { schema: { $ref: '#/definitions/CloudError' } },
        },
      },
    },
    '/tenants': {
      get: {
        operationId: 'Tenants_List',
        responses: {
          '200': { schema: { $ref: '#/definitions/TenantListResult' } },
          default: { schema: { $ref: '#/definitions/CloudError' } },
        },
      },
    },
  },
  definitions: {
    Location: {
      type: 'object',
      properties: {
        id: { readOnly: true, type: 'string' },
        subscriptionId: { readOnly: true, type: 'string' },
        name: { readOnly: true, type: 'string' },
        type: {
          readOnly: true,
          type: 'string',
          enum: ['Region', 'EdgeZone'],
          'x-ms-enum': { name: 'LocationType', modelAsString: false },
        },
        displayName: { readOnly: true, type: 'string' },
        regionalDisplayName: { readOnly: true, type: 'string' },
        metadata: { $ref: '#/definitions/LocationMetadata' },
        availabilityZoneMappings: { type: 'array', items: { type: 'object' } },
      },
    },
    LocationMetadata: {
      type: 'object',
      properties: {
        regionType: {
          readOnly: true,
          type: 'string',
          enum: ['Physical', 'Logical'],
          'x-ms-enum': { name: 'RegionType', modelAsString: true },
        },
        regionCategory: {
          readOnly: true,
          type: 'string',
          enum: ['Recommended', 'Extended', 'Other'],
          'x-ms-enum': { name: 'RegionCategory', modelAsString: true },
        },
        geography: { readOnly: true, type: 'string' },
        geographyGroup: { readOnly: true, type: 'string' },
        longitude: { readOnly: true, type: 'string' },
        latitude: { readOnly: true, type: 'string' },
        physicalLocation: { readOnly: true, type: 'string' },
        pairedRegion: { type: 'array', items: { type: 'object' } },
        homeLocation: { readOnly: true, type: 'string' },
      },
    },
    LocationListResult: {
      type: 'object',
      properties: { value: { type: 'array', items: { $ref: '#/definitions/Location' } } },
    },
    Subscription: {
      type: 'object',
      properties: {
        id: { readOnly: true, type: 'string' },
        subscriptionId: { readOnly: true, type: 'string' },
        displayName: { readOnly: true, type: 'string' },
        tenantId: { readOnly: true, type: 'string' },
        state: {
          readOnly: true,
          type: 'string',
          enum: ['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted'],
          'x-ms-enum': { name: 'SubscriptionState', modelAsString: false },
        },
        subscriptionPolicies: { $ref: '#/definitions/SubscriptionPolicies' },
        authorizationSource: { type: 'string' },
        managedByTenants: { type: 'array', items: { $ref: '#/definitions/ManagedByTenant' } },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    SubscriptionPolicies: {
      type: 'object',
      properties: {
        locationPlacementId: { readOnly: true, type: 'string' },
        quotaId: { readOnly: true, type: 'string' },
        spendingLimit: {
          readOnly: true,
          type: 'string',
          enum: ['On', 'Off', 'CurrentPeriodOff'],
          'x-ms-enum': { name: 'spendingLimit', modelAsString: false },
        },
      },
    },
    ManagedByTenant: { type: 'object', properties: { tenantId: { readOnly: true, type: 'string' } } },
    SubscriptionListResult: {
      type: 'object',
      properties: {
        value: { type: 'array', items: { $ref: '#/definitions/Subscription' } },
        nextLink: { type: 'string' },
      },
    },
    TenantIdDescription: {
      type: 'object',
      properties: {
        id: { readOnly: true, type: 'string' },
        tenantId: { readOnly: true, type: 'string' },
        tenantCategory: {
          readOnly: true,
          type: 'string',
          enum: ['Home', 'ProjectedBy', 'ManagedBy'],
          'x-ms-enum': { name: 'TenantCategory', modelAsString: false },
        },
        country: { readOnly: true, type: 'string' },
        countryCode: { readOnly: true, type: 'string' },
        displayName: { readOnly: true, type: 'string' },
        domains: { readOnly: true, type: 'array', items: { type: 'string' } },
        defaultDomain: { readOnly: true, type: 'string' },
        tenantType: { readOnly: true, type: 'string' },
        tenantBrandingLogoUrl: { readOnly: true, type: 'string' },
      },
    },
    TenantListResult: {
      type: 'object',
      properties: {
        value: { type: 'array', items: { $ref: '#/definitions/TenantIdDescription' } },
        nextLink: { type: 'string' },
      },
    },
    CloudError: {
      type: 'object',
      properties: {
        error: {
          $ref: '../../../../../common-types/resource-management/v1/types.json#/definitions/ErrorResponse',
        },
      },
    },
  },
};
const SUBSCRIPTIONS_SPEC_PATH =
  'resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json';
const OPERATION_STATUS = 'common-types/resource-management/v5/types.json#/definitions/OperationStatusResult';

const ARM = 'https://management.azure.com';
const V = { subs: '2022-12-01', rg: '2022-09-01', hci: '2024-04-01', hc: '2022-12-27' } as const;
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const PRESETS = [
  'fresh',
  'gateway-registered',
  'registered',
  'benefits-on',
  'out-of-policy',
  'new-node',
] as const;

const sub = (s: string) => `/subscriptions/${s}`;
const rgPath = (s: string, rg: string) => `${sub(s)}/resourcegroups/${encodeURIComponent(rg)}`;
const clusterPath = (s: string, rg: string, c: string) =>
  `${sub(s)}/resourceGroups/${encodeURIComponent(rg)}/providers/Microsoft.AzureStackHCI/clusters/${encodeURIComponent(c)}`;
const arcPath = (s: string, rg: string, c: string) => `${clusterPath(s, rg, c)}/arcSettings/default`;
const machinePath = (s: string, rg: string, m: string) =>
  `${sub(s)}/resourceGroups/${encodeURIComponent(rg)}/providers/Microsoft.HybridCompute/machines/${encodeURIComponent(m)}`;
const q = (p: string, version: string) => `${p}?api-version=${version}`;

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

interface ArmList<T> {
  value: T[];
}
interface Named {
  id: string;
  name: string;
}
interface ArmErrorBody {
  error: { code: string; message: string };
}
interface ClusterBody extends Named {
  properties: {
    status?: string;
    connectivityStatus?: string;
    reportedProperties: { imdsAttestation?: string; nodes?: { name: string }[] };
    desiredProperties: { windowsServerSubscription?: string; diagnosticLevel?: string };
  };
}
interface ArcSettingBody extends Named {
  properties: { aggregateState: string; perNodeDetails: { name: string; state: string }[] };
}
interface MachineBody extends Named {
  properties: { status?: string; parentClusterResourceId?: string };
}

const sim = createSimRuntime({ clock: () => T0 });
const server = setupServer(...armHandlers(sim));
let specs: SpecSet;

async function arm(
  method: string,
  pathAndQuery: string,
  init: { body?: unknown; raw?: string; as?: string; authorization?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.as !== undefined) headers.Authorization = `Bearer ${encodeSimToken(init.as)}`;
  if (init.authorization !== undefined) headers.Authorization = init.authorization;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(ARM + pathAndQuery, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

/** The body matches the spec's schema for this status (or `default`); a success status must be one the spec lists. */
function expectConforms(operationId: string, reply: Reply): void {
  const { declared, validate } = specs.validator(operationId, reply.status);
  if (reply.status < 400)
    expect(
      declared,
      `${operationId} does not declare status ${reply.status}: ${reply.text.slice(0, 300)}`,
    ).toBe(true);
  if (!validate) {
    expect(reply.text, `${operationId} ${reply.status} has no body in the spec`).toBe('');
    return;
  }
  const ok = validate(reply.body);
  const errors = ok
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
  expect(errors, `${operationId} ${reply.status} ${reply.text.slice(0, 400)}`).toEqual([]);
}

async function call<T = unknown>(
  operationId: string,
  method: string,
  pathAndQuery: string,
  init: Parameters<typeof arm>[2] = {},
): Promise<Reply & { json: T }> {
  const reply = await arm(method, pathAndQuery, init);
  expectConforms(operationId, reply);
  return { ...reply, json: reply.body as T };
}

function expectArmError(reply: Reply, status: number, code: string): void {
  expect(reply.status, `body: ${reply.text}`).toBe(status);
  if (reply.text !== '') expect((reply.body as ArmErrorBody).error.code, `body: ${reply.text}`).toBe(code);
}

/** Runs `fn` and checks the world is byte-for-byte what it was. */
async function expectUnchanged(fn: () => Promise<void>): Promise<void> {
  const before = sim.snapshot();
  await fn();
  expect(sim.snapshot() === before, 'the world changed').toBe(true);
}

const world = (): World => sim.world();

// Without the official OpenAPI files there is nothing to check against: fail loudly rather than pass by
// skipping, so a CI checkout without ../shared cannot report a green contract.
it('finds the official OpenAPI files the contract is checked against', () => {
  expect(
    SPECS_FOUND,
    `The OpenAPI files were not found at ${SPEC_ROOT}: check out ../shared/specs/azure-rest-api next to this repository.`,
  ).toBe(true);
});

describe.runIf(SPECS_FOUND)('ARM contract', () => {
  beforeAll(() => {
    specs = loadSpecs(SPEC_ROOT, { [SUBSCRIPTIONS_SPEC_PATH]: SUBSCRIPTIONS_SPEC });
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());

  it('the contract has teeth: what the spec does not allow fails validation', () => {
    const cluster = specs.validator('Clusters_Get', 200).validate;
    expect(cluster).not.toBeNull();
    const valid = {
      id: '/subscriptions/x',
      name: 'c',
      type: 'Microsoft.AzureStackHCI/clusters',
      location: 'eastus',
      properties: { reportedProperties: {} },
    };
    expect(cluster?.(valid)).toBe(true);
    expect(cluster?.({ ...valid, invented: true }), 'a property the spec does not define').toBe(false);
    expect(
      cluster?.({ ...valid, properties: { reportedProperties: { nodes: [{ name: 'n', cores: 4 }] } } }),
      'a nested one',
    ).toBe(false);
    expect(cluster?.({ ...valid, properties: { trialDaysRemaining: '30' } }), 'a wrong type').toBe(false);
    expect(
      cluster?.({ ...valid, properties: { lastSyncTimestamp: 'yesterday' } }),
      'a malformed date-time',
    ).toBe(false);
    const { location: _location, ...noLocation } = valid;
    expect(cluster?.(noLocation), 'a missing required property').toBe(false);
    expect(
      specs.validator('Clusters_Get', 404).validate?.({ error: { code: 'X', message: 'y', extra: 1 } }),
      'an error with extras',
    ).toBe(false);
    expect(specs.validator('Subscriptions_Get', 200).validate?.({ state: 'Paused' }), 'a closed enum').toBe(
      false,
    );
  });

  describe.each(PRESETS)('reads on %s', (preset) => {
    beforeEach(() => sim.reset(preset));

    it('every GET the handlers implement answers with a body the spec allows', async () => {
      const subs = await call<ArmList<{ subscriptionId: string }>>(
        'Subscriptions_List',
        'GET',
        q('/subscriptions', V.subs),
      );
      expect(subs.status).toBe(200);
      expect(subs.json.value.length).toBeGreaterThan(0);
      expect((await call('Tenants_List', 'GET', q('/tenants', V.subs))).status).toBe(200);

      for (const { subscriptionId: s } of subs.json.value) {
        expect((await call('Subscriptions_Get', 'GET', q(sub(s), V.subs))).status).toBe(200);
        expect(
          (await call('Subscriptions_ListLocations', 'GET', q(`${sub(s)}/locations`, V.subs))).status,
        ).toBe(200);
        const groups = await call<ArmList<Named>>(
          'ResourceGroups_List',
          'GET',
          q(`${sub(s)}/resourcegroups`, V.rg),
        );
        expect((await call('Resources_List', 'GET', `${q(`${sub(s)}/resources`, V.rg)}&$top=2`)).status).toBe(
          200,
        );
        for (const g of groups.json.value) {
          expect((await call('ResourceGroups_Get', 'GET', q(rgPath(s, g.name), V.rg))).status).toBe(200);
          expect(
            (await call('Resources_ListByResourceGroup', 'GET', q(`${rgPath(s, g.name)}/resources`, V.rg)))
              .status,
          ).toBe(200);
          expect(
            (await call('ResourceGroups_CheckExistence', 'HEAD', q(rgPath(s, g.name), V.rg))).status,
          ).toBe(204);
          expect(
            (
              await call(
                'Clusters_ListByResourceGroup',
                'GET',
                q(`${sub(s)}/resourceGroups/${g.name}/providers/Microsoft.AzureStackHCI/clusters`, V.hci),
              )
            ).status,
          ).toBe(200);
          expect(
            (
              await call(
                'Machines_ListByResourceGroup',
                'GET',
                q(`${sub(s)}/resourceGroups/${g.name}/providers/Microsoft.HybridCompute/machines`, V.hc),
              )
            ).status,
          ).toBe(200);
        }
        expect(
          (await call('ResourceGroups_CheckExistence', 'HEAD', q(rgPath(s, 'no-such-rg'), V.rg))).status,
        ).toBe(404);
        expect((await call('Providers_List', 'GET', q(`${sub(s)}/providers`, V.rg))).status).toBe(200);

        const clusters = await call<ArmList<ClusterBody>>(
          'Clusters_ListBySubscription',
          'GET',
          q(`${sub(s)}/providers/Microsoft.AzureStackHCI/clusters`, V.hci),
        );
        for (const c of clusters.json.value) {
          expect((await call('Clusters_Get', 'GET', q(c.id, V.hci))).status).toBe(200);
          const settings = await call<ArmList<ArcSettingBody>>(
            'ArcSettings_ListByCluster',
            'GET',
            q(`${c.id}/arcSettings`, V.hci),
          );
          for (const a of settings.json.value) {
            expect((await call('ArcSettings_Get', 'GET', q(a.id, V.hci))).status).toBe(200);
            const extensions = await call<ArmList<Named>>(
              'Extensions_ListByArcSetting',
              'GET',
              q(`${a.id}/extensions`, V.hci),
            );
            expect(extensions.json.value).toEqual([]);
            expectArmError(
              await call('Extensions_Get', 'GET', q(`${a.id}/extensions/MicrosoftMonitoringAgent`, V.hci)),
              404,
              'ResourceNotFound',
            );
          }
        }
        const machines = await call<ArmList<MachineBody>>(
          'Machines_ListBySubscription',
          'GET',
          q(`${sub(s)}/providers/Microsoft.HybridCompute/machines`, V.hc),
        );
        for (const m of machines.json.value)
          expect((await call('Machines_Get', 'GET', q(m.id, V.hc))).status).toBe(200);
      }
      expectArmError(
        await call(
          'Clusters_Get',
          'GET',
          q(clusterPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'nope'), V.hci),
        ),
        404,
        preset === 'fresh' || preset === 'gateway-registered' ? 'ResourceGroupNotFound' : 'ResourceNotFound',
      );
    });
  });

  describe('what the presets look like from Azure', () => {
    const cluster01 = clusterPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01');

    it('fresh: no cluster and no machine anywhere', async () => {
      sim.reset('fresh');
      const clusters = await call<ArmList<ClusterBody>>(
        'Clusters_ListBySubscription',
        'GET',
        q(`${sub(PROD_SUBSCRIPTION)}/providers/Microsoft.AzureStackHCI/clusters`, V.hci),
      );
      expect(clusters.json.value).toEqual([]);
      const machines = await call<ArmList<MachineBody>>(
        'Machines_ListBySubscription',
        'GET',
        q(`${sub(PROD_SUBSCRIPTION)}/providers/Microsoft.HybridCompute/machines`, V.hc),
      );
      expect(machines.json.value).toEqual([]);
    });

    it('registered: the cluster is connected and every node Arc-connected', async () => {
      sim.reset('registered');
      const c = await call<ClusterBody>('Clusters_Get', 'GET', q(cluster01, V.hci));
      expect(c.json.properties).toMatchObject({
        status: 'ConnectedRecently',
        connectivityStatus: 'Connected',
        reportedProperties: { imdsAttestation: 'Disabled' },
      });
      const a = await call<ArcSettingBody>(
        'ArcSettings_Get',
        'GET',
        q(arcPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci),
      );
      expect(a.json.properties.aggregateState).toBe('Connected');
      expect(a.json.properties.perNodeDetails.map((n) => n.state)).toEqual([
        'Connected',
        'Connected',
        'Connected',
        'Connected',
      ]);
      const m = await call<MachineBody>(
        'Machines_Get',
        'GET',
        q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node1'), V.hc),
      );
      expect(m.json.properties).toMatchObject({ status: 'Connected', parentClusterResourceId: cluster01 });
    });

    it('benefits-on: Azure sees imdsAttestation Enabled', async () => {
      sim.reset('benefits-on');
      const c = await call<ClusterBody>('Clusters_Get', 'GET', q(cluster01, V.hci));
      expect(c.json.properties.reportedProperties.imdsAttestation).toBe('Enabled');
    });

    it('out-of-policy: no sync for 31 days and no heartbeats: Disconnected everywhere', async () => {
      sim.reset('out-of-policy');
      const c = await call<ClusterBody>('Clusters_Get', 'GET', q(cluster01, V.hci));
      expect(c.json.properties).toMatchObject({
        status: 'Disconnected',
        connectivityStatus: 'Disconnected',
      });
      const a = await call<ArcSettingBody>(
        'ArcSettings_Get',
        'GET',
        q(arcPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci),
      );
      expect(a.json.properties.aggregateState).toBe('Disconnected');
    });

    it('new-node: the fifth server is Arc-connected, and not yet in the census', async () => {
      sim.reset('new-node');
      const m = await call<MachineBody>(
        'Machines_Get',
        'GET',
        q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node5'), V.hc),
      );
      expect(m.json.properties.status).toBe('Connected');
      const a = await call<ArcSettingBody>(
        'ArcSettings_Get',
        'GET',
        q(arcPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci),
      );
      expect(a.json.properties.perNodeDetails.map((n) => n.name)).toContain('hci-node5');
      const c = await call<ClusterBody>('Clusters_Get', 'GET', q(cluster01, V.hci));
      expect(c.json.properties.reportedProperties.nodes?.map((n) => n.name)).not.toContain('hci-node5');
    });

    it('a node that goes down is Disconnected after 30 minutes, and Expired after 45 days', async () => {
      sim.reset('registered');
      sim.inject('node-down', 'hci-node2');
      sim.advance('30m');
      const node2 = q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node2'), V.hc);
      expect((await call<MachineBody>('Machines_Get', 'GET', node2)).json.properties.status).toBe(
        'Disconnected',
      );
      const a = await call<ArcSettingBody>(
        'ArcSettings_Get',
        'GET',
        q(arcPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci),
      );
      expect(a.json.properties.aggregateState).toBe('PartiallyConnected');
      sim.advance('45d');
      expect((await call<MachineBody>('Machines_Get', 'GET', node2)).json.properties.status).toBe('Expired');
    });

    it('Arc states from the Arc tool and the onboarding script conform: a machine before its first heartbeat, a local-only disconnect, a disabled node and a cluster with none left', async () => {
      const run = <T>(op: Parameters<typeof sim.run<T>>[0]): T => {
        const outcome = sim.run(op);
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      };
      sim.reset('registered');
      run((d, now) =>
        runOnboardingScript(
          d,
          {
            serverName: 'web01',
            subscriptionId: PROD_SUBSCRIPTION,
            resourceGroup: 'hci-cluster01-rg',
            region: 'westeurope',
            osType: 'linux',
            tags: { City: `it's "$(x)"\n` },
          },
          now,
        ),
      );
      const web01 = q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'web01'), V.hc);
      expect((await call<MachineBody>('Machines_Get', 'GET', web01)).json.properties.status).toBeUndefined();
      sim.advance('5m');
      expect((await call<MachineBody>('Machines_Get', 'GET', web01)).json.properties.status).toBe(
        'Connected',
      );

      run((d, now) => disconnectAgent(d, 'hci-node2', true, now));
      sim.advance('30m');
      const node2 = q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node2'), V.hc);
      expect((await call<MachineBody>('Machines_Get', 'GET', node2)).json.properties.status).toBe(
        'Disconnected',
      );

      const arc = q(arcPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci);
      for (const node of ['hci-node1', 'hci-node3']) {
        const job = run((d, now) => startArcDisable(d, 'hci-cluster01', node, now));
        sim.advance(job.endsAt - job.startedAt + 1000);
      }
      const after = await call<ArcSettingBody>('ArcSettings_Get', 'GET', arc);
      expect(after.json.properties.perNodeDetails.map((n) => n.name)).toEqual(['hci-node2', 'hci-node4']);
      await call(
        'Machines_ListBySubscription',
        'GET',
        q(`/subscriptions/${PROD_SUBSCRIPTION}/providers/Microsoft.HybridCompute/machines`, V.hc),
      );

      for (const node of ['hci-node2', 'hci-node4']) {
        const job = run((d, now) => startArcDisable(d, 'hci-cluster01', node, now));
        sim.advance(job.endsAt - job.startedAt + 1000);
      }
      expectArmError(await call('ArcSettings_Get', 'GET', arc), 404, 'ResourceNotFound');
    });
  });

  describe('writes', () => {
    it('a resource group, a cluster and its Arc setting, a machine: created, changed and deleted as ARM does', async () => {
      sim.reset('fresh');
      const s = PROD_SUBSCRIPTION;
      const rg = 'hci-lab-rg';
      const cluster = clusterPath(s, rg, 'lab-cluster');

      const register = await call<{ registrationState: string }>(
        'Providers_Register',
        'POST',
        q(`${sub(s)}/providers/Microsoft.AzureStackHCI/register`, V.rg),
      );
      expect(register.json.registrationState).toBe('Registered');
      expect(
        (await call('Providers_Get', 'GET', q(`${sub(s)}/providers/Microsoft.AzureStackHCI`, V.rg))).status,
      ).toBe(200);

      const created = await call<{ location: string }>(
        'ResourceGroups_CreateOrUpdate',
        'PUT',
        q(rgPath(s, rg), V.rg),
        { body: { location: 'East US', tags: { env: 'lab' } } },
      );
      expect(created.status).toBe(201);
      expect(created.json.location).toBe('eastus');
      expect(
        (
          await call('ResourceGroups_CreateOrUpdate', 'PUT', q(rgPath(s, rg), V.rg), {
            body: { location: 'eastus' },
          })
        ).status,
      ).toBe(200);
      const patched = await call<{ tags: Record<string, string> }>(
        'ResourceGroups_Update',
        'PATCH',
        q(rgPath(s, rg), V.rg),
        { body: { tags: { env: 'demo' } } },
      );
      expect(patched.json.tags).toEqual({ env: 'demo' });

      const put = await call<ClusterBody>('Clusters_Create', 'PUT', q(cluster, V.hci), {
        body: {
          location: 'East US',
          properties: {
            aadClientId: '24a6e53d-04e5-44d2-b7cc-1b732a847dfc',
            aadTenantId: '7e589cc1-a8b6-4dff-91bd-5ec0fa18db94',
          },
          identity: { type: 'SystemAssigned' },
        },
      });
      expect(put.status).toBe(200);
      expect(put.json.properties).toMatchObject({
        status: 'NotYetRegistered',
        connectivityStatus: 'NotYetRegistered',
        reportedProperties: {},
      });
      const update = await call<ClusterBody>('Clusters_Update', 'PATCH', q(cluster, V.hci), {
        body: {
          tags: { tag1: 'value1' },
          properties: {
            desiredProperties: { windowsServerSubscription: 'Enabled', diagnosticLevel: 'Enhanced' },
          },
        },
      });
      expect(update.json.properties.desiredProperties).toEqual({
        windowsServerSubscription: 'Enabled',
        diagnosticLevel: 'Enhanced',
      });

      const arc = await call<ArcSettingBody>(
        'ArcSettings_Create',
        'PUT',
        q(`${cluster}/arcSettings/default`, V.hci),
        { body: {} },
      );
      expect(arc.json.properties.aggregateState).toBe('Creating');
      expect(
        (
          await call('ArcSettings_Update', 'PATCH', q(`${cluster}/arcSettings/default`, V.hci), {
            body: { properties: { connectivityProperties: { enabled: true } } },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call(
            'Extensions_ListByArcSetting',
            'GET',
            q(`${cluster}/arcSettings/default/extensions`, V.hci),
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await call(
            'Extensions_Delete',
            'DELETE',
            q(`${cluster}/arcSettings/default/extensions/MicrosoftMonitoringAgent`, V.hci),
          )
        ).status,
      ).toBe(204);

      for (const [operationId, target] of [
        ['ArcSettings_Delete', `${cluster}/arcSettings/default`],
        ['Clusters_Delete', cluster],
      ] as const) {
        const deleted = await call(operationId, 'DELETE', q(target, V.hci));
        expect(deleted.status).toBe(202);
        const statusUri = deleted.headers.get('Azure-AsyncOperation') ?? '';
        const resultUri = deleted.headers.get('Location') ?? '';
        expect(statusUri).toMatch(
          /^https:\/\/management\.azure\.com\/subscriptions\/[^/]+\/providers\/Microsoft\.AzureStackHCI\/locations\/eastus\/operationStatuses\/[\w-]+\?api-version=2024-04-01$/,
        );
        expect(deleted.headers.get('Retry-After')).toBe('10');
        const validateStatus = specs.definition(OPERATION_STATUS);
        const running = await arm('GET', statusUri.slice(ARM.length));
        expect(running.status).toBe(200);
        expect(validateStatus(running.body), `errors: ${JSON.stringify(validateStatus.errors)}`).toBe(true);
        expect(running.body).toMatchObject({ status: 'InProgress', resourceId: target });
        expect((await arm('GET', resultUri.slice(ARM.length))).status).toBe(202);
        sim.advance('10s');
        const status = await arm('GET', statusUri.slice(ARM.length));
        expect(status.status).toBe(200);
        expect(validateStatus(status.body), `errors: ${JSON.stringify(validateStatus.errors)}`).toBe(true);
        expect(status.body).toMatchObject({
          status: 'Succeeded',
          percentComplete: 100,
          resourceId: target,
        });
        expect((await arm('GET', resultUri.slice(ARM.length))).status).toBe(204);
        expect((await call(operationId, 'DELETE', q(target, V.hci))).status).toBe(204);
      }
      expectArmError(await call('Clusters_Get', 'GET', q(cluster, V.hci)), 404, 'ResourceNotFound');

      const machine = machinePath(s, rg, 'lab-server01');
      expectArmError(
        await call('Machines_CreateOrUpdate', 'PUT', q(machine, V.hc), { body: { location: 'eastus' } }),
        409,
        'MissingSubscriptionRegistration',
      );
      await call(
        'Providers_Register',
        'POST',
        q(`${sub(s)}/providers/Microsoft.HybridCompute/register`, V.rg),
      );
      const m = await call<MachineBody>('Machines_CreateOrUpdate', 'PUT', q(machine, V.hc), {
        body: { location: 'eastus', tags: { role: 'lab' } },
      });
      expect(m.status).toBe(200);
      expect(m.json.properties.status, 'no agent has connected yet').toBeUndefined();
      expect(
        (await call('Machines_Update', 'PATCH', q(machine, V.hc), { body: { tags: { role: 'web' } } }))
          .status,
      ).toBe(200);

      const rgDelete = await call('ResourceGroups_Delete', 'DELETE', q(rgPath(s, rg), V.rg));
      expect(rgDelete.status).toBe(202);
      const location = rgDelete.headers.get('Location') ?? '';
      expect(location).toMatch(
        /^https:\/\/management\.azure\.com\/subscriptions\/[^/]+\/operationresults\/[\w-]+\?api-version=2022-09-01$/,
      );
      expect(rgDelete.headers.get('Retry-After')).toBe('30');
      expect((await arm('GET', location.slice(ARM.length))).status).toBe(202);
      sim.advance('30s');
      expect((await arm('GET', location.slice(ARM.length))).status).toBe(200);
      expectArmError(
        await call('ResourceGroups_Get', 'GET', q(rgPath(s, rg), V.rg)),
        404,
        'ResourceGroupNotFound',
      );
      expect(Object.keys(world().cloud.machines)).toEqual([]);
    });

    it('deleting a registered cluster in Azure leaves the cluster believing it is registered', async () => {
      sim.reset('registered');
      const cluster01 = clusterPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01');
      expect((await call('Clusters_Delete', 'DELETE', q(cluster01, V.hci))).status).toBe(202);
      sim.advance('10s');
      expect(world().clusters['hci-cluster01']?.registration).toBeDefined();
      expect(world().faults.map((f) => [f.fault, f.target])).toContainEqual([
        'resource-deleted-in-portal',
        'hci-cluster01',
      ]);
      expectArmError(await call('Clusters_Get', 'GET', q(cluster01, V.hci)), 404, 'ResourceNotFound');
      // the Arc machines stay, as they do in Azure
      expect(
        (
          await call(
            'Machines_Get',
            'GET',
            q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node1'), V.hc),
          )
        ).status,
      ).toBe(200);

      await call('Clusters_Create', 'PUT', q(cluster01, V.hci), { body: { location: 'eastus' } });
      expect(world().faults).toEqual([]);
    });

    it('machines of a registered cluster: tags change, a delete is 200 then 204', async () => {
      sim.reset('registered');
      const node4 = q(machinePath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-node4'), V.hc);
      const patched = await call<{ tags: Record<string, string> }>('Machines_Update', 'PATCH', node4, {
        body: { tags: { rack: 'B2' } },
      });
      expect(patched.json.tags).toEqual({ rack: 'B2' });
      expect((await call('Machines_Delete', 'DELETE', node4)).status).toBe(200);
      expect((await call('Machines_Delete', 'DELETE', node4)).status).toBe(204);
      expectArmError(await call('Machines_Get', 'GET', node4), 404, 'ResourceNotFound');
    });

    it('the subscription list holds only subscriptions the caller has a role on', async () => {
      sim.reset('registered');
      const list = async (upn: string) =>
        (
          await call<ArmList<{ subscriptionId: string }>>(
            'Subscriptions_List',
            'GET',
            q('/subscriptions', V.subs),
            { as: upn },
          )
        ).json.value
          .map((x) => x.subscriptionId)
          .sort();
      expect(await list(AUDITOR_UPN)).toEqual([PROD_SUBSCRIPTION, DEV_SUBSCRIPTION].sort());
      expect(await list(ADMIN_UPN)).toHaveLength(3);
    });
  });

  describe('bad input: ARM’s error, and nothing changes', () => {
    const S = PROD_SUBSCRIPTION;
    const RG = 'hci-cluster01-rg';
    const CL = clusterPath(S, RG, 'hci-cluster01');
    // prettier-ignore
    const cases: { name: string; operationId: string; method: string; path: string; body?: unknown; raw?: string; as?: string; authorization?: string; fault?: [string, string?]; status: number; code: string; }[] = [
      { name: 'missing api-version', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: rgPath(S, 'new-rg'), body: { location: 'eastus' }, status: 400, code: 'MissingApiVersionParameter' },
      { name: 'unsupported api-version', operationId: 'Clusters_Get', method: 'GET', path: q(CL, '2020-10-01'), status: 400, code: 'InvalidApiVersionParameter' },
      { name: 'the RG api-version on a cluster', operationId: 'Clusters_Create', method: 'PUT', path: q(CL, V.rg), body: { location: 'eastus' }, status: 400, code: 'InvalidApiVersionParameter' },
      { name: 'a resource group name with a space and a final period', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'bad name.'), V.rg), body: { location: 'eastus' }, status: 400, code: 'InvalidParameter' },
      { name: 'a 91-character resource group name', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'r'.repeat(91)), V.rg), body: { location: 'eastus' }, status: 400, code: 'InvalidParameter' },
      { name: 'a subscription id that is not a GUID', operationId: 'ResourceGroups_List', method: 'GET', path: q('/subscriptions/not-a-guid/resourcegroups', V.rg), status: 400, code: 'InvalidSubscriptionId' },
      { name: 'an unknown subscription', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath('00000000-0000-0000-0000-000000000000', 'x'), V.rg), body: { location: 'eastus' }, status: 404, code: 'SubscriptionNotFound' },
      { name: 'a cluster in a resource group that does not exist', operationId: 'Clusters_Create', method: 'PUT', path: q(clusterPath(S, 'no-such-rg', 'c1'), V.hci), body: { location: 'eastus' }, status: 404, code: 'ResourceGroupNotFound' },
      { name: 'PATCH of a missing resource group', operationId: 'ResourceGroups_Update', method: 'PATCH', path: q(rgPath(S, 'no-such-rg'), V.rg), body: { tags: {} }, status: 404, code: 'ResourceGroupNotFound' },
      { name: 'malformed JSON', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'new-rg'), V.rg), raw: '{"location": "eastus"', status: 400, code: 'InvalidRequestContent' },
      { name: 'a body that is not an object', operationId: 'Clusters_Update', method: 'PATCH', path: q(CL, V.hci), raw: '[1,2]', status: 400, code: 'InvalidRequestContent' },
      { name: 'a tag value that is not a string', operationId: 'Clusters_Update', method: 'PATCH', path: q(CL, V.hci), body: { tags: { a: 1 } }, status: 400, code: 'InvalidRequestContent' },
      { name: 'no location', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'new-rg'), V.rg), body: {}, status: 400, code: 'LocationRequired' },
      { name: 'an unknown location', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'new-rg'), V.rg), body: { location: 'atlantis' }, status: 400, code: 'LocationNotAvailableForResourceGroup' },
      { name: 'a resource group in another cloud’s region', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'new-rg'), V.rg), body: { location: 'chinaeast2' }, status: 400, code: 'LocationNotAvailableForResourceGroup' },
      { name: 'a cluster in a region HCI does not serve', operationId: 'Clusters_Create', method: 'PUT', path: q(clusterPath(S, RG, 'c2'), V.hci), body: { location: 'westus' }, status: 400, code: 'LocationNotAvailableForResourceType' },
      { name: 'moving an existing resource group', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, RG), V.rg), body: { location: 'westeurope' }, status: 409, code: 'InvalidResourceGroupLocation' },
      { name: '51 tags', operationId: 'ResourceGroups_Update', method: 'PATCH', path: q(rgPath(S, RG), V.rg), body: { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) }, status: 400, code: 'InvalidTag' },
      { name: 'a 513-character tag name', operationId: 'ResourceGroups_Update', method: 'PATCH', path: q(rgPath(S, RG), V.rg), body: { tags: { ['k'.repeat(513)]: 'v' } }, status: 400, code: 'InvalidTag' },
      { name: 'a 257-character tag value', operationId: 'ResourceGroups_Update', method: 'PATCH', path: q(rgPath(S, RG), V.rg), body: { tags: { k: 'v'.repeat(257) } }, status: 400, code: 'InvalidTag' },
      { name: 'a tenant id that is not a GUID', operationId: 'Clusters_Update', method: 'PATCH', path: q(CL, V.hci), body: { properties: { aadTenantId: 'contoso' } }, status: 400, code: 'InvalidParameter' },
      { name: 'an unknown diagnostic level', operationId: 'Clusters_Update', method: 'PATCH', path: q(CL, V.hci), body: { properties: { desiredProperties: { diagnosticLevel: 'Verbose' } } }, status: 400, code: 'InvalidParameter' },
      { name: 'a machine name with a space', operationId: 'Machines_CreateOrUpdate', method: 'PUT', path: q(machinePath(S, RG, 'bad name'), V.hc), body: { location: 'eastus' }, status: 400, code: 'InvalidResourceName' },
      { name: 'a Reader creating a resource group', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'rg-reader'), V.rg), body: { location: 'eastus' }, as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader deleting a resource group', operationId: 'ResourceGroups_Delete', method: 'DELETE', path: q(rgPath(S, RG), V.rg), as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader changing a cluster', operationId: 'Clusters_Update', method: 'PATCH', path: q(CL, V.hci), body: { tags: { x: 'y' } }, as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader deleting a cluster', operationId: 'Clusters_Delete', method: 'DELETE', path: q(CL, V.hci), as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader deleting the Arc setting', operationId: 'ArcSettings_Delete', method: 'DELETE', path: q(`${CL}/arcSettings/default`, V.hci), as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader deleting a machine', operationId: 'Machines_Delete', method: 'DELETE', path: q(machinePath(S, RG, 'hci-node1'), V.hc), as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'a Reader registering a provider', operationId: 'Providers_Register', method: 'POST', path: q(`${sub(S)}/providers/Microsoft.HybridCompute/register`, V.rg), as: AUDITOR_UPN, status: 403, code: 'AuthorizationFailed' },
      { name: 'reading a subscription the caller has no role on', operationId: 'ResourceGroups_List', method: 'GET', path: q(`${sub(DEV_SUBSCRIPTION)}/resourcegroups`, V.rg), as: 'operator@contoso.onmicrosoft.com', status: 403, code: 'AuthorizationFailed' },
      { name: 'the signed-in account under reader-only', operationId: 'ResourceGroups_CreateOrUpdate', method: 'PUT', path: q(rgPath(S, 'rg-e2e'), V.rg), body: { location: 'eastus' }, fault: ['reader-only'], status: 403, code: 'AuthorizationFailed' },
      { name: 'a token that is not a simulated one', operationId: 'ResourceGroups_List', method: 'GET', path: q(`${sub(S)}/resourcegroups`, V.rg), authorization: 'Bearer eyJhbGciOi.x.y', status: 401, code: 'InvalidAuthenticationToken' },
      { name: 'a token for a user the tenant does not know', operationId: 'ResourceGroups_List', method: 'GET', path: q(`${sub(S)}/resourcegroups`, V.rg), as: 'mallory@example.com', status: 401, code: 'InvalidAuthenticationToken' },
      { name: 'an unknown Arc setting name', operationId: 'ArcSettings_Create', method: 'PUT', path: q(`${CL}/arcSettings/other`, V.hci), body: {}, status: 400, code: 'InvalidResourceName' },
      { name: 'an unknown provider namespace', operationId: 'Clusters_Get', method: 'GET', path: q(`${sub(S)}/resourceGroups/${RG}/providers/Microsoft.Nope/things/x`, V.hci), status: 400, code: 'InvalidResourceNamespace' },
      { name: 'an unknown resource type', operationId: 'Clusters_Get', method: 'GET', path: q(`${sub(S)}/resourceGroups/${RG}/providers/Microsoft.AzureStackHCI/galleryImages/x`, V.hci), status: 404, code: 'InvalidResourceType' },
      { name: 'a path that is not ARM', operationId: 'Clusters_Get', method: 'GET', path: q('/nothing/here', V.hci), status: 404, code: 'NotFound' },
      { name: 'a method the resource does not support', operationId: 'Clusters_Get', method: 'POST', path: q(CL, V.hci), status: 405, code: 'MethodNotAllowed' },
      { name: 'an operation id that was never issued', operationId: 'Clusters_Get', method: 'GET', path: q( `${sub(S)}/providers/Microsoft.AzureStackHCI/locations/eastus/operationStatuses/bm90LWFuLWlk`, V.hci, ), status: 404, code: 'OperationNotFound' },
      { name: 'a cluster in a subscription without the provider registered', operationId: 'Clusters_Create', method: 'PUT', path: q(clusterPath(DEV_SUBSCRIPTION, 'devtest-labs-rg', 'c3'), V.hci), body: { location: 'eastus' }, status: 409, code: 'MissingSubscriptionRegistration' },
      ];

    it.each(cases)('$name → $status $code', async (c) => {
      sim.reset('registered');
      if (c.fault) sim.inject(c.fault[0], c.fault[1]);
      await expectUnchanged(async () => {
        const reply = await call(c.operationId, c.method, c.path, {
          ...(c.body === undefined ? {} : { body: c.body }),
          ...(c.raw === undefined ? {} : { raw: c.raw }),
          ...(c.as === undefined ? {} : { as: c.as }),
          ...(c.authorization === undefined ? {} : { authorization: c.authorization }),
        });
        expectArmError(reply, c.status, c.code);
        expect((reply.body as ArmErrorBody).error.message).toMatch(/\w/);
        expect(reply.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      });
    });

    it('a Reader is told who they are, what they tried, and where', async () => {
      sim.reset('registered');
      const reply = await arm('PATCH', q(CL, V.hci), { body: { tags: {} }, as: AUDITOR_UPN });
      const objectId = world().cloud.users[AUDITOR_UPN]?.objectId ?? '';
      expect((reply.body as ArmErrorBody).error.message).toBe(
        `The client '${AUDITOR_UPN}' with object id '${objectId}' does not have authorization to perform action 'Microsoft.AzureStackHCI/clusters/write' over scope '/subscriptions/${S}/resourceGroups/${RG}/providers/Microsoft.AzureStackHCI/clusters/hci-cluster01' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    });

    it('the messages are ARM’s', async () => {
      sim.reset('registered');
      const missing = await arm('GET', `${sub(S)}/resourcegroups`);
      expect((missing.body as ArmErrorBody).error.message).toBe(
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
      const invalid = await arm('GET', q(`${sub(S)}/resourcegroups`, '2019-01-01'));
      expect((invalid.body as ArmErrorBody).error.message).toBe(
        "The api-version '2019-01-01' is invalid. The supported versions are '2022-09-01,2025-04-01'.",
      );
      const noRg = await arm('GET', q(rgPath(S, 'ghost'), V.rg));
      expect((noRg.body as ArmErrorBody).error.message).toBe("Resource group 'ghost' could not be found.");
      const noCluster = await arm('GET', q(clusterPath(S, RG, 'foo'), V.hci));
      expect((noCluster.body as ArmErrorBody).error.message).toBe(
        "The Resource 'Microsoft.AzureStackHCI/clusters/foo' under resource group 'hci-cluster01-rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
      );
    });

    it('paths match case-insensitively, as ARM does', async () => {
      sim.reset('registered');
      expect(
        (await call('ResourceGroups_Get', 'GET', q(`${sub(S)}/resourceGroups/${RG}`, V.rg))).status,
      ).toBe(200);
      expect(
        (await call('ResourceGroups_Get', 'GET', q(`${sub(S)}/RESOURCEGROUPS/HCI-CLUSTER01-RG`, V.rg)))
          .status,
      ).toBe(200);
      expect((await call('Clusters_Get', 'GET', q(CL.toLowerCase(), V.hci))).status).toBe(200);
    });
  });

  describe('API faults', () => {
    const CL = q(clusterPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci);

    it('api-errors answers 500 InternalServerError with ARM’s diagnostic message', async () => {
      sim.reset('registered');
      sim.inject('api-errors', 'arm');
      const reply = await call('Clusters_Get', 'GET', CL);
      expectArmError(reply, 500, 'InternalServerError');
      expect((reply.body as ArmErrorBody).error.message).toMatch(
        new RegExp(
          `^Encountered internal server error\\. Diagnostic information: timestamp '\\d{8}T\\d{6}Z', subscription id '${PROD_SUBSCRIPTION}', tracking id '[0-9a-f-]{36}', request correlation id '[0-9a-f-]{36}'\\.$`,
        ),
      );
    });

    it('api-throttling answers 429 TooManyRequests with Retry-After', async () => {
      sim.reset('registered');
      sim.inject('api-throttling');
      const reply = await call('Clusters_Get', 'GET', CL);
      expectArmError(reply, 429, 'TooManyRequests');
      expect(reply.headers.get('Retry-After')).toBe('10');
      expect((reply.body as ArmErrorBody).error.message).toMatch(
        /^The request is being throttled as the limit has been reached for operation type - /,
      );
    });

    it('faults aimed at the gateway API leave ARM alone; api-latency only delays', async () => {
      sim.reset('registered');
      sim.inject('api-errors', 'api');
      sim.inject('api-latency', '5');
      expect((await call('Clusters_Get', 'GET', CL)).status).toBe(200);
    });
  });

  describe('time', () => {
    it('a cluster that cannot sync is NotConnectedRecently 13 h after its last sync and Disconnected after 21 h', async () => {
      sim.reset('registered');
      sim.inject('outbound-blocked', 'hci-cluster01');
      const CL = q(clusterPath(PROD_SUBSCRIPTION, 'hci-cluster01-rg', 'hci-cluster01'), V.hci);
      const lastSync = Date.parse(
        (await call<{ properties: { lastSyncTimestamp: string } }>('Clusters_Get', 'GET', CL)).json.properties
          .lastSyncTimestamp,
      );
      sim.advance(lastSync + 13 * HOUR - sim.now());
      expect((await call<ClusterBody>('Clusters_Get', 'GET', CL)).json.properties.status).toBe(
        'NotConnectedRecently',
      );
      sim.advance(8 * HOUR + MINUTE);
      expect((await call<ClusterBody>('Clusters_Get', 'GET', CL)).json.properties).toMatchObject({
        status: 'Disconnected',
        connectivityStatus: 'Disconnected',
      });
    });
  });
});
