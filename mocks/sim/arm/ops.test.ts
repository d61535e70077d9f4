import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../../runtime';
import { hciClusterId, machineId, resourceKey } from '../arm-ids';
import { SimError } from '../core';
import { run } from '../engine';
import {
  ADMIN_UPN,
  AUDITOR_UPN,
  DAY,
  DEV_SUBSCRIPTION,
  HOUR,
  MINUTE,
  OPERATOR_UPN,
  PROD_SUBSCRIPTION,
  advance,
  buildScenario,
  serializeWorld,
} from '../index';
import type { Millis, RoleName, World } from '../index';
import { decodeSimToken, encodeSimToken, parseAuthorization } from './auth';
import type { ArmOp, ArmReply, ArmRequest } from './common';
import { aggregateArcState } from './project';
import {
  deleteCluster,
  deleteMachine,
  deleteResourceGroup,
  getArcSetting,
  getCluster,
  getMachine,
  getResourceGroup,
  getResourceGroupOperationResult,
  listResourceGroups,
  listSubscriptions,
  patchCluster,
  putCluster,
  putMachine,
  putResourceGroup,
} from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const RG = 'hci-cluster01-rg';
const cluster01 = { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: RG, clusterName: 'hci-cluster01' };
const node = (name: string) => ({ subscriptionId: PROD_SUBSCRIPTION, resourceGroup: RG, machineName: name });
const as = (upn: string, extra: Partial<ArmRequest> = {}): ArmRequest => ({
  authorization: `Bearer ${encodeSimToken(upn)}`,
  ...extra,
});
const v = {
  rg: { apiVersion: '2022-09-01' },
  hci: { apiVersion: '2024-04-01' },
  hc: { apiVersion: '2022-12-27' },
  subs: { apiVersion: '2022-12-01' },
};

