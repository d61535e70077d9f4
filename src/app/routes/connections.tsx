import type { QueryClient } from '@tanstack/react-query';
import { connectionQueries } from '@/api/queries/connection-queries';
import { ConnectionsPage } from '@/features/connections/components/connections-page';

/** Starts the request while the route's code loads; the page shows its own loading and error states. */
export const loader = (queryClient: QueryClient) => () => {
  // Errors are swallowed here: the page shows them with its own Retry.
  void queryClient.query(connectionQueries.list()).catch(() => undefined);
  return null;
};

export function Component() {
  return <ConnectionsPage />;
}
