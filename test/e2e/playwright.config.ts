import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = fileURLToPath(new URL('./.artifacts', import.meta.url));
const isCI = Boolean(process.env.CI);

/** Debian's Chromium: `npx playwright install` needs a download host we do not have. Elsewhere (a laptop with
 * Playwright's own browsers), leave it unset or point PLAYWRIGHT_CHROMIUM_PATH at another build. */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// PW_PORT lets two checkouts on one machine run their suites at once.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: `${artifacts}/test-results`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // Two cores are shared with builds and other engineers' runs.
  workers: 2,
  reporter: process.env.PW_HTML
    ? [['list'], ['html', { outputFolder: `${artifacts}/report`, open: 'never' }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-first-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
          args: chromiumArgs,
        },
      },
    },
  ],
  // `npm run test:e2e` builds first; the preview serves the production bundle, mocks included.
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
