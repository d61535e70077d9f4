import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  AZURE_STACK_CLOUD,
  availablePortalCloud,
  buildScenario,
  cloudLatencyMs,
  cloudSubscriptions,
  cloudVmRef,
  localNetworks,
  portalCloud,
  setWapConnector,
  startCloudVmAction,
  startDeleteCloudNetwork,
} from './index';
import type { Op, WapCloud, World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup(scenario = 'gateway-registered') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
  const refusal = <T>(op: Op<T>) => {
    const before = sim.world();
    const outcome = sim.run(op);
    if (outcome.ok) throw new Error('expected a refusal');
    expect(sim.world()).toBe(before);
    return { status: outcome.error.status, code: outcome.error.code, message: outcome.error.message };
  };
  const cloud = (name = 'AzurePack_1'): WapCloud => sim.world().wapClouds[name] as WapCloud;
  const read = <T>(fn: (w: World) => T): T => sim.read(fn);
  return { sim, refusal, cloud, read };
}

describe('which cloud a name means', () => {
  it('the local cloud by its label in any case, a WAP cloud by its name in any case, else 404', () => {
    const { read } = setup();
    expect(read((w) => portalCloud(w, 'azurestack'))).toEqual({ local: true, name: AZURE_STACK_CLOUD });
    expect(read((w) => portalCloud(w, 'azurepack_1').name)).toBe('AzurePack_1');
    expect(() => read((w) => portalCloud(w, '__proto__'))).toThrow(/__proto__/);
    expect(read((w) => cloudLatencyMs(w, AZURE_STACK_CLOUD))).toBe(0);
  });

  it('a WAP cloud whose connector is down is refused with the reason; the local cloud is not', () => {
    const { sim, read } = setup();
    sim.run((d) => void setWapConnector(d, 'AzurePack_1', { reachable: false, latencyMs: 1200 }));
    expect(read((w) => cloudLatencyMs(w, 'AzurePack_1'))).toBe(1200);
    expect(() => read((w) => availablePortalCloud(w, 'AzurePack_1'))).toThrow(/is not responding/);
    expect(read((w) => availablePortalCloud(w, AZURE_STACK_CLOUD).local)).toBe(true);
  });
});

describe('VMs of a cloud', () => {
  it('finds a VM in the cloud named, and says which cloud lacks it', () => {
    const { read, cloud } = setup();
    const wapVm = Object.values(cloud().vms)[0]!;
    const localVm = read((w) => Object.values(w.vms)[0]!);
    expect(read((w) => cloudVmRef(w, 'AzurePack_1', wapVm.id))).toEqual({
      vmId: wapVm.id,
      cloud: 'AzurePack_1',
    });
    expect(read((w) => cloudVmRef(w, AZURE_STACK_CLOUD, localVm.id))).toEqual({ vmId: localVm.id });
    expect(() => read((w) => cloudVmRef(w, AZURE_STACK_CLOUD, wapVm.id))).toThrow(
      `The virtual machine '${wapVm.id}' was not found in AzureStack.`,
    );
    expect(() => read((w) => cloudVmRef(w, 'AzurePack_1', 'toString'))).toThrow(
      "The virtual machine 'toString' was not found in AzurePack_1.",
    );
  });

  it('runs the tenant actions (stop is a guest shut down) and refuses any other, naming the allowed ones', () => {
    const { sim, refusal, cloud } = setup();
    const running = Object.values(cloud().vms).find((v) => v.power === 'Running')!;
    const outcome = sim.run((d, now) => startCloudVmAction(d, 'AzurePack_1', running.id, 'stop', now));
    expect(outcome.ok && outcome.value.kind).toBe('vm/shutdown');
    expect(refusal((d, now) => startCloudVmAction(d, 'AzurePack_1', running.id, 'save', now))).toEqual({
      status: 400,
      code: 'InvalidParameter',
      message: "'save' is not a virtual machine action: use start, stop, turn-off.",
    });
    expect(
      refusal((d, now) => startCloudVmAction(d, 'AzurePack_1', running.id, 'constructor', now)).code,
    ).toBe('InvalidParameter');
    expect(refusal((d, now) => startCloudVmAction(d, 'AzurePack_1', 'nope', 'start', now)).code).toBe(
      'VirtualMachineNotFound',
    );
  });
});

describe('subscriptions of a cloud', () => {
  it('locally only those the signed-in user has a role in; a WAP cloud lists its own with its counts', () => {
    const { read, cloud } = setup('registered');
    const local = read((w) => cloudSubscriptions(w, AZURE_STACK_CLOUD));
    expect(local.length).toBeGreaterThan(0);
    const registered = local.find((s) => s.networkCount > 0)!;
    expect(registered.vmCount).toBe(
      read((w) => Object.values(w.vms).filter((v) => v.cluster === 'hci-cluster01').length),
    );
    const wap = read((w) => cloudSubscriptions(w, 'AzurePack_1'));
    expect(wap.map((s) => s.subscriptionId)).toEqual(cloud().subscriptions.map((s) => s.subscriptionId));
    expect(wap.reduce((n, s) => n + s.vmCount, 0)).toBe(Object.values(cloud().vms).length);
    expect(wap.every((s) => s.state === 'Active')).toBe(true);
  });
});

describe('deleting a network', () => {
  it("a local network is a cluster's switch in use by its VMs: refused as in use, naming five and how many more", () => {
    const { read, refusal } = setup();
    const [network] = read(localNetworks);
    expect(network).toBeDefined();
    const result = refusal((d, now) => startDeleteCloudNetwork(d, AZURE_STACK_CLOUD, network!.id, now));
    expect(result.status).toBe(409);
    expect(result.code).toBe('VirtualNetworkInUse');
    expect(result.message).toContain(
      `Couldn't delete the virtual network '${network!.name}' of ${network!.group}.`,
    );
    expect(refusal((d, now) => startDeleteCloudNetwork(d, AZURE_STACK_CLOUD, 'nope', now))).toEqual({
      status: 404,
      code: 'VirtualNetworkNotFound',
      message: "The virtual network 'nope' was not found in AzureStack.",
    });
  });

  it('a WAP network no VM uses is deleted by a job', () => {
    const { sim, cloud } = setup();
    const unused = Object.values(cloud().networks).find(
      (n) => !Object.values(cloud().vms).some((v) => v.networkIds.includes(n.id)),
    );
    expect(unused).toBeDefined();
    const outcome = sim.run((d, now) => startDeleteCloudNetwork(d, 'azurepack_1', unused!.id, now));
    expect(outcome.ok && outcome.value.kind).toBe('vnet/delete');
  });
});
