/**
 * The simulated "Enter code" page opens in a new tab, and every tab runs its own copy of the simulated
 * world (each tab's MSW client answers only that tab). When the code is used there, that tab tells the
 * others on a BroadcastChannel, and the tab showing the registration pane redeems the same code in its
 * own world, which is the one it keeps and saves.
 */
import { useEffect, useRef } from 'react';
import { useRedeemDeviceCode } from './azure-api';

const CHANNEL = 'hci-portal-device-login';

interface RedeemedMessage {
  type: 'device-code-redeemed';
  code: string;
  upn: string;
}

function isRedeemedMessage(value: unknown): value is RedeemedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<RedeemedMessage>;
  return m.type === 'device-code-redeemed' && typeof m.code === 'string' && typeof m.upn === 'string';
}

/** Called by the sign-in page once its own world accepted the code. */
export function announceDeviceCodeRedeemed(code: string, upn: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'device-code-redeemed', code, upn } satisfies RedeemedMessage);
  channel.close();
}

/** Tells `listener` of every code another tab's sign-in page accepted (the PowerShell console waits on its own). */
export function onDeviceCodeRedeemed(listener: (code: string, upn: string) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isRedeemedMessage(event.data)) listener(event.data.code, event.data.upn);
  };
  return () => channel.close();
}

/** While mounted, redeems in this tab any code another tab's sign-in page accepted. */
export function useDeviceLoginRelay(currentCode: string | null): void {
  const redeem = useRedeemDeviceCode();
  const { mutate } = redeem;
  const codeRef = useRef(currentCode);
  useEffect(() => {
    codeRef.current = currentCode;
  }, [currentCode]);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return undefined;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      // Only the code this tab is waiting for: an old tab's message must not sign in with a stale code.
      if (isRedeemedMessage(data) && data.code === codeRef.current)
        mutate({ code: data.code, upn: data.upn });
    };
    return () => channel.close();
  }, [mutate]);
}
