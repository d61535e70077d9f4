/**
 * The simulated sign-in page (microsoft.com/devicelogin) for every device code the world hands out: the
 * gateway's (Windows Admin Center's registration, gateway-registration.ts) and a PowerShell console's
 * (Connect-AzAccount or azcmagent, powershell/console-sign-in.ts). One place decides which code was
 * entered, which app the page names ("Are you trying to sign in to …?"), who may redeem it, and what the
 * page says once it is redeemed.
 */
import { checkDeviceCode, redeemDeviceCode } from './gateway-registration';
import { accountsInCloud } from './identity';
import type { Millis, World } from './model';
import {
  consoleDeviceCode,
  consoleSignInAccounts,
  redeemConsoleDeviceCode,
} from './powershell/console-sign-in';
import { SIGN_IN_APPS } from './powershell/session';

/** The app a gateway code signs in to: "Are you trying to sign in to Windows Admin Center?" (ui.md §2b step 3). */
export const GATEWAY_SIGN_IN_APP = 'Windows Admin Center';

/**
 * What the page says once a code is redeemed. ui.md §2b step 3 quotes it for Windows Admin Center; the
 * reference files quote no other, so for a console's client the same sentence names that client.
 */
export const signedInMessage = (appName: string): string =>
  `You have signed in to the ${appName} application on your device. You may now close this window.`;

/** Which app the code entered signs in to: a console's client, else Windows Admin Center. */
export function deviceLoginAppName(world: World, code: string): string {
  const console = consoleDeviceCode(world, code);
  if (!console) return GATEWAY_SIGN_IN_APP;
  return console.appName ?? SIGN_IN_APPS['az-powershell'];
}

/**
 * The accounts the page offers for the code: those of a tenant in the code's cloud. A code that is not a
 * live console code is the gateway's, refused in its words when it is wrong or has run out.
 */
export function deviceLoginAccounts(
  world: World,
  code: string,
  now: Millis,
): { upn: string; displayName: string }[] {
  return (
    consoleSignInAccounts(world, code, now) ?? accountsInCloud(world, checkDeviceCode(world, code, now).cloud)
  );
}

/** The page's Continue: the code is redeemed by `upn`; answers what the page then says. */
export function redeemDeviceLogin(draft: World, code: string, upn: string, now: Millis): string {
  if (!consoleDeviceCode(draft, code)) {
    redeemDeviceCode(draft, code, upn, now);
    return signedInMessage(GATEWAY_SIGN_IN_APP);
  }
  const entry = redeemConsoleDeviceCode(draft, code, upn, now);
  return signedInMessage(entry.appName ?? SIGN_IN_APPS['az-powershell']);
}
