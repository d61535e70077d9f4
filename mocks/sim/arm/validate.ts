/**
 * ARM's input rules: names, GUIDs, request bodies, locations and tags. Every check throws the SimError ARM
 * would answer with, so an operation can validate everything before it changes anything.
 */
import { normaliseRegion } from '../clouds';
import { quote } from '../lookup';
import type { Region } from '../clouds';
import {
  invalidParameter,
  invalidRequestContent,
  invalidResourceGroupName,
  invalidResourceName,
  invalidTag,
  locationNotAvailableForResourceGroup,
  locationNotAvailableForResourceType,
  locationRequired,
} from './errors';

export type JsonObject = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

// .NET's \w (letters, non-spacing marks, decimal digits, connector punctuation) plus - . ( ), as ARM's
// `^[-\w\._\(\)]+$`; the period may not come last.
const RESOURCE_GROUP_NAME = /^[-\p{L}\p{Mn}\p{Nd}\p{Pc}.()]+$/u;

export function isValidResourceGroupName(name: string): boolean {
  return name.length >= 1 && name.length <= 90 && RESOURCE_GROUP_NAME.test(name) && !name.endsWith('.');
}

export function requireResourceGroupName(name: string): void {
  if (!isValidResourceGroupName(name)) throw invalidResourceGroupName(name);
}

// ARM's generic rule for resource names without a pattern of their own (clusters.json declares none).
// eslint-disable-next-line no-control-regex -- control characters are exactly what the rule refuses
const FORBIDDEN_IN_NAMES = /[<>%&:\\?/#*\u0000-\u001f\u007f]/;

export function requireGenericResourceName(name: string): void {
  if (name.length < 1 || name.length > 260 || FORBIDDEN_IN_NAMES.test(name) || /[. ]$/.test(name)) {
    throw invalidResourceName(
      name,
      "It must be 1 to 260 characters long, cannot contain '<', '>', '%', '&', ':', '\\', '?', '/', '#', '*' or control characters, and cannot end with a period or a space.",
    );
  }
}

/** HybridCompute.json: machineName `^[a-zA-Z0-9-_\.]{1,54}$`. */
const MACHINE_NAME = /^[a-zA-Z0-9\-_.]{1,54}$/;

export function requireMachineName(name: string): void {
  if (!MACHINE_NAME.test(name)) {
    throw invalidResourceName(
      name,
      'It must be 1 to 54 characters long and contain only letters, digits, hyphens, underscores and periods.',
    );
  }
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request body as a JSON object. An empty body is `{}` when `emptyIsObject`, else a missing-content
 * error; anything that is not a JSON object is refused the way ARM's deserialiser refuses it.
 */
export function parseJsonObject(text: string | undefined, emptyIsObject: boolean): JsonObject {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') {
    if (emptyIsObject) return {};
    throw invalidRequestContent('The request content is empty.');
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw invalidRequestContent(
      error instanceof Error ? error.message : 'The request content is not valid JSON.',
    );
  }
  if (!isJsonObject(value))
    throw invalidRequestContent(
      `Cannot deserialize the current JSON ${Array.isArray(value) ? 'array' : 'value'} into an object.`,
    );
  return value;
}

const typeError = (value: unknown, expected: string, path: string) =>
  invalidRequestContent(
    `Error converting value ${typeof value === 'string' ? `"${quote(value)}"` : quote(value)} to type '${expected}'. Path '${path}'.`,
  );

/** An optional string property; absent and null both read as undefined. */
export function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw typeError(value, 'System.String', path);
  // No source gives ARM's bound for a plain string property; nothing the portal sends comes near 4 KB.
  if (value.length > MAX_STRING)
    throw invalidParameter(
      `The value of '${path}' is ${value.length} characters long; the limit is ${MAX_STRING}.`,
      path,
    );
  return value;
}

const MAX_STRING = 4_096;

