/**
 * Lists as ARM pages them: `$top` caps a page and the page's `nextLink` carries `$skipToken` (the offset
 * of the next item, base64url so clients treat it as opaque) back to the same list; `$filter` by tag as
 * ResourceGroups_List defines it (`tagName eq 'n'`, `tagName eq 'n' and tagValue eq 'v'`).
 */
import { quote } from '../lookup';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import { invalidParameter } from './errors';
import type { ArmRequest } from './common';

/** ARM's largest page (`$top` above it is refused, as ResourceGroups_List does for over 1000). */
export const MAX_TOP = 1_000;

export function page<T>(
  items: readonly T[],
  req: ArmRequest,
  path: string,
  apiVersion: string,
): { value: T[]; nextLink?: string } {
  let top = items.length;
  if (req.top !== undefined) {
    if (!/^\d+$/.test(req.top) || Number(req.top) < 1 || Number(req.top) > MAX_TOP)
      throw invalidParameter(
        `The value '${quote(req.top)}' of '$top' is not valid: it must be a whole number from 1 to ${MAX_TOP}.`,
        '$top',
      );
    top = Number(req.top);
  }
  let start = 0;
  if (req.skipToken !== undefined) {
    const decoded = base64UrlDecode(req.skipToken);
    if (decoded === undefined || !/^\d{1,9}$/.test(decoded))
      throw invalidParameter(`The '$skipToken' '${quote(req.skipToken)}' is not valid.`, '$skipToken');
    start = Number(decoded);
  }
  const value = items.slice(start, start + top);
  const next = start + top;
  if (next >= items.length) return { value };
  const query = [`api-version=${apiVersion}`, `$top=${top}`, `$skipToken=${base64UrlEncode(String(next))}`];
  if (req.filter !== undefined) query.push(`$filter=${encodeURIComponent(req.filter)}`);
  return { value, nextLink: `${path}?${query.join('&')}` };
}

const TAG_FILTER = /^\s*tagName\s+eq\s+'((?:[^']|'')*)'(?:\s+and\s+tagValue\s+eq\s+'((?:[^']|'')*)')?\s*$/i;

/** A predicate for `$filter` on tags; undefined filter keeps everything. */
export function tagFilter(filter: string | undefined): (r: { tags: Record<string, string> }) => boolean {
  if (filter === undefined || filter.trim() === '') return () => true;
  const match = TAG_FILTER.exec(filter);
  if (!match)
    throw invalidParameter(
      `The $filter '${quote(filter)}' is not supported: use tagName eq 'name' [and tagValue eq 'value'].`,
      '$filter',
    );
  const name = (match[1] ?? '').replace(/''/g, "'").toLowerCase();
  const value = match[2]?.replace(/''/g, "'");
  return (r) =>
    Object.entries(r.tags).some(([k, v]) => k.toLowerCase() === name && (value === undefined || v === value));
}
