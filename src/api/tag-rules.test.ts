import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { armTagsSchema } from './arm-schemas';
import { tagsSchema } from './request-schemas';
import { tagRuleMessage } from './rules';
import type { TagRuleBroken } from './rules';

/** The rule an ARM body's tags broke, as the schema reports it for the simulation to word. */
function armRule(tags: unknown): TagRuleBroken | undefined {
  const result = z.safeParse(armTagsSchema, tags);
  const issue = result.error?.issues[0];
  return issue?.code === 'custom' ? (issue.params as TagRuleBroken) : undefined;
}

const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));

describe('one rule set for tags, wherever they come in', () => {
  it.each([
    ['51 tags', many, 'TooManyTags'],
    ['an empty name', { ' ': 'v' }, 'EmptyTagName'],
    ['a 513-character name', { ['n'.repeat(513)]: 'v' }, 'TagNameTooLong'],
    ['a 257-character value', { a: 'v'.repeat(257) }, 'TagValueTooLong'],
    ['a reserved character', { 'a/b': 'v' }, 'TagNameCharacters'],
    ['a name twice in two cases', { Env: 'a', env: 'b' }, 'DuplicateTagName'],
  ])('%s: ARM and the onboarding script refuse it with the same sentence', (_label, tags, arm) => {
    const rule = armRule(tags);
    expect(rule?.arm).toBe(arm);
    const onboarding = tagsSchema.safeParse(tags);
    expect(onboarding.error?.issues[0]?.message).toBe(rule && tagRuleMessage(rule));
  });

  it('accepts names like Object members as ordinary tags on both', () => {
    const tags = JSON.parse('{"__proto__":"a","constructor":"b"}') as unknown;
    expect(z.safeParse(armTagsSchema, tags).success).toBe(true);
    expect(tagsSchema.safeParse(tags).success).toBe(true);
  });
});
