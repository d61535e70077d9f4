import { describe, expect, it } from 'vitest';
import { ALL_LOCATIONS } from '../clouds';
import { SimError } from '../core';
import {
  arcSettingPatchSchema,
  arcSettingPutSchema,
  clusterPatchSchema,
  clusterPutSchema,
  machinePatchSchema,
  machinePutSchema,
  resourceGroupPatchSchema,
  resourceGroupPutSchema,
} from '../../../src/api/arm-schemas';
import { readArmBody } from './body';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import { decodeOperationId, encodeOperationId } from './lro';
import {
  isGuid,
  isValidResourceGroupName,
  parseJsonObject,
  requireGenericResourceName,
  requireMachineName,
  resourceGroupLocation,
  resourceLocation,
} from './validate';

/** The code of the SimError `fn` throws, or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof SimError) return `${error.status} ${error.code}`;
    throw error;
  }
}

/** The refusal `fn` throws, as ARM words it. */
function refusal(fn: () => unknown): { code: string; message: string; target?: string } | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    const target = error.target;
    return { code: error.code, message: error.message, ...(target === undefined ? {} : { target }) };
  }
}

describe('resource group names (1–90 of letters, digits, _ - . ( ), not ending in .)', () => {
  it.each([
    ['hci-cluster01-rg', true],
    ['My_RG.(prod)-1', true],
    ['Ünïcödé-группа', true],
    ['日本語', true],
    ['r'.repeat(90), true],
    ['', false],
    ['r'.repeat(91), false],
    ['ends.with.period.', false],
    ['bad name', false],
    ['a/b', false],
    ['a#b', false],
    ['a*b', false],
    ['a:b', false],
    ['a\u0007b', false],
  ])('%j → %s', (name, valid) => {
    expect(isValidResourceGroupName(name)).toBe(valid);
  });
});

describe('other names', () => {
  it.each([
    ['hci-node1', 'ok'],
    ['node_1.contoso', 'ok'],
    ['n'.repeat(54), 'ok'],
    ['n'.repeat(55), '400 InvalidResourceName'],
    ['bad name', '400 InvalidResourceName'],
    ['ünicode', '400 InvalidResourceName'],
  ])('machine %j → %s', (name, expected) => {
    expect(outcome(() => requireMachineName(name))).toBe(expected);
  });

  it.each([
    ['hci-cluster01', 'ok'],
    ['Cluster With Spaces', 'ok'],
    ['c'.repeat(261), '400 InvalidResourceName'],
    ['trailing.', '400 InvalidResourceName'],
    ['a<b', '400 InvalidResourceName'],
    ['a%b', '400 InvalidResourceName'],
  ])('cluster %j → %s', (name, expected) => {
    expect(outcome(() => requireGenericResourceName(name))).toBe(expected);
  });

  it.each([
    ['eef151e4-d95f-47a4-8ee8-31d8a70d4978', true],
    ['EEF151E4-D95F-47A4-8EE8-31D8A70D4978', true],
    ['eef151e4d95f47a48ee831d8a70d4978', false],
    ['{eef151e4-d95f-47a4-8ee8-31d8a70d4978}', false],
    ['not-a-guid', false],
    ['', false],
  ])('GUID %j → %s', (value, valid) => {
    expect(isGuid(value)).toBe(valid);
  });
});

