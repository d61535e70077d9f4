import { isRouteErrorResponse, useRouteError } from 'react-router';
import { RouterButton } from '@/components/router-link/router-link';
import { paths } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { ErrorFallback } from '../error-fallback';

/** Any error thrown while loading or rendering a route lands here instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  useMarkAppReady(true);
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <ErrorFallback
      error={shown}
      homeAction={<RouterButton to={paths.home()}>Go to All connections</RouterButton>}
    />
  );
}
