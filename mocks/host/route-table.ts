/**
 * The handlers that could answer a request, in their order, before msw's `getResponse` tries them. msw
 * tries every handler in turn, and each try parses the request against the handler's path (URL cleaning,
 * path-to-regexp, cookies): with 103 handlers that was a few milliseconds of every answer of the host, most
 * of it spent on handlers whose literal path cannot be in the URL. The same handlers in the same order still
 * answer; this only leaves out those that cannot match, by a test that never refuses a match: a handler is
 * left out only when its method differs, or when a literal part of its path (the text between its
 * parameters and wildcards) is missing from the URL. RegExp paths and methods always stay.
 */
import type { RequestHandler } from 'msw';

interface Candidate {
  handler: RequestHandler;
  /** upper case; undefined when the handler takes every method (or a RegExp of them) */
  method: string | undefined;
  /** literal parts of the path, each of which any URL it matches contains; empty for a RegExp path */
  literals: string[];
}

/**
 * The literal parts of an msw path string, lower case (msw matches paths case-insensitively): what lies
 * between `*` wildcards and `:param` segments (a scheme's colon splits like one, which only weakens the
 * test), without the slash before a parameter.
 */
function literalsOf(path: string): string[] {
  // Pattern syntax, or a character a URL could carry encoded: no literal test, the handler is always tried.
  if (/[^\w/.~:*-]/.test(path)) return [];
  return path
    .split(/\*|:[^/]*/)
    .map((part) => part.replace(/\/+$/, '').toLowerCase())
    .filter((part) => part.length > 0);
}

function candidateOf(handler: RequestHandler): Candidate {
  const info = handler.info as { method?: unknown; path?: unknown };
  return {
    handler,
    method: typeof info.method === 'string' ? info.method.toUpperCase() : undefined,
    literals: typeof info.path === 'string' ? literalsOf(info.path) : [],
  };
}

/** Returns, for a request, the handlers of `list` that could match it, in the order of `list`. */
export function routeTable(list: readonly RequestHandler[]): (request: Request) => RequestHandler[] {
  const candidates = list.map(candidateOf);
  return (request) => {
    const method = request.method.toUpperCase();
    // msw matches the path without the query and fragment; a literal found only there is no match.
    const url = request.url.replace(/[?#].*$/, '').toLowerCase();
    return candidates
      .filter(
        (c) =>
          (c.method === undefined || c.method === method) &&
          c.literals.every((literal) => url.includes(literal)),
      )
      .map((c) => c.handler);
  };
}
