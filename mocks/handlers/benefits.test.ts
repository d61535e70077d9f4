import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BenefitsOperationDto, ClusterBenefitsDto } from '../../src/api/benefits-contract';
import type { ApiErrorBody, ClusterDto, JobDto } from '../../src/api/contract';
import { server, sim } from '../node';
import { hciClusterId, resourceKey } from '../sim';

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
const page = async () =>
  (await call('GET', '/api/clusters/hci-cluster01/benefits')).body as ClusterBenefitsDto;
const vmIds = (p: ClusterBenefitsDto, names: string[]) =>
  names.map((n) => p.vms.find((v) => v.name === n)?.id ?? n);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('Azure benefits API', () => {
  it('shows the Off page of a registered cluster with nothing blocking Turn on', async () => {
    const p = await page();
    expect(p).toMatchObject({
      clusterStatus: 'Off',
      vmsWithBenefits: 0,
      vmCount: 8,
      turnOnBlocker: null,
      turnOffBlocker: null,
      syncBlocker: null,
      inactiveServers: [],
    });
    expect(p.servers.map((s) => `${s.name}:${s.status}:${s.expiration ?? '-'}`)).toEqual([
      'hci-node1:Inactive:-',
      'hci-node2:Inactive:-',
      'hci-node3:Inactive:-',
      'hci-node4:Inactive:-',
    ]);
    const legacy = p.vms.find((v) => v.name === 'legacy-app01');
    expect(legacy).toMatchObject({
      generation: 1,
      state: 'Running',
      benefits: 'Off',
      hostServerBenefits: 'Inactive',
      turnOnBlocker: { code: 'AttestationNotEnabled', fix: 'host' },
    });
  });

  it('turns on with every VM, and the page, the dashboard and ARM follow', async () => {
    const started = await call('POST', '/api/clusters/hci-cluster01/benefits/enable', { addVms: true });
    expect(started.status).toBe(202);
    const op = started.body as BenefitsOperationDto;
    expect(op.job).toMatchObject({
      kind: 'benefits/enable',
      title: 'Enable Azure Stack HCI IMDS Attestation...',
      status: 'InProgress',
    });
    expect(op.vms.every((v) => v.outcome === 'Pending')).toBe(true);
    expect(started.headers.get('Location')).toBe(`/api/benefits/operations/${op.job.id}`);
    expect((await page()).activeJobs.map((j) => j.id)).toEqual([op.job.id]);

    sim.advance('2m');
    const done = (await call('GET', `/api/benefits/operations/${op.job.id}`)).body as BenefitsOperationDto;
    expect(done.job.status).toBe('Succeeded');
    expect(done.vms.find((v) => v.vmName === 'legacy-app01')).toMatchObject({
      outcome: 'Failed',
      code: 'Gen1VmRunning',
      fix: 'turn-off-vm',
    });
    const p = await page();
    expect(p).toMatchObject({ clusterStatus: 'On', vmsWithBenefits: 7, vmCount: 8, activeJobs: [] });
    expect(
      p.servers.every(
        (s) =>
          s.status === 'Active' &&
          s.expiration === new Date(Date.parse(done.job.endedAt ?? '') + 30 * 86_400_000).toISOString(),
      ),
    ).toBe(true);
    const cluster = (await call('GET', '/api/clusters/hci-cluster01')).body as ClusterDto;
    expect(cluster.benefits).toEqual({ clusterStatus: 'On', vmsWithBenefits: 7, vmCount: 8 });
    expect(cluster.registration.imdsAttestation).toBe('Enabled');
    const reg = sim.world().clusters['hci-cluster01']?.registration;
    const id = hciClusterId(reg?.subscriptionId ?? '', reg?.resourceGroup ?? '', reg?.resourceName ?? '');
    expect(sim.world().cloud.hciClusters[resourceKey(id)]?.reported?.imdsAttestation).toBe('Enabled');
  });

  it('refuses a running Generation 1 VM with the reason, per VM, and changes nothing', async () => {
    sim.reset('benefits-on');
    const p = await page();
    const [dc01, legacy] = vmIds(p, ['dc01', 'legacy-app01']);
    const before = sim.snapshot();
    const refused = await call('POST', '/api/clusters/hci-cluster01/benefits/vms/remove', {
      vmIds: [legacy],
    });
    expect(refused.status).toBe(409);
    const { error } = refused.body as ApiErrorBody;
    expect(error.code).toBe('Gen1VmRunning');
    expect(error.message).toMatch(
      /^Couldn't turn off Azure benefits for legacy-app01\. Unable to configure IMDS Service on VM\./,
    );
    expect(error.details).toEqual([
      {
        code: 'Gen1VmRunning',
        message: expect.stringMatching(/Generation 1 VMs must be turned off/) as unknown,
        target: legacy,
      },
    ]);
    expect(sim.snapshot()).toBe(before);

    const mixed = await call('POST', '/api/clusters/hci-cluster01/benefits/vms/remove', {
      vmIds: [dc01, legacy],
    });
    expect(mixed.status).toBe(202);
    expect((mixed.body as BenefitsOperationDto).vms.map((v) => `${v.vmName}:${v.outcome}`)).toEqual([
      'dc01:Pending',
      'legacy-app01:Failed',
    ]);
  });

  it('refuses to turn off while VMs are attached, and says so on the page first', async () => {
    sim.reset('benefits-on');
    const p = await page();
    expect(p.turnOffBlocker).toMatchObject({ code: 'GuestsStillConnected', fix: 'remove-vms' });
    expect(p.turnOffWithVmsBlocker).toMatchObject({ code: 'Gen1VmRunning', fix: 'turn-off-vm' });
    const refused = await call('POST', '/api/clusters/hci-cluster01/benefits/disable', { removeVms: false });
    expect(refused).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'GuestsStillConnected',
          message:
            'There are still guests connected to IMDS Attestation. Use switch -RemoveVM or Remove-AzStackHCIVMAttestation cmdlet.',
        },
      },
    });
  });

  it('shows the new server Inactive with its banner, and enables only that server', async () => {
    sim.reset('new-node');
    const p = await page();
    expect(p.inactiveServers).toEqual(['hci-node5']);
    expect(p.servers.at(-1)).toMatchObject({
      name: 'hci-node5',
      status: 'Inactive',
      detail: expect.stringMatching(/Enable inactive server/) as unknown,
    });
    const started = await call('POST', '/api/clusters/hci-cluster01/benefits/enable', {
      addVms: false,
      servers: ['hci-node5'],
    });
    expect(started.status).toBe(202);
    sim.advance('1m');
    expect((await page()).inactiveServers).toEqual([]);
  });

  it('answers with the cmdlet message when the cluster is not registered or a server is offline', async () => {
    sim.reset('fresh');
    expect((await page()).turnOnBlocker).toMatchObject({ code: 'ImdsClusterNotRegistered', fix: 'register' });
    expect(await call('POST', '/api/clusters/hci-cluster01/benefits/enable', { addVms: true })).toMatchObject(
      {
        status: 412,
        body: {
          error: {
            code: 'ImdsClusterNotRegistered',
            message:
              'The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
          },
        },
      },
    );
    sim.reset('registered');
    sim.inject('node-down', 'hci-node2');
    expect(await call('POST', '/api/clusters/hci-cluster01/benefits/enable', { addVms: true })).toMatchObject(
      {
        status: 412,
        body: {
          error: {
            code: 'AllClusterNodesAreNotOnline',
            message:
              'One or more servers in your cluster are offline. Check that all your servers are up and then try again.',
          },
        },
      },
    );
  });

  it.each([
    ['/api/clusters/hci-cluster01/benefits/enable', {}, 'addVms'],
    ['/api/clusters/hci-cluster01/benefits/enable', { addVms: true, servers: 'hci-node1' }, 'servers'],
    ['/api/clusters/hci-cluster01/benefits/enable', { addVms: true, servers: ['hci-node9'] }, 'servers'],
    ['/api/clusters/hci-cluster01/benefits/disable', { removeVms: 'yes' }, 'removeVms'],
    ['/api/clusters/hci-cluster01/benefits/vms/add', { vmIds: [] }, 'vmIds'],
    ['/api/clusters/hci-cluster01/benefits/vms/add', { vmIds: [1] }, 'vmIds.0'],
    ['/api/clusters/hci-cluster01/benefits/vms/toggle', { vmIds: ['x'] }, 'action'],
  ])('answers POST %s %j with 400 naming %s', async (path, body, target) => {
    const before = sim.snapshot();
    const response = await call('POST', path, body);
    expect(response.status).toBe(400);
    expect((response.body as ApiErrorBody).error).toMatchObject({
      target,
      message: expect.any(String) as unknown,
    });
    expect(sim.snapshot()).toBe(before);
  });

  it('reports unknown clusters and jobs, and serves any job as an operation', async () => {
    expect(await call('GET', '/api/clusters/nope/benefits')).toMatchObject({
      status: 404,
      body: { error: { code: 'ClusterNotFound' } },
    });
    expect(await call('GET', '/api/benefits/operations/job-0')).toMatchObject({
      status: 404,
      body: { error: { code: 'JobNotFound' } },
    });
    const sync = (await call('POST', '/api/clusters/hci-cluster01/sync')).body as JobDto;
    expect((await call('GET', `/api/benefits/operations/${sync.id}`)).body).toMatchObject({
      job: { id: sync.id, kind: 'cluster/sync' },
      vms: [],
    });
  });
});
