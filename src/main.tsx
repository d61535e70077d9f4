/**
 * The simulation is the backend in every build (dev and production preview alike), so the world must answer
 * this page, and `?scenario=` be applied, before the first request leaves it. The world starts first, from
 * this entry file (a few KB): its shared worker's script and the service worker's are requested before the
 * app's many modules, whose requests would otherwise queue ahead of them on the browser's six connections to
 * the server. The app's code, including the first page's route, loads and renders while the world boots in
 * its workers.
 */
import { startSimulation } from '../mocks/browser';
import { holdRequestsUntil } from './lib/backend-ready';
import { importIndexRoute } from './app/index-route-code';

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

const simulation = startSimulation();
// The app renders while the world starts (its first render is most of the main thread's work before the
// first data); its requests wait until the world mocks this page, and the router's loaders start them then.
holdRequestsUntil(simulation.mocking);
// A failure here is the router's to report when it imports the same module.
if (window.location.pathname === import.meta.env.BASE_URL) void importIndexRoute().catch(() => undefined);

let unmount: (() => void) | undefined;
try {
  const { prepareApp } = await import('./render-app');
  unmount = prepareApp(window.location.pathname).render(rootElement);
  await simulation.answered;
} catch (error) {
  // Without the world every request would fail; say so instead of showing a broken shell.
  unmount?.();
  renderFatal(rootElement, error);
}

export {};
