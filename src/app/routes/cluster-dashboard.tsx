import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { ClusterDashboard } from '@/features/clusters/components/cluster-dashboard';

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (params.name)
      // Errors are swallowed here: the page shows them with its own Retry.
      void queryClient.query(clusterQueries.detail(params.name)).catch(() => undefined);
    return null;
  };

export function Component() {
  const { name = '' } = useParams();
  return <ClusterDashboard key={name} clusterName={name} />;
}
