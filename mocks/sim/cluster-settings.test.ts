import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import { buildScenario, setClusterSettings, SETTINGS_MESSAGES } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('Set-AzStackHCI in the world', () => {
  it('refuses while a server is down, and on an unregistered cluster, changing nothing', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    sim.inject('node-down', 'hci-node2');
    const before = sim.world();
    const offline = sim.run((d, now) =>
      setClusterSettings(d, 'hci-cluster01', { diagnosticLevel: 'Off' }, now),
    );
    expect(offline.ok ? '' : offline.error.message).toBe(SETTINGS_MESSAGES.nodesOffline);
    expect(sim.world()).toBe(before);
    const fresh = createSimRuntime({ clock: () => T0, world: buildScenario('fresh', T0) });
    const unregistered = fresh.run((d, now) =>
      setClusterSettings(d, 'hci-cluster01', { windowsServerSubscription: 'Enabled' }, now),
    );
    expect(unregistered.ok ? '' : unregistered.error.message).toBe(SETTINGS_MESSAGES.notRegistered);
  });

  it("acts as the gateway's account when no caller is given, and applies the level with the sync", () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const outcome = sim.run((d, now) =>
      setClusterSettings(
        d,
        'hci-cluster01',
        { diagnosticLevel: 'Enhanced', windowsServerSubscription: 'Enabled' },
        now,
      ),
    );
    expect(outcome.ok).toBe(true);
    sim.advance('1m');
    const resource = sim.read((w) => Object.values(w.cloud.hciClusters)[0]);
    expect(resource).toMatchObject({
      desiredDiagnosticLevel: 'Enhanced',
      desiredWindowsServerSubscription: 'Enabled',
    });
    expect(resource?.reported?.diagnosticLevel).toBe('Enhanced');
  });
});
