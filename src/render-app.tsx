import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createAppRouter, createRoutes, loadRouteCode } from './app/router';
import { createQueryClient } from './lib/query-client';

export interface PreparedApp {
  /** renders the app; the returned function unmounts it (main.tsx, when the world does not start) */
  render(rootElement: HTMLElement): () => void;
}

/**
 * The app, prepared while the simulated world starts: the code of the page at `pathname` starts loading now.
 * main.tsx renders it at once; its requests wait until the world mocks this page (src/lib/backend-ready.ts).
 */
export function prepareApp(pathname: string): PreparedApp {
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  loadRouteCode(routes, pathname);
  return {
    render(rootElement) {
      const router = createAppRouter(routes);
      const root = createRoot(rootElement);
      root.render(
        <StrictMode>
          <AppProvider queryClient={queryClient}>
            <RouterProvider router={router} />
          </AppProvider>
        </StrictMode>,
      );
      return () => root.unmount();
    },
  };
}
