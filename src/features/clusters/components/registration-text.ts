import type { AzureStackHciStatusDto, ClusterDto } from '@/api/contract';
import { isPolicyDeadlineNear, isRegistered } from '@/lib/registration';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function isOutOfPolicy(registration: AzureStackHciStatusDto): boolean {
  return registration.registrationStatus === 'OutOfPolicy' || registration.connectionStatus === 'OutOfPolicy';
}

/**
 * The countdown neither WAC nor the Azure portal shows: how long until OutOfPolicy, and what it costs.
 * Returns the lines to show under the Azure connection status, most urgent first.
 */
export function policyCountdown(registration: AzureStackHciStatusDto): { text: string; urgent: boolean }[] {
  const lines: { text: string; urgent: boolean }[] = [];
  const registered = isRegistered(registration);
  const remaining = registration.daysUntilOutOfPolicy;
  const past = isOutOfPolicy(registration) || registration.vmCreationBlocked || remaining === 0;

  if (past) {
    lines.push({
      text: `Out of policy: new virtual machines can't be created until the cluster is ${registered ? 'synced' : 'registered'}.`,
      urgent: true,
    });
  } else if (!registered && remaining !== null) {
    lines.push({
      text: `${days(remaining)} left to register before the cluster is out of policy`,
      urgent: isPolicyDeadlineNear(remaining),
    });
  }

  if (registered) {
    if (registration.nextSync)
      lines.push({ text: `Next sync: ${formatSync(registration.nextSync)}`, urgent: false });
    if (!past && registration.connectionStatus !== 'Connected' && remaining !== null) {
      lines.push({
        text: `${days(remaining)} left to sync before the cluster is out of policy`,
        urgent: isPolicyDeadlineNear(remaining),
      });
    }
  }
  return lines;
}

function formatSync(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-US', {
        month: 'numeric',
        day: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      });
}

/** The Azure Arc tile's "Azure Stack HCI registration" value: Not configured until registered, then the link state. */
export function arcRegistrationText(cluster: ClusterDto): string {
  const registration = cluster.registration;
  if (!isRegistered(registration)) return 'Not configured';
  return registration.wacConnectionText;
}
