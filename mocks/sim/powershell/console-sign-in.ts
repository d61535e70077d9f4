/**
 * The device codes a console's Connect-AzAccount hands out, as the sign-in page (microsoft.com/devicelogin)
 * meets them: which code it is, the accounts that may redeem it (those of a tenant in the code's cloud), and
 * the redemption the console's next poll picks up.
 */
import { CLOUDS } from '../clouds';
import { SimError } from '../core';
import { DEVICE_CODE_EXPIRED } from '../gateway-registration';
import { own } from '../lookup';
import { accountsInCloud } from '../identity';
import type { DeviceCode, Millis, World } from '../model';

/** The console code entered on the sign-in page (as typed: any case, spaces around), if it is one. */
export function consoleDeviceCode(world: World, code: string): DeviceCode | undefined {
  const entered = code.trim().toUpperCase();
  return (world.consoleDeviceCodes ?? []).find((c) => c.code === entered);
}

/** The accounts that may redeem a live console code, or undefined when the code is not a live console one. */
export function consoleSignInAccounts(
  world: World,
  code: string,
  now: Millis,
): { upn: string; displayName: string }[] | undefined {
  const entry = consoleDeviceCode(world, code);
  if (!entry || now >= entry.expiresAt) return undefined;
  return accountsInCloud(world, entry.cloud);
}

/** Redeems a console code as `upn`: refused once it has expired, or for an account outside the code's cloud. */
export function redeemConsoleDeviceCode(draft: World, code: string, upn: string, now: Millis): DeviceCode {
  const entry = consoleDeviceCode(draft, code);
  if (!entry || now >= entry.expiresAt)
    throw new SimError('bad-request', 'ExpiredDeviceCode', DEVICE_CODE_EXPIRED, { target: 'code' });
  const user = own(draft.cloud.users, upn);
  if (!user?.tenantIds.some((t) => own(draft.cloud.tenants, t)?.cloud === entry.cloud))
    throw new SimError(
      'bad-request',
      'UserNotInCloud',
      `The account ${upn} does not belong to a tenant in ${CLOUDS[entry.cloud].displayName}.`,
      { target: 'upn' },
    );
  entry.redeemedBy = upn;
  return entry;
}
