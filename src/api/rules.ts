/**
 * The input rules both sides apply: the forms check them as the user types, and the request schemas
 * (request-schemas.ts) apply the same functions to what arrives at the API. Each returns the message to
 * show, or undefined when the value is fine. Messages quote at most ~100 characters of the value.
 */

/** At most `max` characters of a value, for quoting back in a message. */
export function quoted(value: string, max = 100): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

export function subscriptionIdProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Select or enter an Azure subscription ID.';
  if (!GUID.test(v))
    return `'${quoted(v)}' isn't a subscription ID. A subscription ID is a GUID such as 00000000-0000-0000-0000-000000000000.`;
  return undefined;
}

export const RESOURCE_GROUP_NAME_MAX = 90;
// ARM's `^[-\w\._\(\)]+$` with .NET's \w: letters, non-spacing marks, decimal digits, connector punctuation.
const RG_CHAR = /[-\p{L}\p{Mn}\p{Nd}\p{Pc}.()]/u;
const RG_NAME = /^[-\p{L}\p{Mn}\p{Nd}\p{Pc}.()]+$/u;

export function resourceGroupNameProblem(value: string): string | undefined {
  if (value === '') return 'Enter a resource group name.';
  if (value.length > RESOURCE_GROUP_NAME_MAX)
    return `The name is ${value.length} characters long; a resource group name can have at most ${RESOURCE_GROUP_NAME_MAX}.`;
  if (!RG_NAME.test(value)) {
    const bad = [...new Set(Array.from(value).filter((c) => !RG_CHAR.test(c)))]
      .slice(0, 10)
      .map((c) => (c === ' ' ? 'space' : `'${c}'`));
    return `A resource group name can only include letters, digits, underscores, hyphens, periods and parentheses (not ${bad.join(', ')}).`;
  }
  if (value.endsWith('.')) return "A resource group name can't end with a period.";
  return undefined;
}

export const RESOURCE_NAME_MAX = 260;
const RESOURCE_NAME_FORBIDDEN = /[<>%&:\\?/#*]|\p{Cc}/gu;

/**
 * An Azure resource name (Register-AzStackHCI's -ResourceName, the Microsoft.AzureStackHCI/clusters name).
 * Azure's naming-rules page has no entry for that type and the 2024-04-01 spec gives clusterName no
 * pattern, so these are ARM's rules for any resource name, as the simulated ARM applies them
 * (mocks/sim/arm/validate.ts, requireGenericResourceName).
 */
export function resourceNameProblem(value: string): string | undefined {
  if (value === '') return 'Enter a resource name.';
  if (value.length > RESOURCE_NAME_MAX)
    return `The name is ${value.length} characters long; an Azure resource name can have at most ${RESOURCE_NAME_MAX}.`;
  const bad = [...new Set(value.match(RESOURCE_NAME_FORBIDDEN) ?? [])]
    .slice(0, 10)
    .map((c) => (/\p{Cc}/u.test(c) ? 'control characters' : `'${c}'`));
  if (bad.length > 0) return `An Azure resource name can't include ${[...new Set(bad)].join(', ')}.`;
  if (/[. ]$/.test(value)) return "An Azure resource name can't end with a period or a space.";
  return undefined;
}

export const HOST_NAME_MAX = 253;

/**
 * A connection name as a DNS host name (RFC 1123): 1–253 characters in dot-separated labels of 1–63
 * letters, digits or hyphens, no label starting or ending with a hyphen.
 */
export function hostNameProblem(raw: string): string | undefined {
  const name = raw.trim();
  if (name === '') return "'Name' is required.";
  if (name.length > HOST_NAME_MAX) return `A host name can be at most ${HOST_NAME_MAX} characters long.`;
  const labels = name.replace(/\.$/, '').split('.');
  for (const label of labels) {
    if (label.length === 0)
      return 'A host name cannot contain empty labels (two dots in a row, or a leading dot).';
    if (label.length > 63) return `The label '${label.slice(0, 20)}…' is longer than 63 characters.`;
    if (!/^[A-Za-z0-9-]+$/.test(label))
      return `'${quoted(name)}' is not a valid host name. Use letters, digits, hyphens and dots only.`;
    if (label.startsWith('-') || label.endsWith('-'))
      return `'${quoted(name)}' is not a valid host name. A label cannot start or end with a hyphen.`;
  }
  return undefined;
}

export const UPN_MAX = 256;

/** A user principal name: name@domain, at most 256 characters (Azure AD's limit for a UPN suffix + name). */
export function upnProblem(value: string): string | undefined {
  if (value.length > UPN_MAX) return `A user principal name has at most ${UPN_MAX} characters.`;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    return `'${quoted(value)}' is not a user principal name (name@domain).`;
  return undefined;
}

// ARM's tag limits (Resources: 50 tags, names ≤ 512, values ≤ 256, no < > % & \ ? / in names).
export const MAX_TAGS = 50;
export const MAX_TAG_NAME = 512;
export const MAX_TAG_VALUE = 256;
const TAG_NAME_FORBIDDEN = /[<>%&\\?/\p{Cc}]/u;

/** Which of ARM's tag rules a resource's tags break: the first one, in the order ARM checks them. */
export type TagRuleBroken =
  | { arm: 'TooManyTags'; count: number }
  | { arm: 'EmptyTagName' }
  | { arm: 'TagNameTooLong'; name: string }
  | { arm: 'TagValueTooLong'; name: string }
  | { arm: 'TagNameCharacters'; name: string }
  | { arm: 'DuplicateTagName'; name: string };

/** ARM's bound on the number of tags, checked first: 51 tags are too many whatever they are. */
export const tagCountBroken = (count: number): TagRuleBroken | undefined =>
  count > MAX_TAGS ? { arm: 'TooManyTags', count } : undefined;

/**
 * ARM's rules for a resource's tags, the one rule set of every way tags come in: the ARM bodies
 * (arm-schemas.ts), the onboarding script's tags (request-schemas.ts) and the forms that write them.
 */
export function tagRuleBroken(tags: Readonly<Record<string, string>>): TagRuleBroken | undefined {
  const entries = Object.entries(tags);
  const tooMany = tagCountBroken(entries.length);
  if (tooMany) return tooMany;
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (name.trim() === '') return { arm: 'EmptyTagName' };
    if (name.length > MAX_TAG_NAME) return { arm: 'TagNameTooLong', name };
    if (value.length > MAX_TAG_VALUE) return { arm: 'TagValueTooLong', name };
    if (TAG_NAME_FORBIDDEN.test(name)) return { arm: 'TagNameCharacters', name };
    // tag names are case-insensitive in ARM
    if (seen.has(name.toLowerCase())) return { arm: 'DuplicateTagName', name };
    seen.add(name.toLowerCase());
  }
  return undefined;
}

