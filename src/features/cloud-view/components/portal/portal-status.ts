import type { StatusKind } from '@/components/status-badge/status-kind';

/**
 * The cluster resource's `status` (Microsoft.AzureStackHCI/clusters, 2024-04-01) in the portal's words. The
 * three connection states are the troubleshooting guide's wording (ui.md §2a, behaviour.md); the others have
 * no quoted portal text, so they are the enum split into words.
 */
export function clusterStatusText(status: string | undefined): string {
  switch (status) {
    case 'ConnectedRecently':
      return 'Connected';
    case 'NotConnectedRecently':
      return 'Not connected recently';
    case 'Disconnected':
      return 'Disconnected - Cluster not in connected state for more than 8 hours';
    case 'NotYetRegistered':
    case undefined:
      return 'Not yet registered';
    default: {
      const words = status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

export function clusterStatusKind(status: string | undefined): StatusKind | undefined {
  switch (status) {
    case 'ConnectedRecently':
    case 'DeploymentSuccess':
    case 'ValidationSuccess':
      return 'success';
    case 'NotConnectedRecently':
      return 'warning';
    case 'Disconnected':
    case 'Error':
    case 'DeploymentFailed':
    case 'ValidationFailed':
      return 'error';
    default:
      return undefined;
  }
}
