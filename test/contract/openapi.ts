/**
 * Response validators from the Azure REST API OpenAPI 2.0 files, read where they are kept (never copied
 * into this repository). Each file's `definitions` and each operation's response schemas are converted to
 * JSON Schema 2019-09 for ajv:
 *
 * - every `$ref` is made absolute (file URL + fragment), so cross-file refs to common-types resolve;
 * - an enum marked `x-ms-enum.modelAsString: true` is open (ARM may return values outside the list, e.g.
 *   a machine's `Expired`), so its `enum` is dropped; a closed enum stays;
 * - `x-nullable: true` admits null; other `x-ms-*` keywords are ignored;
 * - objects are closed with `unevaluatedProperties: false` unless the spec says otherwise, so a property
 *   the spec does not define (a typo, an invented field) fails the contract. Definitions used as an
 *   `allOf` base are left open: their derived schema closes the whole.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = Record<string, Json>;

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  file: string;
  /** status (or 'default') → schema, or null when the response has no body */
  responses: Record<string, JsonObject | null>;
}

export interface SpecSet {
  operations: Map<string, SpecOperation>;
  /** validator for a status of an operation; the operation's `default` for statuses it does not list */
  validator(operationId: string, status: number): { declared: boolean; validate: ValidateFunction | null };
  /** validator for a definition, e.g. `common-types/resource-management/v5/types.json#/definitions/OperationStatusResult` */
  definition(relativeRef: string): ValidateFunction;
}

const METHODS = new Set(['get', 'put', 'patch', 'delete', 'post', 'head']);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'examples' ? [] : jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

/** Absolute refs of every definition some schema extends through allOf. */
function allOfBases(node: Json, base: string, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) allOfBases(item, base, out);
    return;
  }
  if (!isObject(node)) return;
  const allOf = node.allOf;
  if (Array.isArray(allOf)) {
    for (const item of allOf)
      if (isObject(item) && typeof item.$ref === 'string') out.add(new URL(item.$ref, base).href);
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'x-ms-examples') allOfBases(value, base, out);
}

function convertSchema(schema: JsonObject, base: string, open: boolean, formats: Set<string>): JsonObject {
  const out: JsonObject = {};
  const xmsEnum = schema['x-ms-enum'];
  const openEnum = isObject(xmsEnum) && xmsEnum.modelAsString === true;
  const sub = (s: Json): Json => (isObject(s) ? convertSchema(s, base, false, formats) : s);
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || key === 'discriminator' || key === 'example' || key === 'externalDocs')
      continue;
    switch (key) {
      case '$ref':
        if (typeof value === 'string') out.$ref = new URL(value, base).href;
        break;
      case 'properties':
        if (isObject(value))
          out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
        break;
      case 'additionalProperties':
      case 'items':
      case 'not':
        out[key] = sub(value);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (Array.isArray(value)) out[key] = value.map(sub);
        break;
      case 'enum':
        if (!openEnum) out.enum = value;
        break;
      case 'format':
        if (typeof value === 'string') formats.add(value);
        out.format = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (schema['x-nullable'] === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (!open && isObject(out.properties) && !('additionalProperties' in schema))
    out.unevaluatedProperties = false;
  return out;
}

/** Loads every spec under `specRoot`, plus `extra` documents given as (virtual path → parsed JSON). */
export function loadSpecs(specRoot: string, extra: Record<string, JsonObject> = {}): SpecSet {
  const docs = new Map<string, JsonObject>();
  for (const file of jsonFiles(specRoot))
    docs.set(pathToFileURL(file).href, JSON.parse(readFileSync(file, 'utf8')) as JsonObject);
  for (const [rel, doc] of Object.entries(extra)) docs.set(pathToFileURL(path.join(specRoot, rel)).href, doc);

  const bases = new Set<string>();
  for (const [url, doc] of docs) allOfBases(doc, url, bases);

  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('arm-id', /^\/\S*$/);
  const formats = new Set<string>();
  const operations = new Map<string, SpecOperation>();

  for (const [url, doc] of docs) {
    const definitions: JsonObject = {};
    const defs = doc.definitions;
    if (isObject(defs)) {
      for (const [name, schema] of Object.entries(defs)) {
        if (isObject(schema))
          definitions[name] = convertSchema(schema, url, bases.has(`${url}#/definitions/${name}`), formats);
      }
    }
    ajv.addSchema({ $id: url, definitions }, url);
    const paths = doc.paths;
    if (!isObject(paths)) continue;
    for (const [p, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const [method, op] of Object.entries(item)) {
        if (
          !METHODS.has(method) ||
          !isObject(op) ||
          typeof op.operationId !== 'string' ||
          !isObject(op.responses)
        )
          continue;
        const responses: Record<string, JsonObject | null> = {};
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = isObject(response) ? response.schema : undefined;
          responses[status] = isObject(schema) ? convertSchema(schema, url, false, formats) : null;
        }
        operations.set(op.operationId, {
          operationId: op.operationId,
          method: method.toUpperCase(),
          path: p,
          file: url,
          responses,
        });
      }
    }
  }
  for (const format of formats) if (!(format in ajv.formats)) ajv.addFormat(format, true);

  const compiled = new Map<string, ValidateFunction | null>();
  return {
    operations,
    validator(operationId, status) {
      const op = operations.get(operationId);
      if (!op) throw new Error(`No operation ${operationId} in the specs`);
      const declared = String(status) in op.responses;
      const key = declared ? String(status) : 'default';
      const cacheKey = `${operationId}:${key}`;
      if (!compiled.has(cacheKey)) {
        const schema = op.responses[key];
        compiled.set(cacheKey, schema ? ajv.compile(schema) : null);
      }
      return { declared, validate: compiled.get(cacheKey) ?? null };
    },
    definition(relativeRef) {
      const [file = '', fragment = ''] = relativeRef.split('#');
      return ajv.compile({ $ref: `${pathToFileURL(path.join(specRoot, file)).href}#${fragment}` });
    },
  };
}
