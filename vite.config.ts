/// <reference types="vitest/config" />
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { CodeSplittingGroup, ModuleInfo } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';

const src = fileURLToPath(new URL('./src', import.meta.url));
const mocks = fileURLToPath(new URL('./mocks', import.meta.url));

interface ModuleGraph {
  getModuleInfo(id: string): ModuleInfo | null;
}

const isLibrary = (id: string) => /[\\/]node_modules[\\/]/.test(id);

/** Every module `roots` import statically, directly or not, without going into a library. */
function closure(graph: ModuleGraph, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || isLibrary(id)) continue;
    const info = graph.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    queue.push(...info.importedIds);
  }
  return seen;
}

/**
 * `start`: what the entry runs to start the world (mocks/browser.ts and its imports, Vite's preload
 * helper). `app`: the app's own modules that the first page runs, those render-app.tsx and the index route
 * import statically. Both are followed outside libraries only: a library's barrel lists all its exports,
 * and the chunk takes what the first page uses of a library anyway, as a group takes its modules' imports.
 */
function firstPageModules(graph: ModuleGraph, src: string) {
  const entry = join(src, 'main.tsx');
  const start = closure(graph, [entry]);
  // The entry itself stays out: it awaits the app's chunk, which imports the start's modules, and a cycle
  // through a top-level await never finishes evaluating.
  start.delete(entry);
  const pages = closure(graph, [join(src, 'render-app.tsx'), join(src, 'app', 'routes', 'connections.tsx')]);
  return { start, app: new Set([...pages].filter((id) => !start.has(id))) };
}

/**
 * The first page's code in three files instead of 73. A cold load of the connections page fetched 73
 * chunks, most of them a few hundred bytes of Fluent and app modules that automatic splitting cut apart by
 * which routes share them: each a request queued on the browser's six connections to the server and a gzip
 * stream of its own (270.6 KB gzip in all; the same bytes gzipped as one file are 253 KB). The entry's own
 * imports get a chunk of their own (`start`), so the world's workers are still requested before the app's
 * code arrives; `first-page` holds the app shell, the connections page and the libraries they use. Other
 * routes keep automatic splitting and import what they share with the first page from these chunks.
 */
function firstPageChunks(src: string): CodeSplittingGroup[] {
  let sets: ReturnType<typeof firstPageModules> | undefined;
  const modules = (graph: ModuleGraph) => (sets ??= firstPageModules(graph, src));
  // A group also takes the modules its own modules import, so the start's group goes first: its modules
  // never join (and so never wait on) the app's chunk.
  return [
    {
      name: (id, graph) => (modules(graph).start.has(id) ? 'start' : null),
      debugName: 'start',
      priority: 2,
    },
    {
      name: (id, graph) => (modules(graph).app.has(id) ? 'first-page' : null),
      debugName: 'first-page',
      priority: 1,
    },
  ];
}

/**
 * Starts the world's shared worker from index.html in a build, as its inline script registers the service
 * worker: the host's script (the largest the page starts) is then requested with the page instead of after
 * the entry and its `start` chunk have loaded and run. mocks/host/client.ts takes that worker (the same URL
 * and name it would use) rather than constructing its own. The dev server has no bundle: there the page
 * starts it as before.
 */
function startWorldFromHtml(): Plugin {
  let base = '/';
  return {
    name: 'hci-start-world-from-html',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const worker = Object.values(context.bundle ?? {}).find((file) =>
          /(^|\/)shared-worker-[\w-]+\.js$/.test(file.fileName),
        );
        if (!worker) throw new Error('The build has no shared-worker chunk for index.html to start.');
        const url = JSON.stringify(`${base}${worker.fileName}`);
        return [
          {
            tag: 'script',
            injectTo: 'head',
            children:
              `if (typeof SharedWorker === 'function') window.hciWorldWorker = ` +
              `new SharedWorker(${url}, { type: 'module', name: 'hci-simulated-world' });`,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), startWorldFromHtml()],
  resolve: { alias: { '@': src, '@mocks': mocks } },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: firstPageChunks(src) } } },
  },
  // The world host (mocks/host/shared-worker.ts) is a module SharedWorker.
  worker: { format: 'es' },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'sim',
          environment: 'node',
          include: ['mocks/**/*.test.ts', 'test/contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup/vitest.setup.ts'],
          // No retry: a test that fails once is a bug to fix. The timeout is CPU, not waiting: simulated time, not
          // the wall clock, moves the world, and route code loads at import (test/utils/render.tsx). Each test
          // renders the whole app (router, Fluent, a virtualised grid) in jsdom with React's development build.
          // Measured 3 Dec (`vitest run --project ui --maxWorkers=1`, process CPU per test, load average 13-20):
          // of 231 tests, 15 use over 2.5 s of CPU and 3 over 5 s (registration journeys that fail a job, change
          // the settings and run it again: 4.5-5.6 s); at that load wall time is 2-4x CPU, 43 tests took over 5 s
          // and those 3 reached 20 s. Those journeys exceed the default 5 s even on an idle machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
