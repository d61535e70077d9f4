/**
 * The simulation, as a page sees it. The world lives in a host shared by every tab (mocks/host): this page
 * keeps MSW's service worker as its interceptor and forwards each request meant for the world (same-origin
 * /api/*, and the Azure origins the host's handlers answer) to the host, answering with its reply; the
 * handlers run there. `?scenario=` is handed to the host (and so resets the one world for every tab),
 * the host's change notices become `hci-sim-changed` events, and `window.hciSim` relays to the host. It is
 * assigned only after a request from this page was answered by the world, so a test that waits for it can
 * fetch at once; the app's own requests need only wait until the world mocks this page.
 */
import { WORLD_CHANGED_EVENT } from '../src/api/world-change-contract';
import { createHostClient, sharedWorkerLink } from './host/client';
import type { HostClient, HostLink } from './host/client';
import { leaderLink } from './host/leader';
import { startMockServiceWorker } from './host/mock-service-worker-client';
import type { InterceptedRequest } from './host/mock-service-worker-client';
import { CONTROL_METHODS, fromWireResponse, UNHANDLED } from './host/protocol';
import type { StartLink, WireRequest } from './host/protocol';
import type { HciSim } from './test-control';

declare global {
  interface Window {
    hciSim: HciSim;
  }
}

/** The same-origin request the page makes to prove that the world answers it. */
const READINESS_PATH = 'api/sim/clock';

/** Reads the preset link once and drops it from the address, so a reload keeps what happened since. */
function takeStartLink(): StartLink {
  const url = new URL(window.location.href);
  const link: StartLink = {
    scenario: url.searchParams.get('scenario'),
    advance: url.searchParams.get('advance'),
  };
  if (link.scenario !== null || link.advance !== null) {
    url.searchParams.delete('scenario');
    url.searchParams.delete('advance');
    window.history.replaceState(window.history.state, '', url);
  }
  return link;
}

/**
 * A Web Lock held for this page's lifetime: its release tells the host the page is gone. Resolves once the
 * lock is granted, and only then may the host hear of it. Merely requested, the lock could lose the race to
 * the host's own request for it (a page's first lock request binds its lock manager first, while a running
 * host's is bound already): the host then got the free lock, took the page for gone at once and never told
 * it of a change, so a tab opened after the first missed every live update.
 */
function holdPageLock(): Promise<string | null> {
  const locks = typeof navigator.locks === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve(null);
  const name = `hci-simulated-world-page-${crypto.randomUUID()}`;
  return new Promise((granted) => {
    void locks.request(name, () => {
      granted(name);
      return new Promise<never>(() => undefined);
    });
  });
}

function connect(): HostLink {
  // Chrome on Android and some embedded browsers have no SharedWorker: one tab then holds the world.
  if (typeof SharedWorker === 'function') return sharedWorkerLink();
  return leaderLink();
}

function relay(client: HostClient): HciSim {
  return Object.fromEntries(
    CONTROL_METHODS.map((method) => [method, (...args: unknown[]) => client.control(method, args)]),
  ) as unknown as HciSim;
}

/**
 * Resolves once the service worker controls this page. A first visit is controlled when the worker claims
 * its clients as it activates; a page whose navigation began before that activation but whose client was
 * created after the claim (a second tab opened while the first registered the worker) is left out of it and
 * would wait for ever, so the page asks the active worker to claim it again.
 */
async function controlled(): Promise<void> {
  // A function, not a narrowed property: the controller may arrive while this awaits.
  const isControlled = () => navigator.serviceWorker.controller !== null;
  if (isControlled()) return;
  const changed = new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  const registration = await navigator.serviceWorker.ready;
  if (!isControlled()) registration.active?.postMessage('CLAIM_CLIENTS');
  await changed;
}

/** Same-origin /api/*: the only requests to this page's own origin that the world answers. */
const API_PREFIX = new URL(`${import.meta.env.BASE_URL}api/`, window.location.origin).href;

/**
 * Whether the world answers `url`: same-origin /api/*, and every path of the origins the host's handlers
 * answer. A same-origin request is decided at once, without waiting for the host: the service worker hands
 * this page the requests of the host's own shared worker too (its script and, in dev, each of its modules),
 * and holding those until the host answers hello would wait on the host's own start, for ever.
 */
