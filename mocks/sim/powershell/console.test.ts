import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../../runtime';
import { encodeSimToken } from '../arm/auth';
import { buildScenario, HOUR, NODE_RESTART_DURATION } from '../index';
import type { World } from '../index';
import { openSession, pollSession, submitLine } from './index';
import type { PsSession, StepResult } from './index';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function consoleOn(scenario: string, server = 'hci-node1') {
  let clock = T0;
  const sim = createSimRuntime({ clock: () => clock, world: buildScenario(scenario, T0) });
  let session: PsSession = sim.read((w) => openSession(w, 's1', server, 120));
  const lines: string[] = [];
  const step = (result: StepResult | undefined) => {
    if (!result) throw new Error('operation refused');
    session = result.session;
    for (const r of result.output) if (r.kind === 'line') lines.push(...r.text.split('\n'));
    return result;
  };
  const run = (line: string) => {
    const outcome = sim.run(submitLine(session, line));
    if (!outcome.ok) throw outcome.error;
    return step(outcome.value);
  };
  const poll = () => {
    const outcome = sim.run(pollSession(session));
    if (!outcome.ok) throw outcome.error;
    return step(outcome.value);
  };
  const wait = (ms: number) => {
    sim.advance(ms);
    clock += 0;
    return poll();
  };
  const text = () => lines.join('\n');
  const redeem = (code: string, upn: string) =>
    sim.run((draft: World) => {
      const entry = draft.consoleDeviceCodes?.find((c) => c.code === code);
      if (entry) entry.redeemedBy = upn;
    });
  return {
    sim,
    run,
    poll,
    wait,
    text,
    lines,
    redeem,
    get session() {
      return session;
    },
  };
}

