import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  ADMIN_UPN,
  PROD_SUBSCRIPTION,
  appRegistrationsByName,
  buildScenario,
  createApp,
  directoryUsers,
} from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('the cloud view’s directory', () => {
  it('lists app registrations by name', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const tenantId = Object.values(sim.world().cloud.tenants)[0]?.tenantId ?? '';
    for (const displayName of ['zeta', 'Alpha', 'midway'])
      sim.run((d, now) => createApp(d, { displayName, tenantId, kind: 'gateway', consent: false }, now));
    const names = appRegistrationsByName(sim.world()).map((a) => a.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['zeta', 'Alpha', 'midway']));
  });

  it('gives each user the role Azure evaluates now, in every subscription', () => {
    const sim = createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) });
    const roleIn = () =>
      directoryUsers(sim.world())
        .find((u) => u.upn === ADMIN_UPN)
        ?.roles.find((r) => r.subscriptionId === PROD_SUBSCRIPTION)?.role;
    expect(roleIn()).toBe('Owner');
    sim.inject('reader-only', ADMIN_UPN);
    expect(roleIn()).toBe('Reader');
  });
});
