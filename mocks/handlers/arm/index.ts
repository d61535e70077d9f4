/**
 * https://management.azure.com, answered by the simulated ARM (mocks/sim/arm). One handler takes every
 * request, finds its route (routes.ts), hands the operation to the runtime — reads to `sim.read`, writes
 * to `sim.run` — and turns the reply into HTTP. No rule of ARM lives here.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { SimRuntime } from '../../runtime';
import { SimError } from '../../sim';
import type { CloudName } from '../../sim';
import type { ArmMethod } from './routes';
import type { ArmReply, ArmRequest } from '../../sim/arm';
import { armError, fromSimError, requestIdHeaders, withApiFaults } from '../respond';
import { matchArmRoute, pathSegments, unmatched } from './routes';

export const ARM_ORIGIN = 'https://management.azure.com';
/**
 * Resource Manager of each cloud served: Azure, Azure China (Mooncake), Azure US Government (Fairfax). Each
 * answers from its own cloud's subscriptions (a subscription's cloud is its tenant's).
 */
const CLOUD_OF_ORIGIN = {
  [ARM_ORIGIN]: 'AzureCloud',
  'https://management.chinacloudapi.cn': 'AzureChinaCloud',
  'https://management.usgovcloudapi.net': 'AzureUSGovernment',
} as const satisfies Record<string, CloudName>;
export const ARM_ORIGINS = Object.keys(CLOUD_OF_ORIGIN) as (keyof typeof CLOUD_OF_ORIGIN)[];

const METHODS: readonly string[] = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'POST'] satisfies ArmMethod[];
const isArmMethod = (method: string): method is ArmMethod => METHODS.includes(method);

/** ARM reads its query parameter names case-insensitively. */
function queryParam(url: URL, name: string): string | undefined {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name) return value;
  return undefined;
}

function toResponse(reply: ArmReply, method: string, origin: string): Response {
  const headers: Record<string, string> = requestIdHeaders();
  if (reply.location !== undefined) headers.Location = origin + reply.location;
  if (reply.asyncOperation !== undefined) headers['Azure-AsyncOperation'] = origin + reply.asyncOperation;
  if (reply.retryAfter !== undefined) headers['Retry-After'] = String(reply.retryAfter);
  if (method === 'HEAD' || reply.body === undefined)
    return new HttpResponse(null, { status: reply.status, headers });
  return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status, headers });
}

async function answer(sim: SimRuntime, request: Request, cloud: CloudName): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const apiVersion = queryParam(url, 'api-version');
  const segments = pathSegments(url.pathname);
  const match = segments === undefined ? undefined : matchArmRoute(segments);
  if (!match) {
    const miss = unmatched(segments ?? [], request.url, apiVersion);
    return armError(miss.status, miss.code, miss.message);
  }
  const factory = isArmMethod(method) ? match.route.ops[method] : undefined;
  if (!factory)
    return armError(
      405,
      'MethodNotAllowed',
      `The requested resource does not support http method '${method}'.`,
    );

  const req: ArmRequest = {
    apiVersion,
    authorization: request.headers.get('authorization') ?? undefined,
    body: method === 'GET' || method === 'HEAD' ? undefined : await request.text(),
    top: queryParam(url, '$top'),
    skipToken: queryParam(url, '$skiptoken'),
    filter: queryParam(url, '$filter'),
    cloud,
  };
  const op = factory(req, match.params);
  if (method === 'GET' || method === 'HEAD') {
    try {
      return toResponse(sim.read(op), method, url.origin);
    } catch (error) {
      if (error instanceof SimError)
        return method === 'HEAD'
          ? new HttpResponse(null, { status: error.status, headers: requestIdHeaders() })
          : fromSimError(error);
      throw error;
    }
  }
  const outcome = sim.run(op);
  return outcome.ok ? toResponse(outcome.value, method, url.origin) : fromSimError(outcome.error);
}

/** The ARM handlers, for `setupWorker(...)` / `setupServer(...)`. */
export function armHandlers(sim: SimRuntime): HttpHandler[] {
  return ARM_ORIGINS.map((origin) =>
    http.all(
      `${origin}/*`,
      withApiFaults(sim, 'arm', async ({ request }) => {
        try {
          return await answer(sim, request, CLOUD_OF_ORIGIN[origin]);
        } catch (error) {
          // A bug must still answer in ARM's shape rather than take the page's fetch down with it.
          console.error('Simulated ARM failed on', request.method, request.url, error);
          return armError(
            500,
            'InternalServerError',
            'Encountered internal server error in the simulated Azure Resource Manager.',
          );
        }
      }),
    ),
  );
}
