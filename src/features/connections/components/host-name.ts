import { hostNameProblem } from '@/api/rules';

/**
 * Validates a connection name with the API's own rule (src/api/rules.ts): the message to show beside the
 * field, or null when valid.
 */
export function validateHostName(raw: string): string | null {
  return hostNameProblem(raw) ?? null;
}
