/**
 * The world host: the one runtime of a browser profile, the handlers next to it, and the only writer of the
 * saved world. Pages connect over ports (a SharedWorker's MessagePorts, or the leader tab's relay); each
 * asks for HTTP answers and test-control calls, and every page is told what changed.
 */
import { getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { handlers } from '../handlers';
import { createSimRuntime } from '../runtime';
import type { SimRuntime } from '../runtime';
import { readListSearches, serializeWorld } from '../sim';
import type { World } from '../sim';
import { createTestControl } from '../test-control';
import type { HciSim } from '../test-control';
import {
  fromWireRequest,
  isControlMethod,
  toWireError,
  toWireResponse,
  transferablesOf,
  UNHANDLED,
} from './protocol';
import type { HostMessage, PageMessage, Welcome } from './protocol';
import { routeTable } from './route-table';
import { addNotice, applyStartLink, openSavedWorld } from './start';
import type { WorldStore } from './world-store';

export interface HostPort {
  postMessage(message: HostMessage, transfer?: Transferable[]): void;
}

export interface WorldHostOptions {
  store: WorldStore;
  clock: () => number;
  /** how long a burst of changes may run before the world is written (a large world is a few MB of JSON) */
  saveDelayMs?: number;
  /** calls `release` once the page holding `lock` is gone; absent where Web Locks are missing */
  whenReleased?: (lock: string, release: () => void) => void;
}

export interface WorldHost {
  /** a page's message; replies go to its port */
  receive(port: HostPort, message: PageMessage): void;
  /** writes the world now if a save is pending */
  flush(): Promise<void>;
  /** the runtime, once loaded (tests) */
  ready: Promise<SimRuntime>;
}

/** Origins other than the page's own that some handler answers, read from the handlers' own URLs. */
export function absoluteOrigins(list: readonly RequestHandler[]): string[] {
  const origins = new Set<string>();
  for (const handler of list) {
    const path: unknown = (handler.info as { path?: unknown }).path;
    if (typeof path !== 'string' || !/^https?:\/\//i.test(path)) continue;
    origins.add(new URL(path.replace(/\*/g, '')).origin);
  }
  return [...origins];
}

export function createWorldHost(options: WorldHostOptions): WorldHost {
  const ports = new Set<HostPort>();
  const saveDelayMs = options.saveDelayMs ?? 150;
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  let unsaved: World | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (pendingSave !== undefined) clearTimeout(pendingSave);
    pendingSave = undefined;
    const world = unsaved;
    unsaved = undefined;
    if (!world) return writing;
    const text = serializeWorld(world);
    writing = writing
      .then(() => options.store.save(text))
      .catch((error: unknown) => {
        console.error('The simulated world could not be saved; it will not survive a reload.', error);
      });
    return writing;
  };

  const broadcast = (message: HostMessage) => {
    for (const port of ports) port.postMessage(message);
  };

  const ready = (async () => {
    const { world, notice, fromSave } = await openSavedWorld(options.store, options.clock());
    const sim = createSimRuntime({ clock: options.clock, world });
    sim.subscribe((next, change) => {
      unsaved = next;
      pendingSave ??= setTimeout(() => void write(), saveDelayMs);
      if (change.resources.length > 0) broadcast({ type: 'changed', change });
    });
    if (notice !== undefined) {
      addNotice(sim, notice);
      console.warn(notice);
    }
    // A world just built (or rebuilt) is written at once, so a reload finds the same one; a saved one is
    // written again only when it changes (a large world is a few MB of JSON).
    if (!fromSave) {
      unsaved = sim.world();
      void write();
    }
    return sim;
  })();

  let control: HciSim | undefined;
  let candidates: (request: Request) => RequestHandler[] = () => [];
  let welcome: Welcome = { origins: [] };
  const loaded = ready.then((sim) => {
    control = createTestControl(sim);
    const answer = handlers(sim);
    candidates = routeTable(answer);
    welcome = { origins: absoluteOrigins(answer) };
    return sim;
  });

  // The search texts of a list just answered are read after the answer has gone, in a task of their own,
  // rather than by the first keystroke's request (mocks/sim/list-page.ts).
  let searchesPending = false;
  const prepareSearches = () => {
    if (searchesPending) return;
    searchesPending = true;
    setTimeout(() => {
      searchesPending = false;
      readListSearches();
    }, 0);
  };

  const reply = (port: HostPort, id: number, work: () => Promise<unknown>) => {
    work().then(
      (value) => port.postMessage({ type: 'reply', id, ok: true, value }),
      (error: unknown) => port.postMessage({ type: 'reply', id, ok: false, error: toWireError(error) }),
    );
  };

  const host: WorldHost = {
    ready: loaded,
    receive(port, message) {
      switch (message.type) {
        case 'hello':
          ports.add(port);
          if (message.lock !== null) options.whenReleased?.(message.lock, () => ports.delete(port));
          reply(port, message.id, async () => {
            const sim = await loaded;
            const notice = applyStartLink(sim, message.link, options.clock());
            if (notice !== undefined) {
              addNotice(sim, notice);
              console.warn(notice);
            }
            return welcome;
          });
          return;
        case 'request':
          loaded
            .then(async () => {
              const request = fromWireRequest(message.request);
              const response = await getResponse(candidates(request), request);
              const value = response === undefined ? UNHANDLED : await toWireResponse(response);
              port.postMessage(
                { type: 'reply', id: message.id, ok: true, value },
                value === UNHANDLED ? [] : transferablesOf(value.body),
              );
              prepareSearches();
            })
            .catch((error: unknown) =>
              port.postMessage({ type: 'reply', id: message.id, ok: false, error: toWireError(error) }),
            );
          return;
        case 'control':
          reply(port, message.id, async () => {
            await loaded;
            const { method, args } = message;
            if (!control || !isControlMethod(method)) throw new Error(`hciSim has no method ${method}.`);
            return (control[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          });
          return;
        case 'bye':
          ports.delete(port);
          void write();
          return;
        case 'service-worker': {
          const worker = message.port;
          worker.addEventListener('message', (event: MessageEvent<PageMessage>) => {
            // The worker only asks for answers; hello, control and bye are a page's.
            if (event.data.type === 'request') host.receive(worker, event.data);
          });
          worker.start();
          return;
        }
      }
    },
    flush: write,
  };
  return host;
}
