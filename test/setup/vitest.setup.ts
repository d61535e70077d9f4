import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { WORLD_CHANGED_EVENT } from '@/api/world-change-contract';
import { setPollMs } from '@/config/timing';
import { hciSim, server, sim } from '../../mocks/node';

// How long a findBy/waitFor looks for what the user should see. Rendering, not time, is what it waits for
// (simulated time moves only when a test advances it), and two shared cores render slowly.
configure({ asyncUtilTimeout: 5_000 });

// ── jsdom gaps that Fluent UI and the virtualiser rely on ──────────────────────────────────────────────
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
window.scrollTo = () => {};
Element.prototype.scrollTo = function scrollTo() {};
Element.prototype.scrollIntoView = function scrollIntoView() {};

// jsdom lays nothing out; give every element a desktop-sized box so the virtualiser renders rows, and an
// offsetParent, which tabster (Fluent dialogs) reads as "visible": without it a dialog opened after a focus
// move is left aria-hidden.
const VIEWPORT = { width: 1280, height: 800 };
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => VIEWPORT.height },
  offsetWidth: { configurable: true, get: () => VIEWPORT.width },
  clientHeight: { configurable: true, get: () => VIEWPORT.height },
  clientWidth: { configurable: true, get: () => VIEWPORT.width },
  offsetParent: {
    configurable: true,
    get(this: HTMLElement) {
      return this.parentElement;
    },
  },
});
HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect() {
  return {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: VIEWPORT.height,
    right: VIEWPORT.width,
    ...VIEWPORT,
    toJSON: () => ({}),
  };
};

// jsdom paints nothing, yet it parses every rule Fluent's Griffel inserts (hundreds of atomic classes per page)
// and matches them all again in each getComputedStyle, which Testing Library's role queries, dom-accessibility-api
// and Floating UI call for elements and their ancestors. In a profile of a first render of the Arc machines page,
// inserting rules took 2.8 s and getComputedStyle 2.0 s of 11.6 s. What a jsdom test can observe of CSS is
// whether an element is hidden (the accessibility tree and accessible names read that: a Fluent Tab's
// reserved-space copy of its label is visibility: hidden, and without that rule the tab is named "BasicsBasics")
// and generated content. Only rules that hide or generate content are kept (41 on the registration wizard);
// colours and layout are judged in the browser tests (axe, screenshots).
const insertRule = CSSStyleSheet.prototype.insertRule;
const OBSERVABLE_IN_JSDOM = /\b(display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|content\s*:)/;
CSSStyleSheet.prototype.insertRule = function insertObservableRule(rule: string, index = 0): number {
  return OBSERVABLE_IN_JSDOM.test(rule) ? insertRule.call(this, rule, index) : index;
};

// ── the simulated backend: the same handlers as the browser ───────────────────────────────────────────
// The browser's world host tells pages what changed with a window event; here the in-process runtime does,
// with the same event and detail, so tests refetch through the same path as the browser.
const unsubscribeWorld = sim.subscribe((_world, change) => {
  if (change.resources.length > 0)
    window.dispatchEvent(new CustomEvent(WORLD_CHANGED_EVENT, { detail: change }));
});

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // Jobs progress in simulated time; polling fast keeps tests short without sleeping.
  setPollMs({ pollMs: 50, idlePollMs: 60_000, backgroundRefreshMs: 60_000 });
});

beforeEach(async () => {
  await hciSim.reset('fresh');
  window.localStorage.clear();
  delete document.body.dataset.appReady;
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
});

afterAll(() => {
  unsubscribeWorld();
  server.close();
});
