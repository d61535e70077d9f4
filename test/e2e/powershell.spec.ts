import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, setTheme, test, type Theme } from './fixtures';

const CLUSTER = 'hci-cluster01';
const TOOL = `/connections/cluster/${CLUSTER}/tools/powershell`;
const ADMIN = 'admin@contoso.onmicrosoft.com';
const SHOTS = 'test/e2e/.artifacts/screenshots';
/** behaviour.md §1.2: what Az.StackHCI asks first on a 22H2 server, as every preset's cluster is */
const END_OF_SUPPORT =
  'Your system is running Azure Local, version 22H2, and will no longer receive security updates';

interface WorldView {
  cloud: { subscriptions: Record<string, unknown>; hciClusters: Record<string, unknown> };
  vms: Record<string, { name: string; hostNode: string; generation: number; power: string }>;
}

/** The world as `hciSim.snapshot()` gives it (JSON text or the object). */
async function world(hciSim: { snapshot: () => Promise<unknown> }): Promise<WorldView> {
  const snapshot = await hciSim.snapshot();
  return (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as WorldView;
}

/** A VM Azure benefits can be added to on hci-node1: Generation 2, or turned off. */
function benefitsReadyVm(w: WorldView): string {
  return (
    Object.values(w.vms).find((v) => v.hostNode === 'hci-node1' && (v.generation === 2 || v.power === 'Off'))
      ?.name ?? ''
  );
}

function output(page: Page): Locator {
  return page.getByRole('log', { name: /^PowerShell output on / });
}

/** Types a line at the prompt and presses Enter, then waits for what it should print. */
async function run(page: Page, line: string, expected: string | RegExp): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(output(page)).toContainText(expected);
}

async function openTool(page: Page, gotoScenario: (p: string, s: string) => Promise<void>, scenario: string) {
  await gotoScenario(TOOL, scenario);
  await expect(output(page)).toBeAttached();
  await expect(page.getByRole('textbox', { name: /^PowerShell on / })).toBeFocused();
}

async function installModule(page: Page) {
  await run(
    page,
    'Install-Module -Name Az.StackHCI',
    'Do you want PowerShellGet to install and import the NuGet provider now?',
  );
  await run(page, '', "Are you sure you want to install the modules from 'PSGallery'?");
  await run(page, 'Y', '(default is "N"): Y');
}

/** Completes the device-code sign-in the console asks for on the simulated sign-in page, in a new tab. */
async function signIn(page: Page) {
  const code = /enter the code ([A-Z0-9]{9}) to authenticate/.exec(
    (await output(page).textContent()) ?? '',
  )?.[1];
  expect(code, 'the device code the console printed').toBeDefined();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('link', { name: /simulated sign-in page/ }).click();
  const popup = await popupOpened;
  await popup.getByRole('textbox', { name: 'Code' }).fill(code ?? '');
  await popup.getByRole('button', { name: 'Next' }).click();
  await popup.getByRole('button', { name: new RegExp(ADMIN) }).click();
  await expect(
    popup.getByRole('heading', { name: 'Are you trying to sign in to Microsoft Azure PowerShell?' }),
  ).toBeVisible();
  await popup.getByRole('button', { name: 'Continue' }).click();
  await expect(
    popup.getByText('You have signed in to the Microsoft Azure PowerShell application'),
  ).toBeVisible();
  await popup.close();
  // the console notices the sign-in and starts the job; simulated time may move only after that
  await expect(page.getByText('Sign in to Azure', { exact: true })).toBeHidden();
}

test("the seed's PowerShell path: module missing, Install-Module with its prompts, Register-AzStackHCI with device-code sign-in and progress, then the portal shows Registered", async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await openTool(page, gotoScenario, 'fresh');
  await run(page, 'Get-AzureStackHCI', /RegistrationStatus : NotYet/);
  await run(
    page,
    "Register-AzStackHCI -SubscriptionId 'x'",
    "The term 'Register-AzStackHCI' is not recognized as a name of a cmdlet",
  );
  await installModule(page);
  const subscription = Object.keys((await world(hciSim)).cloud.subscriptions)[0] ?? '';
  await run(page, `Register-AzStackHCI -SubscriptionId '${subscription}' -Region 'East US'`, END_OF_SUPPORT);
  await run(
    page,
    'Y',
    '[Login to Azure] To sign in, use a web browser to open the page https://microsoft.com/devicelogin',
  );
  const progress = page.getByRole('progressbar');
  await expect(page.getByText('Registering Azure Stack HCI with Azure...')).toBeVisible();
  await expect(page.getByText('Logging in to Azure (30%)')).toBeVisible();
  await signIn(page);
  await expect(progress).toBeVisible();
  await hciSim.advance('20s');
  await expect(
    page.getByText(
      /Creating Azure Resource|Registering Microsoft.AzureStackHCI provider|Getting new certificate/,
    ),
  ).toBeVisible();
  await hciSim.advance('5m');
  await expect(output(page)).toContainText('Azure Stack HCI is successfully registered.');
  await expect(progress).toBeHidden();
  await run(page, 'Get-AzureStackHCI', /RegistrationStatus : Registered/);
  await expect(output(page)).toContainText(`AzureResourceName  : ${CLUSTER}`);

  await page.goto(`/connections/cluster/${CLUSTER}/tools/azure-arc/registration`);
  const system = page.getByRole('region', { name: 'Azure Stack HCI system status' });
  await expect(system.getByText('Registered', { exact: true })).toBeVisible();
});

