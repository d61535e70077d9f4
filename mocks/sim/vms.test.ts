import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  buildScenario,
  rdpConnection,
  rdpFileFor,
  requireClusterVm,
  startCheckpointJob,
  startCreateVm,
  startDeleteVm,
  startPowerJob,
  startSyncNow,
  startVmAction,
  vmLicensingError,
} from './index';
import type { CreateVmInput, Job, Op, VirtualMachine } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup(scenario = 'fresh') {
  const sim = createSimRuntime({ clock: () => T0, world: buildScenario(scenario, T0) });
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
    const done = sim.world().jobs[job.id];
    if (!done) throw new Error('job vanished');
    return done;
  };
  const vm = (name: string): VirtualMachine => {
    const found = Object.values(sim.world().vms).find((v) => v.name === name);
    if (!found) throw new Error(`no VM ${name}`);
    return found;
  };
  return { sim, ok, fails, finish, vm };
}

const create = (over: Partial<CreateVmInput> = {}): CreateVmInput => ({
  cluster: 'hci-cluster01',
  name: 'app42',
  hostNode: 'hci-node2',
  generation: 2,
  cpuCount: 4,
  memoryMiB: 8192,
  os: 'Windows Server 2022 Datacenter: Azure Edition',
  ...over,
});

describe('creating a VM', () => {
  it('runs as a job and the VM appears, off, on the chosen host', () => {
    const t = setup('registered');
    const job = t.ok((d, now) => startCreateVm(d, create(), now));
    expect(job).toMatchObject({
      kind: 'vm/create',
      status: 'InProgress',
      title: "Create virtual machine 'app42'",
    });
    expect(() => t.vm('app42')).toThrow();
    const done = t.finish(() => job);
    expect(done).toMatchObject({
      status: 'Succeeded',
      message: "Successfully created the virtual machine 'app42' on hci-node2.",
    });
    expect(t.vm('app42')).toMatchObject({
      hostNode: 'hci-node2',
      power: 'Off',
      generation: 2,
      cpuCount: 4,
      memoryMiB: 8192,
    });
  });

  it('fails with the verbatim licensing text on out-of-policy, and succeeds after repair and sync', () => {
    const t = setup('out-of-policy');
    const failed = t.finish((d, now) => startCreateVm(d, create(), now));
    expect(failed.status).toBe('Failed');
    expect(failed.message).toBe(
      'There was a failure configuring the virtual machine role for \'app42\'. Job failed. Error opening "app42" clustered roles. The service being accessed is licensed for a particular number of connections. No more connections can be made to the service at this time because there are already as many connections as the service can accept.',
    );
    expect(failed.message).toBe(vmLicensingError('app42'));
    expect(Object.values(t.sim.world().vms).some((v) => v.name === 'app42')).toBe(false);
    expect(t.sim.world().notifications.at(-1)).toMatchObject({
      level: 'Error',
      message: vmLicensingError('app42'),
    });
    for (const node of ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'])
      t.sim.repair('outbound-blocked', node);
    expect(t.finish((d, now) => startSyncNow(d, 'hci-cluster01', now)).status).toBe('Succeeded');
    expect(t.finish((d, now) => startCreateVm(d, create(), now)).status).toBe('Succeeded');
  });

  it('refuses bad input at once, naming the field, and changes nothing', () => {
    const t = setup('registered');
    expect(t.fails((d, now) => startCreateVm(d, create({ name: '' }), now))).toMatchObject({
      code: 'InvalidParameter',
      target: 'name',
    });
    expect(t.fails((d, now) => startCreateVm(d, create({ name: 'bad/name' }), now))).toMatchObject({
      target: 'name',
    });
    expect(t.fails((d, now) => startCreateVm(d, create({ name: 'DC01' }), now))).toMatchObject({
      code: 'VirtualMachineExists',
      target: 'name',
    });
    expect(t.fails((d, now) => startCreateVm(d, create({ hostNode: 'elsewhere' }), now))).toMatchObject({
      target: 'hostServer',
    });
    expect(t.fails((d, now) => startCreateVm(d, create({ generation: 1, cpuCount: 65 }), now))).toMatchObject(
      { target: 'cpuCount' },
    );
    expect(t.fails((d, now) => startCreateVm(d, create({ cpuCount: 33 }), now)).message).toMatch(
      /hci-node2 has 32 logical processors/,
    );
    expect(t.fails((d, now) => startCreateVm(d, create({ memoryMiB: 16 }), now))).toMatchObject({
      target: 'memoryMiB',
    });
    expect(t.fails((d, now) => startCreateVm(d, create({ os: ' ' }), now))).toMatchObject({ target: 'os' });
    t.sim.inject('node-down', 'hci-node2');
    expect(t.fails((d, now) => startCreateVm(d, create(), now))).toMatchObject({
      code: 'HostUnavailable',
      target: 'hostServer',
    });
  });
});

describe('power', () => {
  it.each([
    ['web02', 'start', 'Starting', 'Running', 8_000],
    ['dc01', 'shutdown', 'Stopping', 'Off', 12_000],
    ['dc01', 'turn-off', 'Stopping', 'Off', 2_000],
    ['dc01', 'save', 'Saving', 'Saved', 5_000],
  ] as const)('%s %s: %s for %i ms, then %s', (name, action, transitional, end, duration) => {
    const t = setup();
    const job = t.ok((d, now) => startPowerJob(d, { vmId: t.vm(name).id }, action, now));
    expect(job.endsAt - job.startedAt).toBe(duration);
    expect(t.vm(name).power).toBe(transitional);
    t.sim.advance(duration - 1);
    expect(t.vm(name).power).toBe(transitional);
    t.sim.advance(1);
    expect(t.vm(name).power).toBe(end);
    expect(t.sim.world().jobs[job.id]?.status).toBe('Succeeded');
  });

  it('refuses an action the state does not allow', () => {
    const t = setup();
    expect(t.fails((d, now) => startPowerJob(d, { vmId: t.vm('web02').id }, 'shutdown', now)).message).toBe(
      "Couldn't shut down the virtual machine 'web02'. The operation cannot be performed while the virtual machine is in the Off state.",
    );
  });

  it('a start fails when the host goes down mid-job; clustered VMs fail over, others stop', () => {
    const t = setup();
    const job = t.ok((d, now) => startPowerJob(d, { vmId: t.vm('web02').id }, 'start', now));
    t.sim.inject('node-down', 'hci-node4');
    t.sim.advance('10s');
    // web02 is clustered: it moved with its host's failure, so the start lands on the new host
    expect(t.vm('web02').hostNode).not.toBe('hci-node4');
    expect(t.sim.world().jobs[job.id]?.status).toBe('Succeeded');
    t.sim.inject('node-down', 'hci-node1');
    expect(t.vm('legacy-app01')).toMatchObject({ hostNode: 'hci-node1', power: 'Off' });
    expect(t.vm('dc01')).toMatchObject({ power: 'Running' });
    expect(t.vm('dc01').hostNode).not.toBe('hci-node1');
  });
});

describe('checkpoints', () => {
  it('form a tree: children of the current one; apply makes one current and leaves the VM off; delete merges', () => {
    const t = setup();
    const id = t.vm('sql01').id;
    const ref = { vmId: id };
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'before-patch' }, now));
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'after-patch' }, now));
    const [a, b] = t.vm('sql01').checkpoints;
    expect(b?.parentId).toBe(a?.id);
    expect(t.vm('sql01').currentCheckpointId).toBe(b?.id);
    expect(
      t.finish((d, now) => startCheckpointJob(d, ref, { op: 'apply', checkpointId: a?.id ?? '' }, now))
        .message,
    ).toBe("Successfully applied the checkpoint 'before-patch' to 'sql01'.");
    expect(t.vm('sql01')).toMatchObject({ currentCheckpointId: a?.id, power: 'Off' });
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'branch' }, now));
    const branch = t.vm('sql01').checkpoints[2];
    expect(branch?.parentId).toBe(a?.id);
    t.finish((d, now) =>
      startCheckpointJob(d, ref, { op: 'rename', checkpointId: branch?.id ?? '', name: 'branch-2' }, now),
    );
    expect(t.vm('sql01').checkpoints[2]?.name).toBe('branch-2');
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'delete', checkpointId: a?.id ?? '' }, now));
    const left = t.vm('sql01').checkpoints;
    expect(left.map((c) => c.name)).toEqual(['after-patch', 'branch-2']);
    expect(left.every((c) => c.parentId === undefined)).toBe(true);
  });

  it('refuses an empty name and an unknown checkpoint', () => {
    const t = setup();
    const ref = { vmId: t.vm('sql01').id };
    expect(t.fails((d, now) => startCheckpointJob(d, ref, { op: 'create', name: '  ' }, now))).toMatchObject({
      target: 'name',
    });
    expect(
      t.fails((d, now) => startCheckpointJob(d, ref, { op: 'apply', checkpointId: 'nope' }, now)),
    ).toMatchObject({ code: 'CheckpointNotFound' });
  });
});

