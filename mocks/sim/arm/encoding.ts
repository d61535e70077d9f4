/**
 * base64url over UTF-8, written out rather than taken from `btoa`/`Buffer` so the pure core runs the same
 * in the browser, the service worker and Node, and so names with Unicode letters (allowed in resource
 * group names) survive a round trip through a token or an operation id.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    if (b1 !== undefined) out += ALPHABET.charAt((n >> 6) & 63);
    if (b2 !== undefined) out += ALPHABET.charAt(n & 63);
  }
  return out;
}

/** The decoded text, or undefined when `encoded` is not base64url of valid UTF-8. */
export function base64UrlDecode(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of encoded) {
    // at most 14 bits are ever pending: 6 new ones on top of fewer than 8 left over
    buffer = ((buffer << 6) | ALPHABET.indexOf(ch)) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
