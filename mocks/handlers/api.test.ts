import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  ClusterDto,
  ConnectionDto,
  GatewayRegistrationFlowDto,
  JobDto,
  NodeDto,
  PrerequisiteCheckDto,
  VmListDto,
} from '../../src/api/contract';
import { server, sim } from '../node';

const base = 'http://localhost';
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  };
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('fresh'));

describe('gateway API', () => {
  it('lists the fresh connections with the cluster Online', async () => {
    const { status, body } = await call('GET', '/api/connections');
    expect(status).toBe(200);
    expect((body as ConnectionDto[]).find((c) => c.name === 'hci-cluster01')).toMatchObject({
      type: 'cluster',
      typeLabel: 'Server clusters',
      status: 'Online',
    });
  });

  it.each([
    [
      { name: 'bad name!', type: 'server' },
      { code: 'InvalidParameter', target: 'name' },
    ],
    [
      { name: '-leading.contoso.local', type: 'server' },
      { code: 'InvalidParameter', target: 'name' },
    ],
    [
      { name: 'ok-name', type: 'router' },
      { code: 'InvalidParameter', target: 'type' },
    ],
    ['{not json', { code: 'InvalidRequestContent' }],
  ])('answers bad input %j with a 400 and adds nothing', async (input, error) => {
    const before = sim.snapshot();
    const { status, body } = await call('POST', '/api/connections', input);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { ...error, message: expect.any(String) as unknown } });
    expect(sim.snapshot()).toBe(before);
  });

  it('adds a simulated cluster, refuses it twice, and removes it', async () => {
    expect((await call('POST', '/api/connections', { name: 'hci-lab02', type: 'cluster' })).status).toBe(201);
    expect((await call('POST', '/api/connections', { name: 'hci-lab02', type: 'cluster' })).status).toBe(409);
    const cluster = (await call('GET', '/api/clusters/hci-lab02')).body as ClusterDto;
    expect(cluster.nodes.map((n) => n.name)).toEqual(['hci-lab02-n1', 'hci-lab02-n2']);
    expect((await call('DELETE', '/api/connections/cluster/hci-lab02')).status).toBe(204);
  });

  it("edits a connection's tags and the account it is managed as, and refuses bad input with nothing changed", async () => {
    const edited = await call('PATCH', '/api/connections/cluster/hci-cluster01', {
      tags: [' prod ', 'prod', 'hci'],
      managingAs: 'CONTOSO\\ops',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ tags: ['prod', 'hci'], managingAs: 'CONTOSO\\ops' });
    const before = sim.snapshot();
    expect((await call('PATCH', '/api/connections/cluster/hci-cluster01', { tags: [1] })).status).toBe(400);
    expect((await call('PATCH', '/api/connections/cluster/hci-cluster01', { managingAs: ' ' })).status).toBe(
      400,
    );
    expect((await call('PATCH', '/api/connections/cluster/nowhere', { tags: [] })).status).toBe(404);
    expect(sim.snapshot()).toBe(before);
  });

  it('shows a node fault without anything else changing', async () => {
    sim.inject('node-down', 'hci-node2');
    const nodes = (await call('GET', '/api/clusters/hci-cluster01/nodes')).body as NodeDto[];
    expect(nodes.map((n) => `${n.name}:${n.state}`)).toEqual([
      'hci-node1:Up',
      'hci-node2:Down',
      'hci-node3:Up',
      'hci-node4:Up',
    ]);
    expect((await call('GET', '/api/nodes/hci-node2/events')).status).toBe(503);
  });

  it('pages, searches and sorts VMs on the server', async () => {
    const page = (await call('GET', '/api/clusters/hci-cluster01/vms?top=3&sort=name:desc'))
      .body as VmListDto;
    expect(page.total).toBe(8);
    expect(page.items.map((v) => v.name)).toEqual(['web02', 'web01', 'sql01']);
    const hits = (await call('GET', '/api/clusters/hci-cluster01/vms?q=legacy')).body as VmListDto;
    expect(hits.items.map((v) => v.generation)).toEqual([1]);
    expect((await call('GET', '/api/clusters/hci-cluster01/vms?sort=colour')).status).toBe(400);
  });

  it('reports an unknown cluster and an unknown route in the error shape', async () => {
    expect(await call('GET', '/api/clusters/nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'ClusterNotFound' } },
    });
    expect(await call('GET', '/api/definitely/not')).toMatchObject({
      status: 404,
      body: { error: { code: 'NotFound' } },
    });
  });

  it("leaves the dev server's own modules alone, even those in an api/ folder", async () => {
    // No handler may claim it: with onUnhandledRequest 'error', an unmatched request rejects.
    await expect(fetch(`${base}/src/features/connections/api/connection-queries.ts`)).rejects.toThrow();
  });

  it('answers 500s under api-errors and recovers on repair', async () => {
    sim.inject('api-errors', 'api');
    expect((await call('GET', '/api/connections')).status).toBe(500);
    sim.repair('api-errors');
    expect((await call('GET', '/api/connections')).status).toBe(200);
  });
});