/** A read: the op applied to the world as it is. */
function read(world: World, now: Millis, op: ArmOp): ArmReply | string {
  try {
    return op(world, now);
  } catch (error) {
    if (error instanceof SimError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/** A write through `run`: the reply, or the refusal with the world unchanged. */
function write(world: World, now: Millis, op: ArmOp): { world: World; result: ArmReply | string } {
  const before = serializeWorld(world);
  const outcome = run(world, now, op);
  if (outcome.ok) return { world: outcome.world, result: outcome.value };
  expect(serializeWorld(outcome.world)).toBe(before);
  return { world: outcome.world, result: `${outcome.error.status} ${outcome.error.code}` };
}

const statusOf = (r: ArmReply | string) => (typeof r === 'string' ? r : r.status);

describe('tokens', () => {
  it.each(['admin@contoso.onmicrosoft.com', 'José.Ñúñez@contoso.com'])('sim tokens round-trip %s', (upn) => {
    const token = encodeSimToken(upn);
    expect(token).toMatch(/^sim\.[A-Za-z0-9_-]+$/);
    expect(decodeSimToken(token)).toBe(upn);
    expect(parseAuthorization(`Bearer ${token}`)).toEqual({ kind: 'user', upn });
    expect(parseAuthorization(`bearer ${token}`)).toEqual({ kind: 'user', upn });
  });

  it.each([undefined, '', '  '])('no header (%j) is no caller named', (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: 'none' });
  });

  it.each(['Basic abc', 'Bearer', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig', 'Bearer sim.', 'Bearer sim.%%%'])(
    '%j is an invalid token',
    (header) => {
      expect(parseAuthorization(header)).toEqual({ kind: 'invalid' });
    },
  );
});

describe('roles: reads need any role, writes need Owner or Contributor', () => {
  /** A world where `upn` holds exactly `role` on the production subscription (or nothing). */
  function worldWith(role: RoleName | undefined): World {
    const w = buildScenario('registered', T0);
    const user = w.cloud.users[OPERATOR_UPN];
    if (user) user.roleAssignments = role ? [{ subscriptionId: PROD_SUBSCRIPTION, role }] : [];
    return w;
  }

  it.each([
    ['Owner', 200, 200],
    ['Contributor', 200, 200],
    ['User Access Administrator', 200, '403 AuthorizationFailed'],
    ['Reader', 200, '403 AuthorizationFailed'],
    [undefined, '403 AuthorizationFailed', '403 AuthorizationFailed'],
  ] as const)('%s: read → %s, write → %s', (role, readResult, writeResult) => {
    const w = worldWith(role);
    expect(statusOf(read(w, T0, getCluster(as(OPERATOR_UPN, v.hci), cluster01)))).toBe(readResult);
    expect(
      statusOf(
        write(w, T0, patchCluster(as(OPERATOR_UPN, { ...v.hci, body: '{"tags":{"a":"b"}}' }), cluster01))
          .result,
      ),
    ).toBe(writeResult);
    expect(
      statusOf(
        write(
          w,
          T0,
          putResourceGroup(as(OPERATOR_UPN, { ...v.rg, body: '{"location":"eastus"}' }), {
            subscriptionId: PROD_SUBSCRIPTION,
            resourceGroup: 'new-rg',
          }),
        ).result,
      ),
    ).toBe(writeResult === 200 ? 201 : writeResult);
  });

  it('reader-only turns an Owner into a Reader; no-arc-role leaves them able to write', () => {
    const base = buildScenario('registered', T0);
    const withFault = (fault: 'reader-only' | 'no-arc-role') => ({
      ...base,
      faults: [{ fault, target: ADMIN_UPN, since: T0 }],
    });
    const patch = patchCluster(as(ADMIN_UPN, { ...v.hci, body: '{}' }), cluster01);
    expect(statusOf(write(withFault('reader-only'), T0, patch).result)).toBe('403 AuthorizationFailed');
    expect(statusOf(read(withFault('reader-only'), T0, getCluster(as(ADMIN_UPN, v.hci), cluster01)))).toBe(
      200,
    );
    expect(statusOf(write(withFault('no-arc-role'), T0, patch).result)).toBe(200);
  });

  it('the subscription list holds only subscriptions with a role', () => {
    const w = buildScenario('registered', T0);
    const ids = (upn: string) => {
      const reply = read(w, T0, listSubscriptions(as(upn, v.subs)));
      return typeof reply === 'string'
        ? reply
        : (reply.body as { value: { subscriptionId: string }[] }).value.map((s) => s.subscriptionId).sort();
    };
    expect(ids(OPERATOR_UPN)).toEqual([PROD_SUBSCRIPTION]);
    expect(ids(AUDITOR_UPN)).toEqual([PROD_SUBSCRIPTION, DEV_SUBSCRIPTION].sort());
  });

  it('without a header ARM acts as the signed-in account, else the tenant administrator', () => {
    const registered = buildScenario('registered', T0);
    if (registered.gateway.account) registered.gateway.account.upn = AUDITOR_UPN;
    expect(
      statusOf(
        write(
          registered,
          T0,
          putResourceGroup(
            { ...v.rg, body: '{"location":"eastus"}' },
            { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'x' },
          ),
        ).result,
      ),
    ).toBe('403 AuthorizationFailed');
    const fresh = buildScenario('fresh', T0);
    expect(
      statusOf(
        write(
          fresh,
          T0,
          putResourceGroup(
            { ...v.rg, body: '{"location":"eastus"}' },
            { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: 'x' },
          ),
        ).result,
      ),
    ).toBe(201);
  });

  it('the implied gateway token expires with the sign-in', () => {
    const w = buildScenario('registered', T0);
    const expiry = w.gateway.account?.tokenExpiresAt ?? 0;
    expect(read(w, expiry + MINUTE, listResourceGroups(v.rg, { subscriptionId: PROD_SUBSCRIPTION }))).toBe(
      '401 ExpiredAuthenticationToken',
    );
    // an explicit simulated token is not the gateway's and does not expire
    expect(
      statusOf(
        read(
          w,
          expiry + MINUTE,
          listResourceGroups(as(ADMIN_UPN, v.rg), { subscriptionId: PROD_SUBSCRIPTION }),
        ),
      ),
    ).toBe(200);
  });
});

describe('status over time', () => {
  function registered(scenario = 'registered') {
    let real = T0;
    const sim = createSimRuntime({ clock: () => real, world: buildScenario(scenario, T0) });
    return { sim, tick: (ms: number) => (real += ms) };
  }
  const machineStatus = (sim: ReturnType<typeof registered>['sim'], name: string) =>
    sim.read((w, now) => {
      const reply = read(w, now, getMachine(as(ADMIN_UPN, v.hc), node(name)));
      return typeof reply === 'string'
        ? reply
        : (reply.body as { properties: { status?: string } }).properties.status;
    });
  const arcStates = (sim: ReturnType<typeof registered>['sim']) =>
    sim.read((w, now) => {
      const reply = read(
        w,
        now,
        getArcSetting(as(ADMIN_UPN, v.hci), { ...cluster01, arcSettingName: 'default' }),
      );
      const body =
        typeof reply === 'string'
          ? undefined
          : (reply.body as { properties: { aggregateState: string; perNodeDetails: { state: string }[] } });
      return [
        body?.properties.aggregateState,
        ...(body?.properties.perNodeDetails.map((n) => n.state) ?? []),
      ];
    });
  const clusterStatus = (sim: ReturnType<typeof registered>['sim']) =>
    sim.read((w, now) => {
      const reply = read(w, now, getCluster(as(ADMIN_UPN, v.hci), cluster01));
      return typeof reply === 'string'
        ? reply
        : (reply.body as { properties: { status: string; connectivityStatus: string } }).properties;
    });

  it.each([
    ['20m', 'Connected', 'Connected'],
    ['30m', 'Disconnected', 'PartiallyConnected'],
    ['44d', 'Disconnected', 'PartiallyConnected'],
    ['46d', 'Expired', 'PartiallyConnected'],
  ])(
    'node-down on hci-node2, %s later: its machine is %s, the Arc setting %s',
    (after, status, aggregate) => {
      const { sim } = registered();
      sim.inject('node-down', 'hci-node2');
      sim.advance(after);
      expect(machineStatus(sim, 'hci-node2')).toBe(status);
      expect(machineStatus(sim, 'hci-node1')).toBe('Connected');
      expect(arcStates(sim)[0]).toBe(aggregate);
    },
  );

  it('a node back up is Connected again after its first heartbeat', () => {
    const { sim } = registered();
    sim.inject('node-down', 'hci-node3');
    sim.advance('2h');
    sim.repair('node-down', 'hci-node3');
    sim.advance('5m');
    expect(machineStatus(sim, 'hci-node3')).toBe('Connected');
  });

  it.each([
    [11 * HOUR, 'ConnectedRecently', 'Connected'],
    [13 * HOUR, 'NotConnectedRecently', 'NotConnectedRecently'],
    [21 * HOUR, 'Disconnected', 'Disconnected'],
    [31 * DAY, 'Disconnected', 'Disconnected'],
  ])(
    'with syncs blocked, %i ms after the last sync the cluster is %s / %s',
    (age, status, connectivityStatus) => {
      const { sim } = registered();
      sim.inject('outbound-blocked', 'hci-cluster01');
      const lastSync = sim.read(
        (w) =>
          w.cloud.hciClusters[resourceKey(hciClusterId(PROD_SUBSCRIPTION, RG, 'hci-cluster01'))]
            ?.lastSyncTimestamp ?? 0,
      );
      sim.advance(lastSync + age - sim.now());
      expect(clusterStatus(sim)).toMatchObject({ status, connectivityStatus });
    },
  );

  it('a machine created in ARM with no agent behind it has no status', () => {
    const w = buildScenario('registered', T0);
    const { world, result } = write(
      w,
      T0,
      putMachine(as(ADMIN_UPN, { ...v.hc, body: '{"location":"eastus"}' }), node('lonely01')),
    );
    expect(statusOf(result)).toBe(200);
    const reply = read(world, T0 + DAY, getMachine(as(ADMIN_UPN, v.hc), node('lonely01')));
    expect(
      typeof reply === 'string' ? reply : (reply.body as { properties: Record<string, unknown> }).properties,
    ).not.toHaveProperty('status');
  });

  it.each([
    [['Connected', 'Connected'], 'Connected'],
    [['Connected', 'Disconnected'], 'PartiallyConnected'],
    [['Disconnected', 'Disconnected'], 'Disconnected'],
    [['Creating', 'Disconnected'], 'Disconnected'],
    [['Creating'], 'Creating'],
    [[], 'NotSpecified'],
  ] as const)('arcSettings aggregate of %j is %s', (states, expected) => {
    expect(aggregateArcState(states)).toBe(expected);
  });
});

describe('deletes', () => {
  it('deleting a resource group takes simulated time, then deletes its clusters and machines and tells the on-prem side nothing', () => {
    const w = buildScenario('registered', T0);
    const { world, result } = write(
      w,
      T0,
      deleteResourceGroup(as(ADMIN_UPN, v.rg), { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: RG }),
    );
    expect(result).toMatchObject({
      status: 202,
      retryAfter: 30,
      location: expect.stringMatching(
        /^\/subscriptions\/.+\/operationresults\/.+\?api-version=2022-09-01$/,
      ) as unknown,
    });
    const location = typeof result === 'string' ? '' : (result.location ?? '');
    const operationId = /operationresults\/([^?]+)/.exec(location)?.[1] ?? '';
    const poll = (at: Millis, state: World) =>
      read(
        state,
        at,
        getResourceGroupOperationResult(as(ADMIN_UPN, v.rg), {
          subscriptionId: PROD_SUBSCRIPTION,
          operationId,
        }),
      );

    // running: the group and its cluster are still there, the group Deleting, the poll 202 with the time left
    const getRg = (state: World, at: Millis) =>
      read(
        state,
        at,
        getResourceGroup(as(ADMIN_UPN, v.rg), { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: RG }),
      );
    expect(getRg(world, T0 + 10_000)).toMatchObject({
      status: 200,
      body: { properties: { provisioningState: 'Deleting' } },
    });
    expect(Object.keys(world.cloud.hciClusters)).toHaveLength(1);
    expect(poll(T0 + 10_000, world)).toMatchObject({ status: 202, retryAfter: 20 });
    // a second delete joins the first
    const again = write(
      world,
      T0 + 10_000,
      deleteResourceGroup(as(ADMIN_UPN, v.rg), { subscriptionId: PROD_SUBSCRIPTION, resourceGroup: RG }),
    );
    expect(again.result).toMatchObject({ status: 202, retryAfter: 20 });
    expect(again.world.schedule.filter((e) => e.kind === 'arm/delete')).toHaveLength(1);

    const done = advance(world, T0 + 30_000);
    expect(poll(T0 + 30_000, done)).toEqual({ status: 200 });
    expect(getRg(done, T0 + 30_000)).toBe('404 ResourceGroupNotFound');
    expect(Object.keys(done.cloud.hciClusters)).toEqual([]);
    expect(done.cloud.machines[resourceKey(machineId(PROD_SUBSCRIPTION, RG, 'hci-node1'))]).toBeUndefined();
    expect(done.clusters['hci-cluster01']?.registration?.resourceGroup).toBe(RG);
    expect(done.faults).toContainEqual(
      expect.objectContaining({ fault: 'resource-deleted-in-portal', target: 'hci-cluster01' }),
    );
  });

  it('a cluster resource with no on-prem cluster behind it is simply deleted', () => {
    const w = buildScenario('registered', T0);
    const created = write(
      w,
      T0,
      putCluster(as(ADMIN_UPN, { ...v.hci, body: '{"location":"eastus"}' }), {
        ...cluster01,
        clusterName: 'cloud-only',
      }),
    );
    expect(statusOf(created.result)).toBe(200);
    const { world, result } = write(
      created.world,
      T0,
      deleteCluster(as(ADMIN_UPN, v.hci), { ...cluster01, clusterName: 'cloud-only' }),
    );
    expect(statusOf(result)).toBe(202);
    const done = advance(world, T0 + 10_000);
    expect(
      read(done, T0 + 10_000, getCluster(as(ADMIN_UPN, v.hci), { ...cluster01, clusterName: 'cloud-only' })),
    ).toBe('404 ResourceNotFound');
    expect(done.faults).toEqual([]);
  });

  it('deleting what is not there: 204 for resources, 404 for a resource group', () => {
    const w = buildScenario('registered', T0);
    expect(statusOf(write(w, T0, deleteMachine(as(ADMIN_UPN, v.hc), node('ghost'))).result)).toBe(204);
    expect(
      statusOf(
        write(w, T0, deleteCluster(as(ADMIN_UPN, v.hci), { ...cluster01, clusterName: 'ghost' })).result,
      ),
    ).toBe(204);
    expect(
      statusOf(
        write(
          w,
          T0,
          deleteResourceGroup(as(ADMIN_UPN, v.rg), {
            subscriptionId: PROD_SUBSCRIPTION,
            resourceGroup: 'ghost',
          }),
        ).result,
      ),
    ).toBe('404 ResourceGroupNotFound');
  });
});
