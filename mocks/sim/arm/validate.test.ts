import { describe, expect, it } from 'vitest';
import { ALL_LOCATIONS } from '../clouds';
import { SimError } from '../core';
import { base64UrlDecode, base64UrlEncode } from './encoding';
import { decodeOperationId, encodeOperationId } from './lro';
import {
  isGuid,
  isValidResourceGroupName,
  parseJsonObject,
  readResourceGroupLocation,
  readTags,
  requireGenericResourceName,
  requireMachineName,
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

  it.each([
    [{ location: 'East US' }, 'ok'],
    [{ location: 'eastus' }, 'ok'],
    [{ location: 'EastUS' }, 'ok'],
    [{}, '400 LocationRequired'],
    [{ location: '' }, '400 LocationRequired'],
    [{ location: 42 }, '400 InvalidRequestContent'],
    [{ location: 'atlantis' }, '400 LocationNotAvailableForResourceGroup'],
  ])('location %j → %s', (body, expected) => {
    expect(outcome(() => readResourceGroupLocation(body, ALL_LOCATIONS))).toBe(expected);
  });

  it('normalises the location the way ARM does', () => {
    expect(readResourceGroupLocation({ location: 'West Europe' }, ALL_LOCATIONS)).toBe('westeurope');
  });

  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));
  it.each([
    [{ tags: many(50) }, 'ok'],
    [{ tags: many(51) }, '400 InvalidTag'],
    [{ tags: { ['k'.repeat(512)]: 'v' } }, 'ok'],
    [{ tags: { ['k'.repeat(513)]: 'v' } }, '400 InvalidTag'],
    [{ tags: { k: 'v'.repeat(256) } }, 'ok'],
    [{ tags: { k: 'v'.repeat(257) } }, '400 InvalidTag'],
    [{ tags: { 'a/b': 'v' } }, '400 InvalidTagNameCharacters'],
    [{ tags: { Env: 'a', env: 'b' } }, '400 InvalidTag'],
    [{ tags: { k: 1 } }, '400 InvalidRequestContent'],
    [{ tags: ['x'] }, '400 InvalidRequestContent'],
    [{}, 'ok'],
  ])('tags %# → %s', (body, expected) => {
    expect(outcome(() => readTags(body))).toBe(expected);
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
