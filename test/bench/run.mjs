#!/usr/bin/env node
// `npm run bench`: builds the portal (and a bare Vite page as a baseline) into a temp dir, serves both on
// 127.0.0.1, measures them in Debian Chromium and prints a markdown table (also written to bench-results/).
//
// To add a row, write `async function myMeasure(ctx) { return [row, …] }` and list it in MEASURES.
// `ctx` has: browser, appUrl, bareUrl, runs, newPage() (cold: a fresh context, so no cache and no service
// worker), waitForReady(page), simCall(page, method, ...args), median(numbers), timeInPage(page, fn), and
// with --against, againstRev and againstUrl (undefined without it); work (a temp directory for more builds)
// and cleanup (steps run in order at the end; unshift a server's close, so it runs before that directory goes).
//
// Options: --runs=5 (repetitions), --cold-runs=N (cold-load pairs; default max(2 × runs, 7)),
// --only=cold-load,cold-floor,first-page-js,large-jump,vm-tables (= vm-cold,vm-navigation,vm-filter),
// --against=REV (also builds git revision REV; the cold load and the filter then alternate the two builds
// load by load, so a change is compared with its base in one run instead of across two)
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = '/?scenario=registered';
/** First data of the connections page: the cluster's row. The bare page shows the same text. */
const READY_TEXT = 'hci-cluster01';
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // New-headless Chromium builds each new window's top-chrome WebUI (the omnibox popup, its AI-mode app) in
  // a renderer of its own: a Chromium trace of one cold load showed that renderer busy for over 3 s of CPU
  // across the load, more than the page's own main thread, on a 2-core machine. Every measure opens a fresh
  // context (a new window), so that cost landed in every cold load; a user's browser has built its window
  // long before they open the portal. Neither page is changed by this; both sides of the ratio lose the noise.
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k, v];
  }),
);
const RUNS = Number(args.runs ?? 5);

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A static server with the SPA fallback `vite preview` has, on loopback only. */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, pathname));
    if (!file.startsWith(dir + sep) && file !== dir) return void res.writeHead(403).end();
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) file = join(dir, 'index.html');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, dir, close: () => new Promise((r) => server.close(r)) };
}

/** Resolves with the page's own clock (ms since navigation start) when the page shows its data. */
async function waitForReady(page, text = READY_TEXT) {
  const handle = await page.waitForFunction(
    (t) =>
      document.body.dataset.appReady === 'true' && document.body.innerText.includes(t)
        ? performance.now()
        : 0,
    text,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

function simCall(page, method, ...callArgs) {
  return page.evaluate(([m, a]) => window.hciSim[m](...a), [method, callArgs]);
}

/** Times an async call to window.hciSim inside the page, so the protocol round-trip is not counted. */
function timeSim(page, method, ...callArgs) {
  return page.evaluate(
    async ([m, a]) => {
      const t0 = performance.now();
      await window.hciSim[m](...a);
      return performance.now() - t0;
    },
    [method, callArgs],
  );
}

// ── measures ─────────────────────────────────────────────────────────────────────────────────────────────

/** Whether this machine has Linux's /proc, where the cold load's CPU time is read. */
const HAS_PROC = existsSync('/proc/self/stat');

/** Clock ticks per second of /proc's CPU times (asked only where there is a /proc). */
const CLOCK_TICKS = HAS_PROC
  ? Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100
  : 100;

/**
 * CPU time (user + system, in ticks) of every Chromium process on this machine, by pid, from /proc; empty
 * where there is no /proc. The bench's browser is the only Chromium a bench machine runs.
 */
function chromiumCpu() {
  const byPid = new Map();
  if (!HAS_PROC) return byPid;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    const close = stat.lastIndexOf(')');
    if (!/chrom/i.test(stat.slice(stat.indexOf('(') + 1, close))) continue;
    const fields = stat.slice(close + 2).split(' ');
    byPid.set(pid, Number(fields[11]) + Number(fields[12])); // utime and stime: stat's fields 14 and 15
  }
  return byPid;
}

/**
 * Milliseconds of CPU Chromium's processes used since `before` (a chromiumCpu() reading). A process that
 * ended in between is not counted (a small undercount rather than a negative); one that started counts whole.
 */
function chromiumCpuSince(before) {
  let ticks = 0;
  for (const [pid, now] of chromiumCpu()) ticks += now - (before.get(pid) ?? 0);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** Cold load of one URL: fresh context, navigation to "data on screen"; also the JS files the page itself
 * (its main thread, not its workers) had fetched by then, from its resource timeline. */
async function coldLoad(ctx, url, text) {
  const page = await ctx.newPage();
  const cpuBefore = chromiumCpu();
  await page.goto(url);
  const readyAt = await waitForReady(page, text);
  const cpu = chromiumCpuSince(cpuBefore);
  const scripts = await page.evaluate(
    (before) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= before && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname),
    readyAt,
  );
  // Where the portal's cold start spent its time: the marks mocks/browser.ts leaves (none on the bare page).
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  );
  await page.context().close();
  return { readyAt, scripts, marks, cpu };
}