describe('deleting a VM', () => {
  it('refuses a running VM, and deletes an off one with its checkpoints', () => {
    const t = setup();
    const ref = { vmId: t.vm('web02').id };
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'one' }, now));
    t.finish((d, now) => startCheckpointJob(d, ref, { op: 'create', name: 'two' }, now));
    expect(t.fails((d, now) => startDeleteVm(d, { vmId: t.vm('dc01').id }, now)).message).toMatch(
      /^Couldn't delete the virtual machine 'dc01'\. It is Running/,
    );
    const done = t.finish((d, now) => startDeleteVm(d, ref, now));
    expect(done.message).toBe("Successfully deleted the virtual machine 'web02' and its 2 checkpoints.");
    expect(Object.values(t.sim.world().vms).some((v) => v.name === 'web02')).toBe(false);
  });
});

describe('Connect', () => {
  it('writes an .rdp file naming the address, CRLF-separated', () => {
    const rdp = rdpFileFor({ ipAddress: '10.0.1.11' });
    expect(rdp.split('\r\n')[0]).toBe('full address:s:10.0.1.11');
    expect(
      rdp
        .split('\r\n')
        .filter(Boolean)
        .every((line) => /^[a-z ]+:[is]:.*$/.test(line)),
    ).toBe(true);
  });
});

