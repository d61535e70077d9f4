/**
 * A request body read with its schema (src/api/arm-schemas.ts) and every refusal worded as ARM words it:
 * a value of the wrong JSON type is InvalidRequestContent in Newtonsoft's words, a value of the right type
 * that breaks a rule is InvalidParameter (or LocationRequired, InvalidTag…) naming the property's path.
 */
import * as z from 'zod/mini';
import type { ArmIssue } from '../../../src/api/arm-schemas';
import { MAX_ARM_STRING, tagRuleMessage } from '../../../src/api/arm-schemas';
import type { SimError } from '../core';
import { quote } from '../lookup';
import { invalidParameter, invalidRequestContent, invalidTag, locationRequired } from './errors';
import { parseJsonObject } from './validate';

/** The .NET type ARM's deserialiser names for each JSON shape a schema expects. */
const DOTNET_TYPE: Readonly<Record<string, string>> = {
  string: 'System.String',
  object: 'Object',
  record: 'System.Collections.Generic.Dictionary`2[System.String,System.String]',
};

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map((key) => quote(String(key), 32)).join('.');

/** The SimError ARM answers for the first problem zod found. */
export function armRefusal(issue: z.core.$ZodIssue): SimError {
  const path = pathOf(issue);
  const value: unknown = issue.input;
  if (issue.code === 'invalid_type') {
    const expected = Object.hasOwn(DOTNET_TYPE, issue.expected) ? DOTNET_TYPE[issue.expected] : 'Object';
    return invalidRequestContent(
      `Error converting value ${typeof value === 'string' ? `"${quote(value)}"` : quote(value)} to type '${expected}'. Path '${path}'.`,
    );
  }
  if (issue.code === 'too_big' && typeof value === 'string')
    return invalidParameter(
      `The value of '${path}' is ${value.length} characters long; the limit is ${MAX_ARM_STRING}.`,
      path,
    );
  if (issue.code === 'custom' && issue.params !== undefined)
    return ruleRefusal(issue.params as ArmIssue, path, value);
  return invalidRequestContent(`${issue.message}. Path '${path}'.`);
}

function ruleRefusal(rule: ArmIssue, path: string, value: unknown): SimError {
  switch (rule.arm) {
    case 'LocationRequired':
      return locationRequired();
    case 'NotGuid':
      return invalidParameter(`The value '${quote(value)}' of '${path}' is not a valid GUID.`, path);
    case 'NotAllowed':
      return invalidParameter(
        `The value '${quote(value)}' is not valid for '${path}'. Allowed values are '${rule.allowed.join("', '")}'.`,
        path,
      );
    case 'NotClusterId':
      return invalidParameter(
        `The value '${quote(value)}' of '${path}' is not the resource id of an Azure Stack HCI cluster.`,
        path,
      );
    default:
      return invalidTag(
        rule.arm === 'TagNameCharacters' ? 'InvalidTagNameCharacters' : 'InvalidTag',
        tagRuleMessage(rule),
      );
  }
}

/**
 * The request body, parsed as JSON and then with its schema. An empty body is `{}` when `emptyIsObject`
 * (arcSettings PUT), else ARM's missing-content refusal.
 */
export function readArmBody<S extends z.ZodMiniType>(
  schema: S,
  text: string | undefined,
  emptyIsObject: boolean,
): z.output<S> {
  const result = z.safeParse(schema, parseJsonObject(text, emptyIsObject), { reportInput: true });
  if (result.success) return result.data;
  const [first] = result.error.issues;
  throw first === undefined ? invalidRequestContent('The request content is not valid.') : armRefusal(first);
}