describe('request bodies', () => {
  it.each([
    ['{"location":"eastus"}', 'ok'],
    ['', '400 InvalidRequestContent'],
    ['{"location":', '400 InvalidRequestContent'],
    ['[]', '400 InvalidRequestContent'],
    ['"text"', '400 InvalidRequestContent'],
    ['null', '400 InvalidRequestContent'],
  ])('%j → %s', (text, expected) => {
    expect(outcome(() => parseJsonObject(text, false))).toBe(expected);
  });

  it('an empty body is {} where ARM accepts one (arcSettings PUT)', () => {
    expect(parseJsonObject('', true)).toEqual({});
  });

  const rgPut = (body: unknown) => () =>
    resourceGroupLocation(
      readArmBody(resourceGroupPutSchema, JSON.stringify(body), false).location,
      ALL_LOCATIONS,
    );
  it.each([
    [{ location: 'East US' }, 'ok'],
    [{ location: 'eastus' }, 'ok'],
    [{ location: 'EastUS' }, 'ok'],
    [{}, '400 LocationRequired'],
    [{ location: '' }, '400 LocationRequired'],
    [{ location: null }, '400 LocationRequired'],
    [{ location: 42 }, '400 InvalidRequestContent'],
    [{ location: 'atlantis' }, '400 LocationNotAvailableForResourceGroup'],
    [{ location: 'l'.repeat(4_097) }, '400 InvalidParameter'],
  ])('resource group location %j → %s', (body, expected) => {
    expect(outcome(rgPut(body))).toBe(expected);
  });

  it('normalises the location the way ARM does', () => {
    expect(rgPut({ location: 'West Europe' })()).toBe('westeurope');
    expect(resourceLocation('East US', 'Microsoft.HybridCompute/machines', ALL_LOCATIONS)).toBe('eastus');
  });

  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));
  const rgTags = (tags: unknown) => () =>
    readArmBody(resourceGroupPatchSchema, JSON.stringify({ tags }), false).tags;
  it.each([
    [many(50), 'ok'],
    [many(51), '400 InvalidTag'],
    [{ ...many(51), tag7: 1 }, '400 InvalidTag'],
    [{ ['k'.repeat(512)]: 'v' }, 'ok'],
    [{ ['k'.repeat(513)]: 'v' }, '400 InvalidTag'],
    [{ k: 'v'.repeat(256) }, 'ok'],
    [{ k: 'v'.repeat(257) }, '400 InvalidTag'],
    [{ 'a/b': 'v' }, '400 InvalidTagNameCharacters'],
    [{ Env: 'a', env: 'b' }, '400 InvalidTag'],
    [{ ' ': 'v' }, '400 InvalidTag'],
    [{ k: 1 }, '400 InvalidRequestContent'],
    [['x'], '400 InvalidRequestContent'],
    [42, '400 InvalidRequestContent'],
    [null, 'ok'],
  ])('tags %# → %s', (tags, expected) => {
    expect(outcome(rgTags(tags))).toBe(expected);
  });

  it('words each refusal as ARM does, naming the property', () => {
    expect(refusal(rgTags({ k: 1 }))).toEqual({
      code: 'InvalidRequestContent',
      message:
        "The request content was invalid and could not be deserialized: 'Error converting value 1 to type 'System.String'. Path 'tags.k'.'.",
    });
    expect(refusal(rgTags(42))).toEqual({
      code: 'InvalidRequestContent',
      message:
        "The request content was invalid and could not be deserialized: 'Error converting value 42 to type 'System.Collections.Generic.Dictionary`2[System.String,System.String]'. Path 'tags'.'.",
    });
    expect(refusal(rgTags(many(51)))).toEqual({
      code: 'InvalidTag',
      message: 'The number of tags (51) exceeds the maximum of 50 tags per resource.',
      target: 'tags',
    });
    expect(refusal(rgTags({ 'a<b': 'v' }))).toEqual({
      code: 'InvalidTagNameCharacters',
      message: "The tag names 'a<b' have reserved characters '<,>,%,&,\\,?,/' or control characters.",
      target: 'tags',
    });
    expect(refusal(rgPut({}))).toEqual({
      code: 'LocationRequired',
      message: 'The location property is required for this definition.',
      target: 'location',
    });
    const cluster = (body: unknown) => () => readArmBody(clusterPatchSchema, JSON.stringify(body), false);
    expect(refusal(cluster({ properties: { aadClientId: 'nope' } }))).toEqual({
      code: 'InvalidParameter',
      message: "The value 'nope' of 'properties.aadClientId' is not a valid GUID.",
      target: 'properties.aadClientId',
    });
    expect(refusal(cluster({ properties: { desiredProperties: { diagnosticLevel: 'Verbose' } } }))).toEqual({
      code: 'InvalidParameter',
      message:
        "The value 'Verbose' is not valid for 'properties.desiredProperties.diagnosticLevel'. Allowed values are 'Off', 'Basic', 'Enhanced'.",
      target: 'properties.desiredProperties.diagnosticLevel',
    });
    expect(refusal(cluster({ identity: 'SystemAssigned' }))).toEqual({
      code: 'InvalidRequestContent',
      message:
        "The request content was invalid and could not be deserialized: 'Error converting value \"SystemAssigned\" to type 'Object'. Path 'identity'.'.",
    });
    expect(
      refusal(() =>
        readArmBody(resourceGroupPatchSchema, '{"managedBy":"' + 'm'.repeat(5_000) + '"}', false),
      ),
    ).toEqual({
      code: 'InvalidParameter',
      message: "The value of 'managedBy' is 5000 characters long; the limit is 4096.",
      target: 'managedBy',
    });
  });

  it('quotes at most ~100 characters of what was sent', () => {
    const result = refusal(() =>
      readArmBody(machinePatchSchema, JSON.stringify({ properties: { vmId: 'x'.repeat(4_000) } }), false),
    );
    expect(result).not.toBe('ok');
    expect(result !== 'ok' && result.message.length).toBeLessThan(300);
  });

  it('reads enums without regard to case, as the spec spells them', () => {
    const body = readArmBody(
      clusterPutSchema,
      JSON.stringify({
        location: 'eastus',
        identity: { type: 'systemassigned' },
        properties: { desiredProperties: { windowsServerSubscription: 'ENABLED' } },
      }),
      false,
    );
    expect(body.identity?.type).toBe('SystemAssigned');
    expect(body.properties?.desiredProperties?.windowsServerSubscription).toBe('Enabled');
  });

  it.each([
    [
      machinePutSchema,
      { location: 'eastus', properties: { osType: 'Linux', vmId: 'eef151e4-d95f-47a4-8ee8-31d8a70d4978' } },
      'ok',
    ],
    [machinePutSchema, { location: 'eastus', properties: { osType: 'macos' } }, '400 InvalidParameter'],
    [machinePatchSchema, { identity: { type: 'UserAssigned' } }, '400 InvalidParameter'],
    [machinePatchSchema, { properties: { parentClusterResourceId: '' } }, 'ok'],
    [
      machinePatchSchema,
      { properties: { parentClusterResourceId: '/subscriptions/x' } },
      '400 InvalidParameter',
    ],
    [machinePatchSchema, { properties: { osProfile: 'windows' } }, '400 InvalidRequestContent'],
    [machinePatchSchema, { properties: { clientPublicKey: 7 } }, '400 InvalidRequestContent'],
    [clusterPutSchema, { tags: {} }, '400 LocationRequired'],
    [
      clusterPutSchema,
      { location: 'eastus', properties: { cloudManagementEndpoint: [] } },
      '400 InvalidRequestContent',
    ],
    [clusterPatchSchema, { properties: { aadTenantId: null } }, 'ok'],
    [arcSettingPutSchema, {}, 'ok'],
    [arcSettingPutSchema, { properties: { arcApplicationClientId: 'x' } }, '400 InvalidParameter'],
    [arcSettingPutSchema, { properties: { connectivityProperties: true } }, '400 InvalidRequestContent'],
    [arcSettingPatchSchema, { properties: { connectivityProperties: { enabled: true } } }, 'ok'],
    [arcSettingPatchSchema, { tags: { k: [] } }, '400 InvalidRequestContent'],
  ] as const)('%# %j → %s', (schema, body, expected) => {
    expect(outcome(() => readArmBody(schema, JSON.stringify(body), false))).toBe(expected);
  });

  it('an arcSettings PUT may have no body at all', () => {
    expect(readArmBody(arcSettingPutSchema, '', true)).toEqual({});
    expect(outcome(() => readArmBody(machinePatchSchema, '', false))).toBe('400 InvalidRequestContent');
  });
});

describe('encodings', () => {
  it.each(['', 'a', 'ab', 'abc', 'admin@contoso.onmicrosoft.com', 'Ünïcödé-группа 日本語 🚀'])(
    'base64url round-trips %j',
    (text) => {
      const encoded = base64UrlEncode(text);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64UrlDecode(encoded)).toBe(text);
    },
  );

  it.each(['a', 'abc$', '////', '_w'])('refuses %j', (text) => {
    expect(base64UrlDecode(text)).toBeUndefined();
  });

  it('operation ids carry what was done and nothing else survives decoding', () => {
    const token = {
      op: 'delete' as const,
      resourceId: '/subscriptions/x/resourceGroups/ä-rg',
      at: 1_795_338_000_000,
      endsAt: 1_795_338_010_000,
    };
    expect(decodeOperationId(encodeOperationId(token))).toEqual(token);
    expect(decodeOperationId('not-an-id')).toBeUndefined();
    expect(decodeOperationId(base64UrlEncode('{"v":3}'))).toBeUndefined();
  });
});
