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
          // jsdom + Fluent's focus management is timing-sensitive on a loaded 2-core CI machine; one retry
          // there (as Playwright has) keeps a scheduling hiccup from blocking a landing. A real failure fails twice.
          retry: process.env.CI ? 1 : 0,
          testTimeout: 20000,
        },
      },
    ],
  },
});
