/**
 * Azure Resource Manager's refusals, with ARM's codes and wording (arm-api.md §0 and the RPC contract).
 * Each returns a SimError for an operation to throw: a thrown SimError leaves the world as it was.
 */
import { SimError } from '../core';

const bad = (code: string, message: string, target?: string) =>
  new SimError('bad-request', code, message, target === undefined ? undefined : { target });

export const missingApiVersion = () =>
  bad(
    'MissingApiVersionParameter',
    'The api-version query parameter (?api-version=) is required for all requests.',
  );

export const invalidApiVersion = (given: string, supported: readonly string[]) =>
  bad(
    'InvalidApiVersionParameter',
    `The api-version '${given}' is invalid. The supported versions are '${supported.join(',')}'.`,
  );

export const invalidSubscriptionId = (id: string) =>
  bad('InvalidSubscriptionId', `The provided subscription identifier '${id}' is malformed or invalid.`);

export const subscriptionNotFound = (id: string) =>
  new SimError('not-found', 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);

export const resourceGroupNotFound = (name: string) =>
  new SimError('not-found', 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);

/** `typeAndName` is the type path with names, e.g. `Microsoft.AzureStackHCI/clusters/foo`. */
export const resourceNotFound = (typeAndName: string, resourceGroup: string) =>
  new SimError(
    'not-found',
    'ResourceNotFound',
    `The Resource '${typeAndName}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );

export const invalidResourceGroupName = (name: string) =>
  bad(
    'InvalidParameter',
    `Resource group name '${name}' is invalid. It can include alphanumeric, underscore, parentheses, hyphen, period (except at end), and Unicode characters that match the allowed characters.`,
    'resourceGroupName',
  );

export const invalidResourceName = (name: string, rule: string) =>
  bad('InvalidResourceName', `The resource name '${name}' is invalid. ${rule}`, 'name');

export const invalidRequestContent = (detail: string) =>
  bad('InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);

/** A property of the right JSON type whose value is still not acceptable. */
export const invalidParameter = (message: string, target: string) => bad('InvalidParameter', message, target);

export const locationRequired = () =>
  bad('LocationRequired', 'The location property is required for this definition.', 'location');

export const locationNotAvailableForResourceGroup = (location: string, available: readonly string[]) =>
  bad(
    'LocationNotAvailableForResourceGroup',
    `The provided location '${location}' is not available for resource group. List of available regions is '${available.join(',')}'.`,
    'location',
  );

export const locationNotAvailableForResourceType = (
  location: string,
  resourceType: string,
  available: readonly string[],
) =>
  bad(
    'LocationNotAvailableForResourceType',
    `The provided location '${location}' is not available for resource type '${resourceType}'. List of available regions for the resource type is '${available.join(',')}'.`,
    'location',
  );

export const resourceGroupLocationConflict = (given: string, existing: string) =>
  new SimError(
    'conflict',
    'InvalidResourceGroupLocation',
    `Invalid resource group location '${given}'. The Resource group already exists in location '${existing}'.`,
  );

export const resourceLocationConflict = (
  name: string,
  existing: string,
  resourceGroup: string,
  given: string,
) =>
  new SimError(
    'conflict',
    'InvalidResourceLocation',
    `The resource '${name}' already exists in location '${existing}' in resource group '${resourceGroup}'. A resource with the same name cannot be created in location '${given}'. Please select a new resource name.`,
  );

export const invalidTag = (code: 'InvalidTag' | 'InvalidTagNameCharacters', message: string) =>
  bad(code, message, 'tags');

export const missingSubscriptionRegistration = (namespace: string) =>
  new SimError(
    'conflict',
    'MissingSubscriptionRegistration',
    `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
    { target: namespace },
  );

export const invalidResourceNamespace = (namespace: string) =>
  bad('InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`);

export const authenticationMissing = () =>
  new SimError(
    'unauthorized',
    'AuthenticationFailed',
    "Authentication failed. The 'Authorization' header is missing.",
  );

export const invalidAuthenticationToken = () =>
  new SimError('unauthorized', 'InvalidAuthenticationToken', 'The access token is invalid.');

export const expiredAuthenticationToken = (expiry: string, now: string) =>
  new SimError(
    'unauthorized',
    'ExpiredAuthenticationToken',
    `The access token expiry UTC time '${expiry}' is earlier than current UTC time '${now}'.`,
  );

export const authorizationFailed = (upn: string, objectId: string, action: string, scope: string) =>
  new SimError(
    'forbidden',
    'AuthorizationFailed',
    `The client '${upn}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );

export const operationNotFound = (id: string) =>
  new SimError('not-found', 'OperationNotFound', `The operation '${id}' could not be found.`);
