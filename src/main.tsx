import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createAppRouter } from './app/router';
import { createQueryClient } from './lib/query-client';

/**
 * The simulation is the backend in every build (dev and production preview alike), so the worker must be
 * running, and `?scenario=` applied, before the first request leaves the page.
 */
async function enableMocking(): Promise<void> {
  const { startSimulation } = await import('../mocks/browser');
  await startSimulation();
}

function renderFatal(root: HTMLElement, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font-family: Segoe UI, sans-serif; padding: 24px; max-width: 720px';
  const title = document.createElement('h1');
  title.textContent = "The simulated backend didn't start";
  const text = document.createElement('p');
  text.textContent = `${message} Reload the page to try again.`;
  const reload = document.createElement('button');
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(title, text, reload);
  root.replaceChildren(box);
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

try {
  await enableMocking();
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  createRoot(rootElement).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
} catch (error) {
  // Without the worker every request would fail; say so instead of showing a broken shell.
  renderFatal(rootElement, error);
}
