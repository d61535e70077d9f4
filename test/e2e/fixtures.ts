import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** `window.hciSim`, the test-control contract of SPEC.md §5. Declared here rather than imported from
 * mocks/ so the e2e suite depends on the contract, not on the implementation. */
export interface HciSim {
  reset(scenario?: string): Promise<unknown>;
  /** milliseconds, or '90m' / '12h' / '31d' */
  advance(duration: number | string): Promise<unknown>;
  inject(fault: string, target?: string): Promise<unknown>;
  repair(fault: string, target?: string): Promise<unknown>;
  /** the world as JSON */
  snapshot(): Promise<unknown>;
  now(): Promise<unknown>;
  scenarios(): Promise<unknown>;
  faults(): Promise<unknown>;
}

declare global {
  interface Window {
    hciSim?: HciSim;
  }
}

/** The simulated Azure Resource Manager's origin, as a page's scripts call it. */
export const ARM = 'https://management.azure.com';

export type Theme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'hci-portal-theme';
const APP_READY_TIMEOUT = 15_000;

type SimClient = {
  [M in keyof HciSim]: (...args: Parameters<HciSim[M]>) => Promise<Awaited<ReturnType<HciSim[M]>>>;
};

const SIM_METHODS = [
  'reset',
  'advance',
  'inject',
  'repair',
  'snapshot',
  'now',
  'scenarios',
  'faults',
] as const satisfies readonly (keyof HciSim)[];

/** Drives `window.hciSim` in the page: `await hciSim.inject('node-down', 'hci-node2')`. */
function simClient(page: Page): SimClient {
  const call = (method: keyof HciSim, args: unknown[]) =>
    page.evaluate(
      async ([m, a]) => {
        const sim = window.hciSim;
        if (!sim) throw new Error('window.hciSim is not defined on this page');
        return (sim[m] as (...x: unknown[]) => Promise<unknown>)(...a);
      },
      [method, args] as const,
    );
  return Object.fromEntries(
    SIM_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as SimClient;
}

/** Sets the theme before any page script runs, the way a returning user's stored choice would. */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [THEME_STORAGE_KEY, theme] as const,
  );
}

/** Waits until the simulation is running and the first route has rendered its data. */
export async function waitForApp(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      () =>
        window.hciSim !== undefined &&
        (document.body.dataset.appReady === 'true' ||
          document.querySelector('[role="main"][data-app-ready="true"], main[data-app-ready="true"]') !==
            null),
      undefined,
      { timeout: APP_READY_TIMEOUT },
    );
  } catch (error) {
    const state = await page
      .evaluate(() => ({
        hciSim: window.hciSim !== undefined,
        appReady: document.body.dataset.appReady ?? '(unset)',
        controlled: navigator.serviceWorker.controller !== null,
        // How far the page's start got (mocks/browser.ts marks each step), should it ever stall again.
        steps: performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith('hci-sim:'))
          .map((mark) => `${mark.name.slice('hci-sim:'.length)} at ${Math.round(mark.startTime)} ms`),
        text: document.body.innerText.slice(0, 300),
      }))
      .catch(() => null);
    throw new Error(
      `The app was not ready after ${APP_READY_TIMEOUT / 1000} s at ${page.url()}: ` +
        (state
          ? `window.hciSim ${state.hciSim ? 'present' : 'MISSING'}, body[data-app-ready]=${state.appReady}, ` +
            `${state.controlled ? 'controlled' : 'NOT controlled'} by the service worker, start steps: ` +
            `${state.steps.join(', ') || 'none'}. ` +
            `Page text: ${JSON.stringify(state.text)}`
          : 'the page could not be inspected.'),
      { cause: error },
    );
  }
}

export function withScenario(path: string, scenario: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}scenario=${encodeURIComponent(scenario)}`;
}

/** Fluent UI's focus management (tabster) inserts aria-hidden, focusable `<i>` sentinels that hand focus on
 * at once; axe's aria-hidden-focus flags them, a documented false positive (microsoft/tabster#288). */
function isTabsterFocusSentinel(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
}

/** Fails on serious or critical WCAG 2.1 A/AA violations, naming each rule and the elements it found. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Axe judges the colours it reads at that instant; a button re-enabling or a pane sliding in is mid-way
  // between two colours. Judge the page the user looks at: once its finite transitions and animations ended
  // (a spinner's infinite one never does).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  // Legacy mode runs axe.run in the page itself. The default mode exists for cross-origin frames: it runs axe
  // in each frame, then opens a blank page, injects axe there too and merges the frames' results in it. The
  // portal has no frames, so that mode scans the same nodes with the same rules at the cost of a new page and
  // a third injection of axe's 580 KB script per scan: in a trace of gateway-registration.spec (load average
  // 20) that was 2-3 s of each scan's 5-7 s, eight scans per test.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterFocusSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
        v.nodes
          .map((n) => `    at ${n.target.map((t) => JSON.stringify(t)).join(' > ')}: ${n.html.slice(0, 200)}`)
          .join('\n'),
    );
  expect(
    serious,
    `serious/critical accessibility violations on ${page.url()}:\n${serious.join('\n')}`,
  ).toEqual([]);
}

/** The stored theme took effect: the content behind the middle of the viewport is dark or light. */
export async function expectTheme(page: Page, theme: Theme): Promise<void> {
  const luminance = await page.evaluate(() => {
    let el: Element | null = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    for (; el; el = el.parentElement) {
      const rgba = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(
        getComputedStyle(el).backgroundColor,
      );
      if (rgba && Number(rgba[4] ?? 1) > 0) {
        const [r, g, b] = [rgba[1], rgba[2], rgba[3]].map((c) => Number(c) / 255) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      }
    }
    return 1; // nothing painted: the browser's white canvas
  });
  if (theme === 'dark') expect(luminance, 'background luminance in the dark theme').toBeLessThan(0.4);
  else expect(luminance, 'background luminance in the light theme').toBeGreaterThan(0.6);
}

interface Fixtures {
  /** Opens `path?scenario=NAME` (the world is reset to that preset) and waits for the app. */
  gotoScenario: (path: string, scenario: string) => Promise<void>;
  hciSim: SimClient;
  /** Uncaught exceptions in the page fail the test after it has run. */
  pageErrors: Error[];
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((e) => e.message),
        'uncaught exceptions in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
  gotoScenario: async ({ page }, use) => {
    await use(async (path, scenario) => {
      await page.goto(withScenario(path, scenario));
      await waitForApp(page);
    });
  },
  hciSim: async ({ page }, use) => {
    await use(simClient(page));
  },
});

export { expect };
