/**
 * The SharedWorker entry: one world host for every tab and window of the origin. A page's Web Lock tells
 * the host when that page is gone (a SharedWorker port has no close event).
 */
import './worker-globals';
import { createWorldHost } from './host';
import type { HostPort } from './host';
import type { PageMessage } from './protocol';
import { indexedDbWorldStore } from './world-store';

/** The part of SharedWorkerGlobalScope used here (the project compiles against the DOM library). */
interface ConnectScope {
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as ConnectScope;

const host = createWorldHost({
  store: indexedDbWorldStore(),
  clock: () => Date.now(),
  whenReleased: (lock, release) => {
    void navigator.locks.request(lock, () => release());
  },
});

scope.addEventListener('connect', (event) => {
  const [port] = event.ports;
  if (!port) return;
  const hostPort: HostPort = port;
  port.addEventListener('message', (message: MessageEvent<PageMessage>) =>
    host.receive(hostPort, message.data),
  );
  port.start();
});
