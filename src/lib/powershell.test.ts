import {
  addAzStackHciVmAttestation,
  azcmagentDisconnect,
  disableAzStackHciAttestation,
  enableAzStackHciAttestation,
  psCommand,
  psQuote,
  registerAzStackHci,
  removeAzStackHciVmAttestation,
  repairAzStackHciRegistration,
  tokenize,
  unregisterAzStackHci,
  vmCommand,
} from './powershell';

const HOSTILE = [
  "O'Brien",
  'a"b"c',
  '$env:USERNAME',
  '$(Remove-Item C:\\ -Recurse)',
  'back`tick`n',
  'line1\nline2\r\nline3',
  '\u2018curly\u2019 \u201Alow\u201B',
  "'; Remove-Item *; '",
  '@{a=1}',
  '',
];

/** The value each parameter was given, read back from the generated line through the tokenizer. */
function parameterValues(line: string): Map<string, string[]> {
  const tokens = tokenize(line);
  const values = new Map<string, string[]>();
  let current: string | undefined;
  for (const token of tokens.slice(1)) {
    if (token.kind === 'bare' && token.text.startsWith('-')) {
      current = token.text.slice(1).split(':')[0];
      values.set(current ?? '', []);
    } else if (token.kind === 'literal' && current !== undefined) {
      values.get(current)?.push(token.value);
    } else if (token.kind === 'bare' && current !== undefined) {
      throw new Error(`Bare value '${token.text}' after -${current}: a value escaped its literal in ${line}`);
    }
  }
  return values;
}

describe('psQuote', () => {
  it.each(HOSTILE)('keeps %j one single-quoted literal with the same content', (value) => {
    const tokens = tokenize(psQuote(value));
    expect(tokens).toEqual([{ kind: 'literal', value }]);
  });

  it('doubles every quote PowerShell treats as a single quote', () => {
    expect(psQuote("it's")).toBe("'it''s'");
    expect(psQuote('\u2018x\u2019')).toBe("'\u2018\u2018x\u2019\u2019'");
    expect(psQuote('\u201A\u201B')).toBe("'\u201A\u201A\u201B\u201B'");
  });

  it('leaves $, backticks and double quotes as they are (nothing expands in single quotes)', () => {
    expect(psQuote('$a `b "c"')).toBe('\'$a `b "c"\'');
  });
});

describe('Register-AzStackHCI', () => {
  it('carries the wizard parameters in the documented order with -TenantId', () => {
    expect(
      registerAzStackHci({
        subscriptionId: '11111111-2222-3333-4444-555555555555',
        resourceGroupName: 'hci-rg',
        region: 'eastus',
        resourceName: 'Cluster1',
        tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      }),
    ).toBe(
      "Register-AzStackHCI -SubscriptionId '11111111-2222-3333-4444-555555555555' -ResourceGroupName 'hci-rg' -Region 'eastus' -ResourceName 'Cluster1' -TenantId 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'",
    );
  });

  it('turns Arc off with -EnableAzureArcServer:$false and then drops the Arc resource group', () => {
    const line = registerAzStackHci({
      subscriptionId: 's',
      region: 'eastus',
      enableAzureArcServer: false,
      arcServerResourceGroupName: 'arc-rg',
    });
    expect(line).toContain('-EnableAzureArcServer:$false');
    expect(line).not.toContain('ArcServerResourceGroupName');
  });

  it('names a separate Arc resource group and a non-default cloud', () => {
    const line = registerAzStackHci({
      subscriptionId: 's',
      region: 'usgovvirginia',
      arcServerResourceGroupName: 'arc-rg',
      environmentName: 'AzureUSGovernment',
    });
    expect(parameterValues(line).get('ArcServerResourceGroupName')).toEqual(['arc-rg']);
    expect(parameterValues(line).get('EnvironmentName')).toEqual(['AzureUSGovernment']);
    expect(line).not.toContain('EnableAzureArcServer');
  });

  it.each(HOSTILE)('keeps the value %j a literal in every parameter', (value) => {
    const line = registerAzStackHci({
      subscriptionId: value,
      resourceGroupName: value,
      region: value,
      resourceName: value,
      tenantId: value,
      arcServerResourceGroupName: value,
    });
    const values = parameterValues(line);
    // empty strings are "not given" and left out, like the wizard's empty optional fields
    const expected =
      value === ''
        ? ['SubscriptionId', 'Region']
        : [
            'SubscriptionId',
            'ResourceGroupName',
            'Region',
            'ResourceName',
            'ArcServerResourceGroupName',
            'TenantId',
          ];
    expect([...values.keys()]).toEqual(expected);
    for (const name of expected) expect(values.get(name)).toEqual([value]);
  });

  it.each([
    ['Azure Global', undefined],
    ['AzureCloud', undefined],
    ['Azure China', 'AzureChinaCloud'],
    ['Azure US Government', 'AzureUSGovernment'],
    ['AzureUSGovernment', 'AzureUSGovernment'],
  ])('names the cloud %s as -EnvironmentName %s', (cloud, expected) => {
    expect(
      parameterValues(repairAzStackHciRegistration({ subscriptionId: 's', environmentName: cloud })).get(
        'EnvironmentName',
      ),
    ).toEqual(expected === undefined ? undefined : [expected]);
  });

  it('repairs with -RepairRegistration as a switch', () => {
    expect(
      repairAzStackHciRegistration({ subscriptionId: 's', computerName: 'Server1', tenantId: 't' }),
    ).toBe(
      "Register-AzStackHCI -SubscriptionId 's' -ComputerName 'Server1' -TenantId 't' -RepairRegistration",
    );
  });

  it('unregisters with the resource it was registered as', () => {
    expect(unregisterAzStackHci({ subscriptionId: 's', resourceName: "HCI'01", tenantId: 't' })).toBe(
      "Unregister-AzStackHCI -SubscriptionId 's' -ResourceName 'HCI''01' -TenantId 't'",
    );
  });
});

