/**
 * Validates a connection name as a DNS host name (RFC 1123): 1–253 characters in dot-separated labels of
 * 1–63 letters, digits or hyphens, no label starting or ending with a hyphen. Returns the message to show
 * beside the field, or null when valid.
 */
export function validateHostName(raw: string): string | null {
  const name = raw.trim();
  if (name === '') return "'Name' is required.";
  if (name.length > 253) return 'A host name can be at most 253 characters long.';
  const labels = name.replace(/\.$/, '').split('.');
  for (const label of labels) {
    if (label.length === 0)
      return 'A host name cannot contain empty labels (two dots in a row, or a leading dot).';
    if (label.length > 63) return `The label '${label.slice(0, 20)}…' is longer than 63 characters.`;
    if (!/^[A-Za-z0-9-]+$/.test(label)) {
      return `'${name}' is not a valid host name. Use letters, digits, hyphens and dots only.`;
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return `'${name}' is not a valid host name. A label cannot start or end with a hyphen.`;
    }
  }
  return null;
}