describe('the VM routes as commands', () => {
  it('a VM is found by its id only, never by an inherited name', () => {
    const { sim } = setup();
    const first = Object.values(sim.world().vms)[0]!;
    expect(sim.read((w) => requireClusterVm(w, first.id).name)).toBe(first.name);
    for (const id of ['nope', '__proto__', 'toString'])
      expect(() => sim.read((w) => requireClusterVm(w, id))).toThrow(
        `The virtual machine '${id}' was not found.`,
      );
  });

  it('a power action named on the wire starts its job; any other is refused naming the actions, nothing changed', () => {
    const { sim, ok, fails } = setup();
    const running = Object.values(sim.world().vms).find((v) => v.power === 'Running')!;
    expect(ok((d, now) => startVmAction(d, running.id, 'shutdown', now)).kind).toBe('vm/shutdown');
    const error = fails((d, now) => startVmAction(d, running.id, 'explode', now));
    expect([error.status, error.code, error.target]).toEqual([400, 'InvalidParameter', 'action']);
    expect(error.message).toMatch(/^'explode' is not a VM action: use start, /);
    expect(fails((d, now) => startVmAction(d, running.id, 'hasOwnProperty', now)).code).toBe(
      'InvalidParameter',
    );
    expect(fails((d, now) => startVmAction(d, 'nope', 'start', now)).code).toBe('VirtualMachineNotFound');
  });

  it('Remote Desktop reaches only a running guest', () => {
    const { sim } = setup();
    const vms = Object.values(sim.world().vms);
    const running = vms.find((v) => v.power === 'Running')!;
    const off = vms.find((v) => v.power === 'Off')!;
    expect(rdpConnection(running)).toEqual({ fileName: `${running.name}.rdp`, text: rdpFileFor(running) });
    expect(() => rdpConnection(off)).toThrow(
      `Couldn't connect to '${off.name}'. It is Off: start it, then connect.`,
    );
  });
});
