/**
 * The messages between a page and the world host (the shared worker, or the leader tab where there is no
 * SharedWorker). Small on purpose: a page asks for one HTTP answer, one test-control call, or says hello and
 * goodbye; the host answers those and tells every page what changed. Everything here survives structured
 * clone, and bodies travel as transferable ArrayBuffers.
 */
import type { WorldChange } from '../../src/api/world-change-contract';
import type { HciSim } from '../test-control';

export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

export interface WireResponse {
  /** 0 is a network error (`Response.error()`), which the page reproduces */
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** No handler of the world takes this request: the page lets it go to the network. */
export const UNHANDLED = 'unhandled';

export type ControlMethod = keyof HciSim;

export const CONTROL_METHODS = [
  'reset',
  'advance',
  'inject',
  'repair',
  'snapshot',
  'load',
  'now',
  'scenarios',
  'faults',
] as const satisfies readonly ControlMethod[];

export function isControlMethod(value: unknown): value is ControlMethod {
  return typeof value === 'string' && (CONTROL_METHODS as readonly string[]).includes(value);
}

/** A preset link (`?scenario=NAME&advance=DURATION`) the page was opened with; null when absent. */
export interface StartLink {
  scenario: string | null;
  advance: string | null;
}

export type PageMessage =
  /** first message of a page: applies its preset link, if any; `lock` is a Web Lock the page holds while open */
  | { type: 'hello'; id: number; link: StartLink; lock: string | null }
  | { type: 'request'; id: number; request: WireRequest }
  | { type: 'control'; id: number; method: ControlMethod; args: unknown[] }
  /** the page is going away: save now, forget the page */
  | { type: 'bye' }
  /**
   * A port for the page's service worker: the worker asks the host over it directly (`request` messages,
   * `reply` answers), so an intercepted request does not wait on the page's main thread.
   */
  | { type: 'service-worker'; port: MessagePort };

export interface Welcome {
  /** origins other than the page's own whose requests the world answers (ARM hosts) */
  origins: string[];
}

export interface WireError {
  name: string;
  message: string;
}

export type HostMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError }
  | { type: 'changed'; change: WorldChange };

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export async function toWireRequest(request: Request): Promise<WireRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  return { method: request.method, url: request.url, headers: [...request.headers], body };
}

export function fromWireRequest(wire: WireRequest): Request {
  return new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body });
}

export async function toWireResponse(response: Response): Promise<WireResponse> {
  if (response.type === 'error') return { status: 0, statusText: '', headers: [], body: null };
  const body = response.body === null ? null : await response.arrayBuffer();
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}

/** Statuses that may not carry a body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function fromWireResponse(wire: WireResponse): Response {
  if (wire.status === 0) return Response.error();
  return new Response(NULL_BODY.has(wire.status) ? null : wire.body, {
    status: wire.status,
    statusText: wire.statusText,
    headers: wire.headers,
  });
}

/** The buffers a message can hand over instead of copying. */
export function transferablesOf(body: ArrayBuffer | null): Transferable[] {
  return body === null || body.byteLength === 0 ? [] : [body];
}