describe('registration over HTTP', () => {
  it('registers the gateway, then the cluster, and the job ends Connected', async () => {
    let flow = (await call('POST', '/api/gateway/device-code', { cloud: 'AzureCloud' }))
      .body as GatewayRegistrationFlowDto;
    const code = flow.deviceCode?.code ?? '';
    expect(code).toMatch(/^[A-Z0-9]{9}$/);
    expect(
      (await call('POST', '/api/device-login', { code, upn: 'admin@contoso.onmicrosoft.com' })).status,
    ).toBe(200);
    flow = (await call('GET', '/api/gateway/registration')).body as GatewayRegistrationFlowDto;
    const tenantId = flow.tenants[0]?.tenantId ?? '';
    expect(
      (await call('POST', '/api/gateway/connect', { tenantId, application: { mode: 'create' } })).status,
    ).toBe(200);
    expect((await call('POST', '/api/gateway/accept-permissions')).status).toBe(200);
    expect((await call('POST', '/api/gateway/sign-in', {})).status).toBe(200);

    const subscriptionId =
      sim.world().cloud.users['admin@contoso.onmicrosoft.com']?.roleAssignments[0]?.subscriptionId ?? '';
    const checks = (
      await call(
        'GET',
        `/api/clusters/hci-cluster01/registration/prerequisites?subscriptionId=${subscriptionId}`,
      )
    ).body as PrerequisiteCheckDto[];
    expect(checks.every((c) => c.state === 'pass')).toBe(true);
    const started = await call('POST', '/api/clusters/hci-cluster01/registration', {
      subscriptionId,
      resourceGroup: 'hci-e2e-rg',
      createResourceGroup: true,
      region: 'eastus',
      enableArc: true,
    });
    expect(started.status).toBe(202);
    const job = started.body as JobDto;
    expect(job.title).toBe('Registering Azure Stack HCI with Azure...');
    sim.advance('2m');
    expect(((await call('GET', `/api/jobs/${job.id}`)).body as JobDto).status).toBe('Succeeded');
    const cluster = (await call('GET', '/api/clusters/hci-cluster01')).body as ClusterDto;
    expect(cluster.registration.wacConnectionText).toBe('Connected');
    const logs = (await call('GET', '/api/clusters/hci-cluster01/registration/logs')).body as {
      name: string;
    }[];
    const logText = await (
      await fetch(`${base}/api/clusters/hci-cluster01/registration/logs/${logs[0]?.name ?? ''}`)
    ).text();
    expect(logText).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} , INFO , /);
  });

  it('refuses to register while the gateway is not registered, saying what to do', async () => {
    const response = await call('POST', '/api/clusters/hci-cluster01/registration', {
      subscriptionId: '00000000-0000-4000-8000-000000000000',
      resourceGroup: 'rg',
      createResourceGroup: true,
      region: 'eastus',
      enableArc: true,
    });
    expect(response).toMatchObject({ status: 412, body: { error: { code: 'GatewayNotRegistered' } } });
  });
});

describe('API faults where the product has its own words', () => {
  it('Connect under api-errors answers with the AAD registration failure, not a generic 500', async () => {
    const flow = (await call('POST', '/api/gateway/device-code', { cloud: 'AzureCloud' }))
      .body as GatewayRegistrationFlowDto;
    await call('POST', '/api/device-login', {
      code: flow.deviceCode?.code ?? '',
      upn: 'admin@contoso.onmicrosoft.com',
    });
    const tenantId =
      ((await call('GET', '/api/gateway/registration')).body as GatewayRegistrationFlowDto).tenants[0]
        ?.tenantId ?? '';
    sim.inject('api-errors', 'api');
    const response = await call('POST', '/api/gateway/connect', {
      tenantId,
      application: { mode: 'create' },
    });
    expect(response).toMatchObject({
      status: 503,
      body: {
        error: {
          message:
            "Couldn't register application 'WindowsAdminCenter-https://wac.contoso.local' in Azure Active Directory. Error: ajax error 500",
        },
      },
    });
  });
});
