import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterArcDto, ArcServerDto, RunOnboardingResultDto } from '../../src/api/arc-contract';
import type { JobDto } from '../../src/api/contract';
import { server, sim } from '../node';
import { PROD_SUBSCRIPTION } from '../sim';

const base = 'http://localhost';
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};
const arc = async () => (await call('GET', '/api/clusters/hci-cluster01/arc')).body as ClusterArcDto;
const server3 = (dto: ClusterArcDto) => dto.servers.find((s) => s.name === 'hci-node3');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('Arc API', () => {
  it('reports hci-node3 Disconnected 30 minutes after it goes down, both sides with their timestamps, and Connected within 5 minutes of the repair', async () => {
    expect(server3(await arc())).toMatchObject({
      displayStatus: 'Connected',
      arcStatus: 'Enabled',
      statusesAgree: true,
      onPrem: { status: 'Connected' },
    });
    sim.inject('node-down', 'hci-node3');
    sim.advance('10m');
    const lagging = server3(await arc());
    expect(lagging).toMatchObject({
      displayStatus: 'Connected',
      statusesAgree: false,
      onPrem: { status: 'Offline' },
    });
    sim.advance('20m');
    const down = server3(await arc());
    expect(down).toMatchObject({
      displayStatus: 'Disconnected',
      statusesAgree: true,
      azure: { status: 'Disconnected' },
    });
    expect(down?.onPrem.lastHeartbeat).not.toBeNull();
    sim.repair('node-down', 'hci-node3');
    sim.advance('5m');
    expect(server3(await arc())).toMatchObject({
      displayStatus: 'Connected',
      azure: { status: 'Connected' },
    });
  });

  it('disables and re-enables a server through jobs', async () => {
    const disabled = await call('POST', '/api/clusters/hci-cluster01/arc/servers/hci-node3/disable');
    expect(disabled.status).toBe(202);
    expect(disabled.body).toMatchObject({ kind: 'arc/disable', status: 'InProgress' });
    sim.advance('2m');
    expect(server3(await arc())).toMatchObject({
      arcStatus: 'Disabled',
      displayStatus: 'Not enabled',
      azure: null,
    });
    const enabled = await call('POST', '/api/clusters/hci-cluster01/arc/enable', {});
    expect(enabled.status).toBe(202);
    expect((enabled.body as JobDto).kind).toBe('arc/enable');
    sim.advance('4m');
    expect(server3(await arc())).toMatchObject({
      arcStatus: 'Enabled',
      displayStatus: 'Waiting for first heartbeat',
    });
    sim.advance('5m');
    expect(server3(await arc())).toMatchObject({ displayStatus: 'Connected' });
  });

  it.each([
    ['POST', '/api/clusters/hci-cluster01/arc/enable', { nodes: 'hci-node1' }, 400, 'InvalidParameter'],
    ['POST', '/api/clusters/hci-cluster01/arc/enable', '{nope', 400, 'InvalidRequestContent'],
    ['POST', '/api/clusters/hci-cluster01/arc/enable', {}, 409, 'ArcAlreadyEnabled'],
    ['POST', '/api/clusters/nope/arc/enable', {}, 404, 'ClusterNotFound'],
    ['POST', '/api/clusters/hci-cluster01/arc/servers/nope/disable', undefined, 404, 'ServerNotFound'],
    ['GET', '/api/clusters/nope/arc', undefined, 404, 'ClusterNotFound'],
    ['POST', '/api/servers/hci-node1/arc/disconnect', { forceLocalOnly: 'yes' }, 400, 'InvalidParameter'],
    ['POST', '/api/servers/nope/arc/disconnect', {}, 404, 'ServerNotFound'],
    ['POST', '/api/cloud/onboarding/run', { osType: 'mac' }, 400, 'InvalidParameter'],
    [
      'POST',
      '/api/cloud/onboarding/run',
      {
        osType: 'linux',
        serverName: 'x1',
        subscriptionId: PROD_SUBSCRIPTION,
        resourceGroup: 'rg',
        region: 'eastus',
        tags: { a: 1 },
      },
      400,
      'InvalidParameter',
    ],
    [
      'POST',
      '/api/cloud/onboarding/run',
      {
        osType: 'linux',
        serverName: '',
        subscriptionId: PROD_SUBSCRIPTION,
        resourceGroup: 'rg',
        region: 'eastus',
      },
      400,
      'InvalidParameter',
    ],
  ])('%s %s %j answers %i %s and changes nothing', async (method, path, body, status, code) => {
    const before = sim.snapshot();
    const reply = await call(method, path, body);
    expect(reply.status).toBe(status);
    expect(reply.body).toMatchObject({ error: { code, message: expect.any(String) as unknown } });
    expect(sim.snapshot()).toBe(before);
  });

  it('disconnects an agent with --force-local-only, leaving Azure to notice', async () => {
    const reply = await call('POST', '/api/servers/hci-node2/arc/disconnect', { forceLocalOnly: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      onPrem: { status: 'Disconnected' },
      azure: { status: 'Connected' },
      statusesAgree: false,
    });
    sim.advance('30m');
    expect((await call('GET', '/api/servers/hci-node2/arc')).body).toMatchObject({
      azure: { status: 'Disconnected' },
      statusesAgree: true,
    });
  });

  it('runs the onboarding script: a new server connection and a machine Connected after its first heartbeat', async () => {
    const group = Object.values(sim.world().cloud.resourceGroups)[0]?.name ?? '';
    const reply = await call('POST', '/api/cloud/onboarding/run', {
      serverName: 'app07',
      subscriptionId: PROD_SUBSCRIPTION,
      resourceGroup: group,
      region: 'westeurope',
      osType: 'windows',
      tags: { City: "O'Hare" },
    });
    expect(reply.status).toBe(201);
    expect((reply.body as RunOnboardingResultDto).portalPath).toMatch(
      /^\/azure\/resource\/subscriptions\/.+\/providers\/Microsoft\.HybridCompute\/machines\/app07$/,
    );
    const connections = (await call('GET', '/api/connections')).body as {
      name: string;
      type: string;
      status: string;
    }[];
    expect(connections.find((c) => c.name === 'app07')).toMatchObject({ type: 'server', status: 'Online' });
    expect(((await call('GET', '/api/servers/app07/arc')).body as ArcServerDto).displayStatus).toBe(
      'Waiting for first heartbeat',
    );
    sim.advance('5m');
    expect(((await call('GET', '/api/servers/app07/arc')).body as ArcServerDto).displayStatus).toBe(
      'Connected',
    );
  });
});