/**
 * Runs each of `sides` once per round, `rounds` times, the order rotating from one round to the next, so
 * drift on a shared machine hits every side alike.
 */
async function interleaved(rounds, sides) {
  for (let i = 0; i < rounds; i++) {
    const shift = i % sides.length;
    for (const run of [...sides.slice(shift), ...sides.slice(0, shift)]) await run();
  }
}

/** Cold loads are the noisiest measure on a shared machine: more of them than the other measures take. */
const COLD_RUNS = Number(args['cold-runs'] ?? Math.max(2 * RUNS, 7));

const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;

/** A page cold-loaded round by round: its load times, CPU times and marks (mocks/browser.ts's phases). */
const coldSide = (url) => ({ url, times: [], cpu: [], marks: [] });

/**
 * COLD_RUNS interleaved rounds of cold loads of `sides`, after one unmeasured load of each: the server's and
 * the disk's first reads are not what a user waits for.
 */
async function coldRounds(ctx, sides) {
  for (const { url } of sides) await coldLoad(ctx, url, READY_TEXT);
  await interleaved(
    COLD_RUNS,
    sides.map((s) => async () => {
      const load = await coldLoad(ctx, s.url, READY_TEXT);
      s.times.push(load.readyAt);
      s.cpu.push(load.cpu);
      s.marks.push(load.marks);
    }),
  );
}

/** The median of the rounds' ratios, so one slow moment of the machine does not skew a single side. */
const medianRatio = (side, bare) => median(side.times.map((x, i) => x / bare.times[i])).toFixed(1);

async function coldLoadRows(ctx) {
  const app = coldSide(`${ctx.appUrl}${CONNECTIONS}`);
  const bare = coldSide(`${ctx.bareUrl}/`);
  const against = ctx.againstUrl ? coldSide(`${ctx.againstUrl}${CONNECTIONS}`) : undefined;
  await coldRounds(ctx, [app, bare, ...(against ? [against] : [])]);
  const a = median(app.times);
  const b = median(bare.times);
  const rows = [
    {
      measure: `Cold load to the connections page's data (\`registered\`), median of ${COLD_RUNS} interleaved pairs (target ≤ 4×)`,
      portal: ms(a),
      baseline: ms(b),
      ratio: ratio(a, b),
      note: `median of the pairs' ratios ${medianRatio(app, bare)}×; portal ${spread(app.times)}, bare page ${spread(bare.times)}`,
    },
    {
      measure: "Cold load, the portal's phases (medians, ms since navigation)",
      portal: '–',
      note: COLD_PHASES.map(([mark, label]) => {
        const at = app.marks.map((p) => p[mark]).filter((x) => x !== undefined);
        return `${label} ${at.length ? Math.round(median(at)) : '–'}`;
      }).join(', '),
    },
  ];
  if (HAS_PROC)
    rows.push({
      measure: "Cold load, CPU time of Chromium's processes until the data shows (medians)",
      portal: ms(median(app.cpu)),
      baseline: ms(median(bare.cpu)),
      ratio: ratio(median(app.cpu), median(bare.cpu)),
      note:
        `portal ${spread(app.cpu)}, bare page ${spread(bare.cpu)}${against ? `, ${ctx.againstRev} ${ms(median(against.cpu))}` : ''}; ` +
        `all of Chromium's processes (page, workers, browser, GPU, network), from /proc in ${1000 / CLOCK_TICKS} ms ticks`,
    });
  if (against) {
    const c = median(against.times);
    rows.push({
      measure: `Cold load, \`${ctx.againstRev}\` (\`--against\`), in the same rounds`,
      portal: ms(c),
      baseline: ms(b),
      ratio: ratio(c, b),
      note: `median of its rounds' ratios ${medianRatio(against, bare)}×; median of the rounds' differences (this tree − ${ctx.againstRev}) ${ms(median(app.times.map((x, i) => x - against.times[i])))}; ${spread(against.times)}`,
    });
  }
  return rows;
}

