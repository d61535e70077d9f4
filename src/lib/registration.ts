import type { AzureStackHciStatusDto } from '@/api/contract';

/** Days before OutOfPolicy from which the countdown turns urgent (the same week Diagnostics alerts in). */
export const POLICY_WARNING_DAYS = 7;

export const isPolicyDeadlineNear = (daysLeft: number): boolean => daysLeft <= POLICY_WARNING_DAYS;

/** OutOfPolicy happens both to clusters never registered and to registered ones that stopped syncing;
 * only the latter have an Azure resource. */
export function isRegistered(registration: AzureStackHciStatusDto): boolean {
  if (registration.registrationStatus === 'Registered') return true;
  return registration.registrationStatus === 'OutOfPolicy' && registration.azureResourceUri !== null;
}