/** A broken tag rule in ARM's words (ARM answers it as InvalidTag, or InvalidTagNameCharacters). */
export function tagRuleMessage(rule: TagRuleBroken): string {
  switch (rule.arm) {
    case 'TooManyTags':
      return `The number of tags (${rule.count}) exceeds the maximum of ${MAX_TAGS} tags per resource.`;
    case 'EmptyTagName':
      return 'A tag name cannot be empty.';
    case 'TagNameTooLong':
      return `The tag name '${rule.name.slice(0, 32)}…' exceeds the maximum length of ${MAX_TAG_NAME} characters.`;
    case 'TagValueTooLong':
      return `The value of tag '${quoted(rule.name, 32)}' exceeds the maximum length of ${MAX_TAG_VALUE} characters.`;
    case 'TagNameCharacters':
      return `The tag names '${quoted(rule.name, 32)}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`;
    case 'DuplicateTagName':
      return `The tag name '${quoted(rule.name, 32)}' appears more than once (tag names are case-insensitive).`;
  }
}

/**
 * A tag as `azcmagent connect --tags "name=value,…"` takes it (the onboarding script): ARM's rules, plus
 * the separators the agent splits on. Each side's problem, so a form can show both next to their fields.
 * ARM's rules keep ARM's messages; the separator and NUL messages are this portal's own (no source words them).
 */
export function azcmagentTagProblems(name: string, value: string): { name?: string; value?: string } {
  const problems: { name?: string; value?: string } = {};
  // one tag at a time: the name's rules with an empty value, the value's with a plain name
  const nameRule = tagRuleBroken(Object.fromEntries([[name, '']]));
  if (nameRule) problems.name = tagRuleMessage(nameRule);
  else if (/[,=]/.test(name))
    problems.name =
      'The tag name cannot contain a comma or an equals sign: azcmagent --tags uses them as separators.';
  const valueRule = tagRuleBroken({ tag: value });
  if (valueRule) problems.value = tagRuleMessage({ arm: 'TagValueTooLong', name });
  else if (value.includes(','))
    problems.value = 'The tag value cannot contain a comma: azcmagent --tags uses it to separate tags.';
  else if (value.includes('\0')) problems.value = 'The tag value cannot contain a NUL character.';
  return problems;
}

