import { validateHostName, validateManagingAs, validateTags } from './connection-fields';

describe('validateHostName', () => {
  it.each(['hci-cluster02', 'hci-node1.contoso.com', 'A1', 'server-01.corp.contoso.com.'])(
    'accepts %s',
    (name) => {
      expect(validateHostName(name)).toBeNull();
    },
  );

  it.each([
    ['', "'Name' is required."],
    ['   ', "'Name' is required."],
    ['bad name', "'bad name' is not a valid host name. Use letters, digits, hyphens and dots only."],
    ['-node', "'-node' is not a valid host name. A label cannot start or end with a hyphen."],
    ['node..contoso', 'A host name cannot contain empty labels (two dots in a row, or a leading dot).'],
    ['under_score', "'under_score' is not a valid host name. Use letters, digits, hyphens and dots only."],
  ])('rejects %j', (name, message) => {
    expect(validateHostName(name)).toBe(message);
  });

  it('rejects labels longer than 63 characters', () => {
    expect(validateHostName('a'.repeat(64))).toMatch(/longer than 63 characters/);
  });
});

describe('Edit Tags and Manage as fields', () => {
  it('checks the tags with the API’s rule and words', () => {
    expect(validateTags(['production', 'hyper-converged'])).toBeNull();
    expect(validateTags(['x'.repeat(65)])).toBe('A tag can be at most 64 characters long.');
    expect(validateTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toBe(
      'A connection can have at most 20 tags.',
    );
  });

  it('asks for the account to manage as', () => {
    expect(validateManagingAs('CONTOSO\\admin')).toBeNull();
    expect(validateManagingAs('  ')).toBe('Enter the account to manage the connection as.');
  });
});
