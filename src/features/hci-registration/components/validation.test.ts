import { resourceGroupNameError, resourceNameError, subscriptionIdError } from './validation';

describe('resource group names as ARM accepts them', () => {
  it.each(['a', 'hci-cluster01-rg', 'AZSHCICLUS_RG', 'rg.(prod)', 'x'.repeat(90), 'grüppe'])(
    'accepts %s',
    (name) => {
      expect(resourceGroupNameError(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'Enter a resource group name.'],
    ['x'.repeat(91), 'The name is 91 characters long; a resource group name can have at most 90.'],
    ['rg.', "A resource group name can't end with a period."],
    [
      'my rg!',
      "A resource group name can only include letters, digits, underscores, hyphens, periods and parentheses (not space, '!').",
    ],
  ])('rejects %j', (name, message) => {
    expect(resourceGroupNameError(name)).toBe(message);
  });
});

describe('subscription IDs', () => {
  it('accepts a GUID in any case and trims it', () => {
    expect(subscriptionIdError(' 1F2E3D4C-0000-4000-8000-00000000ABCD ')).toBeUndefined();
  });
  it('rejects an empty value and a non-GUID', () => {
    expect(subscriptionIdError('')).toBe('Select or enter an Azure subscription ID.');
    expect(subscriptionIdError('Contoso Production')).toMatch(
      /^'Contoso Production' isn't a subscription ID/,
    );
  });
});

describe("Azure resource names (ARM's rules for any resource)", () => {
  it.each(['hci-cluster01', 'Cluster With Spaces', 'c'.repeat(260)])('accepts %s', (name) => {
    expect(resourceNameError(name)).toBeUndefined();
  });

  it.each([
    ['', 'Enter a resource name.'],
    ['c'.repeat(261), 'The name is 261 characters long; an Azure resource name can have at most 260.'],
    ['a<b>c', "An Azure resource name can't include '<', '>'."],
    ['hci/cluster', "An Azure resource name can't include '/'."],
    ['trailing.', "An Azure resource name can't end with a period or a space."],
  ])('rejects %j', (name, message) => {
    expect(resourceNameError(name)).toBe(message);
  });
});
