import { useQueryClient } from '@tanstack/react-query';
import type { CloudSummaryDto } from '@/api/vms-contract';
import type { StatusKind } from '@/components/status-badge/status-kind';
import { ApiError } from '@/lib/api-client';
import { cloudKeys } from '@/api/queries/cloud-queries';

export function connectorText(cloud: CloudSummaryDto): string {
  if (cloud.kind === 'AzureStack') return 'Local cloud';
  switch (cloud.state) {
    case 'Available':
      return `Connector connected (${cloud.latencyMs ?? 0} ms)`;
    case 'ConnectorUnreachable':
      return 'Connector unreachable';
    case 'UserNotFound':
      return 'Account not in this cloud';
  }
}

export function connectorKind(cloud: CloudSummaryDto): StatusKind {
  return cloud.state === 'Available' ? 'success' : cloud.state === 'UserNotFound' ? 'warning' : 'error';
}

/** The Cluster (local cloud) or Subscription (Azure Pack) a resource belongs to. */
export const groupHeaderOf = (cloud: CloudSummaryDto) =>
  cloud.kind === 'AzureStack' ? 'Cluster' : 'Subscription';

/** A connector that stops answering mid-session shows in the drop-down's status at once. */
export function useCloudErrorRefresh() {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && (error.status === 503 || error.status === 403))
      void queryClient.invalidateQueries({ queryKey: cloudKeys.list() });
  };
}
