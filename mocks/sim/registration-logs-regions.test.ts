import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  CLOUDS,
  SimError,
  buildScenario,
  registrationLog,
  registrationLogs,
  registrationRegions,
} from './index';
import type { World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('the regions the registration wizard offers', () => {
  it("the gateway's cloud's Azure Stack HCI regions first, then its other regions as not supported", () => {
    const world = buildScenario('gateway-registered', T0);
    const regions = registrationRegions(world);
    const hci = CLOUDS.AzureCloud.hciRegions.map((r) => r.name);
    expect(regions.slice(0, hci.length).map((r) => [r.name, r.supported])).toEqual(hci.map((n) => [n, true]));
    expect(regions.slice(hci.length).every((r) => !r.supported)).toBe(true);
    expect(new Set(regions.map((r) => r.name)).size).toBe(regions.length);
  });

  it("another cloud's Azure Stack HCI regions are not offered", () => {
    const base = buildScenario('gateway-registered', T0);
    const world: World = {
      ...base,
      gateway: {
        ...base.gateway,
        registration: { ...base.gateway.registration!, cloud: 'AzureUSGovernment' },
      },
    };
    const names = registrationRegions(world).map((r) => r.name);
    expect(
      registrationRegions(world)
        .filter((r) => r.supported)
        .map((r) => r.name),
    ).toEqual(CLOUDS.AzureUSGovernment.hciRegions.map((r) => r.name));
    for (const r of CLOUDS.AzureCloud.hciRegions) expect(names).not.toContain(r.name);
  });
});

describe("a cluster's registration logs", () => {
  it('are listed newest first and read by file name; an unknown file is 404 LogNotFound', () => {
    const base = buildScenario('registered', T0);
    const cluster = base.clusters['hci-cluster01']!;
    const logFiles = [
      { name: 'RegisterHCI_20261120-0900.log', createdAt: T0 - 2 * 86_400_000, lines: ['first'] },
      { name: 'RegisterHCI_20261121-0900.log', createdAt: T0 - 86_400_000, lines: ['second'] },
    ];
    const world: World = {
      ...base,
      clusters: { ...base.clusters, [cluster.name]: { ...cluster, logFiles } },
    };
    const sim = createSimRuntime({ clock: () => T0, world });
    const logs = sim.read((w) => registrationLogs(w, 'HCI-CLUSTER01'));
    const stored = sim.read((w) => w.clusters['hci-cluster01']!.logFiles);
    expect(logs.map((f) => f.name)).toEqual(stored.map((f) => f.name).reverse());
    expect(logs.length).toBeGreaterThan(0);
    expect(sim.read((w) => registrationLog(w, 'hci-cluster01', logs[0]!.name))).toEqual(logs[0]);
    for (const name of ['nope.log', '__proto__', 'constructor']) {
      const error = (() => {
        try {
          sim.read((w) => registrationLog(w, 'hci-cluster01', name));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SimError);
      expect([(error as SimError).status, (error as SimError).message]).toEqual([
        404,
        `There is no log file named '${name}'.`,
      ]);
    }
    expect(() => sim.read((w) => registrationLogs(w, 'nowhere'))).toThrow(
      /The cluster 'nowhere' was not found/,
    );
  });
});
