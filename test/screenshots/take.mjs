// The README's screenshot set, reproducible: every page of the portal that issue #16 changed, at 1440×900,
// 1280×720 and 1024×768, in the light and the dark theme, written to docs/screenshots/<page>[-WxH]-<theme>.png
// (1440×900 has no size in its name). It builds and serves nothing: start `vite preview` (or `npm run dev`)
// first and point the script at it. A page wider than the window (one that scrolls sideways) is reported and
// makes the script exit with 1, after every shot is written; grid cells cut with an ellipsis are listed too.
//
//   npm run screenshots -- [--base=http://localhost:4173] [--only=azure-portal] [--sizes=1024x768]
//                          [--themes=dark] [--out=docs/screenshots]
//
// Chromium: PLAYWRIGHT_CHROMIUM_PATH, else /usr/bin/chromium when it exists, else Playwright's own.
// The callbacks given to page.evaluate and page.waitForFunction run in the browser:
/* global window, document, getComputedStyle, requestAnimationFrame */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const options = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [key, ...value] = a.slice(2).split('=');
      return [key, value.join('=')];
    }),
);
const base = (options.base || process.env.SCREENSHOTS_BASE || 'http://localhost:4173').replace(/\/$/, '');
const outDir = resolve(options.out || 'docs/screenshots');
const only = options.only ? options.only.split(',') : [];
const allSizes = [
  [1440, 900],
  [1280, 720],
  [1024, 768],
];
const sizes = options.sizes
  ? allSizes.filter(([w, h]) => options.sizes.split(',').includes(`${w}x${h}`))
  : allSizes;
const themes = options.themes ? options.themes.split(',') : ['light', 'dark'];
const THEME_STORAGE_KEY = 'hci-portal-theme';
const CLUSTER = '/connections/cluster/hci-cluster01';

const withScenario = (path, scenario) => `${path}${path.includes('?') ? '&' : '?'}scenario=${scenario}`;

/** Opens a path from a fresh preset and waits for the app to say its first data is on screen. */
async function open(page, path, scenario) {
  await page.goto(base + withScenario(path, scenario));
  await page.waitForFunction(
    () =>
      window.hciSim !== undefined &&
      (document.body.dataset.appReady === 'true' ||
        document.querySelector('[role="main"][data-app-ready="true"], main[data-app-ready="true"]') !== null),
  );
}

const essentials = (page) => page.getByRole('region', { name: 'Essentials' }).waitFor();

/**
 * name → how to get there. `show` ends with what a user would look for on the page, so the shot is taken once
 * the page shows it, not after a guessed delay.
 */
const pages = [
  // Windows Admin Center
  { name: 'connections', show: (p) => open(p, '/', 'registered') },
  {
    name: 'dashboard',
    show: async (p) => {
      await open(p, `${CLUSTER}/tools/dashboard`, 'registered');
      await p.getByRole('region', { name: 'Azure connection' }).waitFor();
    },
  },
  { name: 'servers', show: (p) => open(p, `${CLUSTER}/tools/servers`, 'registered') },
  { name: 'vms', show: (p) => open(p, `${CLUSTER}/tools/virtual-machines`, 'registered') },
  {
    name: 'powershell',
    show: async (p) => {
      await open(p, `${CLUSTER}/tools/powershell`, 'registered');
      await p.getByRole('textbox', { name: /^PowerShell on / }).waitFor({ state: 'attached' });
      await p.locator('.xterm-rows').getByText('PS C:\\').first().waitFor();
    },
  },
  {
    name: 'registration-wizard',
    show: async (p) => {
      await open(p, `${CLUSTER}/settings/azure-stack-hci-registration`, 'gateway-registered');
      await p.getByRole('button', { name: 'Register' }).first().click();
      await p
        .getByRole('dialog', { name: 'Register Azure Stack HCI' })
        .getByRole('list', { name: 'Prerequisite checks' })
        .waitFor();
    },
  },
  { name: 'arc', show: (p) => open(p, `${CLUSTER}/tools/azure-arc`, 'registered') },
  { name: 'benefits', show: (p) => open(p, `${CLUSTER}/settings/azure-benefits`, 'benefits-on') },
  {
    name: 'troubleshooter',
    show: async (p) => {
      const error = encodeURIComponent('Event ID 591: Azure Stack HCI failed to connect with Azure');
      await open(p, `${CLUSTER}/tools/diagnostics/troubleshoot?error=${error}`, 'registered');
      await p.getByTestId('troubleshoot-check').waitFor();
    },
  },
  {
    name: 'lab',
    show: async (p) => {
      await open(p, '/lab', 'registered');
      await p.getByRole('heading', { name: 'Simulated time' }).waitFor();
    },
  },
  // Azure portal (cloud view)
  { name: 'azure-portal-subscriptions', show: (p) => open(p, '/azure', 'registered') },
  { name: 'azure-portal-resource-groups', show: (p) => open(p, '/azure/resource-groups', 'registered') },
  {
    name: 'azure-portal-resource-group',
    show: async (p) => {
      await open(p, '/azure/resource-groups', 'registered');
      await p.getByRole('link', { name: 'hci-cluster01-rg' }).click();
      await essentials(p);
      await p
        .getByRole('grid', { name: 'Resources in hci-cluster01-rg' })
        .getByRole('link')
        .first()
        .waitFor();
    },
  },
  { name: 'azure-portal-hci', show: (p) => open(p, '/azure/hci', 'registered') },
  {
    name: 'azure-portal-cluster',
    show: async (p) => {
      await open(p, '/azure/hci', 'registered');
      await p
        .getByRole('grid', { name: 'Azure Stack HCI' })
        .getByRole('link', { name: 'hci-cluster01' })
        .click();
      await essentials(p);
    },
  },
  { name: 'azure-portal-machines', show: (p) => open(p, '/azure/machines', 'registered') },
  {
    name: 'azure-portal-machine',
    show: async (p) => {
      await open(p, '/azure/machines', 'registered');
      await p.getByRole('link', { name: 'hci-node1' }).click();
      await essentials(p);
      await p.getByRole('heading', { name: 'On the server (through Windows Admin Center)' }).waitFor();
    },
  },
  {
    name: 'azure-portal-app',
    show: async (p) => {
      await open(p, '/azure/app-registrations', 'registered');
      await p.getByRole('main').getByRole('link', { name: 'hci-cluster01' }).first().click();
      await essentials(p);
    },
  },
  // Azure Stack user portal (multi-cloud)
  { name: 'azure-stack-portal', show: (p) => open(p, '/azure-stack?cloud=AzurePack_1', 'registered') },
  {
    name: 'azure-stack-portal-vm',
    show: async (p) => {
      await open(p, '/azure-stack?cloud=AzurePack_1', 'registered');
      await p.getByRole('gridcell', { name: 'wap1-app01', exact: true }).click();
      await essentials(p);
    },
  },
  {
    name: 'azure-stack-portal-networks',
    show: (p) => open(p, '/azure-stack?cloud=AzurePack_1&view=networks', 'registered'),
  },
  {
    name: 'azure-stack-portal-subscriptions',
    show: (p) => open(p, '/azure-stack?cloud=AzurePack_1&view=subscriptions', 'registered'),
  },
  {
    // Seed 004's first load before a Windows Azure Pack cloud's connector answers: the simulation's control
    // route takes AzurePack_2's connector down, and the portal opens on the errors with OK.
    name: 'azure-stack-portal-errors',
    show: async (p) => {
      await open(p, '/lab', 'registered');
      await p.evaluate(async () => {
        const response = await fetch('/api/wap/clouds/AzurePack_2/connector', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reachable: false }),
        });
        if (!response.ok) throw new Error(`connector control answered ${response.status}`);
      });
      await p.goto(`${base}/azure-stack`);
      await p.getByRole('alertdialog', { name: /^Errors from the Azure Pack cloud/ }).waitFor();
    },
  },
];

