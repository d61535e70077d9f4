/**
 * The simulation in the browser: the MSW service worker answers every request from the world held
 * here, the world is kept in IndexedDB across reloads, `?scenario=` resets it before the first render,
 * and `window.hciSim` drives it. The UI is told to refetch with a `hci-sim-changed` event.
 */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { createSimRuntime } from './runtime';
import type { SimRuntime } from './runtime';
import { buildScenario, isScenario, parseDuration, parseWorld, serializeWorld } from './sim';
import type { World } from './sim';
import { createTestControl } from './test-control';
import type { HciSim } from './test-control';

declare global {
  interface Window {
    hciSim: HciSim;
  }
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

async function loadSaved(): Promise<string | undefined> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
    request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : undefined);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

async function save(text: string): Promise<void> {
  const db = await openDb();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(text, KEY);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
  });
}

/** Writes at most once per animation-free tick burst; a 10,000-VM world is a few MB of JSON. */
function persistOnChange(sim: SimRuntime): void {
  let pending: number | undefined;
  let latest: World | undefined;
  const flush = () => {
    pending = undefined;
    if (!latest) return;
    const text = serializeWorld(latest);
    latest = undefined;
    save(text).catch((error: unknown) => {
      console.error('The simulated world could not be saved; it will not survive a reload.', error);
    });
  };
  sim.subscribe((world) => {
    latest = world;
    pending ??= window.setTimeout(flush, 150);
  });
  window.addEventListener('pagehide', flush);
}

async function initialWorld(now: number): Promise<{ world: World; notice?: string; advanceMs?: number }> {
  const url = new URL(window.location.href);
  const requested = url.searchParams.get('scenario');
  const advanceParam = url.searchParams.get('advance');
  if (requested !== null) {
    // A preset link resets once; the parameters are dropped so a reload keeps what happened since.
    url.searchParams.delete('scenario');
    url.searchParams.delete('advance');
    window.history.replaceState(window.history.state, '', url);
    // ?advance=DURATION (the lab's shareable link): the preset from real now, then the clock moved that far
    if (isScenario(requested) && advanceParam !== null) {
      const advanceMs = parseDuration(advanceParam);
      if (advanceMs === undefined)
        return {
          world: buildScenario(requested, now),
          notice: `'${advanceParam}' is not a duration, so the clock was not advanced.`,
        };
      return { world: buildScenario(requested, now), advanceMs };
    }
    if (isScenario(requested)) {
      const previous = await loadSaved().catch(() => undefined);
      const offset = previous ? clockOffsetOf(previous) : 0;
      const world = buildScenario(requested, now + offset);
      return { world: { ...world, clockOffsetMs: offset } };
    }
    return {
      world: buildScenario('fresh', now),
      notice: `There is no preset named '${requested}'; the fresh world was loaded instead.`,
    };
  }
  try {
    const saved = await loadSaved();
    if (saved === undefined) return { world: buildScenario('fresh', now) };
    return { world: parseWorld(saved) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      world: buildScenario('fresh', now),
      notice: `The saved simulation could not be read, so a fresh world was created. ${reason}`,
    };
  }
}

function clockOffsetOf(text: string): number {
  try {
    const offset = (JSON.parse(text) as { clockOffsetMs?: unknown }).clockOffsetMs;
    return typeof offset === 'number' && offset > 0 ? offset : 0;
  } catch {
    return 0;
  }
}

let started: Promise<SimRuntime> | undefined;

/** Starts the worker and the world; resolves before the app's first request. Safe to call twice. */
export function startSimulation(): Promise<SimRuntime> {
  started ??= (async () => {
    const { world, notice, advanceMs } = await initialWorld(Date.now());
    const sim = createSimRuntime({ clock: () => Date.now(), world });
    if (advanceMs !== undefined) sim.advance(advanceMs);
    if (notice !== undefined) {
      sim.run((draft, now) => {
        draft.notifications.push({
          id: `n-load-${now}`,
          time: now,
          level: 'Warning',
          title: 'Simulation',
          message: notice,
          read: false,
        });
      });
      console.warn(notice);
    }
    persistOnChange(sim);
    void save(serializeWorld(sim.world()));
    sim.subscribe(() => window.dispatchEvent(new CustomEvent('hci-sim-changed')));
    window.hciSim = createTestControl(sim);
    const worker = setupWorker(...handlers(sim));
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    });
    return sim;
  })();
  return started;
}
