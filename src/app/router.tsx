import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, matchRoutes, type LoaderFunction, type RouteObject } from 'react-router';
import { AppShell } from '@/shell/app-shell';
import { prefetchMultiCloud } from '@/features/multi-cloud/api/use-cloud-vm-rows';
import { whenAppReady } from '@/lib/app-ready';
import type { RouteHandle } from '@/shell/document-title';
import { findTool } from '@/shell/tools';
import { AppLoading } from './app-loading';
import { importIndexRoute } from './index-route-code';
import { RouteError } from './routes/route-error';

interface RouteModule {
  Component: ComponentType;
  /** Given the app's QueryClient, returns the route's loader (bulletproof's `convert`, typed). */
  loader?: (queryClient: QueryClient) => LoaderFunction;
}

/** Lazy route: the module's code loads on first visit, and its loader gets the QueryClient. */
function lazyRoute(queryClient: QueryClient, importer: () => Promise<RouteModule>): RouteObject['lazy'] {
  return async () => {
    const module = await importer();
    return { Component: module.Component, ...(module.loader ? { loader: module.loader(queryClient) } : {}) };
  };
}

const crumb = (text: string): RouteHandle => ({ crumb: () => text });
const toolCrumb = (toolId: string): RouteHandle => ({ crumb: () => findTool(toolId)?.title });

/** The route tree, shared by the browser router and the tests' memory router. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      Component: AppShell,
      HydrateFallback: AppLoading,
      ErrorBoundary: RouteError,
      handle: crumb('Windows Admin Center'),
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              handle: crumb('All Connections'),
              lazy: lazyRoute(queryClient, importIndexRoute),
            },
            {
              path: 'settings/:section?',
              handle: crumb('Settings'),
              lazy: lazyRoute(queryClient, () => import('./routes/gateway-settings')),
            },
            {
              path: 'lab',
              handle: crumb('Simulation lab'),
              lazy: lazyRoute(queryClient, () => import('./routes/lab')),
            },
            {
              path: 'azure/*',
              handle: crumb('Azure portal (cloud view)'),
              lazy: lazyRoute(queryClient, () => import('./routes/azure')),
            },
            {
              path: 'azure-stack/*',
              handle: crumb('Azure Stack portal (multi-cloud)'),
              // Runs beside the route's lazy code, so the clouds and the first VM rows load in parallel with it.
              loader: ({ request }) => {
                prefetchMultiCloud(queryClient, new URL(request.url));
                return null;
              },
              // Typing a filter (`q`) or selecting a VM (`vm`) rewrites the query string at every keystroke or
              // click; the page's own queries follow those. Prefetching again would put a router pass and a
              // request in each keystroke's event, before its input even paints.
              shouldRevalidate: ({ currentUrl, nextUrl }) =>
                currentUrl.searchParams.get('cloud') !== nextUrl.searchParams.get('cloud') ||
                currentUrl.searchParams.get('view') !== nextUrl.searchParams.get('view'),
              lazy: lazyRoute(queryClient, () => import('./routes/azure-stack')),
            },
            {
              path: 'connections/:type/:name',
              // The connection's tool pane (Fluent's Nav) is not on the first page: load it with the route.
              lazy: async () => ({ Component: (await import('@/shell/connection-layout')).ConnectionLayout }),
              handle: { crumb: (params) => params.name } satisfies RouteHandle,
              children: [
                // The connection's own address: the layout sends it on to the first tool, so the index renders
                // nothing (an explicit null; left undefined, React Router warns on every visit).
                { index: true, element: null },
                {
                  ErrorBoundary: RouteError,
                  children: [
                    {
                      path: 'tools/dashboard',
                      handle: toolCrumb('dashboard'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-dashboard')),
                    },
                    {
                      path: 'tools/servers',
                      handle: toolCrumb('servers'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-servers')),
                    },
                    {
                      path: 'tools/virtual-machines',
                      handle: toolCrumb('virtual-machines'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-vms')),
                    },
                    {
                      path: 'tools/overview',
                      handle: toolCrumb('overview'),
                      lazy: lazyRoute(queryClient, () => import('./routes/server-overview')),
                    },
                    {
                      path: 'tools/azure-arc',
                      handle: toolCrumb('azure-arc'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-arc')),
                    },
                    {
                      path: 'tools/azure-arc/servers',
                      handle: crumb('Arc-enabled servers'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-arc-servers')),
                    },
                    {
                      path: 'tools/azure-arc/registration',
                      handle: crumb('Azure Stack HCI registration'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-registration')),
                    },
                    {
                      path: 'tools/powershell',
                      handle: toolCrumb('powershell'),
                      lazy: lazyRoute(queryClient, () => import('./routes/powershell')),
                    },
                    // Unknown tool ids: the connection layout explains, with the tool list beside it.
                    {
                      path: 'tools/diagnostics/troubleshoot',
                      handle: crumb('Troubleshooter'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-diagnostics-troubleshoot')),
                    },
                    {
                      path: 'tools/diagnostics',
                      handle: toolCrumb('diagnostics'),
                      lazy: lazyRoute(queryClient, () => import('./routes/cluster-diagnostics')),
                    },
                    { path: 'tools/:toolId' },
                    {
                      path: 'settings/:section?',
                      handle: crumb('Settings'),
                      lazy: lazyRoute(queryClient, () => import('./routes/connection-settings')),
                    },
                  ],
                },
              ],
            },
            {
              path: '*',
              handle: crumb('Page not found'),
              lazy: lazyRoute(queryClient, () => import('./routes/not-found')),
            },
          ],
        },
      ],
    },
    // The simulated Microsoft sign-in page opens in its own tab, without the WAC shell around it.
    {
      path: '/device-login',
      ErrorBoundary: RouteError,
      lazy: lazyRoute(queryClient, () => import('./routes/device-login')),
    },
  ];
}

/**
 * Once the first page shows its data and the browser is idle, the code of the other solutions (the Solution
 * Selector's targets) is fetched, so switching to one waits for its data only, not for its code as well.
 */
function warmSolutionRoutes(): void {
  // A warm-up that fails (offline, or the service worker stopped mid-fetch) costs nothing: the route's own
  // import fetches the code again when the user goes there.
  const warm = () => {
    import('./routes/azure-stack').catch(() => undefined);
    import('./routes/azure').catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

/**
 * Starts fetching the code of the routes that match `pathname`. The router would ask for it only once it is
 * created, after the world answers this page; asked now, it loads while the world starts. The router's own
 * call of the same `lazy` later finds the modules loaded. A failure here is left to that call to report.
 */
export function loadRouteCode(routes: RouteObject[], pathname: string): void {
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    if (typeof route.lazy === 'function') void route.lazy().catch(() => undefined);
  }
}

export function createAppRouter(routes: RouteObject[]) {
  whenAppReady(warmSolutionRoutes);
  return createBrowserRouter(routes);
}