/** What the reference pages show once the world answers: `/api/connections` as text (it has the cluster's name). */
const SHOW_CONNECTIONS = `
const connections = (mocking) => mocking.then(() => fetch('/api/connections')).then((r) => r.text());
const shown = (text) => {
  if (text) document.body.dataset.appReady = 'true';
  return text ?? '';
};`;

/** A page of React alone showing the connections; `first` is awaited before it renders. */
const reactPage = (first = '') => `
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
${SHOW_CONNECTIONS}
export async function renderPage(mocking) {
  ${first}
  function Connections() {
    const [text, setText] = useState();
    useEffect(() => void connections(mocking).then(setText), []);
    return createElement('pre', null, shown(text));
  }
  createRoot(document.getElementById('root')).render(createElement(Connections));
}`;

/**
 * The cold load's floor: builds of the portal (same config, index.html, world and workers) whose entry,
 * instead of src/main.tsx's app, loads one of these pages, as main.tsx loads the app once it has started
 * the world. Each shows the connections as text once the world mocks the page, as the portal's requests wait.
 */
const REFERENCE_PAGES = {
  'world-and-react': { what: 'the world, React and one request', code: reactPage() },
  stack: {
    what: "that through the stack's providers: a router, TanStack Query's useQuery, FluentProvider and a Fluent Text",
    code: `
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
${SHOW_CONNECTIONS}
export function renderPage(mocking) {
  function Connections() {
    const { data } = useQuery({ queryKey: ['connections'], queryFn: () => connections(mocking) });
    return createElement(Text, { as: 'pre' }, shown(data));
  }
  const router = createBrowserRouter([{ path: '/', Component: Connections }]);
  const client = new QueryClient();
  createRoot(document.getElementById('root')).render(
    createElement(FluentProvider, { theme: webLightTheme },
      createElement(QueryClientProvider, { client }, createElement(RouterProvider, { router }))),
  );
}`,
  },
  'first-page-code': {
    what: "the world, React and one request, after the portal's first page's code has loaded and run, none of it rendered",
    code: reactPage(`
  const { importIndexRoute } = await import('@/app/index-route-code');
  await Promise.all([importIndexRoute(), import('@/render-app')]);`),
  },
};

const REFERENCE_PAGE_ID = 'virtual:bench-reference-page';
const REFERENCE_ENTRY = `
import { startSimulation } from '@mocks/browser';
const simulation = startSimulation();
const { renderPage } = await import('${REFERENCE_PAGE_ID}');
await renderPage(simulation.mocking);
`;

