/**
 * What every handler answers with: the `{ error: { code, message } }` body (ARM's shape, used by `/api`
 * too) and the API faults, which change how the handlers answer without touching the world.
 */
import { delay, HttpResponse } from 'msw';
import type { HttpResponseResolver, PathParams } from 'msw';
import type { SimRuntime } from '../runtime';
import { apiFaultActive, apiLatencyMs } from '../sim';
import { SimError } from '../sim';

export function errorResponse(status: number, code: string, message: string, target?: string, headers?: Record<string, string>): Response {
  return HttpResponse.json({ error: { code, message, ...(target === undefined ? {} : { target }) } }, { status, ...(headers ? { headers } : {}) });
}

export function fromSimError(error: SimError): Response {
  return HttpResponse.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.target === undefined ? {} : { target: error.target }),
        ...(error.details.length > 0 ? { details: error.details } : {}),
      },
    },
    { status: error.status },
  );
}

/**
 * Wraps a resolver with the api-latency / api-errors / api-throttling faults for one surface.
 * Test-control endpoints are never wrapped, so a presenter can always switch the faults off again.
 */
export function apiFaults<R extends HttpResponseResolver<never, never, never>>(sim: SimRuntime, surface: 'arm' | 'api', resolver: R): R {
  const wrapped = async (...args: Parameters<R>) => {
    const world = sim.world();
    const latency = apiLatencyMs(world);
    if (latency > 0) await delay(latency);
    if (apiFaultActive(world, 'api-throttling', surface)) {
      return errorResponse(
        429,
        'TooManyRequests',
        'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits',
        undefined,
        { 'Retry-After': '10' },
      );
    }
    if (apiFaultActive(world, 'api-errors', surface)) {
      return errorResponse(500, 'InternalServerError', `Encountered internal server error. Diagnostic information: timestamp '${new Date(sim.now()).toISOString()}'.`);
    }
    return (resolver as unknown as (...a: Parameters<R>) => unknown)(...args);
  };
  return wrapped as unknown as R;
}

/** The route's named path parameters, as plain strings (repeated segments are not used by this API). */
export type RouteParams = Record<string, string>;

/**
 * A gateway `/api` route: API faults applied, and a SimError thrown anywhere in `fn` answered in the
 * `{ error }` shape with its status instead of escaping as a 500.
 */
export function simRoute(sim: SimRuntime, fn: (request: Request, params: RouteParams) => Promise<Response> | Response) {
  return apiFaults(sim, 'api', async ({ request, params }: { request: Request; params: PathParams }) => {
    const plainParams: RouteParams = {};
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string') plainParams[key] = value;
    try {
      return await fn(request, plainParams);
    } catch (error) {
      if (error instanceof SimError) return fromSimError(error);
      throw error;
    }
  });
}

/** The request's JSON object body ({} when empty); anything else is refused with InvalidRequestContent. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below, in the API's own words
  }
  throw new SimError('bad-request', 'InvalidRequestContent', 'The request body must be a JSON object.');
}
