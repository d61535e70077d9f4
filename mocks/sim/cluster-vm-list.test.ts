import { describe, expect, it } from 'vitest';
import { buildScenario, clusterVmPage, notificationsNewestFirst, recentJobs, requireJob } from './index';
import type { VirtualMachine } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const world = buildScenario('registered', T0);
const cluster = Object.values(world.clusters)[0]?.name ?? '';
type Row = ReturnType<Parameters<typeof clusterVmPage>[3]>;
/** The VM's own fields under the row's column names this test sorts and searches by (gateway-views.ts projects the real row). */
const row = (vm: VirtualMachine) => ({ ...vm, hostServer: vm.hostNode, state: vm.power }) as unknown as Row;
const page = (query: Partial<Parameters<typeof clusterVmPage>[2]>) =>
  clusterVmPage(world, cluster, { skip: 0, top: 200, search: '', sort: 'name', ...query }, row);

describe('the cluster’s VM list', () => {
  it('sorts by a column either way, then pages', () => {
    const all = page({});
    expect(all.total).toBeGreaterThan(1);
    const names = all.items.map((v) => v.name);
    expect(page({ sort: 'name:desc' }).items.map((v) => v.name)).toEqual([...names].reverse());
    expect(page({ skip: 1, top: 1 }).items.map((v) => v.name)).toEqual([names[1]]);
    const memory = page({ sort: 'memoryMiB' }).items.map((v) => v.memoryMiB);
    expect(memory).toEqual([...memory].sort((a, b) => a - b));
  });

  it('searches the name, state, host, OS and address in any case', () => {
    const first = page({}).items[0];
    const found = page({ search: ` ${first?.name.toUpperCase() ?? ''} ` });
    expect(found.items.map((v) => v.name)).toContain(first?.name);
    expect(page({ search: 'no-such-vm-anywhere' })).toEqual({ items: [], total: 0 });
  });

  it('refuses a column it does not have, quoting little of it, and a cluster there is not', () => {
    expect(() => page({ sort: `constructor${'x'.repeat(500)}` })).toThrow(/must be one of name, state/);
    expect(() => page({ sort: 'x'.repeat(500) })).toThrow(/characters\)/);
    expect(() =>
      clusterVmPage(world, '__proto__', { skip: 0, top: 1, search: '', sort: 'name' }, row),
    ).toThrow(/was not found/);
  });
});

describe('jobs and notifications as listed', () => {
  it('finds a job by its id only, and lists the newest first', () => {
    expect(() => requireJob(world, 'toString')).toThrow(/The job 'toString' was not found/);
    const jobs = recentJobs(world);
    expect(jobs.map((j) => j.startedAt)).toEqual([...jobs.map((j) => j.startedAt)].sort((a, b) => b - a));
    for (const job of jobs) expect(requireJob(world, job.id)).toBe(job);
    expect(notificationsNewestFirst(world)).toEqual([...world.notifications].reverse());
  });
});