describe('PowerShell console', () => {
  it("answers an unknown command in PowerShell's error layout", () => {
    const c = consoleOn('fresh');
    c.run('Get-Foo -Bar');
    expect(c.text()).toContain(
      "Get-Foo : The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable program.",
    );
    expect(c.text()).toContain('    + FullyQualifiedErrorId : CommandNotFoundException');
  });

  it('prints Get-AzureStackHCI in the layout of behaviour.md §3.1, and a bad parameter as PowerShell does', () => {
    const c = consoleOn('registered');
    c.run('Get-AzureStackHCI');
    const list = c.lines
      .filter((l) => / : |:$/.test(l))
      .map((l) => l.split(' : ')[0]?.replace(/:$/, '').trimEnd());
    expect(list).toEqual([
      'ClusterStatus',
      'RegistrationStatus',
      'RegistrationDate',
      'AzureResourceName',
      'AzureResourceUri',
      'ConnectionStatus',
      'LastConnected',
      'NextSync',
      'IMDSAttestation',
      'DiagnosticLevel',
      'Region',
    ]);
    expect(c.text()).toContain('RegistrationStatus : Registered');
    expect(c.text()).toMatch(/RegistrationDate {3}: \d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)/);
    c.run('Get-AzureStackHCI -Foo');
    expect(c.text()).toContain(
      [
        "Get-AzureStackHCI : A parameter cannot be found that matches parameter name 'Foo'.",
        'At line:1 char:19',
        '+ Get-AzureStackHCI -Foo',
        '+                   ~~~~',
        '    + CategoryInfo          : InvalidArgument: (:) [Get-AzureStackHCI], ParameterBindingException',
        '    + FullyQualifiedErrorId : NamedParameterNotFound,Get-AzureStackHCI',
      ].join('\n'),
    );
  });

  it('needs Install-Module first, asks NuGet and PSGallery, then registers after the device-code sign-in', () => {
    const c = consoleOn('fresh');
    c.run("Register-AzStackHCI -SubscriptionId 'x'");
    expect(c.text()).toContain("The term 'Register-AzStackHCI' is not recognized");
    const nuget = c.run('Install-Module -Name Az.StackHCI');
    expect(c.text()).toContain('Do you want PowerShellGet to install and import the NuGet provider now?');
    expect(nuget.prompt).toBe('[Y] Yes  [N] No  [S] Suspend  [?] Help (default is "Y"): ');
    const gallery = c.run('');
    expect(c.text()).toContain("Are you sure you want to install the modules from 'PSGallery'?");
    expect(gallery.prompt).toContain('(default is "N")');
    c.run('Y');
    const sub = c.sim.read((w) => Object.keys(w.cloud.subscriptions)[0] ?? '');
    const eos = c.run(`$sub = '${sub}'; Register-AzStackHCI -SubscriptionId $sub -Region "East US"`);
    expect(c.text()).toContain(
      'Confirm\nYour system is running Azure Local, version 22H2, and will no longer receive security updates and support after May 31, 2025.',
    );
    expect(eos.busy).toBe(false);
    const waiting = c.run('Y');
    expect(waiting.busy).toBe(true);
    const code = waiting.signIn?.code ?? '';
    expect(c.text()).toContain(
      `[Login to Azure] To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${code} to authenticate.`,
    );
    expect(waiting.progress).toEqual({
      activity: 'Registering Azure Stack HCI with Azure...',
      status: 'Logging in to Azure',
      percent: 30,
    });
    c.redeem(code, 'admin@contoso.onmicrosoft.com');
    c.poll();
    const midway = c.wait(20_000);
    expect(midway.progress?.activity).toBe('Registering Azure Stack HCI with Azure...');
    expect(midway.progress?.percent).toBeGreaterThan(30);
    const finished = c.wait(HOUR);
    expect(finished.busy).toBe(false);
    expect(c.text()).toContain('Result                 : Success');
    expect(c.text()).toContain('Azure Stack HCI is successfully registered.');
    expect(c.sim.read((w) => w.clusters['hci-cluster01']?.registration?.subscriptionId)).toBe(sub);
    c.run('Get-AzureStackHCIArcIntegration');
    expect(c.text()).toContain(
      'NodesArcStatus   : {[hci-node1, Enabled], [hci-node2, Enabled], [hci-node3, Enabled], [hci-node4, Enabled]}',
    );
  });

  it('unregisters with a wrong subscription: the local state goes, the Azure resource stays', () => {
    const c = consoleOn('registered');
    c.run('Install-Module Az.StackHCI -Force');
    const other = '00000000-0000-4000-8000-000000000001';
    c.run(`Unregister-AzStackHCI -SubscriptionId ${other}`);
    const confirm = c.run('Y');
    expect(c.text()).toContain('Are you sure you want to perform this action?');
    expect(confirm.prompt).toContain('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend');
    const signin = c.run('Y');
    c.redeem(signin.signIn?.code ?? '', 'admin@contoso.onmicrosoft.com');
    c.poll();
    c.wait(HOUR);
    expect(c.text()).toContain('Result  : Success');
    expect(c.sim.read((w) => w.clusters['hci-cluster01']?.registration)).toBeUndefined();
    expect(c.sim.read((w) => Object.keys(w.cloud.hciClusters).length)).toBe(1);
  });

  it('turns Benefits on and adds a VM', () => {
    const c = consoleOn('registered');
    c.run('Install-Module Az.StackHCI -Force');
    c.run('Enable-AzStackHCIAttestation');
    c.run('Y');
    expect(c.text()).toContain(
      'Enabling IMDS Attestation configures your cluster to use workloads that are exclusively available on Azure.',
    );
    c.run('y');
    c.wait(HOUR);
    expect(c.text()).toMatch(/ComputerName\s+Status Expiration/);
    expect(c.text()).toMatch(/HCI-NODE1\s+Active/);
    const vm = c.sim.read((w) =>
      Object.values(w.vms).find((v) => v.hostNode === 'hci-node1' && v.generation === 2),
    );
    c.run(`Add-AzStackHCIVMAttestation -VMName '${vm?.name ?? ''}' -Confirm:$false`);
    c.wait(HOUR);
    expect(c.text()).toMatch(new RegExp(`${vm?.name ?? ''}\\s+HCI-NODE1\\s+Connected`));
    expect(c.sim.read((w) => w.vms[vm?.id ?? '']?.attestationNic)).toBe(true);
  });

  it('shows event 594 after the TPM is cleared', () => {
    const c = consoleOn('registered');
    c.sim.inject('tpm-cleared', 'hci-node1');
    c.run("Get-WinEvent -LogName 'Microsoft-AzureStack-HCI/Admin' -MaxEvents 5");
    expect(c.text()).toMatch(/ +594 Error +Azure Stack HCI encountered an error accessing its data/);
  });

  it('runs sc.exe, binds positionally, pipes into Select-Object and Where-Object', () => {
    const c = consoleOn('registered');
    c.run('sc.exe query hcisvc');
    expect(c.text()).toContain('        STATE              : 4  RUNNING');
    c.run("Get-VM | Where-Object { $_.State -eq 'Running' } | Select-Object Name");
    expect(c.text()).toMatch(/^Name\n----/m);
  });
});