test("unregistering with the wrong subscription clears the cluster but leaves the Azure resource (the guide's orphan)", async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await openTool(page, gotoScenario, 'registered');
  await run(
    page,
    'Install-Module Az.StackHCI -Force',
    'PS C:\\Users\\hciadmin> Install-Module Az.StackHCI -Force',
  );
  await run(
    page,
    "$wrong = '00000000-0000-4000-8000-000000000001'",
    "$wrong = '00000000-0000-4000-8000-000000000001'",
  );
  await run(page, 'Unregister-AzStackHCI -SubscriptionId $wrong', END_OF_SUPPORT);
  await run(page, 'Y', 'Are you sure you want to perform this action?');
  await run(page, 'Y', '[Login to Azure] To sign in');
  await signIn(page);
  await hciSim.advance('5m');
  await expect(output(page)).toContainText('Azure Stack HCI is successfully unregistered.');
  await run(
    page,
    'Get-AzureStackHCI | Select-Object RegistrationStatus, AzureResourceName',
    /RegistrationStatus\s+AzureResourceName/,
  );
  const after = await world(hciSim);
  expect(Object.keys(after.cloud.hciClusters).some((id) => id.endsWith(`/clusters/${CLUSTER}`))).toBe(true);
});

test('Azure Benefits from the console: Enable-AzStackHCIAttestation, then a VM added', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await openTool(page, gotoScenario, 'registered');
  await run(
    page,
    'Install-Module Az.StackHCI -Force',
    'PS C:\\Users\\hciadmin> Install-Module Az.StackHCI -Force',
  );
  await run(page, 'Enable-AzStackHCIAttestation', END_OF_SUPPORT);
  await run(
    page,
    'Y',
    'Enabling IMDS Attestation configures your cluster to use workloads that are exclusively available on Azure.',
  );
  await page.keyboard.type('Y');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Enable Azure Stack HCI IMDS Attestation...')).toBeVisible();
  await hciSim.advance('5m');
  await expect(output(page)).toContainText(/HCI-NODE1\s+Active/);
  await run(page, 'Get-VM', /Name\s+State/);
  const vm = benefitsReadyVm(await world(hciSim));
  await run(page, `Add-AzStackHCIVMAttestation -VMName '${vm}'`, END_OF_SUPPORT);
  await run(page, 'Y', '(default is "Y"): Y');
  await hciSim.advance('5m');
  await run(
    page,
    'Get-AzStackHCIVMAttestation -Local',
    new RegExp(`${vm}\\s+HCI-NODE1\\s+(Connected|Disconnected)`),
  );
});

test('Get-WinEvent shows event 594 after the TPM is cleared; an unknown command and a bad parameter answer as PowerShell does', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  await openTool(page, gotoScenario, 'registered');
  await hciSim.inject('tpm-cleared', 'hci-node1');
  await run(
    page,
    "Get-WinEvent -LogName 'Microsoft-AzureStack-HCI/Admin' -MaxEvents 3",
    /594 Error\s+Azure Stack HCI encountered an error accessing its data/,
  );
  await run(
    page,
    'Get-Foo',
    "Get-Foo : The term 'Get-Foo' is not recognized as a name of a cmdlet, function, script file, or executable program.",
  );
  await expect(output(page)).toContainText('+ FullyQualifiedErrorId : CommandNotFoundException');
  await run(
    page,
    'Get-AzureStackHCI -Bogus',
    "Get-AzureStackHCI : A parameter cannot be found that matches parameter name 'Bogus'.",
  );
  await expect(output(page)).toContainText(
    '+ FullyQualifiedErrorId : NamedParameterNotFound,Get-AzureStackHCI',
  );
});

