/**
 * The gateway `/api` routes' way of answering, on top of respond.ts (ARM's error shape, request-id headers
 * and the API fault switches): one implementation for both surfaces.
 */
import type { PathParams } from 'msw';
import type { SimRuntime } from '../runtime';
import { SimError } from '../sim';
import { armError, fromSimError, withApiFaults } from './respond';

export { fromSimError };

/** `{ error: { code, message, target? } }` with a status; `target` names the request field at fault. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  target?: string,
  headers?: Record<string, string>,
): Response {
  return armError(status, code, message, undefined, {
    ...(target === undefined ? {} : { target }),
    ...(headers ? { headers } : {}),
  });
}

/** The route's named path parameters, as plain strings (repeated segments are not used by this API). */
export type RouteParams = Record<string, string>;

/**
 * A gateway `/api` route: API faults applied, and a SimError thrown anywhere in `fn` answered in the
 * `{ error }` shape with its status instead of escaping as a 500.
 */
export function simRoute(sim: SimRuntime, fn: RouteBody) {
  return withApiFaults(sim, 'api', simErrorsAnswered(fn));
}

type RouteBody = (request: Request, params: RouteParams) => Promise<Response> | Response;

/**
 * A route whose simulation answers the API faults itself, with the failure the real product shows there
 * (e.g. Connect's "Couldn't register application … ajax error 500"), instead of the generic 500.
 */
export function simRouteOwningFaults(fn: RouteBody) {
  return simErrorsAnswered(fn);
}

function simErrorsAnswered(fn: RouteBody) {
  return async ({ request, params }: { request: Request; params: PathParams }) => {
    const plainParams: RouteParams = {};
    for (const [key, value] of Object.entries(params))
      if (typeof value === 'string') plainParams[key] = value;
    try {
      return await fn(request, plainParams);
    } catch (error) {
      if (error instanceof SimError) return fromSimError(error);
      throw error;
    }
  };
}

/** The request's JSON object body ({} when empty); anything else is refused with InvalidRequestContent. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // answered below, in the API's own words
  }
  throw new SimError('bad-request', 'InvalidRequestContent', 'The request body must be a JSON object.');
}