describe('Az.StackHCI on a 22H2 server', () => {
  it('asks about the end of support first; No aborts the whole line as a thrown error', () => {
    const c = consoleOn('registered');
    c.run('Install-Module Az.StackHCI -Force');
    const asked = c.run('Set-AzStackHCI -DiagnosticLevel Enhanced; Get-AzureStackHCI');
    expect(asked.prompt).toBe(
      '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ',
    );
    c.run('N');
    expect(c.text()).toContain(
      [
        'Aborting based on user input',
        'At line:1 char:1',
        '+ Set-AzStackHCI -DiagnosticLevel Enhanced; Get-AzureStackHCI',
        '+ ~~~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (Aborting based on user input:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : Aborting based on user input',
      ].join('\n'),
    );
    expect(c.text()).not.toContain('ClusterStatus');
    expect(c.sim.read((w) => w.clusters['hci-cluster01']?.diagnosticLevel)).toBe('Basic');
  });
});

describe('Set-AzStackHCI', () => {
  it("sets the diagnostic level and Windows Server Subscription with the console's own sign-in", () => {
    const c = consoleOn('registered');
    const gatewayBefore = c.sim.read((w) => JSON.stringify(w.gateway));
    c.run('Install-Module Az.StackHCI -Force');
    c.run('Set-AzStackHCI -EnableWSSubscription $true -DiagnosticLevel Enhanced -Confirm:$false');
    expect(c.text()).toContain(
      'Configure Windows Server Subscription\nThis will enable or disable billing for Windows Server guest licenses through your Azure subscription.',
    );
    const signin = c.run('Y');
    expect(signin.progress?.activity).toBe('Setting properties for the Azure Stack HCI resource in Azure...');
    c.redeem(signin.signIn?.code ?? '', 'admin@contoso.onmicrosoft.com');
    c.poll();
    c.wait(HOUR);
    expect(c.text()).toContain('Result  : Success');
    expect(c.text()).toContain(
      'Details : Successfully enabled Windows Server Subscription. Successfully configured',
    );
    const resource = c.sim.read((w) => Object.values(w.cloud.hciClusters)[0]);
    expect(resource?.desiredWindowsServerSubscription).toBe('Enabled');
    expect(resource?.reported?.diagnosticLevel).toBe('Enhanced');
    c.run('Get-AzureStackHCI');
    expect(c.text()).toContain('DiagnosticLevel    : Enhanced');
    // the console signed in on its own: the gateway's account is untouched
    expect(c.sim.read((w) => JSON.stringify(w.gateway))).toBe(gatewayBefore);
  });

  it('warns before turning diagnostics off, refuses an unknown level and an unregistered cluster', () => {
    const c = consoleOn('registered');
    c.run('Install-Module Az.StackHCI -Force');
    c.run('Get-Help Set-AzStackHCI');
    expect(c.text()).toContain(
      '    Set-AzStackHCI [[-ComputerName] <String>] [-Credential <PSCredential>] [-ResourceId <String>] [-EnableWSSubscription <Boolean>] [-DiagnosticLevel <DiagnosticLevel>]',
    );
    c.run('Set-AzStackHCI -DiagnosticLevel Full -Confirm:$false');
    expect(c.text()).toContain(
      'Cannot bind parameter \'DiagnosticLevel\'. Cannot convert value "Full" to type "DiagnosticLevel".',
    );
    const signin = c.run(
      'Set-AzStackHCI -DiagnosticLevel Off -Confirm:$false -ArmAccessToken t -AccountId admin@contoso.onmicrosoft.com',
    );
    expect(signin.busy).toBe(true);
    expect(c.text()).toContain(
      'WARNING: Setting diagnostic level to Off will prevent Microsoft from collecting important diagnostic information that helps improve Azure Stack HCI.',
    );
    c.wait(HOUR);
    expect(c.text()).toContain('Successfully configured the Azure Stack HCI diagnostic level to Off.');
    const fresh = consoleOn('fresh');
    fresh.run('Install-Module Az.StackHCI -Force');
    fresh.run('Set-AzStackHCI -DiagnosticLevel Basic -Confirm:$false');
    expect(fresh.text()).toContain(
      'Set-AzStackHCI : The cluster is not registered with Azure. Register the cluster using Register-AzStackHCI and then try again.',
    );
  });
});