/** Pastes text into the terminal as the clipboard would (xterm reads the paste event's text). */
async function paste(page: Page, text: string) {
  await page.getByRole('textbox', { name: /^PowerShell on / }).evaluate((textarea, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    textarea.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('a multi-line paste runs line by line, a question takes the next line; Restart-Computer takes a server down and the portal follows it back', async ({
  page,
  gotoScenario,
  hciSim,
}) => {
  // the portal in a tab of its own, open before the console's preset link resets the world they share
  const portal = await page.context().newPage();
  await portal.goto(`/connections/cluster/${CLUSTER}/tools/servers`);
  await openTool(page, gotoScenario, 'registered');
  const row = portal.getByRole('row', { name: /hci-node2/ });
  await expect(row.getByText('Up', { exact: true })).toBeVisible();

  await paste(
    page,
    "$n = 'hci-node2'\nRestart-Computer -ComputerName $n -Confirm\nY\nGet-AzureStackHCI | Select-Object RegistrationStatus\n",
  );
  const prompt = 'PS C:\\Users\\hciadmin> ';
  await expect(output(page)).toContainText(`${prompt}Get-AzureStackHCI | Select-Object RegistrationStatus`);
  await expect(output(page)).toContainText(`${prompt}$n = 'hci-node2'`);
  await expect(output(page)).toContainText(
    'Performing the operation "Enable the Remote shutdown access rights and restart the computer." on target "hci-node2".',
  );
  await expect(output(page)).toContainText('(default is "Y"): Y');
  await expect(output(page)).toContainText(/RegistrationStatus\s*-+\s*Registered/);
  await expect(row.getByText('Down', { exact: true })).toBeVisible();

  await hciSim.advance('3m');
  await expect(row.getByText('Up', { exact: true })).toBeVisible();

  // the console's own server: the session answers with the broken connection until it is back
  await run(page, 'Restart-Computer -Force', `${prompt}Restart-Computer -Force`);
  await run(page, 'Get-AzureStackHCI', 'PSRemotingTransportException');
  await hciSim.advance('3m');
  await run(
    page,
    'Get-AzureStackHCI | Select-Object RegistrationStatus',
    /RegistrationStatus\s*-+\s*Registered[\s\S]*RegistrationStatus\s*-+\s*Registered/,
  );
  await portal.close();
});

test('keyboard only: Tab completes, Up recalls, Ctrl+C stops, Esc then Tab leaves the console', async ({
  page,
  gotoScenario,
}) => {
  await openTool(page, gotoScenario, 'registered');
  await page.keyboard.type('Get-AzureStackHCIArc');
  await page.keyboard.press('Tab');
  await expect(page.locator('.xterm-rows')).toContainText('Get-AzureStackHCIArcIntegration');
  await page.keyboard.press('Enter');
  await expect(output(page)).toContainText('ClusterArcStatus : Enabled');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(output(page).getByText('PS C:\\Users\\hciadmin> Get-AzureStackHCIArcIntegration')).toHaveCount(
    2,
  );
  // The line echoes at Enter; the prompt is back once its answer is printed. Keys typed before that are
  // type-ahead, which a Ctrl+C during the command discards, as a console does.
  await expect(output(page)).toHaveText(/ClusterArcStatus : Enabled[\s\S]*ClusterArcStatus : Enabled/);
  await page.keyboard.type('sc.exe query hci');
  await page.keyboard.press('Control+C');
  await expect(output(page)).toContainText('sc.exe query hci^C');
  await run(page, 'sc.exe query hcisvc', 'STATE              : 4  RUNNING');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^PowerShell on / })).not.toBeFocused();
});

test('Run in PowerShell opens the console with the Show PowerShell command typed in, not run', async ({
  page,
  gotoScenario,
}) => {
  await gotoScenario(`/connections/cluster/${CLUSTER}/tools/diagnostics`, 'registered');
  await page.getByRole('button', { name: 'Show PowerShell' }).first().click();
  await page.getByRole('button', { name: 'Run in PowerShell' }).click();
  await expect(page).toHaveURL(/\/tools\/powershell/);
  await expect(output(page)).toBeAttached();
  await expect(page.locator('.xterm-rows')).toContainText(
    "Stop-Service -Name 'hcisvc' -ComputerName 'hci-node1'",
  );
  await expect(output(page)).not.toContainText('Stop-Service');
  await expect(page.getByRole('textbox', { name: /^PowerShell on / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(output(page)).toContainText(
    "PS C:\\Users\\hciadmin> Stop-Service -Name 'hcisvc' -ComputerName 'hci-node1'",
  );
  await run(page, 'sc.exe query hcisvc', 'STATE              : 1  STOPPED');
});

for (const theme of ['light', 'dark'] as const satisfies readonly Theme[]) {
  test(`no serious accessibility violation on the PowerShell tool (${theme})`, async ({
    page,
    gotoScenario,
  }) => {
    await setTheme(page, theme);
    await openTool(page, gotoScenario, 'registered');
    await run(page, 'Get-AzureStackHCI', 'RegistrationStatus : Registered');
    await run(
      page,
      'Install-Module Az.StackHCI -Force',
      'PS C:\\Users\\hciadmin> Install-Module Az.StackHCI -Force',
    );
    await run(page, 'Unregister-AzStackHCI', END_OF_SUPPORT);
    await run(page, 'Y', 'Are you sure you want to perform this action?');
    await run(page, 'Y', '[Login to Azure]');
    await expectNoSeriousA11yViolations(page);
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SHOTS}/powershell-${width}x${height}-${theme}.png` });
    }
  });
}
