import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { createQueryClient } from './lib/query-client';

/** The app itself; main.tsx renders it once the simulated world answers this page. */
export function renderApp(rootElement: HTMLElement): void {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  createRoot(rootElement).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
}
