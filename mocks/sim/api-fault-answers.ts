/**
 * What the simulated APIs answer while the lab's API faults are on: api-throttling answers 429 with
 * Retry-After, api-errors answers 500, each for the surface ('arm' or 'api') it targets.
 *
 * The two messages are ARM's own, as its responses carry them (the throttling text names the operation type
 * and window of Resource Manager's request limits); the reference files give no text for them.
 */
import { apiFaultActive } from './faults';
import type { ApiSurface } from './faults';
import type { Millis, World } from './model';

export interface ApiFaultAnswer {
  status: 429 | 500;
  code: 'TooManyRequests' | 'InternalServerError';
  message: string;
  /** seconds a client waits before it tries again (429 only) */
  retryAfterSeconds?: number;
}

/** The ids an answer carries in its headers, which ARM's 500 also names in its message. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

/** Seconds Retry-After asks a throttled client to wait. */
const THROTTLED_RETRY_AFTER_SECONDS = 10;

/** ARM's diagnostic timestamp: yyyyMMddTHHmmssZ. */
function diagnosticTimestamp(at: Millis): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * The fault's answer to a request, or undefined when no fault of `surface` is on. Throttling wins over
 * errors, as Resource Manager refuses a throttled request before it reaches a provider. `ids` is asked only
 * for the 500, whose message names them.
 */
export function apiFaultAnswer(
  world: World,
  surface: ApiSurface,
  request: { method: string; path: string },
  now: Millis,
  ids: () => RequestIds,
): ApiFaultAnswer | undefined {
  if (apiFaultActive(world, 'api-throttling', surface)) {
    const kind = request.method === 'GET' || request.method === 'HEAD' ? 'Read' : 'Write';
    return {
      status: 429,
      code: 'TooManyRequests',
      message: `The request is being throttled as the limit has been reached for operation type - ${kind}_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`,
      retryAfterSeconds: THROTTLED_RETRY_AFTER_SECONDS,
    };
  }
  if (apiFaultActive(world, 'api-errors', surface)) {
    const { requestId, correlationId } = ids();
    const subscriptionId = /\/subscriptions\/([^/?#]+)/i.exec(request.path)?.[1] ?? '';
    return {
      status: 500,
      code: 'InternalServerError',
      message: `Encountered internal server error. Diagnostic information: timestamp '${diagnosticTimestamp(now)}', subscription id '${subscriptionId}', tracking id '${requestId}', request correlation id '${correlationId}'.`,
    };
  }
  return undefined;
}
