/**
 * The page's side of MSW's service worker (public/mockServiceWorker.js, wrapped by sim-service-worker.js),
 * spoken directly: the worker intercepts every request of the page and asks the page how to answer it. The
 * handlers themselves run in the world host (msw's `getResponse`), so the page needs no request matching of
 * its own, and msw's browser runtime (about 150 KB gzip with its cookie jar and public-suffix list) stays
 * out of the page's first load. The messages are those msw 2's `setupWorker` exchanges with that worker:
 * MOCK_ACTIVATE → MOCKING_ENABLED; REQUEST → MOCK_RESPONSE or PASSTHROUGH; KEEPALIVE_REQUEST; CLIENT_CLOSED.
 */

/** A request as the worker serializes it (mockServiceWorker.js, `serializeRequest`). */
export interface InterceptedRequest {
  id: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}

/** How to answer an intercepted request: a response, or undefined to let it go to the network. */
export type Answer = (request: InterceptedRequest) => Promise<Response | undefined>;

const KEEPALIVE_MS = 5000;

interface WorkerMessage {
  type: string;
  payload?: unknown;
}

function isWorkerMessage(value: unknown): value is WorkerMessage {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

async function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  if (!worker) throw new Error('The mock service worker did not install.');
  if (worker.state === 'activated') return worker;
  await new Promise<void>((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant')
        reject(new Error('The mock service worker was replaced while starting.'));
    });
  });
  return worker;
}

async function reply(port: MessagePort | undefined, answer: Answer, request: InterceptedRequest) {
  if (!port) return;
  try {
    const response = await answer(request);
    if (!response) {
      port.postMessage({ type: 'PASSTHROUGH' });
      return;
    }
    if (response.type === 'error') {
      port.postMessage({ type: 'MOCK_RESPONSE', data: { status: 0, statusText: '', headers: [] } });
      return;
    }
    const body = response.body === null ? null : await response.arrayBuffer();
    port.postMessage(
      {
        type: 'MOCK_RESPONSE',
        data: {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body,
        },
      },
      body === null ? [] : [body],
    );
  } catch (error) {
    // The same answer msw gives a handler that throws: a 500 naming the error, never a hanging request.
    const failure = error instanceof Error ? error : new Error(String(error));
    const body = JSON.stringify({ name: failure.name, message: failure.message });
    port.postMessage({
      type: 'MOCK_RESPONSE',
      data: {
        status: 500,
        statusText: 'Request Handler Error',
        headers: [['Content-Type', 'application/json']],
        body,
      },
    });
  }
}

/**
 * Registers the worker, has it answer this page's requests with `answer`, and resolves once it does. The
 * page must still wait to be controlled (a first visit is controlled once the worker claims it).
 */
export async function startMockServiceWorker(url: string, answer: Answer): Promise<void> {
  const registration = await navigator.serviceWorker.register(url);
  const worker = await activated(registration);
  const enabled = new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isWorkerMessage(message)) return;
      if (message.type === 'MOCKING_ENABLED') resolve();
      else if (message.type === 'REQUEST')
        void reply(event.ports[0], answer, message.payload as InterceptedRequest);
    });
  });
  navigator.serviceWorker.startMessages();
  worker.postMessage('MOCK_ACTIVATE');
  await enabled;
  // The worker's own keep-alive: while a page asks, the browser has a reason to keep the worker running.
  window.setInterval(
    () => navigator.serviceWorker.controller?.postMessage('KEEPALIVE_REQUEST'),
    KEEPALIVE_MS,
  );
  window.addEventListener('beforeunload', () =>
    navigator.serviceWorker.controller?.postMessage('CLIENT_CLOSED'),
  );
}
