import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { serverQueries } from '@/api/queries/cluster-queries';
import { ServerOverview } from '@/features/clusters/components/server-overview';

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (params.name)
      // Errors are swallowed here: the page shows them with its own Retry.
      void queryClient.query(serverQueries.detail(params.name)).catch(() => undefined);
    return null;
  };

export function Component() {
  const { name = '' } = useParams();
  return <ServerOverview key={name} serverName={name} />;
}
