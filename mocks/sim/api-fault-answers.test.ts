import { describe, expect, it } from 'vitest';
import { apiFaultAnswer, buildScenario, injectFault } from './index';
import type { World } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 30, 5);
const SUB = '/subscriptions/1c0a5e6e-0000-4000-8000-000000000001/resourceGroups/rg?api-version=2022-09-01';

function worldWith(
  ...faults: [fault: 'api-errors' | 'api-throttling' | 'api-latency', target?: string][]
): World {
  const world = buildScenario('registered', T0);
  for (const [fault, target] of faults) injectFault(world, fault, target, T0);
  return world;
}

const ids = () => ({ requestId: 'req-1', correlationId: 'corr-1' });
const read = { method: 'GET', path: SUB };
const write = { method: 'PUT', path: SUB };

describe('what the APIs answer while an API fault is on', () => {
  it('answers nothing of its own when no API fault is on, or only latency', () => {
    expect(apiFaultAnswer(worldWith(), 'arm', read, T0, ids)).toBeUndefined();
    expect(apiFaultAnswer(worldWith(['api-latency', '200']), 'arm', read, T0, ids)).toBeUndefined();
  });

  it("throttles with 429, Retry-After and ARM's text for the operation's kind", () => {
    const world = worldWith(['api-throttling', 'arm']);
    expect(apiFaultAnswer(world, 'arm', read, T0, ids)).toEqual({
      status: 429,
      code: 'TooManyRequests',
      message:
        'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits',
      retryAfterSeconds: 10,
    });
    expect(apiFaultAnswer(world, 'arm', write, T0, ids)?.message).toContain('Write_ObservationWindow');
  });

  it('touches only the surface it targets; * targets both', () => {
    expect(apiFaultAnswer(worldWith(['api-errors', 'arm']), 'api', read, T0, ids)).toBeUndefined();
    expect(apiFaultAnswer(worldWith(['api-errors', 'api']), 'api', read, T0, ids)?.status).toBe(500);
    expect(apiFaultAnswer(worldWith(['api-errors', '*']), 'arm', read, T0, ids)?.status).toBe(500);
  });

  it('fails with 500 naming the time, the subscription and the request ids', () => {
    expect(apiFaultAnswer(worldWith(['api-errors', 'arm']), 'arm', read, T0, ids)).toEqual({
      status: 500,
      code: 'InternalServerError',
      message:
        "Encountered internal server error. Diagnostic information: timestamp '20261122T093005Z', subscription id '1c0a5e6e-0000-4000-8000-000000000001', tracking id 'req-1', request correlation id 'corr-1'.",
    });
  });

  it('throttles before it fails, and asks for request ids only to fail', () => {
    let asked = 0;
    const counted = () => {
      asked += 1;
      return ids();
    };
    const both = worldWith(['api-errors', 'arm'], ['api-throttling', 'arm']);
    expect(apiFaultAnswer(both, 'arm', read, T0, counted)?.status).toBe(429);
    expect(asked).toBe(0);
  });
});