export function optionalObject(obj: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw typeError(value, 'Object', path);
  return value;
}

export function optionalEnum<T extends string>(
  obj: JsonObject,
  key: string,
  path: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(obj, key, path);
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (match === undefined) {
    throw invalidParameter(
      `The value '${quote(value)}' is not valid for '${path}'. Allowed values are '${allowed.join("', '")}'.`,
      path,
    );
  }
  return match;
}

export function optionalGuid(obj: JsonObject, key: string, path: string): string | undefined {
  const value = optionalString(obj, key, path);
  if (value !== undefined && !isGuid(value)) {
    throw invalidParameter(`The value '${quote(value)}' of '${path}' is not a valid GUID.`, path);
  }
  return value;
}

export const MAX_TAGS = 50;
export const MAX_TAG_NAME = 512;
export const MAX_TAG_VALUE = 256;
const TAG_NAME_FORBIDDEN = /[<>%&\\?/]/;

/** The `tags` property, checked against ARM's limits; undefined when the body has none. */
export function readTags(body: JsonObject): Record<string, string> | undefined {
  const value = body.tags;
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value))
    throw typeError(value, 'System.Collections.Generic.Dictionary`2[System.String,System.String]', 'tags');
  const entries = Object.entries(value);
  if (entries.length > MAX_TAGS) {
    throw invalidTag(
      'InvalidTag',
      `The number of tags (${entries.length}) exceeds the maximum of ${MAX_TAGS} tags per resource.`,
    );
  }
  const tags: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, tagValue] of entries) {
    if (typeof tagValue !== 'string') throw typeError(tagValue, 'System.String', `tags.${quote(name, 32)}`);
    if (name.trim() === '') throw invalidTag('InvalidTag', 'A tag name cannot be empty.');
    if (name.length > MAX_TAG_NAME) {
      throw invalidTag(
        'InvalidTag',
        `The tag name '${name.slice(0, 32)}…' exceeds the maximum length of ${MAX_TAG_NAME} characters.`,
      );
    }
    if (tagValue.length > MAX_TAG_VALUE) {
      throw invalidTag(
        'InvalidTag',
        `The value of tag '${quote(name, 32)}' exceeds the maximum length of ${MAX_TAG_VALUE} characters.`,
      );
    }
    if (TAG_NAME_FORBIDDEN.test(name)) {
      throw invalidTag(
        'InvalidTagNameCharacters',
        `The tag names '${quote(name, 32)}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
      );
    }
    // tag names are case-insensitive in ARM
    if (seen.has(name.toLowerCase()))
      throw invalidTag(
        'InvalidTag',
        `The tag name '${quote(name, 32)}' appears more than once (tag names are case-insensitive).`,
      );
    seen.add(name.toLowerCase());
    tags[name] = tagValue;
  }
  return tags;
}

/** The `location` property of a resource-group body, normalised ("East US" → eastus), among `regions`. */
export function readResourceGroupLocation(body: JsonObject, regions: readonly Region[]): string {
  const given = optionalString(body, 'location', 'location');
  if (given === undefined || given.trim() === '') throw locationRequired();
  const key = normaliseRegion(given);
  const region = regions.find((r) => r.name === key);
  if (!region)
    throw locationNotAvailableForResourceGroup(
      quote(given),
      regions.map((r) => r.name),
    );
  return region.name;
}

/** The `location` of a tracked resource whose provider supports only `regions`. */
export function readResourceLocation(
  body: JsonObject,
  resourceType: string,
  regions: readonly Region[],
): string {
  const given = optionalString(body, 'location', 'location');
  if (given === undefined || given.trim() === '') throw locationRequired();
  const key = normaliseRegion(given);
  const region = regions.find((r) => r.name === key);
  if (!region)
    throw locationNotAvailableForResourceType(
      quote(given),
      resourceType,
      regions.map((r) => r.name),
    );
  return region.name;
}
