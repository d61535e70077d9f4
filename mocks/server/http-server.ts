/**
 * The simulated ARM and `/api` on plain HTTP, for clients outside a browser (the Azure SDKs, curl,
 * PowerShell's Invoke-RestMethod): a node:http server that hands each request to the same MSW handlers
 * through msw's `getResponse`, over a world of its own on the real clock. Paths under `/api/` are the
 * gateway API; every other path is ARM (`http://localhost:PORT/subscriptions?...` is
 * `https://management.azure.com/subscriptions?...`), and ARM's absolute URLs in answers (Location,
 * Azure-AsyncOperation, nextLink) point back at this server so clients poll it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { handlers } from '../handlers';
import { ARM_ORIGIN } from '../handlers/arm';
import { createSimRuntime } from '../runtime';
import type { SimRuntime } from '../runtime';
import { buildScenario, isScenario } from '../sim';

export interface SimServer {
  server: Server;
  sim: SimRuntime;
  /** http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(req: IncomingMessage, body: Buffer): Request {
  const path = req.url ?? '/';
  const url = path.startsWith('/api/') ? `http://localhost${path}` : `${ARM_ORIGIN}${path}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'host' || name === 'connection') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  return new Request(url, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' || body.length === 0 ? {} : { body: new Uint8Array(body) }),
  });
}

async function send(res: ServerResponse, response: Response, origin: string): Promise<void> {
  const rewrite = (text: string) => text.split(ARM_ORIGIN).join(origin);
  response.headers.forEach((value, name) => {
    if (name === 'content-length') return;
    res.setHeader(name, rewrite(value));
  });
  res.statusCode = response.status;
  const text = await response.text();
  res.end(rewrite(text));
}

/** Starts the server; `port` 0 picks a free one (tests). */
export async function startSimServer(options: { port: number; scenario?: string }): Promise<SimServer> {
  const scenario =
    options.scenario !== undefined && isScenario(options.scenario) ? options.scenario : 'fresh';
  const sim = createSimRuntime({ clock: () => Date.now(), world: buildScenario(scenario, Date.now()) });
  const all = handlers(sim);
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = toFetchRequest(req, await readBody(req));
        const response = await getResponse(all, request);
        await send(
          res,
          response ??
            Response.json(
              {
                error: { code: 'NotFound', message: `Nothing answers ${request.method} ${req.url ?? '/'}.` },
              },
              { status: 404 },
            ),
          origin,
        );
      } catch (error) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            error: { code: 'InternalServerError', message: `The simulation server failed: ${String(error)}` },
          }),
        );
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : options.port}`;
  return {
    server,
    sim,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
