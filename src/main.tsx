/**
 * The simulation is the backend in every build (dev and production preview alike), so the world must answer
 * this page, and `?scenario=` be applied, before the first request leaves it. Connecting to the world and
 * loading the app start together: the world boots in its workers while this thread evaluates the app.
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
  const [, { renderApp }] = await Promise.all([enableMocking(), import('./render-app')]);
  renderApp(rootElement);
} catch (error) {
  // Without the world every request would fail; say so instead of showing a broken shell.
  renderFatal(rootElement, error);
}

export {};
