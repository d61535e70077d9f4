/**
 * Where there is no SharedWorker (Chrome on Android, some embedded browsers): one tab, the holder of a Web
 * Lock, runs the world host in its page and serves the other tabs over a BroadcastChannel. When it closes,
 * the next tab in the lock's queue takes over from the saved world, and every page introduces itself to it
 * again (a host tells only the pages that said hello what changed) and sends again what was still
 * unanswered. Never two worlds: the lock has one holder.
 */
import type { HostLink } from './client';
import type { HostPort } from './host';
import type { HostMessage, PageMessage } from './protocol';

const LEADER_LOCK = 'hci-simulated-world-leader';
const CHANNEL = 'hci-simulated-world';

type ChannelMessage =
  | { kind: 'to-host'; from: string; message: PageMessage }
  | { kind: 'to-page'; to: string; message: HostMessage }
  /** a new leader is serving: send again whatever it has not answered */
  | { kind: 'leader-ready' };

/** The messages that expect a reply, kept until it comes; a hello is re-sent without its preset link. */
function resendable(message: PageMessage): PageMessage | undefined {
  if (message.type === 'bye') return undefined;
  if (message.type === 'hello') return { ...message, link: { scenario: null, advance: null } };
  return message;
}

export function leaderLink(): HostLink {
  if (typeof BroadcastChannel === 'undefined' || typeof navigator.locks === 'undefined') {
    throw new Error(
      'This browser has neither SharedWorker nor Web Locks with BroadcastChannel, so tabs cannot share one simulated world.',
    );
  }
  const self = crypto.randomUUID();
  const channel = new BroadcastChannel(CHANNEL);
  const unanswered = new Map<number, PageMessage>();
  /** this page's hello, without its preset link: a new leader's host knows no page until it hears one */
  let introduction: Extract<PageMessage, { type: 'hello' }> | undefined;
  let deliver: (message: HostMessage) => void = () => undefined;
  let leading: ((message: PageMessage) => void) | undefined;

  const toPage = (message: HostMessage) => {
    if (message.type === 'reply') unanswered.delete(message.id);
    deliver(message);
  };

  const send = (message: PageMessage) => {
    if (leading) leading(message);
    else channel.postMessage({ kind: 'to-host', from: self, message } satisfies ChannelMessage);
  };

  /** To a new leader: this page's hello again (unless it is still among the unanswered), then the rest. */
  const catchUpWithLeader = () => {
    if (introduction && !unanswered.has(introduction.id)) send(introduction);
    for (const message of unanswered.values()) send(message);
  };

  channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
    const data = event.data;
    if (data.kind === 'to-page' && data.to === self) toPage(data.message);
    else if (data.kind === 'leader-ready' && !leading) catchUpWithLeader();
  });

  void navigator.locks.request(LEADER_LOCK, async () => {
    const [{ createWorldHost }, { indexedDbWorldStore }] = await Promise.all([
      import('./host'),
      import('./world-store'),
    ]);
    const host = createWorldHost({
      store: indexedDbWorldStore(),
      clock: () => Date.now(),
      whenReleased: (lock, release) => {
        void navigator.locks.request(lock, () => release());
      },
    });
    const followers = new Map<string, HostPort>();
    const follower = (id: string): HostPort => {
      let port = followers.get(id);
      if (!port) {
        port = {
          postMessage: (message) =>
            channel.postMessage({ kind: 'to-page', to: id, message } satisfies ChannelMessage),
        };
        followers.set(id, port);
      }
      return port;
    };
    const own: HostPort = { postMessage: toPage };
    channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
      const data = event.data;
      if (data.kind === 'to-host') host.receive(follower(data.from), data.message);
    });
    leading = (message) => host.receive(own, message);
    window.addEventListener('pagehide', () => void host.flush());
    channel.postMessage({ kind: 'leader-ready' } satisfies ChannelMessage);
    catchUpWithLeader();
    // Held for the page's lifetime: the lock passes to the next tab when this one closes.
    await new Promise<never>(() => undefined);
  });

  return {
    // A BroadcastChannel cannot carry a MessagePort: the service worker asks through the page here.
    carriesPorts: false,
    post: (message) => {
      const kept = resendable(message);
      if (kept?.type === 'hello') introduction = kept;
      if (kept && 'id' in kept) unanswered.set(kept.id, kept);
      send(message);
    },
    listen: (onMessage) => {
      deliver = onMessage;
    },
  };
}
