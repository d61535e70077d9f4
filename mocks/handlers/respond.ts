/**
 * How every handler answers (ARM at management.azure.com, and the gateway's /api where it opts in).
 *
 * - `json(body, init)`: a JSON response.
 * - `armError(status, code, message, details?, { target?, headers? })`: ARM's error shape `{ error: { code, message, target?, details? } }`
 *   with `x-ms-request-id` / `x-ms-correlation-request-id` headers, as ARM sends on every answer.
 * - `fromSimError(error)`: a SimError refused by the simulation, as that error response.
 * - `withApiFaults(sim, surface, resolver)`: wraps a resolver with the API fault switches for one surface
 *   ('arm' or 'api'): api-latency waits first (through the runtime's delay adapter), then api-throttling answers 429 TooManyRequests with
 *   `Retry-After: 10`, then api-errors answers 500 InternalServerError; otherwise the resolver runs.
 *   Never wrap the test-control endpoints: a presenter must always be able to switch the faults off.
 *
 * Request ids come from a counter, so a test run gives the same ids every time.
 */
import { HttpResponse } from 'msw';
import type { DefaultBodyType, HttpResponseResolver, JsonBodyType, PathParams } from 'msw';
import type { SimRuntime } from '../runtime';
import { apiFaultActive, apiLatencyMs, guidFrom } from '../sim';
import type { Millis, SimError, SimErrorDetail } from '../sim';

export type ApiSurface = 'arm' | 'api';

let requestSeq = 0;

/** Fresh `x-ms-request-id` and `x-ms-correlation-request-id` headers. */
export function requestIdHeaders(): Record<string, string> {
  requestSeq += 1;
  return {
    'x-ms-request-id': guidFrom('x-ms-request-id', requestSeq),
    'x-ms-correlation-request-id': guidFrom('x-ms-correlation-request-id', requestSeq),
  };
}

export function json<T extends JsonBodyType>(body: T, init?: ResponseInit): HttpResponse<T> {
  return HttpResponse.json(body, init);
}

export interface ArmErrorOptions {
  target?: string;
  headers?: Record<string, string>;
}

/** `{ error: { code, message, target?, details? } }` (common-types ErrorResponse) with ARM's request-id headers. */
export function armError(
  status: number,
  code: string,
  message: string,
  details?: readonly SimErrorDetail[],
  options: ArmErrorOptions = {},
): Response {
  const error = {
    code,
    message,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(details === undefined || details.length === 0 ? {} : { details: [...details] }),
  };
  return HttpResponse.json({ error }, { status, headers: { ...requestIdHeaders(), ...options.headers } });
}

export function fromSimError(error: SimError): Response {
  return armError(
    error.status,
    error.code,
    error.message,
    error.details,
    error.target === undefined ? {} : { target: error.target },
  );
}

/** ARM's diagnostic timestamp: yyyyMMddTHHmmssZ. */
function diagnosticTimestamp(ms: Millis): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function faultResponse(sim: SimRuntime, surface: ApiSurface, request: Request): Response | undefined {
  const { throttled, failing } = sim.read((world) => ({
    throttled: apiFaultActive(world, 'api-throttling', surface),
    failing: apiFaultActive(world, 'api-errors', surface),
  }));
  if (throttled) {
    const kind = request.method === 'GET' || request.method === 'HEAD' ? 'Read' : 'Write';
    return armError(
      429,
      'TooManyRequests',
      `The request is being throttled as the limit has been reached for operation type - ${kind}_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`,
      undefined,
      { headers: { 'Retry-After': '10' } },
    );
  }
  if (failing) {
    const ids = requestIdHeaders();
    const subscriptionId = /\/subscriptions\/([^/?#]+)/i.exec(new URL(request.url).pathname)?.[1] ?? '';
    return armError(
      500,
      'InternalServerError',
      `Encountered internal server error. Diagnostic information: timestamp '${diagnosticTimestamp(sim.now())}', subscription id '${subscriptionId}', tracking id '${ids['x-ms-request-id'] ?? ''}', request correlation id '${ids['x-ms-correlation-request-id'] ?? ''}'.`,
      undefined,
      { headers: ids },
    );
  }
  return undefined;
}

/** The resolver, behind the API fault switches of `surface` (see the header). */
export function withApiFaults<Params extends PathParams, RequestBody extends DefaultBodyType>(
  sim: SimRuntime,
  surface: ApiSurface,
  resolver: HttpResponseResolver<Params, RequestBody>,
): HttpResponseResolver<Params, RequestBody> {
  return async (info) => {
    const latency = sim.read((world) => apiLatencyMs(world));
    await sim.delay(latency);
    return faultResponse(sim, surface, info.request) ?? resolver(info);
  };
}
