/**
 * A page's side of the conversation with the world host: numbered requests, their replies, and the change
 * notices every page receives. The transport (a SharedWorker port, or the leader tab's relay) is a link.
 */
import type { WorldChange } from '../../src/api/world-change-contract';
import { transferablesOf, UNHANDLED } from './protocol';
import type {
  ControlMethod,
  HostMessage,
  PageMessage,
  StartLink,
  Welcome,
  WireError,
  WireRequest,
  WireResponse,
} from './protocol';

export interface HostLink {
  post(message: PageMessage, transfer?: Transferable[]): void;
  listen(onMessage: (message: HostMessage) => void): void;
  /** whether a MessagePort can be handed to the host (a SharedWorker's port: yes; the leader's relay: no) */
  carriesPorts: boolean;
}

export interface HostClient {
  /** applies the page's preset link and tells it which origins the world answers */
  hello(link: StartLink, lock: string | null): Promise<Welcome>;
  request(request: WireRequest): Promise<WireResponse | typeof UNHANDLED>;
  control(method: ControlMethod, args: unknown[]): Promise<unknown>;
  onChange(listener: (change: WorldChange) => void): void;
  bye(): void;
  /** a port on which the host answers requests directly, for the service worker; undefined where none can be */
  directPort(): MessagePort | undefined;
}

function toError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

export function createHostClient(link: HostLink): HostClient {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const changeListeners = new Set<(change: WorldChange) => void>();

  link.listen((message) => {
    if (message.type === 'changed') {
      for (const listener of changeListeners) listener(message.change);
      return;
    }
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(toError(message.error));
  });

  const ask = (build: (id: number) => PageMessage, transfer: Transferable[] = []): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      link.post(build(id), transfer);
    });

  return {
    hello: (start, lock) => ask((id) => ({ type: 'hello', id, link: start, lock })) as Promise<Welcome>,
    request: (request) =>
      ask((id) => ({ type: 'request', id, request }), transferablesOf(request.body)) as Promise<
        WireResponse | typeof UNHANDLED
      >,
    control: (method, args) => ask((id) => ({ type: 'control', id, method, args })),
    onChange: (listener) => changeListeners.add(listener),
    bye: () => link.post({ type: 'bye' }),
    directPort: () => {
      if (!link.carriesPorts) return undefined;
      const channel = new MessageChannel();
      link.post({ type: 'service-worker', port: channel.port1 }, [channel.port1]);
      return channel.port2;
    },
  };
}

declare global {
  interface Window {
    /** the host's worker as index.html started it in a build (vite.config.ts, startWorldFromHtml) */
    hciWorldWorker?: SharedWorker;
  }
}

/** The world host in a SharedWorker: one per browser profile and origin, whichever tab started it. */
export function sharedWorkerLink(): HostLink {
  const worker =
    window.hciWorldWorker ??
    new SharedWorker(new URL('./shared-worker.ts', import.meta.url), {
      type: 'module',
      name: 'hci-simulated-world',
    });
  const port = worker.port;
  return {
    carriesPorts: true,
    post: (message, transfer = []) => port.postMessage(message, transfer),
    listen: (onMessage) => {
      port.addEventListener('message', (event: MessageEvent<HostMessage>) => onMessage(event.data));
      port.start();
    },
  };
}
