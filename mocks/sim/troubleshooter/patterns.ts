/** Reading pasted error texts: message templates as patterns, the certificate error's node lists, node names. */
import type { OnPremCluster } from '../model';

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message template as a pattern: each placeholder matches any text. */
export function templatePattern(text: string, placeholder = '\u0000'): RegExp {
  return new RegExp(text.split(placeholder).map(escape).join('.*?').replace(/\s+/g, '\\s+'), 'i');
}

export const P = '\u0000';

export const CERT_PATTERN =
  /Couldn't generate self-signed certificate on node\(s\)\s*\{?([^.}]*)\}?\.\s*Couldn't set and verify registration certificate on node\(s\)\s*\{?([^.}]*)\}?/i;

/** Node names from a comma/space separated list such as `{Node1,Node2}` or `hci-node1, hci-node2`. */
export function parseNodeList(text: string): string[] {
  return text
    .replace(/[{}]/g, '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.');
}

export function namedNodes(cluster: OnPremCluster, text: string): string[] {
  const lower = text.toLowerCase();
  return cluster.nodeNames.filter((n) =>
    new RegExp(`(^|[^\\w-])${escape(n.toLowerCase())}($|[^\\w-])`).test(lower),
  );
}
