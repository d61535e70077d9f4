/**
 * MSW's service worker (mockServiceWorker.js, kept as `msw init` writes it) plus one thing it lacks: memory
 * of which pages are mocking that survives the worker being stopped. Browsers stop idle service workers
 * (Chrome does it to background tabs); a restarted mockServiceWorker.js has an empty `activeClientIds` and
 * sends every request of a mocking page to the network. This script records the ids of pages that activated
 * mocking in IndexedDB, and the first request after a restart waits until they are restored, then is
 * answered the way MSW answers it. Its listeners are registered before MSW's, so they run first.
 *
 * It also answers a page's requests for the world straight from the world host when the page has handed it
 * a port to the host (mocks/browser.ts), and lets that page's other requests go to the network untouched:
 * MSW's own path asks the page, whose main thread is busy with the app's first render during a cold start.
 * Ports live in this worker's memory only; after a restart, and for the page's readiness probe, requests
 * take MSW's path through the page.
 *
 * And it does not unregister itself when the last mocking page closes, as mockServiceWorker.js does: a
 * reload of the only tab would otherwise race the new document against the uninstall.
 *
 * It relies on two globals of mockServiceWorker.js (`activeClientIds`, `handleRequest`); an msw upgrade that
 * renames them fails loudly at install below instead of silently passing requests through.
 */
/* global self, importScripts, addEventListener, indexedDB, activeClientIds, handleRequest */

const CLIENTS_DB = 'hci-portal-mocking-clients';
const CLIENTS_STORE = 'clients';

function openClientsDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(CLIENTS_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(CLIENTS_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function updateClients(change) {
  const db = await openClientsDb();
  await new Promise((resolve, reject) => {
    const tx = db.transaction(CLIENTS_STORE, 'readwrite');
    change(tx.objectStore(CLIENTS_STORE));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function readClients() {
  const db = await openClientsDb();
  const ids = await new Promise((resolve, reject) => {
    const request = db.transaction(CLIENTS_STORE, 'readonly').objectStore(CLIENTS_STORE).getAllKeys();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return ids;
}

/** Once per start of this worker: the mocking pages that are still open, back into MSW's set. */
let restored;
let restoreDone = false;
function restoreClients() {
  restored ??= (async () => {
    const ids = await readClients().catch(() => []);
    const gone = [];
    for (const id of ids) {
      if (await self.clients.get(id)) activeClientIds.add(id);
      else gone.push(id);
    }
    restoreDone = true;
    if (gone.length > 0)
      await updateClients((store) => gone.forEach((id) => store.delete(id))).catch(() => undefined);
  })();
  return restored;
}

/** Per mocking page: its port to the world host, and what the world answers (same-origin /api/, ARM hosts). */
const worldPorts = new Map();
let nextWorldRequest = 1;

/** The null body statuses of the Fetch standard, which a Response may not be given a body for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * How a page's request is answered: `network` for the page's own code, styles, images and fonts (any request
 * with a destination: the world is asked only with fetch(), whose destination is empty), whether or not this
 * worker knows the page yet; then, for a page that handed this worker its port, `world` (asked of the host
 * over the port) or `network` (a fetch() the page would answer PASSTHROUGH, by mocks/browser.ts's
 * isForTheWorld, the same test: MSW's path would ask the page's busy main thread only to hear that); and
 * `page` for the readiness probe, which must go through the page, and for every request of a page without
 * a port.
 */
function routeOf(event) {
  // Answered through this worker, the page's code died with it: a worker stopped while the route chunks the
  // app prefetches when idle were in flight (the DevTools protocol's ServiceWorker.stopAllWorkers, 14 of 25
  // tries) failed those imports, and the browser keeps a failed module, so the next navigation needing one
  // showed "Failed to fetch dynamically imported module" until a reload. Nor do they wait on MSW's path,
  // which first asks the page's main thread, busy rendering the very route whose code chunks these are (a
  // trace of an in-app navigation showed each chunk answered 170-220 ms after it was asked for).
  if (event.request.destination !== '') return { via: 'network' };
  const route = worldPorts.get(event.clientId);
  if (!route) return { via: 'page' };
  const request = event.request;
  if (request.headers.has(route.probeHeader)) return { via: 'page' };
  const forTheWorld =
    request.url.startsWith(route.apiPrefix) || route.origins.includes(new URL(request.url).origin);
  return forTheWorld ? { via: 'world', route } : { via: 'network' };
}

/** The same messages a page sends the host (mocks/host/protocol.ts): request → reply. */
async function askWorld(route, request) {
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? null : await request.clone().arrayBuffer();
  const id = nextWorldRequest++;
  const reply = await new Promise((resolve) => {
    route.waiting.set(id, resolve);
    route.port.postMessage(
      {
        type: 'request',
        id,
        request: { method: request.method, url: request.url, headers: [...request.headers], body },
      },
      body && body.byteLength > 0 ? [body] : [],
    );
  });
  if (!reply.ok) {
    // What MSW answers for a handler that throws, as the page's path does.
    return new Response(JSON.stringify({ name: reply.error.name, message: reply.error.message }), {
      status: 500,
      statusText: 'Request Handler Error',
      headers: [['Content-Type', 'application/json']],
    });
  }
  const wire = reply.value;
  if (wire === 'unhandled') return fetch(request);
  if (wire.status === 0) return Response.error();
  return new Response(NULL_BODY.has(wire.status) ? null : wire.body, {
    status: wire.status,
    statusText: wire.statusText,
    headers: wire.headers,
  });
}

function keepWorldPort(clientId, data, port) {
  const route = {
    port,
    apiPrefix: data.apiPrefix,
    origins: data.origins,
    probeHeader: data.probeHeader,
    waiting: new Map(),
  };
  port.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'reply') return;
    const resolve = route.waiting.get(message.id);
    route.waiting.delete(message.id);
    if (resolve) resolve(message);
  });
  port.start();
  worldPorts.set(clientId, route);
}

addEventListener('message', (event) => {
  const clientId = event.source && event.source.id;
  if (!clientId) return;
  if (event.data && event.data.type === 'HCI_WORLD_PORT' && event.ports[0]) {
    keepWorldPort(clientId, event.data, event.ports[0]);
    return;
  }
  if (event.data === 'CLIENT_CLOSED' || event.data === 'MOCK_DEACTIVATE') {
    worldPorts.delete(clientId);
    event.waitUntil(updateClients((store) => store.delete(clientId)).catch(() => undefined));
  }
  if (event.data === 'CLIENT_CLOSED') {
    // mockServiceWorker.js unregisters itself when the closing page was its last client. A reload of the
    // only tab is exactly that: the page's beforeunload says CLIENT_CLOSED, and the new document could
    // start while the registration was uninstalling, uncontrolled (4 reloads in 180 here), and had to
    // register the worker again. The portal is never without its worker, so the page is forgotten and the
    // registration kept.
    event.stopImmediatePropagation();
    activeClientIds.delete(clientId);
  } else if (event.data === 'MOCK_ACTIVATE') {
    event.waitUntil(updateClients((store) => store.put(true, clientId)).catch(() => undefined));
  } else if (event.data === 'CLAIM_CLIENTS') {
    // A page whose client was created after this worker claimed the pages as it activated (see
    // mocks/browser.ts's controlled()) asks to be claimed; claim() takes only pages no worker controls yet.
    event.waitUntil(self.clients.claim());
  } else if (event.data === 'KEEPALIVE_REQUEST') {
    // A page that is mocking keeps asking; after a restart, its asking is what brings it back.
    event.waitUntil(restoreClients());
  }
});

addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode === 'navigate') return;
  const { via, route } = routeOf(event);
  if (via === 'world') {
    event.stopImmediatePropagation();
    event.respondWith(askWorld(route, request));
    return;
  }
  if (via === 'network') {
    // The browser fetches it without this worker (routeOf says why).
    event.stopImmediatePropagation();
    return;
  }
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  // Known mocking page, or the pages are restored already: MSW's own listener decides.
  if (activeClientIds.has(event.clientId)) return;
  if (restoreDone) return;
  // A request before the pages are restored (the first since this worker started, or one that arrives
  // while a keep-alive is restoring them): wait for them, then answer as MSW would have.
  event.stopImmediatePropagation();
  const interceptedAt = Date.now();
  event.respondWith(
    restoreClients().then(() =>
      activeClientIds.size === 0 ? fetch(request) : handleRequest(event, crypto.randomUUID(), interceptedAt),
    ),
  );
});

importScripts('./mockServiceWorker.js');

if (typeof activeClientIds === 'undefined' || typeof handleRequest !== 'function') {
  throw new Error(
    'mockServiceWorker.js no longer defines activeClientIds and handleRequest; update public/sim-service-worker.js for this msw version.',
  );
}