async function isForTheWorld(url: string, origins: Promise<readonly string[]>): Promise<boolean> {
  if (url.startsWith(API_PREFIX)) return true;
  const origin = new URL(url).origin;
  if (origin === window.location.origin) return false;
  return (await origins).includes(origin);
}

function toWire(request: InterceptedRequest): WireRequest {
  return {
    method: request.method,
    url: request.url,
    headers: Object.entries(request.headers),
    body: request.method === 'GET' || request.method === 'HEAD' ? null : request.body,
  };
}

/** The header that marks this page's readiness probe, so its answer is told apart from the app's requests. */
const PROBE_HEADER = 'x-hci-readiness-probe';

/**
 * Gives the service worker a port straight to the host, so it asks the world for this page's requests
 * without the round trip through this page's main thread (busy with the app's first render during a cold
 * start). The worker keeps the port per page; the page's readiness probe still goes through the page, which
 * is how it knows the world answered. A restarted worker has lost its ports and asks through the page again.
 */
function connectServiceWorkerToHost(client: HostClient, origins: readonly string[]): void {
  const worker = navigator.serviceWorker.controller;
  const port = worker ? client.directPort() : undefined;
  if (!worker || !port) return;
  // Not awaited: until the worker has the port, it asks through this page as before.
  worker.postMessage(
    { type: 'HCI_WORLD_PORT', apiPrefix: API_PREFIX, origins: [...origins], probeHeader: PROBE_HEADER },
    [port],
  );
}

export interface StartedSimulation {
  /**
   * The world mocks this page: the host answered hello, the service worker forwards this page's requests
   * and controls it. Requests made from here on are the world's; the app's wait for this (not for `answered`).
   */
  mocking: Promise<void>;
  /** A request from this page was answered by the world; `window.hciSim` is assigned. Rejects with why not. */
  answered: Promise<void>;
}

let started: StartedSimulation | undefined;

/** Connects to the world and starts interception; see the two promises for what each step means. */
export function startSimulation(): StartedSimulation {
  if (started) return started;
  const client = createHostClient(connect());
  const link = takeStartLink();
  // The host boots (and applies the preset link) while the service worker registers.
  const welcome = holdPageLock().then((lock) => client.hello(link, lock));
  // Marks for DevTools' performance panel and the bench: where a cold start spends its time.
  void welcome.then(() => performance.mark('hci-sim:host-ready'));
  const origins = welcome.then((w) => w.origins);
  client.onChange((change) => {
    if (change.resources.length === 0) return;
    window.dispatchEvent(new CustomEvent(WORLD_CHANGED_EVENT, { detail: change }));
  });
  window.addEventListener('pagehide', () => client.bye());

  const probeId = crypto.randomUUID();
  // Filled by the answer callback: the probe counts only if the world, not the network, answered it.
  const answeredProbes = new Set<string>();
  const mocking = (async () => {
    await Promise.all([
      welcome,
      startMockServiceWorker(`${import.meta.env.BASE_URL}sim-service-worker.js`, async (request) => {
        if (!(await isForTheWorld(request.url, origins))) return undefined;
        const reply = await client.request(toWire(request));
        if (reply === UNHANDLED) return undefined;
        if (request.headers[PROBE_HEADER] === probeId) answeredProbes.add(probeId);
        return fromWireResponse(reply);
      }),
    ]);
    performance.mark('hci-sim:service-worker-ready');
    await controlled();
    connectServiceWorkerToHost(client, await origins);
    performance.mark('hci-sim:mocking');
  })();

  const answered = (async () => {
    await mocking;
    const probe = await fetch(`${import.meta.env.BASE_URL}${READINESS_PATH}`, {
      cache: 'no-store',
      headers: { [PROBE_HEADER]: probeId },
    });
    if (!probe.ok || !answeredProbes.has(probeId))
      throw new Error(
        `The simulated world did not answer this page (GET /${READINESS_PATH} gave ${probe.status} ${probe.statusText}).`,
      );
    performance.mark('hci-sim:answered');
    window.hciSim = relay(client);
  })();

  started = { mocking, answered };
  return started;
}
