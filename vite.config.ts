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
          // No retry: a test that fails once is a bug to fix. The timeout is CPU, not waiting: each test renders
          // the whole app (router, Fluent, a virtualised grid) in jsdom, and the first test of a file also pays
          // for importing its lazy routes; simulated time, not the wall clock, moves the world. Measured on the
          // shared 2-core machine (`vitest run --project ui`, load average 6 to 13): 25 of 227 tests over the
          // default 5 s, 12 over 10 s, the slowest that passed 17.9 s; 20 s is that with a little room. At load
          // average 20 some still exceed it: the figure is for a machine busy, not overloaded.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
