/**
 * The first handler on both surfaces: it answers what no route should ever see, before msw matches the
 * URL against the routes (msw's matching percent-decodes the path and throws on a malformed escape, which
 * would escape as a raw 500 before any route's own error handling runs). It refuses
 *
 *   - a URL longer than MAX_URL_LENGTH, or a path with a malformed %-escape  → 400, in the surface's shape;
 *   - a request body that is not JSON (by its Content-Type)                   → 415 UnsupportedMediaType,
 *     as ARM does; `/api` takes JSON bodies only too;
 *   - a JSON body that does not parse, or is not an object (every body of both surfaces is one)
 *                                                                             → 400 InvalidRequestContent.
 *
 * Everything else falls through to the routes (the resolver returns nothing). A route therefore receives
 * path parameters msw has decoded once, and must not decode them again.
 */
import { http } from 'msw';
import type { HttpHandler } from 'msw';
import { SimError } from '../sim';
import { parseJsonObject } from '../sim/arm';
import { armError, fromSimError } from './respond';

/**
 * No source gives ARM's limit; IIS (which fronts ARM) refuses URLs over its default maxUrl of 4096 and
 * query strings over 2048, so a URL over 8 KB is refused here on both surfaces.
 */
export const MAX_URL_LENGTH = 8_192;

/**
 * No name on either surface is longer than 260 characters (ARM's generic resource-name limit); a path
 * segment over twice that is refused here, so no message further in echoes kilobytes of it back.
 */
export const MAX_SEGMENT_LENGTH = 520;

/** ARM's hosts (public, China, US Government) and the gateway's `/api` on any origin. */
const GUARDED =
  /^https?:\/\/(?:management\.(?:azure\.com|chinacloudapi\.cn|usgovcloudapi\.net)\/|[^/]+\/api\/)/i;
const isArm = (url: string) => /^https?:\/\/management\./i.test(url);

const pathOf = (url: string): string => url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';

/** Whether every %-escape of the path decodes (the query is left to URLSearchParams, which never throws). */
function pathDecodes(url: string): boolean {
  try {
    decodeURIComponent(pathOf(url));
    return true;
  } catch {
    return false;
  }
}

/** `application/json`, `application/merge-patch+json`, `text/json` and the like, with or without a charset. */
function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type === 'text/json' || /^application\/[\w.-]+\+json$/.test(type);
}

async function refusal(request: Request): Promise<Response | undefined> {
  const { url } = request;
  if (url.length > MAX_URL_LENGTH)
    return armError(
      400,
      isArm(url) ? 'InvalidRequestUri' : 'InvalidRequest',
      `The request URL is ${url.length} characters long; the limit is ${MAX_URL_LENGTH}.`,
    );
  const longest = Math.max(
    ...pathOf(url)
      .split('/')
      .map((segment) => segment.length),
  );
  if (longest > MAX_SEGMENT_LENGTH)
    return armError(
      400,
      isArm(url) ? 'InvalidRequestUri' : 'InvalidRequest',
      `A segment of the request path is ${longest} characters long; no name is longer than ${MAX_SEGMENT_LENGTH}.`,
    );
  if (!pathDecodes(url))
    return armError(
      400,
      isArm(url) ? 'InvalidRequestUri' : 'InvalidRequest',
      'The request URL has a malformed percent-escape (a % must be followed by two hexadecimal digits of a UTF-8 sequence).',
    );
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const contentType = request.headers.get('content-type');
  const text = await request.clone().text();
  // without a Content-Type only an empty body passes: a body must say it is JSON
  if (contentType === null ? text === '' : isJsonMediaType(contentType)) {
    if (text.trim() === '' || text.trim() === 'null') return undefined;
    try {
      parseJsonObject(text, true);
      return undefined;
    } catch (error) {
      if (error instanceof SimError) return fromSimError(error);
      throw error;
    }
  }
  return armError(
    415,
    'UnsupportedMediaType',
    `The content media type '${(contentType ?? '').slice(0, 100)}' is not supported. Only 'application/json' is supported.`,
  );
}

/** Put first in the handler list (index.ts). */
export function guardHandlers(): HttpHandler[] {
  return [http.all(GUARDED, ({ request }) => refusal(request))];
}