/**
 * The pointer leaves the page (a click's hover would otherwise show on whatever lies under it), transitions and
 * entrance animations end before the shot; spinners (infinite) are part of the page.
 */
async function settle(page) {
  await page.mouse.move(page.viewportSize().width - 1, page.viewportSize().height - 1);
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity && a.playState === 'running');
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
mkdirSync(outDir, { recursive: true });
const sideways = [];
const cutValues = [];
const failed = [];
let written = 0;
try {
  for (const theme of themes) {
    for (const [width, height] of sizes) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
      await context.addInitScript(
        ([key, value]) => localStorage.setItem(key, value),
        [THEME_STORAGE_KEY, theme],
      );
      const page = await context.newPage();
      for (const { name, show } of pages) {
        if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
        const file = `${name}${width === 1440 ? '' : `-${width}x${height}`}-${theme}.png`;
        try {
          await show(page);
          await settle(page);
          await page.screenshot({ path: resolve(outDir, file) });
          written += 1;
          // The document, or an area inside it (a tool's content pane), wider than its box. Grids are meant
          // to scroll sideways inside themselves and are left out.
          const excess = await page.evaluate(() => {
            const root = document.documentElement;
            let widest = root.scrollWidth - root.clientWidth;
            for (const el of document.body.querySelectorAll('*')) {
              if (el.getAttribute('role') === 'grid' || !/auto|scroll/.test(getComputedStyle(el).overflowX))
                continue;
              // a pixel of rounding is not a scroll a user would notice
              if (el.scrollWidth - el.clientWidth > 1)
                widest = Math.max(widest, el.scrollWidth - el.clientWidth);
            }
            return widest;
          });
          if (excess > 0) sideways.push(`${file}: the page scrolls sideways by ${excess}px`);
          // Grid cells whose text ends in an ellipsis: a value cut short, to judge on the shot.
          const cut = await page.evaluate(() =>
            [...document.querySelectorAll('[role="gridcell"], [role="columnheader"]')]
              .filter((c) => c.scrollWidth > c.clientWidth + 1 && c.getBoundingClientRect().width > 0)
              .map((c) => c.textContent.trim())
              .filter((text) => text !== ''),
          );
          if (cut.length > 0)
            cutValues.push(`${file}: cut ${[...new Set(cut)].map((t) => `"${t}"`).join(', ')}`);
          console.log(
            `${file}${excess > 0 ? `  SCROLLS SIDEWAYS by ${excess}px` : ''}${cut.length > 0 ? '  CUT VALUES' : ''}`,
          );
        } catch (error) {
          failed.push(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          console.log(`${file}  FAILED`);
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`\n${written} screenshots in ${outDir}`);
for (const line of [...cutValues, ...sideways, ...failed]) console.log(line);
if (sideways.length > 0 || failed.length > 0) process.exit(1);