describe('Restart-Computer', () => {
  it('asks with -Confirm, takes the server down and brings it back in simulated time', () => {
    const c = consoleOn('registered');
    const confirm = c.run("Restart-Computer -ComputerName 'hci-node2' -Confirm");
    expect(c.text()).toContain(
      'Performing the operation "Enable the Remote shutdown access rights and restart the computer." on target "hci-node2".',
    );
    expect(confirm.prompt).toContain('[Y] Yes');
    c.run('Y');
    expect(c.sim.read((w) => w.nodes['hci-node2']?.power)).toBe('Down');
    c.wait(NODE_RESTART_DURATION);
    const node = c.sim.read((w) => w.nodes['hci-node2']);
    expect(node?.power).toBe('Up');
    expect(node?.lastBootAt).toBe(T0 + NODE_RESTART_DURATION);
  });

  it("drops the console's own session while its server restarts, and answers again once it is back", () => {
    const c = consoleOn('registered');
    c.run('Restart-Computer -WhatIf');
    expect(c.text()).toContain(
      'What if: Performing the operation "Enable the Local shutdown access rights and restart the computer." on target "localhost (HCI-NODE1)".',
    );
    c.run('Restart-Computer -Force');
    c.run('hostname');
    expect(c.text()).toContain('PSRemotingTransportException');
    c.wait(NODE_RESTART_DURATION);
    c.run('Get-AzureStackHCI');
    expect(c.text()).toContain('RegistrationStatus : Registered');
  });
});

describe('azcmagent connect', () => {
  it('names the required flags, then connects with a device-code sign-in for the agent', () => {
    const c = consoleOn('registered');
    c.run('azcmagent disconnect --force-local-only');
    const where = c.sim.read((w) => {
      const reg = w.clusters['hci-cluster01']?.registration;
      const sub = w.cloud.subscriptions[reg?.subscriptionId ?? ''];
      return { sub: reg?.subscriptionId ?? '', rg: reg?.arcResourceGroup ?? '', tenant: sub?.tenantId ?? '' };
    });
    c.run(`azcmagent connect --resource-group "${where.rg}"`);
    expect(c.text()).toContain('Error: required flag(s) "location", "subscription-id", "tenant-id" not set');
    const signin = c.run(
      `& "$env:ProgramFiles\\AzureConnectedMachineAgent\\azcmagent.exe" connect --resource-group "${where.rg}" --tenant-id "${where.tenant}" --location "eastus" --subscription-id "${where.sub}"`,
    );
    const code = signin.signIn?.code ?? '';
    expect(c.text()).toContain(
      `To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${code} to authenticate.`,
    );
    expect(c.text()).not.toContain(
      `[Login to Azure] To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${code}`,
    );
    expect(c.sim.read((w) => w.consoleDeviceCodes?.find((d) => d.code === code)?.appName)).toBe(
      'Azure Connected Machine Agent',
    );
    c.redeem(code, 'admin@contoso.onmicrosoft.com');
    c.poll();
    expect(c.text()).toContain('Successfully Onboarded Resource to Azure');
    expect(c.sim.read((w) => w.nodes['hci-node1']?.arc.connected)).toBe(true);
    c.run('azcmagent show');
    expect(c.text()).toMatch(/Agent Status +: Connected/);
  });

  it('connects with --access-token, and says so when it is already connected', () => {
    const c = consoleOn('registered');
    c.run('azcmagent disconnect --force-local-only');
    const where = c.sim.read((w) => {
      const reg = w.clusters['hci-cluster01']?.registration;
      return {
        sub: reg?.subscriptionId ?? '',
        rg: reg?.arcResourceGroup ?? '',
        tenant: w.cloud.subscriptions[reg?.subscriptionId ?? '']?.tenantId ?? '',
      };
    });
    const token = encodeSimToken('admin@contoso.onmicrosoft.com');
    const line = `azcmagent connect -g ${where.rg} -t ${where.tenant} -l eastus -s ${where.sub} --access-token ${token}`;
    c.run(line);
    expect(c.text()).toContain('Successfully Onboarded Resource to Azure');
    c.run(line);
    expect(c.text()).toContain('hci-node1 is already connected to Azure');
  });
});

describe("the portal's Show PowerShell lines", () => {
  it('runs an on-box cmdlet in Invoke-Command on the named server', () => {
    const c = consoleOn('registered');
    c.run("Invoke-Command -ComputerName 'hci-node2' -ScriptBlock { Get-AzureStackHCIAttestation }");
    expect(c.text()).toMatch(/HCI-NODE2\s+Inactive/);
    c.run(
      "Invoke-Command -ComputerName 'hci-node3' -ScriptBlock { Set-Location -LiteralPath 'C:\\Program Files\\AzureConnectedMachineAgent'; .\\azcmagent.exe show }",
    );
    expect(c.text()).toMatch(/Resource Name +: hci-node3/);
  });
});
