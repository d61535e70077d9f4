import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  ADMIN_UPN,
  buildScenario,
  setWapConnector,
  setWapUserKnown,
  startCheckpointJob,
  startDeleteVm,
  startDeleteWapNetwork,
  startPowerJob,
  wapCloudStatus,
} from './index';
import type { Job, Op, WapCloud } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup() {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario('gateway-registered', T0) });
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const fails = <T>(op: Op<T>) => {
    const before = sim.world();
    const outcome = sim.run(op);
    if (outcome.ok) throw new Error('expected a refusal');
    expect(sim.world()).toBe(before);
    return outcome.error;
  };
  const finish = (op: Op<Job>): Job => {
    const job = ok(op);
    sim.advance(job.endsAt - job.startedAt + 1000);
    return sim.world().jobs[job.id] ?? job;
  };
  const cloud = (name = 'AzurePack_1'): WapCloud => sim.world().wapClouds[name] as WapCloud;
  const vm = (name: string, cloudName = 'AzurePack_1') => {
    const found = Object.values(cloud(cloudName).vms).find((v) => v.name === name);
    if (!found) throw new Error(`no VM ${name}`);
    return found;
  };
  const net = (name: string, cloudName = 'AzurePack_1') => {
    const found = Object.values(cloud(cloudName).networks).find((n) => n.name === name);
    if (!found) throw new Error(`no network ${name}`);
    return found;
  };
  return { sim, ok, fails, finish, cloud, vm, net };
}

describe('WAP tenant capabilities', () => {
  it('stops and starts a VM as jobs targeting the cloud', () => {
    const t = setup();
    const ref = { cloud: 'AzurePack_1', vmId: t.vm('wap1-app01').id };
    const stop = t.finish((d, now) => startPowerJob(d, ref, 'shutdown', now));
    expect(stop).toMatchObject({ status: 'Succeeded', target: { type: 'cloud', name: 'AzurePack_1' } });
    expect(t.vm('wap1-app01').power).toBe('Off');
    t.finish((d, now) => startPowerJob(d, ref, 'start', now));
    expect(t.vm('wap1-app01').power).toBe('Running');
  });

  it('creates and applies checkpoints, and deletes a VM with its checkpoints', () => {
    const t = setup();
    const ref = { cloud: 'AzurePack_1', vmId: t.vm('wap1-jump01').id };
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'baseline' }, now));
    expect(t.vm('wap1-jump01').checkpoints.map((c) => c.name)).toEqual(['baseline']);
    expect(t.finish((d, now) => startDeleteVm(d, ref, now)).message).toBe(
      "Successfully deleted the virtual machine 'wap1-jump01' and its 1 checkpoint.",
    );
    expect(() => t.vm('wap1-jump01')).toThrow();
  });

  it('refuses to delete a network in use, naming the VMs, and deletes an unused one', () => {
    const t = setup();
    const used = t.net('azurepack_1-vnet01');
    const error = t.fails((d, now) => startDeleteWapNetwork(d, 'AzurePack_1', used.id, now));
    expect(error).toMatchObject({ code: 'VirtualNetworkInUse', status: 409 });
    expect(error.message).toBe(
      "Couldn't delete the virtual network 'azurepack_1-vnet01'. It is in use by the virtual machines 'wap1-app01', 'wap1-db01', 'wap1-jump01'. Delete them or connect them to another network first.",
    );
    const spare = t.net('azurepack_1-vnet02');
    expect(t.finish((d, now) => startDeleteWapNetwork(d, 'AzurePack_1', spare.id, now)).status).toBe(
      'Succeeded',
    );
    expect(t.cloud().networks[spare.id]).toBeUndefined();
  });
});

describe('connectors and identity', () => {
  it('an unreachable connector makes that cloud alone unavailable, with the reason, until it is back', () => {
    const t = setup();
    t.ok((d) => setWapConnector(d, 'AzurePack_1', { reachable: false }));
    expect(t.sim.read((w) => wapCloudStatus(w, t.cloud()))).toMatchObject({
      state: 'ConnectorUnreachable',
      reason: expect.stringContaining('https://waptenantportal1:40005') as unknown,
    });
    expect(t.sim.read((w) => wapCloudStatus(w, t.cloud('AzurePack_2'))).state).toBe('Available');
    const ref = { cloud: 'AzurePack_1', vmId: t.vm('wap1-app01').id };
    expect(t.fails((d, now) => startPowerJob(d, ref, 'shutdown', now))).toMatchObject({
      code: 'ConnectorUnreachable',
      status: 503,
    });
    t.ok((d) => setWapConnector(d, 'AzurePack_1', { reachable: true, latencyMs: 900 }));
    expect(t.cloud().connectorLatencyMs).toBe(900);
    expect(t.finish((d, now) => startPowerJob(d, ref, 'shutdown', now)).status).toBe('Succeeded');
  });

  it('a job fails when the connector drops before it ends, and the VM keeps its state', () => {
    const t = setup();
    const ref = { cloud: 'AzurePack_2', vmId: t.vm('wap2-app01', 'AzurePack_2').id };
    const job = t.ok((d, now) => startPowerJob(d, ref, 'shutdown', now));
    t.ok((d) => setWapConnector(d, 'AzurePack_2', { reachable: false }));
    t.sim.advance('20s');
    expect(t.sim.world().jobs[job.id]).toMatchObject({
      status: 'Failed',
      message: expect.stringMatching(
        /^Couldn't shut down the virtual machine 'wap2-app01'\. The Windows Azure Pack Connector of AzurePack_2/,
      ) as unknown,
    });
    expect(t.vm('wap2-app01', 'AzurePack_2').power).toBe('Running');
  });

  it('a user missing from the cloud identity provider sees why', () => {
    const t = setup();
    t.ok((d) => setWapUserKnown(d, 'AzurePack_2', ADMIN_UPN, false));
    const status = t.sim.read((w) => wapCloudStatus(w, t.cloud('AzurePack_2')));
    expect(status.state).toBe('UserNotFound');
    expect(status.reason).toContain(`${ADMIN_UPN} doesn't exist in the identity provider of AzurePack_2`);
    expect(t.fails((d) => setWapUserKnown(d, 'AzurePack_2', 'not a upn', true))).toMatchObject({
      target: 'upn',
    });
    expect(t.fails((d) => setWapConnector(d, 'Nowhere', { reachable: true }))).toMatchObject({
      code: 'CloudNotFound',
    });
  });
});
