import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  buildScenario,
  registrationLogFilesView,
  registrationLogs,
  registrationPrerequisitesView,
} from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';
const query = (text: string) => new URLSearchParams(text);

describe('the registration pages’ views', () => {
  it('checks the prerequisites with Arc on unless the page says false, for the cluster by any spelling', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('gateway-registered', T0) });
    const withArc = sim.read((w, now) =>
      registrationPrerequisitesView(w, CLUSTER.toUpperCase(), query(''), now),
    );
    const withoutArc = sim.read((w, now) =>
      registrationPrerequisitesView(w, CLUSTER, query('enableArc=false&subscriptionId='), now),
    );
    expect(withArc.length).toBeGreaterThan(0);
    expect(withArc.every((c) => c.remedy === null || typeof c.remedy === 'string')).toBe(true);
    expect(withArc.every((c) => Array.isArray(c.nodes))).toBe(true);
    expect(withoutArc.length).toBeLessThanOrEqual(withArc.length);
    expect(() => sim.read((w, now) => registrationPrerequisitesView(w, 'nope', query(''), now))).toThrow(
      /was not found/,
    );
  });

  it('lists the log files with their line counts', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const files = sim.read((w) => registrationLogs(w, CLUSTER));
    expect(sim.read((w) => registrationLogFilesView(w, CLUSTER))).toEqual(
      files.map((f) => ({
        name: f.name,
        createdAt: new Date(f.createdAt).toISOString(),
        lineCount: f.lines.length,
      })),
    );
  });
});
