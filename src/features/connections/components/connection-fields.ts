import { addConnectionSchema, updateConnectionSchema } from '@/api/request-schemas';
import { fieldProblems } from '@/api/schema-messages';

/**
 * The Name field's problem, found with the API's own schema (addConnectionSchema) and in its words: the
 * message to show beside the field, or null when valid.
 */
export function validateHostName(raw: string): string | null {
  return fieldProblems(addConnectionSchema, { name: raw, type: 'cluster' }).get('name') ?? null;
}

/** Edit Tags' field: the tags as the pane sends them, checked with the API's schema (updateConnectionSchema). */
export function validateTags(tags: readonly string[]): string | null {
  return fieldProblems(updateConnectionSchema, { tags }).get('tags') ?? null;
}

/** Manage as's User name, checked with the API's schema (updateConnectionSchema). */
export function validateManagingAs(account: string): string | null {
  return fieldProblems(updateConnectionSchema, { managingAs: account.trim() }).get('managingAs') ?? null;
}
