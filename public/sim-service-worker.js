/**
 * MSW's service worker (mockServiceWorker.js, kept as `msw init` writes it) plus one thing it lacks: memory
 * of which pages are mocking that survives the worker being stopped. Browsers stop idle service workers
 * (Chrome does it to background tabs); a restarted mockServiceWorker.js has an empty `activeClientIds` and
 * sends every request of a mocking page to the network. This script records the ids of pages that activated
 * mocking in IndexedDB, and the first request after a restart waits until they are restored, then is
 * answered the way MSW answers it. Its listeners are registered before MSW's, so they run first.
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

addEventListener('message', (event) => {
  const clientId = event.source && event.source.id;
  if (!clientId) return;
  if (event.data === 'MOCK_ACTIVATE') {
    event.waitUntil(updateClients((store) => store.put(true, clientId)).catch(() => undefined));
  } else if (event.data === 'CLIENT_CLOSED' || event.data === 'MOCK_DEACTIVATE') {
    event.waitUntil(updateClients((store) => store.delete(clientId)).catch(() => undefined));
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
