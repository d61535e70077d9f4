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
import { apiFaultAnswer, apiLatencyMs, guidFrom } from '../sim';
import type { ApiSurface, SimError, SimErrorDetail } from '../sim';

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

function faultResponse(sim: SimRuntime, surface: ApiSurface, request: Request): Response | undefined {
  let ids: Record<string, string> | undefined;
  const answer = sim.read((world, now) =>
    apiFaultAnswer(
      world,
      surface,
      { method: request.method, path: new URL(request.url).pathname },
      now,
      () => {
        ids = requestIdHeaders();
        return {
          requestId: ids['x-ms-request-id'] ?? '',
          correlationId: ids['x-ms-correlation-request-id'] ?? '',
        };
      },
    ),
  );
  if (!answer) return undefined;
  const headers: Record<string, string> = { ...ids };
  if (answer.retryAfterSeconds !== undefined) headers['Retry-After'] = String(answer.retryAfterSeconds);
  return armError(answer.status, answer.code, answer.message, undefined, { headers });
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