/**
 * A proxy URL as the portal's Basics tab asks for it, `http://<proxyURL>:<proxyport>` (ui.md §2d), and as
 * azcmagent takes it (`--proxy-url`): http or https, a host and a port, no credentials ("The agent does
 * not support setting proxy authentication.", ui.md §2d), at most 2,048 characters. Only the format and
 * that sentence come from ui.md; no source words the other refusals, so they are this portal's own.
 */
export function proxyUrlProblem(value: string): string | undefined {
  if (value.length > 2_048) return 'The proxy URL is longer than 2,048 characters.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a proxy URL in the format http://<proxyURL>:<proxyport>.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The proxy URL must start with http:// or https://.';
  if (url.username !== '' || url.password !== '')
    return 'The agent does not support setting proxy authentication.';
  if (url.port === '') return 'Include the proxy port, for example http://proxy.contoso.com:3128.';
  return undefined;
}

// ───────────── virtual machines (Hyper-V's rules, as WAC's Add virtual machine applies them) ─────────────
// No reference file gives WAC's or Hyper-V's wording for these refusals: the messages are this portal's own.

const VM_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_ .-]{0,98}[A-Za-z0-9_.-])?$/;
/** Hyper-V's limits: 64 virtual processors and 1 TB for Generation 1, 240 and 12 TB for Generation 2. */
export const VM_LIMITS = {
  1: { cpu: 64, memoryMiB: 1_048_576 },
  2: { cpu: 240, memoryMiB: 12_582_912 },
} as const;
export const VM_MIN_MEMORY_MIB = 32;

export function vmNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name for the virtual machine.';
  if (!VM_NAME.test(name))
    return "A virtual machine name is 1–100 characters of letters, digits, spaces, dots, hyphens and underscores, and can't start with a space, dot or hyphen or end with a space.";
  return undefined;
}

export function vmCpuCountProblem(cpuCount: number, generation: 1 | 2): string | undefined {
  const { cpu } = VM_LIMITS[generation];
  if (!Number.isInteger(cpuCount) || cpuCount < 1 || cpuCount > cpu)
    return `Virtual processors must be a whole number from 1 to ${cpu} for a Generation ${generation} virtual machine.`;
  return undefined;
}

// exact, not rounded: the Add virtual machine pane takes GB, and 32 MB shown as "0.03 GB" is 30.72 MB, which it refuses
const gb = (mib: number) => (mib / 1024).toLocaleString('en-US', { maximumFractionDigits: 5 });

/** Startup memory in MiB; the message gives the range in both units, for the API (MB) and the pane (GB). */
export function vmMemoryProblem(memoryMiB: number, generation: 1 | 2): string | undefined {
  const max = VM_LIMITS[generation].memoryMiB;
  if (!Number.isInteger(memoryMiB) || memoryMiB < VM_MIN_MEMORY_MIB || memoryMiB > max)
    return `Startup memory must be from ${VM_MIN_MEMORY_MIB} MB (${gb(VM_MIN_MEMORY_MIB)} GB) to ${max.toLocaleString('en-US')} MB (${gb(max)} GB), in whole MB, for a Generation ${generation} virtual machine.`;
  return undefined;
}

export function vmOsProblem(os: string): string | undefined {
  return os.trim() === '' ? 'Select the operating system to install.' : undefined;
}

/** What the chosen host can give a VM: no more processors than its logical processors, no more memory than it has. */
export function vmHostCapacityProblem(
  host: { name: string; coreCount: number; memoryGiB: number },
  field: 'cpuCount' | 'memoryMiB',
  value: number,
): string | undefined {
  if (field === 'cpuCount' && value > host.coreCount)
    return `${host.name} has ${host.coreCount} logical processors; a virtual machine can't have more.`;
  if (field === 'memoryMiB' && value > host.memoryGiB * 1024)
    return `${host.name} has ${host.memoryGiB} GB of memory; the startup memory can't be more.`;
  return undefined;
}

/** Names are unique per cluster, without regard to case. */
export const vmNameTakenProblem = (name: string, cluster: string): string =>
  `A virtual machine named '${quoted(name)}' already exists on ${cluster}.`;

// ───────────── troubleshooter ─────────────

/** The longest error text the troubleshooter reads: a pasted log, not a whole file. */
export const MAX_ERROR_TEXT = 20_000;

/** An error text to diagnose: not blank, and bounded. The troubleshooter is this portal's; so are its words. */
export function errorTextProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Paste an error text or pick one from the list.';
  if (text.length > MAX_ERROR_TEXT) return 'The text is longer than 20,000 characters: paste only the error.';
  return undefined;
}
