import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobDto, VmListDto } from '../../src/api/contract';
import type {
  CloudNetworkDto,
  CloudSummaryDto,
  CloudVmDetailDto,
  CloudVmDto,
  CloudVmPageDto,
  VmDetailDto,
} from '../../src/api/vms-contract';
import { server, sim } from '../node';
import { vmLicensingError } from '../sim';

const base = 'http://localhost';
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ?? false;
  return {
    status: response.status,
    body: text === '' ? undefined : json ? (JSON.parse(text) as unknown) : text,
    headers: response.headers,
  };
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('fresh'));

const vmId = async (name: string) => {
  const list = (await call('GET', `/api/clusters/hci-cluster01/vms?q=${name}`)).body as VmListDto;
  const vm = list.items.find((v) => v.name === name);
  if (!vm) throw new Error(`no VM ${name}`);
  return vm.id;
};

const finish = async (job: JobDto) => {
  sim.advance(60_000);
  return (await call('GET', `/api/jobs/${job.id}`)).body as JobDto;
};

const create = {
  name: 'app42',
  hostServer: 'hci-node2',
  generation: 2,
  cpuCount: 4,
  memoryMiB: 8192,
  os: 'Windows Server 2022 Datacenter',
};

describe('Virtual machines API', () => {
  it('creates a VM as a job; on out-of-policy the job fails with the licensing text, and after repair and sync it succeeds', async () => {
    sim.reset('out-of-policy');
    const started = await call('POST', '/api/clusters/hci-cluster01/vms', create);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/jobs/${(started.body as JobDto).id}`);
    const failed = await finish(started.body as JobDto);
    expect(failed).toMatchObject({ status: 'Failed', kind: 'vm/create', message: vmLicensingError('app42') });
    for (const node of ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'])
      sim.repair('outbound-blocked', node);
    const sync = await call('POST', '/api/clusters/hci-cluster01/sync');
    expect((await finish(sync.body as JobDto)).status).toBe('Succeeded');
    const again = await call('POST', '/api/clusters/hci-cluster01/vms', create);
    expect((await finish(again.body as JobDto)).status).toBe('Succeeded');
    const detail = (await call('GET', `/api/vms/${await vmId('app42')}`)).body as VmDetailDto;
    expect(detail).toMatchObject({ hostServer: 'hci-node2', state: 'Off', generation: 2 });
  });

  it.each([
    [{ ...create, name: '' }, 400, 'name'],
    [{ ...create, generation: 3 }, 400, 'generation'],
    [{ ...create, cpuCount: 'four' }, 400, 'cpuCount'],
    [{ ...create, memoryMiB: 1 }, 400, 'memoryMiB'],
    [{ ...create, hostServer: 'nowhere' }, 400, 'hostServer'],
    [{ ...create, name: 'dc01' }, 409, 'name'],
  ])('refuses %j with %i naming %s, changing nothing', async (body, status, target) => {
    const before = sim.snapshot();
    const response = await call('POST', '/api/clusters/hci-cluster01/vms', body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { target, message: expect.any(String) as unknown } });
    expect(sim.snapshot()).toBe(before);
  });

  it('runs power actions as jobs and refuses an unknown action', async () => {
    const id = await vmId('web02');
    const started = await call('POST', `/api/vms/${id}/start`);
    expect(started.body).toMatchObject({ status: 'InProgress', title: "Start virtual machine 'web02'" });
    expect(((await call('GET', `/api/vms/${id}`)).body as VmDetailDto).state).toBe('Starting');
    expect(await finish(started.body as JobDto)).toMatchObject({
      status: 'Succeeded',
      message: "Successfully started the virtual machine 'web02'.",
    });
    expect((await call('POST', `/api/vms/${id}/reboot`)).body).toMatchObject({
      error: { code: 'InvalidParameter', target: 'action' },
    });
  });

  it('manages checkpoints and deletes a VM with them', async () => {
    const id = await vmId('web02');
    await finish((await call('POST', `/api/vms/${id}/checkpoints`, { name: 'first' })).body as JobDto);
    await finish((await call('POST', `/api/vms/${id}/checkpoints`, { name: 'second' })).body as JobDto);
    let detail = (await call('GET', `/api/vms/${id}`)).body as VmDetailDto;
    const [first, second] = detail.checkpoints;
    expect(second).toMatchObject({ name: 'second', parentId: first?.id, current: true });
    await finish(
      (await call('PATCH', `/api/vms/${id}/checkpoints/${first?.id ?? ''}`, { name: 'base' })).body as JobDto,
    );
    await finish((await call('POST', `/api/vms/${id}/checkpoints/${first?.id ?? ''}/apply`)).body as JobDto);
    detail = (await call('GET', `/api/vms/${id}`)).body as VmDetailDto;
    expect(detail.checkpoints.find((c) => c.current)?.name).toBe('base');
    expect((await call('POST', `/api/vms/${id}/checkpoints`, { name: ' ' })).status).toBe(400);
    expect((await call('DELETE', `/api/vms/${id}/checkpoints/unknown`)).status).toBe(404);
    const deleted = await finish((await call('DELETE', `/api/vms/${id}`)).body as JobDto);
    expect(deleted.message).toBe("Successfully deleted the virtual machine 'web02' and its 2 checkpoints.");
    expect((await call('GET', `/api/vms/${id}`)).status).toBe(404);
  });

  it('Connect downloads an .rdp naming the address of a running VM, and refuses an off one', async () => {
    const rdp = await call('GET', `/api/vms/${await vmId('dc01')}/rdp`);
    expect(rdp.status).toBe(200);
    expect(rdp.headers.get('content-disposition')).toBe('attachment; filename="dc01.rdp"');
    expect(String(rdp.body).split('\r\n')[0]).toBe('full address:s:10.0.1.11');
    expect((await call('GET', `/api/vms/${await vmId('web02')}/rdp`)).status).toBe(409);
  });
});

describe('Multi-cloud API', () => {
  it('lists AzureStack and the two WAP clouds, each available', async () => {
    const clouds = (await call('GET', '/api/clouds')).body as CloudSummaryDto[];
    expect(clouds.map((c) => [c.name, c.state])).toEqual([
      ['AzureStack', 'Available'],
      ['AzurePack_1', 'Available'],
      ['AzurePack_2', 'Available'],
    ]);
  });

  it('browses a WAP cloud, stops and starts its VM, and deletes a network only when unused', async () => {
    const vms = (await call('GET', '/api/clouds/AzurePack_1/vms')).body as CloudVmDto[];
    const app = vms.find((v) => v.name === 'wap1-app01');
    expect(app).toMatchObject({ state: 'Running', networks: ['azurepack_1-vnet01'] });
    const detail = (await call('GET', `/api/clouds/AzurePack_1/vms/${app?.id ?? ''}`))
      .body as CloudVmDetailDto;
    expect(detail.settings).toContainEqual({ group: 'Memory', label: 'Startup memory', value: '4,096 MB' });
    const stop = await call('POST', `/api/clouds/AzurePack_1/vms/${app?.id ?? ''}/stop`);
    expect((await finish(stop.body as JobDto)).status).toBe('Succeeded');
    const networks = (await call('GET', '/api/clouds/AzurePack_1/networks')).body as CloudNetworkDto[];
    const used = networks.find((n) => n.name === 'azurepack_1-vnet01');
    const refused = await call('DELETE', `/api/clouds/AzurePack_1/networks/${used?.id ?? ''}`);
    expect(refused).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'VirtualNetworkInUse',
          message: expect.stringContaining("It is in use by the virtual machines 'wap1-app01'") as unknown,
        },
      },
    });
    const spare = networks.find((n) => n.name === 'azurepack_1-vnet02');
    expect(
      (
        await finish(
          (await call('DELETE', `/api/clouds/AzurePack_1/networks/${spare?.id ?? ''}`)).body as JobDto,
        )
      ).status,
    ).toBe('Succeeded');
  });

  it("answers one page of a cloud's VMs, filtered and sorted by the server, and refuses a bad page query", async () => {
    const all = (await call('GET', '/api/clouds/AzureStack/vms')).body as CloudVmDto[];
    const page = (
      await call('GET', '/api/clouds/AzureStack/vms?offset=1&limit=2&sort=name&direction=descending')
    ).body as CloudVmPageDto;
    const byNameDescending = all
      .map((v) => v.name)
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true, sensitivity: 'base' }));
    expect(page).toMatchObject({ offset: 1, total: all.length, unfiltered: all.length });
    expect(page.items.map((v) => v.name)).toEqual(byNameDescending.slice(1, 3));
    const [first] = all;
    const found = (
      await call('GET', `/api/clouds/AzureStack/vms?limit=10&search=${first?.name.toUpperCase() ?? ''}`)
    ).body as CloudVmPageDto;
    expect(found.items.map((v) => v.name)).toContain(first?.name);
    expect(found.total).toBe(found.items.length);
    for (const [query, target] of [
      ['limit=0', 'limit'],
      ['limit=2&offset=-1', 'offset'],
      ['limit=2&sort=__proto__', 'sort'],
    ] as const) {
      const refused = await call('GET', `/api/clouds/AzureStack/vms?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'InvalidQueryParameter', target } });
    }
  });

  it('refuses to delete a local virtual switch in use', async () => {
    const networks = (await call('GET', '/api/clouds/AzureStack/networks')).body as CloudNetworkDto[];
    const response = await call(
      'DELETE',
      `/api/clouds/AzureStack/networks/${encodeURIComponent(networks[0]?.id ?? '')}`,
    );
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'VirtualNetworkInUse' } } });
  });

  it('an unreachable connector answers 503 with the reason for that cloud only; the control answers bad input with 400', async () => {
    expect((await call('PUT', '/api/wap/clouds/AzurePack_2/connector', { reachable: 'no' })).status).toBe(
      400,
    );
    expect((await call('PUT', '/api/wap/clouds/Nowhere/connector', { reachable: false })).status).toBe(404);
    const set = await call('PUT', '/api/wap/clouds/AzurePack_2/connector', {
      reachable: false,
      latencyMs: 0,
    });
    expect(set.body).toMatchObject({ name: 'AzurePack_2', state: 'ConnectorUnreachable' });
    expect((await call('GET', '/api/clouds/AzurePack_2/vms')).body).toMatchObject({
      error: { code: 'ConnectorUnreachable' },
    });
    expect((await call('GET', '/api/clouds/AzurePack_2/vms')).status).toBe(503);
    expect((await call('GET', '/api/clouds/AzurePack_1/vms')).status).toBe(200);
    expect((await call('GET', '/api/clouds/AzureStack/vms')).status).toBe(200);
  });

  it('a user unknown to a cloud identity provider gets 403 with the reason', async () => {
    const upn = encodeURIComponent('admin@contoso.onmicrosoft.com');
    const removed = await call('DELETE', `/api/wap/clouds/AzurePack_1/users/${upn}`);
    expect(removed.body).toMatchObject({ state: 'UserNotFound' });
    const response = await call('GET', '/api/clouds/AzurePack_1/subscriptions');
    expect(response).toMatchObject({
      status: 403,
      body: {
        error: {
          code: 'UserNotFound',
          message: expect.stringContaining('same user principal name (UPN)') as unknown,
        },
      },
    });
    await call('PUT', `/api/wap/clouds/AzurePack_1/users/${upn}`);
    expect((await call('GET', '/api/clouds/AzurePack_1/subscriptions')).status).toBe(200);
  });
});
