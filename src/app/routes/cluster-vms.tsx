import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { vmQueries } from '@/features/vms/api/vm-queries';
import { VmsTool } from '@/features/vms/components/vms-tool';

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    // Started early, not awaited: the tool shows its own loading and error states with Retry.
    if (params.name) void queryClient.query(vmQueries.list(params.name)).catch(() => undefined);
    return null;
  };

export function Component() {
  const { name = '' } = useParams();
  return <VmsTool key={name} clusterName={name} />;
}
