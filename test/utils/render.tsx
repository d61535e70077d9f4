import { render, screen, waitFor, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createRoutes } from '@/app/router';
import { createQueryClient } from '@/lib/query-client';
import { hciSim } from '../../mocks/node';

/** Every lazy route's code, loaded the way the router loads it on a first visit. */
async function loadAllRouteCode(routes: RouteObject[]): Promise<void> {
  await Promise.all(
    routes.map(async ({ lazy, children: nested }) => {
      if (typeof lazy === 'function') await lazy();
      if (nested) await loadAllRouteCode(nested);
    }),
  );
}

// The route code loads while the test file is imported, not inside its first test: in jsdom, transforming
// and running a route's modules (Fluent included) took 1.3 s of a 4.3 s first test against 1.0 s for the
// same test run second (load average 14). Each test's time is then its own rendering and waiting; the
// browser warms these same modules once the first page is ready (warmSolutionRoutes in src/app/router.tsx).
await loadAllRouteCode(createRoutes(createQueryClient({ retry: false })));

export interface RenderRouteOptions {
  /** Resets the simulated world to this preset first. @default 'fresh' (already done before each test) */
  scenario?: string;
}

/**
 * Renders the real app (router, providers, lazy routes) at `url` against the real MSW handlers, with a
 * fresh QueryClient that never retries, so a failing request shows its error at once.
 */
export async function renderRoute(url: string, { scenario }: RenderRouteOptions = {}) {
  if (scenario) await hciSim.reset(scenario);
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  // No pause between the events of one action: nothing here waits on the wall clock, and a pause per key
  // costs a timer round trip (and a render) for every character typed.
  const user = userEvent.setup({ delay: null });
  const view: RenderResult = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** Waits until the page has shown its data (the same signal Playwright waits on). */
export async function waitForAppReady(): Promise<void> {
  await waitFor(() => expect(document.body.dataset.appReady).toBe('true'));
}

export { screen };
