/**
 * A JSON object of strings (tags), read into a null-prototype record. A tag name is a plain string in ARM
 * (common-types: `additionalProperties: { type: string }`), and JSON.parse makes `__proto__` an own key
 * like any other; zod's record would copy the object by assignment, which a plain object's `__proto__`
 * setter swallows, so the tag would vanish. Here every own key is defined on an object with no prototype,
 * and stays an ordinary entry through spreads, Object.entries and JSON.stringify.
 *
 * Issues are zod's own `invalid_type` (the object, or a value that is not a string, by its key), so each
 * surface words them as it does for any other field.
 */
import * as z from 'zod/mini';

export type StringRecord = Record<string, string>;

export const stringRecordSchema = z.pipe(
  z.unknown(),
  z.transform((input: unknown, ctx): StringRecord => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'record', input });
      return z.NEVER;
    }
    const record = Object.create(null) as StringRecord;
    for (const [name, value] of Object.entries(input)) {
      if (typeof value !== 'string') {
        ctx.issues.push({ code: 'invalid_type', expected: 'string', input: value, path: [name] });
        return z.NEVER;
      }
      Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return record;
  }),
);
