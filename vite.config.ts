/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = fileURLToPath(new URL('./src', import.meta.url));
const mocks = fileURLToPath(new URL('./mocks', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': src, '@mocks': mocks } },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
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