describe('Azure Benefits', () => {
  it('adds the VMs with -AddVM, and removes them with -RemoveVM', () => {
    expect(enableAzStackHciAttestation({ addVm: true })).toBe('Enable-AzStackHCIAttestation -AddVM -Force');
    expect(enableAzStackHciAttestation({ addVm: false })).toBe('Enable-AzStackHCIAttestation -Force');
    expect(disableAzStackHciAttestation({ removeVm: true })).toBe(
      'Disable-AzStackHCIAttestation -RemoveVM -Force',
    );
  });

  it('runs Add-AzStackHCIVMAttestation on the node owning each VM, names as an array', () => {
    expect(
      addAzStackHciVmAttestation([
        { name: 'vm1', host: 'n1' },
        { name: "v'2", host: 'n1' },
        { name: 'vm3', host: 'n2' },
      ]),
    ).toEqual([
      "Invoke-Command -ComputerName 'n1' -ScriptBlock { Add-AzStackHCIVMAttestation -VMName 'vm1','v''2' -Force }",
      "Invoke-Command -ComputerName 'n2' -ScriptBlock { Add-AzStackHCIVMAttestation -VMName 'vm3' -Force }",
    ]);
    expect(removeAzStackHciVmAttestation([{ name: '$x' }])).toEqual([
      "Remove-AzStackHCIVMAttestation -VMName '$x' -Force",
    ]);
  });
});

describe('Hyper-V and Arc commands', () => {
  it.each([
    ['start', "Start-VM -Name 'vm$1' -ComputerName 'n1'"],
    ['turn-off', "Stop-VM -Name 'vm$1' -ComputerName 'n1' -TurnOff"],
    ['shutdown', "Stop-VM -Name 'vm$1' -ComputerName 'n1' -Force"],
    ['save', "Save-VM -Name 'vm$1' -ComputerName 'n1'"],
    ['checkpoint', "Checkpoint-VM -Name 'vm$1' -ComputerName 'n1'"],
    ['delete', "Remove-VM -Name 'vm$1' -ComputerName 'n1' -Force"],
  ] as const)('%s', (action, expected) => {
    expect(vmCommand(action, { name: 'vm$1', computerName: 'n1' })).toBe(expected);
  });

  it('force-disconnects the Arc agent locally', () => {
    expect(azcmagentDisconnect({ forceLocalOnly: true }).at(-1)).toBe(
      '.\\azcmagent.exe disconnect --force-local-only',
    );
  });

  it('refuses a parameter name that is not one', () => {
    expect(() => psCommand('Start-VM', [{ name: 'Name; rm', value: 'x' }])).toThrow(
      /not a PowerShell parameter name/,
    );
  });

  it('reports an unterminated literal when reading back', () => {
    expect(() => tokenize("'abc")).toThrow(/Unterminated/);
  });
});
