/**
 * Reading and writing the world's keyed records with a key that came from outside (a path segment, a
 * request field, a file). A record is a plain object, so `world.clusters[name]` with a name such as
 * `__proto__`, `constructor` or `toString` would find Object.prototype's members instead of nothing, and
 * writing `record['__proto__']` would replace the record's prototype. These helpers see own properties only.
 * The lint rule `hci/no-keyed-record-access` (eslint.config.js) sends every lookup with a computed key here.
 */
import { SimError } from './core';

/**
 * The record's own entry under `key`, or undefined; never an inherited member. An absent record (the end
 * of an optional chain) has no entries.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record has its own entry under `key`. */
export function hasOwnKey(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/**
 * Stores `value` under `key` as an own entry. `__proto__` is the one key an assignment cannot store (it
 * would set the prototype), so it is refused before anything changes.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    throw new SimError('bad-request', 'InvalidName', "'__proto__' is a reserved name: choose another.");
  record[key] = value;
}

/** Removes the own entry under `key`, if there is one. */
export function deleteOwn(record: Record<string, unknown>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

/**
 * At most `max` characters of something a caller sent, for quoting in a message: a message that echoes
 * 100 KB of input helps nobody, and the rest is marked as left out.
 */
export function quote(value: unknown, max = 100): string {
  const text =
    typeof value === 'string' ? value : ((JSON.stringify(value) as string | undefined) ?? String(value));
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
