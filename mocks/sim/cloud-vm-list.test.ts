import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  AZURE_STACK_CLOUD,
  buildScenario,
  cloudNetworks,
  cloudVmList,
  portalClouds,
  setWapConnector,
  wapCloudEntry,
} from './index';
import type { ListPageQuery } from './index';

type Rows = ReturnType<typeof cloudVmList>;
type CloudVmDto = Extract<Rows, unknown[]>[number];
type CloudVmPageDto = Exclude<Rows, unknown[]>;

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const sim = createSimRuntime({ clock: () => T0, world: buildScenario('gateway-registered', T0) });
const page = (query: Partial<ListPageQuery>): ListPageQuery => ({
  offset: 0,
  limit: 5,
  direction: 'ascending',
  search: '',
  ...query,
});
const rows = (cloud: string, query?: ListPageQuery) =>
  sim.read((w, now) => cloudVmList(w, cloud, query, now));

describe('the portal’s VM list of one cloud', () => {
  it('the local cloud lists the clusters’ VMs grouped by cluster; a WAP cloud its VMs by subscription', () => {
    const local = rows(AZURE_STACK_CLOUD) as CloudVmDto[];
    expect(local).toHaveLength(Object.keys(sim.world().vms).length);
    expect(new Set(local.map((r) => r.group))).toEqual(
      new Set(Object.values(sim.world().vms).map((vm) => vm.cluster)),
    );
    const wap = rows('AzurePack_1') as CloudVmDto[];
    const cloud = sim.world().wapClouds.AzurePack_1;
    const names = new Set(cloud?.subscriptions.map((s) => s.displayName));
    expect(wap.length).toBeGreaterThan(0);
    expect(wap.every((r) => names.has(r.group))).toBe(true);
  });

  it('pages, searches and sorts by the portal’s columns, in either direction', () => {
    const all = rows(AZURE_STACK_CLOUD) as CloudVmDto[];
    const byName = (rows(AZURE_STACK_CLOUD, page({ sort: 'name', limit: 500 })) as CloudVmPageDto).items;
    const descending = (
      rows(AZURE_STACK_CLOUD, page({ sort: 'name', limit: 500, direction: 'descending' })) as CloudVmPageDto
    ).items;
    expect(descending.map((r) => r.name)).toEqual(byName.map((r) => r.name).reverse());
    const first = all[0]?.name ?? '';
    const found = rows(AZURE_STACK_CLOUD, page({ search: first.toUpperCase() })) as CloudVmPageDto;
    expect(found.items.map((r) => r.name)).toContain(first);
    expect(found.unfiltered).toBe(all.length);
    const one = rows(AZURE_STACK_CLOUD, page({ limit: 1, offset: 1, sort: 'name' })) as CloudVmPageDto;
    expect(one.items.map((r) => r.name)).toEqual([byName[1]?.name]);
  });

  it('an unknown cloud is 404, whatever its name', () => {
    expect(() => rows('__proto__')).toThrow(/was not found/);
    expect(() => sim.read((w) => cloudNetworks(w, 'constructor'))).toThrow(/was not found/);
  });
});

describe('the Cloud drop-down', () => {
  it('lists the local cloud as available first, then each WAP cloud as its connector stands', () => {
    sim.run((d) => {
      setWapConnector(d, 'AzurePack_1', { reachable: false });
    });
    const clouds = sim.read(portalClouds);
    expect(clouds[0]).toMatchObject({ name: AZURE_STACK_CLOUD, kind: 'AzureStack', state: 'Available' });
    expect(sim.read((w) => wapCloudEntry(w, 'azurepack_1'))).toMatchObject({
      name: 'AzurePack_1',
      kind: 'AzurePack',
      state: 'ConnectorUnreachable',
    });
  });
});
