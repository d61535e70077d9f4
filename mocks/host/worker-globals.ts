/**
 * Imported first by the shared worker entry. msw's core builds a cookie store when it is loaded and, outside
 * Node, insists that a `localStorage` global exists (workers have none). The world keeps no cookies across
 * restarts, so an object without storage methods is enough: msw then keeps its cookies in memory only.
 */
const scope = globalThis as { localStorage?: unknown };
scope.localStorage ??= {};

export {};
