import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { handlers } from '../handlers';
import { createSimRuntime } from '../runtime';
import { buildScenario } from '../sim';
import { routeTable } from './route-table';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const PAGE = 'http://localhost:5173';

function worldHandlers(): RequestHandler[] {
  return handlers(createSimRuntime({ clock: () => T0, world: buildScenario('registered', T0) }));
}

/** A URL each string path matches: parameters and wildcards filled in, relative paths on the page's origin. */
function sampleUrl(path: string): string {
  const filled = path
    .replace(/:[^/]+/g, 'Some-Name')
    .replace(/^\*/, PAGE)
    .replace(/\*/g, 'any/thing');
  return filled;
}

const methodOf = (handler: RequestHandler) => {
  const method = (handler.info as { method?: unknown }).method;
  return typeof method === 'string' ? method : 'GET';
};

describe('the route table', () => {
  it('keeps every handler msw would match, for a request to each route (and in other cases)', async () => {
    const list = worldHandlers();
    const table = routeTable(list);
    const requests: Request[] = [];
    for (const handler of list) {
      const path = (handler.info as { path?: unknown }).path;
      if (typeof path !== 'string') continue;
      const url = sampleUrl(path);
      requests.push(new Request(url, { method: methodOf(handler) }));
      requests.push(new Request(`${url.toUpperCase().replace('HTTP://LOCALHOST:5173', PAGE)}?q=1`));
      requests.push(new Request(`${url}/`, { method: 'POST' }));
    }
    requests.push(new Request(`${PAGE}/api/nowhere/at/all`));
    requests.push(new Request('https://management.azure.com/subscriptions?api-version=2022-12-01'));
    let matches = 0;
    for (const request of requests) {
      const kept = new Set(table(request));
      for (const handler of list) {
        if (!(await handler.test({ request }))) continue;
        matches++;
        expect(kept, `${request.method} ${request.url}`).toContain(handler);
      }
    }
    // Each route's own sample request matches it (and the guard and catch-all match most): a real check.
    expect(matches).toBeGreaterThan(2 * list.length);
  });

  it('leaves out the handlers whose method or literal path cannot match, and keeps the order', () => {
    const list = worldHandlers();
    const kept = routeTable(list)(new Request(`${PAGE}/api/clouds/AzureStack/vms?limit=100&search=web`));
    expect(kept.length).toBeLessThan(8);
    const paths = kept.map((h) => String((h.info as { path?: unknown }).path));
    expect(paths).toContain('*/api/clouds/:cloud/vms');
    expect(kept).toEqual(list.filter((h) => kept.includes(h)));
  });

  it('gives the answer msw gives with every handler: the first that matches wins', async () => {
    const list = [
      http.get('*/api/things/:id', () => HttpResponse.json({ from: 'param' })),
      http.get('*/api/things/special', () => HttpResponse.json({ from: 'literal' })),
      http.all(/\/api\//, () => HttpResponse.json({ from: 'catch-all' })),
    ];
    const table = routeTable(list);
    expect(table(new Request(`${PAGE}/API/Things/special`))).toEqual(list);
    expect(table(new Request(`${PAGE}/api/other`))).toEqual([list[2]]);
    expect(table(new Request(`${PAGE}/api/things/1`, { method: 'DELETE' }))).toEqual([list[2]]);
    for (const [method, path] of [
      ['GET', '/API/Things/special'],
      ['GET', '/api/things/7'],
      ['DELETE', '/api/things/7'],
      ['GET', '/api/other'],
    ] as const) {
      const request = () => new Request(`${PAGE}${path}`, { method });
      const all = await getResponse(list, request());
      const few = await getResponse(table(request()), request());
      expect(await few?.json()).toEqual(await all?.json());
    }
  });
});
