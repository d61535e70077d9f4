import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  GATEWAY_SIGN_IN_APP,
  buildScenario,
  deviceLoginAccounts,
  deviceLoginAppName,
  issueDeviceCode,
  redeemDeviceLogin,
  signedInMessage,
} from './index';
import type { World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function setup() {
  const base = buildScenario('fresh', T0);
  const world: World = {
    ...base,
    consoleDeviceCodes: [
      { code: 'CONSOLE1', cloud: 'AzureCloud', issuedAt: T0, expiresAt: T0 + 15 * 60_000 },
      {
        code: 'AGENT001',
        cloud: 'AzureCloud',
        issuedAt: T0,
        expiresAt: T0 + 15 * 60_000,
        appName: 'Azure Connected Machine Agent',
      },
    ],
  };
  const sim = createSimRuntime({ clock: () => T0, world });
  const issued = sim.run((d, now) => issueDeviceCode(d, 'AzureCloud', now));
  if (!issued.ok) throw issued.error;
  return { sim, gatewayCode: issued.value.code };
}

describe('the sign-in page, for every device code', () => {
  it('names Windows Admin Center for the gateway’s code and the console’s client for a console code', () => {
    const { sim, gatewayCode } = setup();
    expect(sim.read((w) => deviceLoginAppName(w, gatewayCode))).toBe(GATEWAY_SIGN_IN_APP);
    expect(sim.read((w) => deviceLoginAppName(w, ' agent001 '))).toBe('Azure Connected Machine Agent');
    // Az PowerShell's code carries no name of its own: the page names its well-known client
    expect(sim.read((w) => deviceLoginAppName(w, 'CONSOLE1'))).toBe('Microsoft Azure PowerShell');
  });

  it('offers the accounts of the code’s cloud, and refuses a code that is neither in the gateway’s words', () => {
    const { sim, gatewayCode } = setup();
    const upns = sim.read((w, now) => deviceLoginAccounts(w, gatewayCode, now)).map((a) => a.upn);
    expect(upns.length).toBeGreaterThan(0);
    expect(sim.read((w, now) => deviceLoginAccounts(w, 'CONSOLE1', now)).map((a) => a.upn)).toEqual(upns);
    expect(() => sim.read((w, now) => deviceLoginAccounts(w, 'NOPE', now))).toThrow(
      'That code didn\u2019t work. Check the code and try again.',
    );
  });

  it('answers the same sentence for both kinds, naming the app the code signs in to', () => {
    const { sim, gatewayCode } = setup();
    const upn = sim.read((w, now) => deviceLoginAccounts(w, gatewayCode, now))[0]?.upn ?? '';
    const gateway = sim.run((d, now) => redeemDeviceLogin(d, gatewayCode, upn, now));
    expect(gateway).toMatchObject({
      ok: true,
      value:
        'You have signed in to the Windows Admin Center application on your device. You may now close this window.',
    });
    expect(sim.world().gateway.deviceCode?.redeemedBy).toBe(upn);
    const agent = sim.run((d, now) => redeemDeviceLogin(d, 'AGENT001', upn, now));
    expect(agent).toMatchObject({ ok: true, value: signedInMessage('Azure Connected Machine Agent') });
    expect(sim.world().consoleDeviceCodes?.find((c) => c.code === 'AGENT001')?.redeemedBy).toBe(upn);
  });
});
