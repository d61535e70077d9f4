/**
 * The gateway `/api` routes' way of answering, on top of respond.ts (ARM's error shape, request-id headers
 * and the API fault switches): one implementation for both surfaces.
 */
import type { JsonBodyType, PathParams } from 'msw';
import type * as z from 'zod/mini';
import { HttpResponse } from 'msw';
import type { SimRuntime } from '../runtime';
import { issueField, issueMessage } from '../../src/api/schema-messages';
import { SimError, own } from '../sim';
import type { Job, Millis, Op, World } from '../sim';
import { armError, fromSimError, withApiFaults } from './respond';
import { jobDto } from '../sim';

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

/**
 * The answer of every /api operation that starts a job: 202 Accepted with the job as it is now and a
 * `Location` to poll, or the refusal with its status (nothing started). `view` and `location` default to
 * the JobDto at /api/jobs/{id}; the benefits routes answer their own operation shape.
 */
export function acceptedJob(
  sim: SimRuntime,
  op: Op<Job>,
  view: (world: World, job: Job, now: Millis) => JsonBodyType = (_w, job, now) => jobDto(job, now),
  location: (job: Job) => string = (job) => `/api/jobs/${job.id}`,
): Response {
  const outcome = sim.run(op);
  if (!outcome.ok) return fromSimError(outcome.error);
  const job = outcome.value;
  return HttpResponse.json(
    sim.read((w, now) => view(w, own(w.jobs, job.id) ?? job, now)),
    { status: 202, headers: { Location: location(job) } },
  );
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
async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
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

/**
 * The request's JSON body, parsed with its schema from src/api/request-schemas.ts; the first problem is
 * refused with 400 InvalidParameter naming the field path (as `target` and in the message).
 */
export async function parseBody<S extends z.ZodMiniType>(request: Request, schema: S): Promise<z.output<S>> {
  const body = await readJsonObject(request);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issueField(issue) : '';
  throw new SimError(
    'bad-request',
    'InvalidParameter',
    issue ? issueMessage(issue) : 'The request body is not valid.',
    field === '' ? {} : { target: field },
  );
}
