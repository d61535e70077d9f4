import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../../runtime';
import { buildScenario } from '../index';
import type { World } from '../index';
import { consoleDeviceCode, consoleSignInAccounts, redeemConsoleDeviceCode } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup() {
  const base = buildScenario('gateway-registered', T0);
  const world: World = {
    ...base,
    consoleDeviceCodes: [
      {
        code: 'ABCD1234',
        cloud: 'AzureCloud',
        issuedAt: T0,
        expiresAt: T0 + 15 * 60_000,
        appName: 'Microsoft Azure PowerShell',
      },
    ],
  };
  return createSimRuntime({ clock: () => T0, world });
}

describe("a console's device code on the sign-in page", () => {
  it('is found as typed (any case, spaces around) and offers the accounts of its cloud only', () => {
    const sim = setup();
    expect(sim.read((w) => consoleDeviceCode(w, ' abcd1234 ')?.code)).toBe('ABCD1234');
    expect(sim.read((w) => consoleDeviceCode(w, 'OTHER'))).toBeUndefined();
    const upns = sim.read((w, now) => consoleSignInAccounts(w, 'abcd1234', now))!.map((a) => a.upn);
    expect(upns).toContain('admin@contoso.onmicrosoft.com');
    expect(upns).not.toContain('admin@contoso.partner.onmschina.cn');
  });

  it('is redeemed by an account of its cloud; an account of another cloud or an expired code is refused, nothing changed', () => {
    const sim = setup();
    const refused = (upn: string) => {
      const before = sim.world();
      const outcome = sim.run((d, now) => redeemConsoleDeviceCode(d, 'abcd1234', upn, now));
      expect(sim.world()).toBe(before);
      return outcome.ok ? 'ok' : outcome.error.code;
    };
    expect(refused('admin@contoso.partner.onmschina.cn')).toBe('UserNotInCloud');
    expect(refused('__proto__')).toBe('UserNotInCloud');
    const outcome = sim.run((d, now) =>
      redeemConsoleDeviceCode(d, 'abcd1234', 'admin@contoso.onmicrosoft.com', now),
    );
    expect(outcome.ok && outcome.value.appName).toBe('Microsoft Azure PowerShell');
    expect(sim.read((w) => consoleDeviceCode(w, 'ABCD1234')?.redeemedBy)).toBe(
      'admin@contoso.onmicrosoft.com',
    );
    sim.advance('16m');
    expect(sim.read((w, now) => consoleSignInAccounts(w, 'ABCD1234', now))).toBeUndefined();
    expect(refused('admin@contoso.onmicrosoft.com')).toBe('ExpiredDeviceCode');
  });
});
