import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildScenario, serializeWorld } from '../sim';
import { createWorldHost } from './host';
import type { HostPort } from './host';
import { fromWireResponse, toWireRequest, UNHANDLED } from './protocol';
import type { HostMessage, PageMessage, WireResponse } from './protocol';
import type { WorldStore } from './world-store';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function memoryStore(initial?: string) {
  const saves: string[] = [];
  const store: WorldStore = {
    load: () => Promise.resolve(initial ?? saves.at(-1)),
    save: (text) => {
      saves.push(text);
      return Promise.resolve();
    },
  };
  return { store, saves };
}

/** A page: what it receives, and a way to ask the host and wait for the reply. */
function page(host: ReturnType<typeof createWorldHost>) {
  const received: HostMessage[] = [];
  const waiting = new Map<number, (m: HostMessage) => void>();
  const port: HostPort = {
    postMessage: (message) => {
      received.push(message);
      if (message.type === 'reply') waiting.get(message.id)?.(message);
    },
  };
  let nextId = 1;
  const ask = (build: (id: number) => PageMessage) =>
    new Promise<HostMessage>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      host.receive(port, build(id));
    });
  const value = async (build: (id: number) => PageMessage) => {
    const reply = await ask(build);
    if (reply.type !== 'reply' || !reply.ok) throw new Error(JSON.stringify(reply));
    return reply.value;
  };
  return {
    port,
    received,
    hello: (scenario: string | null = null, advance: string | null = null) =>
      value((id) => ({ type: 'hello', id, link: { scenario, advance }, lock: null })),
    request: async (url: string) => {
      const request = await toWireRequest(new Request(url));
      return (await value((id) => ({ type: 'request', id, request }))) as WireResponse | typeof UNHANDLED;
    },
    control: (method: 'reset' | 'inject' | 'now' | 'snapshot', ...args: unknown[]) =>
      ask((id) => ({ type: 'control', id, method, args })),
  };
}

describe('the world host', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a page with the same handlers the tests use, and passes through what none takes', async () => {
    const { store } = memoryStore();
    const host = createWorldHost({ store, clock: () => T0 });
    const tab = page(host);
    expect(await tab.hello('registered')).toEqual({
      origins: [
        'https://management.azure.com',
        'https://management.chinacloudapi.cn',
        'https://management.usgovcloudapi.net',
      ],
    });

    const armReply = await tab.request('https://management.azure.com/subscriptions?api-version=2022-12-01');
    if (armReply === UNHANDLED) throw new Error('ARM went unanswered');
    const subs = (await fromWireResponse(armReply).json()) as { value: unknown[] };
    expect(subs.value.length).toBeGreaterThan(0);

    expect(await tab.request('https://example.com/elsewhere')).toBe(UNHANDLED);
  });

  it('tells every connected page what changed, whichever page changed it', async () => {
    const host = createWorldHost({ store: memoryStore().store, clock: () => T0 });
    const first = page(host);
    const second = page(host);
    await first.hello('fresh');
    await second.hello();

    await first.control('inject', 'node-down', 'hci-node2');
    const changed = second.received.filter((m) => m.type === 'changed');
    expect(changed.at(-1)).toEqual({ type: 'changed', change: { resources: ['nodes', 'vms', 'faults'] } });
  });

  it('rejects a bad control call with the simulation’s reason and changes nothing', async () => {
    const host = createWorldHost({ store: memoryStore().store, clock: () => T0 });
    const tab = page(host);
    await tab.hello('fresh');
    const changesBefore = tab.received.filter((m) => m.type === 'changed').length;
    const reply = await tab.control('inject', 'no-such-fault');
    expect(reply).toMatchObject({ type: 'reply', ok: false, error: { message: /There is no fault named/ } });
    expect(tab.received.filter((m) => m.type === 'changed')).toHaveLength(changesBefore);
  });

  it('writes the world once after a burst of changes, and at once when a page leaves', async () => {
    const { store, saves } = memoryStore();
    const host = createWorldHost({ store, clock: () => T0, saveDelayMs: 150 });
    const tab = page(host);
    await tab.hello('fresh');
    await vi.runAllTimersAsync();
    const before = saves.length;

    await tab.control('inject', 'node-down', 'hci-node2');
    await tab.control('inject', 'node-down', 'hci-node3');
    expect(saves).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(150);
    expect(saves).toHaveLength(before + 1);
    expect(saves.at(-1)).toContain('hci-node3');

    await tab.control('inject', 'hcisvc-stopped', 'hci-node1');
    host.receive(tab.port, { type: 'bye' });
    await host.flush();
    expect(saves).toHaveLength(before + 2);
  });

  it('keeps the saved world when a page opens without a preset link', async () => {
    const saved = serializeWorld(buildScenario('registered', T0));
    const host = createWorldHost({ store: memoryStore(saved).store, clock: () => T0 });
    const tab = page(host);
    await tab.hello();
    const snapshot = (await tab.control('snapshot')) as { ok: true; value: { scenario: string } };
    expect(snapshot.value.scenario).toBe('registered');
  });

  it('starts fresh and says why when the saved world cannot be read', async () => {
    const host = createWorldHost({ store: memoryStore('{"schemaVersion": -1}').store, clock: () => T0 });
    const tab = page(host);
    await tab.hello();
    const reply = (await tab.control('snapshot')) as {
      value: { scenario: string; notifications: { message: string }[] };
    };
    expect(reply.value.scenario).toBe('fresh');
    expect(reply.value.notifications.at(-1)?.message).toMatch(
      /^The saved simulation could not be read, so a fresh world was created\./,
    );
  });

  it('follows a shareable link: the preset from real now, then the clock moved', async () => {
    const host = createWorldHost({ store: memoryStore().store, clock: () => T0 });
    const tab = page(host);
    await tab.hello('registered', '31d');
    const now = (await tab.control('now')) as { value: string };
    expect(Date.parse(now.value)).toBe(T0 + 31 * 86_400_000);
  });
});
