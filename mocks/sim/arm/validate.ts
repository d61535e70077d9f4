/**
 * ARM's input rules that are not a body's shape (that is src/api/arm-schemas.ts, read by body.ts): names in
 * the path, GUIDs, whether a body is a JSON object at all, and whether a location is offered. Every check
 * throws the SimError ARM would answer with, so an operation can validate everything before it changes
 * anything.
 */
import { normaliseRegion } from '../clouds';
import { quote } from '../lookup';
import type { Region } from '../clouds';
import {
  invalidRequestContent,
  invalidResourceGroupName,
  invalidResourceName,
  locationNotAvailableForResourceGroup,
  locationNotAvailableForResourceType,
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

/**
 * A resource group's `location` (required and a string: its schema's rules), normalised ("East US" →
 * eastus), among the `regions` of the subscription's cloud.
 */
export function resourceGroupLocation(given: string, regions: readonly Region[]): string {
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
export function resourceLocation(given: string, resourceType: string, regions: readonly Region[]): string {
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
