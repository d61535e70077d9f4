/**
 * The code of the index route (All Connections, where a session usually starts). The router's index route
 * loads it through this function, and main.tsx starts it together with the app's own modules when the
 * address is the index, so the page's code comes in one wave of requests rather than two (the router could
 * ask for it only after the app's ~70 modules had loaded and run).
 */
export const importIndexRoute = () => import('./routes/connections');
