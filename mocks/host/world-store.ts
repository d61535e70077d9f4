/**
 * The world kept in IndexedDB across reloads and browser restarts. Only the world host opens it for
 * writing, so there is one writer per browser profile and no tab can overwrite another's changes.
 */
export interface WorldStore {
  /** the saved world as JSON, or undefined when nothing was saved yet */
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

const DB_NAME = 'hci-portal-simulation';
const STORE = 'world';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

export function indexedDbWorldStore(): WorldStore {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= openDb());
  return {
    async load() {
      const opened = await database();
      return new Promise((resolve, reject) => {
        const request = opened.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : undefined);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
      });
    },
    async save(text) {
      const opened = await database();
      await new Promise<void>((resolve, reject) => {
        const tx = opened.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(text, KEY);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      });
    },
  };
}