/** Builds the portal with REFERENCE_ENTRY in place of src/main.tsx, loading `page` as its app, into `outDir`. */
async function buildReference(page, outDir) {
  const entry = join(root, 'src', 'main.tsx');
  const pageId = `\0${REFERENCE_PAGE_ID}.js`;
  await build({
    root,
    logLevel: 'warn',
    plugins: [
      {
        name: 'bench-reference-page',
        enforce: 'pre',
        resolveId: (id) => (id === REFERENCE_PAGE_ID ? pageId : null),
        load: (id) => (id === entry ? REFERENCE_ENTRY : id === pageId ? page.code : null),
      },
    ],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * The portal, the reference builds and the bare page, in interleaved rounds. What a reference build takes
 * is what no change to the portal's own first page can win back.
 */
async function coldFloorRows(ctx) {
  const references = [];
  for (const [name, page] of Object.entries(REFERENCE_PAGES)) {
    console.error(`building the reference page ${name}…`);
    const served = await serve(await buildReference(page, join(ctx.work, name)));
    ctx.cleanup.unshift(served.close);
    references.push({ name, what: page.what, ...coldSide(`${served.url}${CONNECTIONS}`) });
  }
  const app = coldSide(`${ctx.appUrl}${CONNECTIONS}`);
  const bare = coldSide(`${ctx.bareUrl}/`);
  await coldRounds(ctx, [app, ...references, bare]);
  const b = median(bare.times);
  return [app, ...references].map((s) => ({
    measure:
      s === app
        ? `Cold load's floor (reference builds, ${COLD_RUNS} interleaved rounds): the portal`
        : `Cold load's floor: ${s.what} (\`${s.name}\`)`,
    portal: ms(median(s.times)),
    baseline: ms(b),
    ratio: ratio(median(s.times), b),
    note: `median of the rounds' ratios ${medianRatio(s, bare)}×; ${spread(s.times)}`,
  }));
}

/** The marks of mocks/browser.ts, in the order a cold start reaches them. */
const COLD_PHASES = [
  ['hci-sim:host-ready', 'world host answered hello'],
  ['hci-sim:service-worker-ready', 'service worker mocking'],
  ['hci-sim:mocking', "page controlled (the app's requests go)"],
  ['hci-sim:answered', 'readiness probe answered (hciSim)'],
];

async function jsBytes(scripts, servedDir) {
  let raw = 0;
  let gz = 0;
  for (const pathname of scripts) {
    const body = await readFile(join(servedDir, pathname)).catch(() => Buffer.alloc(0));
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { raw, gz, files: scripts.length };
}

async function firstPageJsRows(ctx) {
  const app = await coldLoad(ctx, `${ctx.appUrl}${CONNECTIONS}`, READY_TEXT);
  const appJs = await jsBytes(app.scripts, ctx.appDir);
  const bare = await coldLoad(ctx, `${ctx.bareUrl}/`, READY_TEXT);
  const bareJs = await jsBytes(bare.scripts, ctx.bareDir);
  return [
    {
      measure: 'JS on the main thread before the first data (gzip; target ≤ 250 KB)',
      portal: `${kb(appJs.gz)} (${appJs.files} file${appJs.files === 1 ? '' : 's'})`,
      baseline: `${kb(bareJs.gz)} (${bareJs.files} file${bareJs.files === 1 ? '' : 's'})`,
      ratio: ratio(appJs.gz, bareJs.gz),
      note: `uncompressed ${kb(appJs.raw)}; the world's shared worker and MSW's service worker not counted`,
    },
  ];
}

async function largeJumpRows(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.appUrl}/?scenario=fresh`);
  await page.waitForFunction(
    () => window.hciSim !== undefined && document.body.dataset.appReady === 'true',
    null,
    {
      timeout: 30_000,
    },
  );
  const resets = [];
  const jumps = [];
  const years = [];
  for (let i = 0; i < 3; i++) {
    resets.push(await timeSim(page, 'reset', 'large'));
    // The host saves the world shortly after a change; let that pass so it is not counted in the jump.
    await page.waitForTimeout(1500);
    jumps.push(await timeSim(page, 'advance', '30d'));
    await page.waitForTimeout(1500);
    years.push(await timeSim(page, 'advance', '365d'));
    await page.waitForTimeout(1500);
  }
  await page.context().close();
  return [
    {
      measure: "`large`: hciSim.reset('large'), median of 3",
      portal: ms(median(resets)),
      note: 'from the page, through the world host',
    },
    {
      measure: "`large`: hciSim.advance('30d'), median of 3",
      portal: ms(median(jumps)),
      note: `from the page, through the world host; runs: ${jumps.map((x) => Math.round(x)).join(', ')} ms`,
    },
    {
      measure: "`large`: hciSim.advance('365d'), median of 3 (target < 100 ms)",
      portal: ms(median(years)),
      note: `from the page, through the world host; runs: ${years.map((x) => Math.round(x)).join(', ')} ms`,
    },
  ];
}

// ── VM tables at scale (issue: VMs and the multi-cloud portal) ──────────────────────────────────────────────

const CLOUD_VMS = '/azure-stack?cloud=AzureStack';
const CLOUD_VM_GRID = 'Virtual machines of AzureStack';
const CLUSTER_VMS = '/connections/cluster/hci-cluster01/tools/virtual-machines';

/** Navigates cold and resolves with the page clock when the named grid shows its first data row. */
async function firstRowsAt(page, url, gridName) {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (name) => {
      const grid = document.querySelector(`[role="grid"][aria-label="${name}"]`);
      return grid && grid.querySelector('[role="row"][data-row-index]') ? performance.now() : 0;
    },
    gridName,
    { polling: 'raf', timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

/** How much the filter row slows the page's CPU (CDP throttling), standing in for a busy machine. */
const FILTER_CPU_SLOWDOWN = 2;

/** Router navigation (history entry + popstate, as a link does) to `url`; ms until the grid shows a row. */
async function navigateInApp(page, url, gridName) {
  return page.evaluate(
    ([to, name]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        window.history.pushState({}, '', to);
        window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
        const check = () => {
          const grid = document.querySelector(`[role="grid"][aria-label="${name}"]`);
          if (grid && grid.querySelector('[role="row"][data-row-index]')) resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [url, gridName],
  );
}

async function vmColdRows(ctx) {
  const rows = [];
  const cloudLoads = [];
  const clusterLoads = [];
  for (let i = 0; i < Math.min(ctx.runs, 3); i++) {
    const page = await ctx.newPage();
    cloudLoads.push(await firstRowsAt(page, `${ctx.appUrl}${CLOUD_VMS}&scenario=large`, CLOUD_VM_GRID));
    await page.context().close();
    const page2 = await ctx.newPage();
    clusterLoads.push(
      await firstRowsAt(page2, `${ctx.appUrl}${CLUSTER_VMS}?scenario=large`, 'Virtual machines'),
    );
    await page2.context().close();
  }
  rows.push({
    measure: '`large`: cold load to first rows of the 10,000-VM table (Azure Stack portal, AzureStack cloud)',
    portal: ms(median(cloudLoads)),
    note: `runs: ${cloudLoads.map((x) => Math.round(x)).join(', ')} ms`,
  });
  rows.push({
    measure: '`large`: cold load to first rows of Cluster Manager › Virtual machines (hci-cluster01)',
    portal: ms(median(clusterLoads)),
    note: `runs: ${clusterLoads.map((x) => Math.round(x)).join(', ')} ms`,
  });

  return rows;
}

async function vmNavigationRows(ctx) {
  const rows = [];
  // In-app navigation (the router, no reload) from the connections page to the 10,000-VM table.
  const navigations = [];
  for (let i = 0; i < Math.min(ctx.runs, 3); i++) {
    const start = await ctx.newPage();
    await start.goto(`${ctx.appUrl}/?scenario=large`);
    await waitForReady(start, READY_TEXT);
    navigations.push(await navigateInApp(start, CLOUD_VMS, CLOUD_VM_GRID));
    await start.context().close();
  }
  rows.push({
    measure: '`large`: in-app navigation to the 10,000-VM table, first rows (target ≤ 300 ms)',
    portal: ms(median(navigations)),
    note: `connections page → Azure Stack portal, AzureStack cloud; runs: ${navigations.map((x) => Math.round(x)).join(', ')} ms`,
  });

  return rows;
}

/** The typed filter text; each of its keys is timed. */
const FILTER_QUERY = 'web-001';
/** How long the grid must stay still (ms) before a key's latency is read. */
const QUIET = 300;

/**
 * Types FILTER_QUERY into the 10,000-VM table's filter of `page` (showing the unfiltered table) with the
 * page's CPU slowed, and times each key.
 */
async function typeFilter(page, cdp) {
  // Filter latency: from each keydown to the last DOM change it causes in the grid, and to the frame that
  // shows it (what a user sees: a task queued from the next animation frame after that change runs once the
  // frame is painted). Each key waits for the answer to its own filter (the list is filtered where it lives)
  // and then for the grid to be still for QUIET ms, so a change that comes late still counts; a key whose
  // rows are the same as before costs 0.
  await page.evaluate((name) => {
    window.__filterLatency = [];
    window.__filterShown = [];
    window.__filterKeyAt = 0;
    const box = document.querySelector('input[aria-label="Filter virtual machines"]');
    box.addEventListener('keydown', () => (window.__filterKeyAt = performance.now()), true);
    // The grid is watched from before each key is pressed: watched only once the key's press had returned
    // to the harness, a change that came sooner than that round trip was missed and the key counted 0 ms.
    let observer;
    let last = 0;
    let shown = 0;
    window.__filterArm = () => {
      const grid = document.querySelector(`[role="grid"][aria-label="${name}"]`);
      last = 0;
      shown = 0;
      observer = new MutationObserver(() => {
        last = performance.now();
        requestAnimationFrame(() => setTimeout(() => (shown = performance.now()), 0));
      });
      observer.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
    };
    window.__filterSettled = (quiet, search) =>
      new Promise((resolve) => {
        const t0 = window.__filterKeyAt;
        const answered = () =>
          performance
            .getEntriesByType('resource')
            .some(
              (e) =>
                e.startTime >= t0 &&
                e.responseEnd > 0 &&
                new URL(e.name).searchParams.get('search') === search,
            );
        const check = () => {
          const now = performance.now();
          const changed = Math.max(last, t0);
          if ((answered() && now - changed >= quiet && now - t0 >= quiet) || now - t0 > 5000) {
            observer.disconnect();
            window.__filterLatency.push(changed - t0);
            window.__filterShown.push(Math.max(shown, changed) - t0);
            resolve();
          } else requestAnimationFrame(check);
        };
        check();
      });
  }, CLOUD_VM_GRID);
  await page.getByRole('searchbox', { name: 'Filter virtual machines' }).click();
  const query = FILTER_QUERY;
  // A busy machine: the page gets half the CPU it would have.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: FILTER_CPU_SLOWDOWN });
  // The page's main-thread task time per key (CDP's TaskDuration, seconds): what the keystroke cost the page
  // itself, which the machine's load moves far less than the wall-clock latency.
  const taskSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const keyTask = [];
  for (let i = 0; i < query.length; i++) {
    const before = await taskSeconds();
    await page.evaluate(() => window.__filterArm());
    await page.keyboard.press(query[i]);
    await page.evaluate(
      ([quiet, search]) => window.__filterSettled(quiet, search),
      [QUIET, query.slice(0, i + 1)],
    );
    keyTask.push((await taskSeconds()) - before);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const latencies = await page.evaluate(() => window.__filterLatency);
  const shown = await page.evaluate(() => window.__filterShown);
  return { latencies, shown, keyTask };
}

/** A cold page of the build at `baseUrl` showing the 10,000-VM table of `large`, with a CDP session on it. */
async function openLargeVmTable(ctx, baseUrl) {
  const page = await ctx.newPage();
  await firstRowsAt(page, `${baseUrl}${CLOUD_VMS}&scenario=large`, CLOUD_VM_GRID);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

async function vmFilterRows(ctx) {
  const rows = [];
  const { page, cdp } = await openLargeVmTable(ctx, ctx.appUrl);
  const total = await page.evaluate(
    (name) => document.querySelector(`[role="grid"][aria-label="${name}"]`).getAttribute('aria-rowcount'),
    CLOUD_VM_GRID,
  );

  // JS heap with the 10,000 rows loaded, after a forced GC.
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  rows.push({
    measure: '`large`: JS heap after loading the 10,000-VM table (after GC)',
    portal: `${(heap / 1048576).toFixed(1)} MB`,
    note: `${Number(total) - 1} rows in the table`,
  });

  const { latencies, shown, keyTask } = await typeFilter(page, cdp);
  const matches = await page.evaluate(
    (name) =>
      Number(document.querySelector(`[role="grid"][aria-label="${name}"]`).getAttribute('aria-rowcount')) - 1,
    CLOUD_VM_GRID,
  );
  rows.push({
    measure: `\`large\`: filter latency per keystroke at ${Number(total) - 1} rows, CPU slowed ${FILTER_CPU_SLOWDOWN}×, one typing`,
    portal: `median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
    note: `keydown to the grid's last DOM change; typing '${FILTER_QUERY}' (${latencies.map((x) => Math.round(x)).join(', ')} ms) → ${matches} rows`,
  });
  rows.push({
    measure: `\`large\`: filter, keydown to the painted frame showing the rows, CPU slowed ${FILTER_CPU_SLOWDOWN}×`,
    portal: `median ${ms(median(shown))}, max ${ms(Math.max(...shown))}`,
    note: `the same keys (${shown.map((x) => Math.round(x)).join(', ')} ms)`,
  });
  rows.push({
    measure: `\`large\`: filter, the page's main-thread task time per keystroke, CPU slowed ${FILTER_CPU_SLOWDOWN}×`,
    portal: `total ${ms(keyTask.reduce((a, b) => a + b, 0) * 1000)}, max ${ms(Math.max(...keyTask) * 1000)}`,
    note: `CDP TaskDuration from keydown until the grid is still (${QUIET} ms quiet), per key: ${keyTask.map((x) => Math.round(x * 1000)).join(', ')} ms`,
  });

  // DOM rows while scrolling the unfiltered table: bounded by the viewport, not by the 10,000 rows.
  await page.getByRole('searchbox', { name: 'Filter virtual machines' }).fill('');
  await page.waitForTimeout(300);
  const counts = [];
  for (const fraction of [0, 0.1, 0.33, 0.5, 0.75, 1]) {
    await page.evaluate(
      ([name, f]) => {
        const grid = document.querySelector(`[role="grid"][aria-label="${name}"]`);
        grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * f;
      },
      [CLOUD_VM_GRID, fraction],
    );
    await page.waitForTimeout(150);
    counts.push(
      await page.evaluate(
        (name) =>
          // Data rows and the rows still loading their page: both are DOM the scroll keeps bounded.
          document.querySelectorAll(
            `[role="grid"][aria-label="${name}"] [role="row"]:is([data-row-index], [aria-busy="true"])`,
          ).length,
        CLOUD_VM_GRID,
      ),
    );
  }
  rows.push({
    measure: '`large`: DOM rows while scrolling the 10,000-VM table',
    portal: `max ${Math.max(...counts)}`,
    note: `at 0/10/33/50/75/100 % of the scroll: ${counts.join(', ')}`,
  });
  await page.context().close();

  // The target is the worst key, and one typing's worst key moves by tens of milliseconds from one typing to
  // the next: the row the target is read from takes the worst key of several typings, each in a fresh page.
  const worsts = [Math.max(...latencies)];
  while (worsts.length < Math.max(RUNS, 3)) worsts.push(await worstFilterKey(ctx, ctx.appUrl));
  rows.push({
    measure: `\`large\`: filter, worst keystroke of each typing, CPU slowed ${FILTER_CPU_SLOWDOWN}× (target: worst < 50 ms)`,
    portal: `median ${ms(median(worsts))}, max ${ms(Math.max(...worsts))}`,
    note: `${worsts.length} typings of '${FILTER_QUERY}', each in a fresh page (the first is the one above): ${worsts.map((x) => Math.round(x)).join(', ')} ms`,
  });
  if (ctx.againstUrl) rows.push(...(await filterAgainstRows(ctx)));
  return rows;
}

/** The worst key of one typing of FILTER_QUERY in a fresh page of the build at `baseUrl`. */
async function worstFilterKey(ctx, baseUrl) {
  const { page, cdp } = await openLargeVmTable(ctx, baseUrl);
  const { latencies } = await typeFilter(page, cdp);
  await page.context().close();
  return Math.max(...latencies);
}

/**
 * With --against: the worst key of several typings in each build, the builds alternating typing by typing,
 * since one typing's worst key moves by tens of milliseconds from one run to the next.
 */
async function filterAgainstRows(ctx) {
  const here = [];
  const there = [];
  await interleaved(Math.max(RUNS, 3), [
    async () => here.push(await worstFilterKey(ctx, ctx.appUrl)),
    async () => there.push(await worstFilterKey(ctx, ctx.againstUrl)),
  ]);
  const list = (xs) => xs.map((x) => Math.round(x)).join(', ');
  return [
    {
      measure: `\`large\`: filter, worst key of each typing, this tree and \`${ctx.againstRev}\` alternating, CPU slowed ${FILTER_CPU_SLOWDOWN}×`,
      portal: `median ${ms(median(here))}`,
      baseline: `${ctx.againstRev}: median ${ms(median(there))}`,
      note: `this tree ${list(here)} ms; ${ctx.againstRev} ${list(there)} ms`,
    },
  ];
}

/**
 * Builds git revision `rev` of this repository for --against: a detached worktree in `work` sharing this
 * checkout's node_modules, built with its own vite.config.ts. Returns the output directory.
 */
async function buildAgainst(work, rev, cleanup) {
  const src = join(work, 'against-src');
  const added = spawnSync('git', ['worktree', 'add', '--detach', src, rev], { cwd: root, encoding: 'utf8' });
  if (added.status !== 0)
    throw new Error(`--against=${rev}: git worktree add failed: ${added.stderr.trim()}`);
  // Before the work directory is removed, so git forgets the worktree too.
  cleanup.unshift(() => spawnSync('git', ['worktree', 'remove', '--force', src], { cwd: root }));
  await symlink(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
  const outDir = join(work, 'against');
  await build({
    root: src,
    configFile: join(src, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const MEASURES = {
  'cold-load': coldLoadRows,
  'cold-floor': coldFloorRows,
  'first-page-js': firstPageJsRows,
  'large-jump': largeJumpRows,
  'vm-cold': vmColdRows,
  'vm-navigation': vmNavigationRows,
  'vm-filter': vmFilterRows,
};
/** Names for several measures at once. */
const GROUPS = { 'vm-tables': ['vm-cold', 'vm-navigation', 'vm-filter'] };

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────

function simBenchInNode() {
  const dir = join(root, 'mocks', 'sim');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bench.ts')) : [];
  if (files.length === 0) return null;
  const out = spawnSync('npx', ['vitest', 'bench', '--run', '--project', 'sim'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return `${out.stdout}${out.status === 0 ? '' : `\n(vitest bench exited ${out.status})\n${out.stderr}`}`;
}

async function buildBare(work) {
  const src = join(work, 'bare-src');
  await mkdir(src, { recursive: true });
  await writeFile(
    join(src, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>bare</title></head>' +
      '<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>\n',
  );
  await writeFile(
    join(src, 'main.js'),
    `const h = document.createElement('h1');\nh.textContent = ${JSON.stringify(READY_TEXT)};\n` +
      `document.getElementById('root').append(h);\ndocument.body.dataset.appReady = 'true';\n`,
  );
  const outDir = join(work, 'bare');
  await build({ root: src, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

async function main() {
  const selected = args.only
    ? args.only.split(',').flatMap((name) => GROUPS[name] ?? [name])
    : Object.keys(MEASURES);
  for (const name of selected) if (!MEASURES[name]) throw new Error(`unknown measure ${name}`);

  const work = await mkdtemp(join(tmpdir(), 'hci-bench-'));
  const cleanup = [() => rm(work, { recursive: true, force: true })];
  const onSignal = () => void Promise.allSettled(cleanup.map((f) => f())).then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.error('building the portal and the bare page…');
    const appDir = join(work, 'app');
    await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
    const bareDir = await buildBare(work);

    const app = await serve(appDir);
    const bare = await serve(bareDir);
    cleanup.unshift(app.close, bare.close);
    const againstRev = args.against;
    let against;
    if (againstRev) {
      console.error(`building ${againstRev} (--against)…`);
      against = await serve(await buildAgainst(work, againstRev, cleanup));
      cleanup.unshift(against.close);
    }
    const browser = await chromium.launch({
      ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
      args: CHROMIUM_ARGS,
    });
    cleanup.unshift(() => browser.close());

    const ctx = {
      browser,
      runs: RUNS,
      appUrl: app.url,
      appDir,
      bareUrl: bare.url,
      bareDir,
      againstRev,
      againstUrl: against?.url,
      work,
      cleanup,
      newPage: async () => (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage(),
      waitForReady,
      simCall,
      timeSim,
      median,
    };

    // The machine may be shared: its load goes with the figures.
    const load = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(', ');
    const loadBefore = load();
    const rows = [];
    for (const name of selected) {
      console.error(`measuring ${name}…`);
      try {
        rows.push(...(await MEASURES[name](ctx)));
      } catch (error) {
        rows.push({ measure: name, portal: 'failed', note: String(error.message ?? error).split('\n')[0] });
      }
    }

    const table = [
      `Bench ${new Date().toISOString()} · Chromium ${browser.version()} · node ${process.version}`,
      `Load average (1, 5, 15 min) on ${cpus().length} CPUs: ${loadBefore} before the measures, ${load()} after.`,
      '',
      '| measure | portal | bare Vite page | ratio | note |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map(
        (r) => `| ${r.measure} | ${r.portal} | ${r.baseline ?? '–'} | ${r.ratio ?? '–'} | ${r.note ?? ''} |`,
      ),
    ].join('\n');
    const nodeBench = simBenchInNode();
    const report = nodeBench
      ? `${table}\n\nSimulation in node (vitest bench):\n\n\`\`\`\n${nodeBench}\`\`\`\n`
      : `${table}\n`;
    console.log(report);
    await mkdir(join(root, 'bench-results'), { recursive: true });
    await writeFile(join(root, 'bench-results', 'latest.md'), report);
    await writeFile(join(root, 'bench-results', 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
    if (rows.some((r) => r.portal === 'failed')) process.exitCode = 1;
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  }
}

await main();
