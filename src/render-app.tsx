import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createAppRouter, createRoutes, loadRouteCode } from './app/router';
import { createQueryClient } from './lib/query-client';

export interface PreparedApp {
  render(rootElement: HTMLElement): void;
}

/**
 * The app, prepared while the simulated world starts: the code of the page at `pathname` starts loading now.
 * main.tsx renders it once the world answers this page; the router (and every request) starts only then.
 */
export function prepareApp(pathname: string): PreparedApp {
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  loadRouteCode(routes, pathname);
  return {
    render(rootElement) {
      const router = createAppRouter(routes);
      createRoot(rootElement).render(
        <StrictMode>
          <AppProvider queryClient={queryClient}>
            <RouterProvider router={router} />
          </AppProvider>
        </StrictMode>,
      );
    },
  };
}
