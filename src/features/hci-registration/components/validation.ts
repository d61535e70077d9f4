/**
 * Azure's own rules, checked as the user types so the wizard says what is wrong next to the field
 * before ARM would (SPEC §2: resource group 1–90 characters of letters, digits, _ - . ( ), not ending in '.';
 * subscription IDs are GUIDs).
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM allows Unicode letters and digits too.
const RG_CHARS = /^[\p{L}\p{N}_\-.()]+$/u;

export function subscriptionIdError(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Select or enter an Azure subscription ID.';
  if (!GUID.test(v))
    return `'${v}' isn't a subscription ID. A subscription ID is a GUID such as 00000000-0000-0000-0000-000000000000.`;
  return undefined;
}

export function resourceGroupNameError(value: string): string | undefined {
  if (value === '') return 'Enter a resource group name.';
  if (value.length > 90)
    return `The name is ${value.length} characters long; a resource group name can have at most 90.`;
  if (!RG_CHARS.test(value)) {
    const bad = [...new Set(value.match(/[^\p{L}\p{N}_\-.()]/gu) ?? [])].map((c) =>
      c === ' ' ? 'space' : `'${c}'`,
    );
    return `A resource group name can only include letters, digits, underscores, hyphens, periods and parentheses (not ${bad.join(', ')}).`;
  }
  if (value.endsWith('.')) return "A resource group name can't end with a period.";
  return undefined;
}
