/**
 * Every case of the registration troubleshooting guide (seed 001), end to end over HTTP, as a support
 * engineer would go through it: cause it the way it happens in the field (a fault from /api/sim/inject, the
 * portal's ordinary /api operations, time from /api/sim/advance), read the guide's text where the product
 * writes it (a job's error, an event, the Debug channel, a status), ask the troubleshooter, apply the guide's
 * remedy through /api, and see the cluster healthy again. Scenario 2's remedy is time alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DiagnosisDto, RemedyResultDto, ReproduceResultDto } from '../../src/api/lab-contract';
import type { PowerShellStepDto } from '../../src/api/powershell-contract';
import { CASES } from '../sim';
import { ADMIN_UPN, CONTOSO_TENANT, SOVEREIGN } from '../sim/scenarios';
import { server, sim } from '../node';

const base = 'http://localhost';
const CLUSTER = 'hci-cluster01';
const NODES = ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4'];
const OTHER_SUBSCRIPTION = '00000000-0000-4000-8000-0000000000ff';
/** what the registration wizard sends to register hci-cluster01 again with the preset's choices */
const AGAIN = {
  subscriptionId: 'eef151e4-d95f-47a4-8ee8-31d8a70d4978',
  resourceGroup: 'hci-cluster01-rg',
  region: 'eastus',
  enableArc: true,
  arcResourceGroup: 'hci-cluster01-rg',
};

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

interface JobDto {
  id: string;
  status: string;
  currentStep: string | null;
  message: string | null;
}
interface EventDto {
  id: number;
  channel: string;
  message: string;
}
interface ClusterDto {
  nodes: { name: string; state: string; arc: { agentStatus: string } }[];
  registration: { registrationStatus: string; connectionStatus: string } | null;
  arc: { clusterArcStatus: string; wacText: string } | null;
}

const inject = async (fault: string, target?: string) =>
  expect((await call('POST', '/api/sim/inject', { fault, ...(target ? { target } : {}) })).status).toBe(200);
const repairFault = async (fault: string, target?: string) =>
  expect((await call('POST', '/api/sim/repair', { fault, ...(target ? { target } : {}) })).status).toBe(200);
const advance = async (duration: string | number) =>
  expect((await call('POST', '/api/sim/advance', { duration })).status).toBe(200);
const job = async (id: string) => (await call('GET', `/api/jobs/${id}`)).body as JobDto;

/** Starts a portal operation (202 and a job) and, unless told not to, lets it run to its end. */
async function operation(path: string, body: unknown = {}, settle = true): Promise<string> {
  const started = await call('POST', `/api/clusters/${CLUSTER}/${path}`, body);
  expect(started).toMatchObject({ status: 202 });
  const id = (started.body as JobDto).id;
  if (settle) await settleJob(id);
  return id;
}
async function settleJob(id: string) {
  // registration jobs run for about a minute of simulated time; ten minutes leaves no job behind
  await advance('10m');
  expect((await job(id)).status).not.toBe('InProgress');
}
/** Lets a running job get past the step with this text (the job reports its steps as they start). */
async function reachStep(id: string, text: string) {
  for (let i = 0; i < 120 && (await job(id)).currentStep !== text; i++) await advance(1000);
  expect((await job(id)).currentStep).toBe(text);
  await advance(1000);
}

const jobMessage = async (id: string) => (await job(id)).message ?? '';
async function lastEvent(node: string, channel: string, match: (e: EventDto) => boolean) {
  const list = (await call('GET', `/api/nodes/${node}/events?channel=${encodeURIComponent(channel)}`))
    .body as EventDto[];
  return list.find(match)?.message ?? '';
}
const adminEvent = (node: string, id: number) =>
  lastEvent(node, 'Microsoft-AzureStack-HCI/Admin', (e) => e.id === id);
const debugLine = (node: string, pattern: RegExp) =>
  lastEvent(node, 'Microsoft-AzureStack-HCI/Debug', (e) => pattern.test(e.message));
const enableDebug = async (nodes: string[]) => {
  for (const node of nodes)
    expect((await call('POST', `/api/clusters/${CLUSTER}/nodes/${node}/debug-channel`, {})).status).toBe(200);
};
const clusterView = async () => (await call('GET', `/api/clusters/${CLUSTER}`)).body as ClusterDto;
/** The registration page's and the servers tool's per-server "Azure Arc" column. */
const arcColumn = async (node: string) => {
  const status = (await clusterView()).nodes.find((n) => n.name === node)?.arc.agentStatus;
  return `${node}: Azure Arc ${status ?? ''}`;
};

async function diagnose(text: string): Promise<DiagnosisDto | null> {
  const answer = await call('POST', `/api/clusters/${CLUSTER}/troubleshoot`, { text });
  expect(answer.status).toBe(200);
  return (answer.body as { diagnosis: DiagnosisDto | null }).diagnosis;
}

/** Does what each step's button does; "Open the registration" is the wizard's Register with the same choices. */
async function applyRemedy(diagnosis: DiagnosisDto) {
  for (const step of diagnosis.steps) {
    const action = step.action;
    if (!action) continue;
    if (action.kind === 'open-registration') {
      const registered = (await clusterView()).registration?.registrationStatus === 'Registered';
      if (!registered) {
        const id = await operation('registration', AGAIN);
        expect(await job(id)).toMatchObject({ status: 'Succeeded' });
      }
      continue;
    }
    const result = await call('POST', `/api/clusters/${CLUSTER}/troubleshoot/remedy`, { action });
    expect({ action: action.kind, status: result.status < 300 ? 'ok' : result.body }).toEqual({
      action: action.kind,
      status: 'ok',
    });
    const started = (result.body as RemedyResultDto).job;
    if (started) {
      await settleJob(started.id);
      expect({ action: action.kind, ...(await job(started.id)) }).toMatchObject({ status: 'Succeeded' });
    }
  }
}

/** Registered, synced, Azure Arc connected on every server, every server up. */
async function expectHealthy() {
  const view = await clusterView();
  expect({
    registration: view.registration?.registrationStatus,
    connection: view.registration?.connectionStatus,
    arc: view.arc?.wacText,
    down: view.nodes.filter((n) => n.state !== 'Up').map((n) => n.name),
  }).toEqual({ registration: 'Registered', connection: 'Connected', arc: 'Connected', down: [] });
  for (const node of NODES) expect(await arcColumn(node)).toBe(`${node}: Azure Arc Connected`);
}

/** The console asks a question (a choice), rather than showing its `PS …>` prompt. */
const isQuestion = (step: PowerShellStepDto) => !step.busy && !step.prompt.startsWith('PS ');

/**
 * Runs a line in a PowerShell console on `server` (Az.StackHCI installed first) and follows it to its end,
 * letting simulated time pass while it works; returns everything the console printed for it.
 */
async function powershell(line: string, server = 'hci-node1'): Promise<string> {
  const opened = await call('POST', '/api/powershell/sessions', { server, columns: 400 });
  const id = (opened.body as PowerShellStepDto).id;
  await call('POST', `/api/powershell/sessions/${id}/input`, { line: 'Install-Module Az.StackHCI -Force' });
  let step = (await call('POST', `/api/powershell/sessions/${id}/input`, { line })).body as PowerShellStepDto;
  const output = [...step.output];
  for (let i = 0; i < 10 && (step.busy || isQuestion(step)); i++) {
    // The administrator goes on past Az.StackHCI's 22H2 end-of-support question, as the guide's steps do.
    if (isQuestion(step))
      step = (await call('POST', `/api/powershell/sessions/${id}/input`, { line: 'Y' }))
        .body as PowerShellStepDto;
    else {
      await advance('2m');
      step = (await call('GET', `/api/powershell/sessions/${id}`)).body as PowerShellStepDto;
    }
    output.push(...step.output);
  }
  expect(step.busy).toBe(false);
  return output.map((o) => (o.kind === 'line' ? o.text : '')).join('\n');
}

const GOV = SOVEREIGN.AzureUSGovernment;
/** the -ArmAccessToken / -AccountId sign-in of Register-AzStackHCI, as the Azure US Government admin */
const GOV_SIGN_IN = `-EnvironmentName AzureUSGovernment -SubscriptionId ${GOV.subscriptionId} -ArmAccessToken token -AccountId ${GOV.upn}`;

/** The error a cmdlet wrote, without the "Cmdlet-Name : " PowerShell puts in front of it. */
const errorLine = (output: string, pattern: RegExp) =>
  output
    .split('\n')
    .find((l) => pattern.test(l))
    ?.replace(/^[\w-]+ : /, '') ?? '';

/** Register-AzStackHCI as the portal's admin signs in to it in PowerShell, with the preset's choices */
const REGISTER_PS = `Register-AzStackHCI -SubscriptionId ${AGAIN.subscriptionId} -ResourceGroupName ${AGAIN.resourceGroup} -Region ${AGAIN.region} -ArmAccessToken token -AccountId ${ADMIN_UPN}`;

/** Unregistered, nothing of the registration left in Azure (what the troubleshooter's check looks for). */
async function expectUnregistered() {
  expect((await clusterView()).registration?.registrationStatus).toBe('NotYet');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface GuideRow {
  id: string;
  /** causes the case through faults, /api operations and time; returns the text the product now shows */
  cause: () => Promise<string>;
  /** the guide's text (a pattern where the text names generated ids) */
  expected: string | RegExp;
  /** the guide's remedy, where it is a cmdlet rather than a step the troubleshooter's buttons run */
  remedy?: () => Promise<void>;
  /** the guide's remedy is time alone (Scenario 2) */
  remedyIsTime?: string;
  /** where the guide's remedy leaves the cluster: registered and healthy (default), or cleanly unregistered */
  end?: 'unregistered';
}

const ROWS: GuideRow[] = [
  {
    id: 'certificates',
    cause: async () => {
      await inject('hcisvc-stopped', 'hci-node1');
      await inject('outbound-blocked', 'hci-node2');
      return jobMessage(await operation('repair'));
    },
    // SettingCertificateFailed with its two node lists; the guide renders them in braces, the cmdlet as given
    expected:
      /^Failed to register\. Couldn't generate self-signed certificate on node\(s\) \{?hci-node1\}?\. Couldn't set and verify registration certificate on node\(s\) \{?hci-node2\}?\. Make sure every clustered node is up and has Internet connectivity \(at least outbound to Azure\)\.$/,
  },
  {
    id: 'resource-deleted',
    cause: async () => {
      await inject('resource-deleted-in-portal', CLUSTER);
      return jobMessage(await operation('repair'));
    },
    expected:
      /^The Azure resource with ID \/Subscriptions\/eef151e4-d95f-47a4-8ee8-31d8a70d4978\/resourceGroups\/hci-cluster01-rg\/providers\/Microsoft\.AzureStackHCI\/clusters\/hci-cluster01 doesn't exist\. Unregister the cluster using Unregister-AzStackHCI and then try again\.$/,
  },
  {
    id: 'arc-disable-failed',
    cause: async () => {
      await inject('arc-app-deleted', CLUSTER);
      return jobMessage(await operation('unregister'));
    },
    expected: /^Couldn't disable Azure Arc integration on Node hci-node1\b/,
    end: 'unregistered',
  },
  {
    id: 'cluster-app-deleted',
    cause: async () => {
      await enableDebug(NODES);
      await inject('cluster-app-deleted', CLUSTER);
      await advance('21h');
      return debugLine('hci-node1', /^Application with identifier/);
    },
    expected:
      /^Application with identifier '[0-9a-f-]{36}' was not found in the directory 'Default Directory'\. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant\. You may have sent your authentication request to the wrong tenant\.$/,
  },
  {
    id: 'event-594',
    cause: async () => {
      await inject('tpm-cleared', CLUSTER);
      return adminEvent('hci-node1', 594);
    },
    expected:
      'Azure Stack HCI encountered an error accessing its data. To repair, please check which nodes are affected - if the entire cluster is OutOfPolicy (run Get-AzureStackHCI) please run Unregister-AzStackHCI on the cluster, restart and then run Register-AzStackHCI. If only this node is affected, remove this node from the cluster, restart and wait for repair to complete, then rejoin to cluster.',
  },
  {
    id: 'event-592',
    cause: async () => {
      await inject('tpm-cleared', 'hci-node1');
      return adminEvent('hci-node1', 592);
    },
    expected:
      'Azure Stack HCI has initiated a repair of its data. No further action from the user is required at this time.',
  },
  {
    id: 'event-585',
    cause: async () => {
      await inject('outbound-blocked', CLUSTER);
      await advance('13h');
      return adminEvent('hci-node1', 585);
    },
    expected:
      'Azure Stack HCI failed to renew license from Azure. To get more details about the specific error, enable the Microsoft-AzureStack-HCI/Debug event channel.',
  },
  {
    id: 'event-591',
    cause: async () => {
      await inject('outbound-blocked', CLUSTER);
      await advance('13h');
      return adminEvent('hci-node1', 591);
    },
    expected:
      'Azure Stack HCI failed to connect with Azure. If you continue to see this error, try running Register-AzStackHCI again with the -RepairRegistration parameter.',
  },
  {
    id: 'out-of-policy',
    cause: async () => {
      await inject('outbound-blocked', CLUSTER);
      await advance('31d');
      return `ConnectionStatus : ${(await clusterView()).registration?.connectionStatus ?? ''}`;
    },
    expected: 'ConnectionStatus : OutOfPolicy',
  },
  {
    id: 'not-yet-but-resources',
    cause: async () => {
      // Unregister-AzStackHCI run with the wrong -SubscriptionId
      await operation('unregister', { subscriptionId: OTHER_SUBSCRIPTION });
      return `RegistrationStatus : ${(await clusterView()).registration?.registrationStatus ?? ''}`;
    },
    expected: 'RegistrationStatus : NotYet',
  },
  {
    id: 'sync-after-restart',
    cause: async () => {
      await inject('node-restart', 'hci-node4');
      await operation('sync');
      return arcColumn('hci-node4');
    },
    expected: 'hci-node4: Azure Arc Not installed',
  },
  {
    id: 'arc-role-removed',
    cause: async () => {
      await operation('unregister');
      const id = await operation('registration', AGAIN, false);
      // the role is assigned when the Arc part starts; it is removed while the servers are being onboarded
      await reachStep(id, 'Arc for servers registration triggered');
      await inject('hci-rp-role-removed', CLUSTER);
      await settleJob(id);
      return jobMessage(id);
    },
    expected:
      'Arc for Servers registration failed. Visit https://learn.microsoft.com/en-us/azure-stack/hci/deploy/troubleshoot-hci-registration#registration-completes-successfully-but-azure-arc-connection-in-portal-says-not-installed and follow the troubleshooting steps. If Azure-Arc registration continues failing for more than 12 hours, contact support.',
  },
  {
    id: 'arc-transient',
    cause: async () => {
      await operation('unregister');
      // the Arc endpoints do not answer one server while the registration runs, and do again right after
      await inject('arc-proxy-misconfigured', 'hci-node1');
      const id = await operation('registration', AGAIN);
      await repairFault('arc-proxy-misconfigured', 'hci-node1');
      return jobMessage(id);
    },
    expected: /^Arc for Servers registration failed\. Visit https:\/\/learn\.microsoft\.com\//,
    remedyIsTime: '12h',
  },
  {
    id: 'arc-proxy',
    cause: async () => {
      await operation('unregister');
      await inject('arc-proxy-misconfigured', CLUSTER);
      return jobMessage(await operation('registration', AGAIN));
    },
    expected: /^Arc for Servers registration failed\. Visit https:\/\/learn\.microsoft\.com\//,
  },
  {
    id: 'cert-rotation',
    cause: async () => {
      // registered in Azure US Government from PowerShell, where rotation can fail
      await operation('unregister');
      expect(await powershell(`Register-AzStackHCI ${GOV_SIGN_IN}`)).toMatch(/Result\s+: Success/);
      await enableDebug(NODES);
      await inject('cert-rotation-failing', CLUSTER);
      await advance('21h');
      return debugLine('hci-node1', /Client assertion failed signature validation/);
    },
    expected: 'exception: AADSTS700027: Client assertion failed signature validation',
    remedy: async () => {
      expect(await powershell(`Register-AzStackHCI ${GOV_SIGN_IN} -RepairRegistration`)).toMatch(
        /Result\s+: Success/,
      );
    },
  },
  {
    id: 'tenant-mfa',
    cause: async () => {
      // the admin is in two tenants, the other one requires MFA, and -TenantId is left out
      await operation('unregister');
      await inject('tenant-mfa-required', ADMIN_UPN);
      return errorLine(await powershell(REGISTER_PS), /Unable to acquire token/);
    },
    expected:
      'Unable to acquire token for tenant with error. You must use multi-factor authentication to access tenant. Please rerun Connect-AzAccount with additional parameter -TenantId.',
    remedy: async () => {
      expect(await powershell(`${REGISTER_PS} -TenantId ${CONTOSO_TENANT}`)).toMatch(/Result\s+: Success/);
    },
  },
  {
    id: 'common-resource-group',
    cause: async () => {
      await operation('unregister');
      // another ARM client already put an Arc machine named hci-node1 in the shared group
      const put = await fetch(
        `https://management.azure.com/subscriptions/${AGAIN.subscriptionId}/resourceGroups/contoso-infra-rg/providers/Microsoft.HybridCompute/machines/hci-node1?api-version=2022-12-27`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ location: 'westeurope', properties: {} }),
        },
      );
      expect(put.status).toBeLessThan(300);
      const output = await powershell(
        `${REGISTER_PS} -TenantId ${CONTOSO_TENANT} -ArcServerResourceGroupName contoso-infra-rg`,
      );
      return errorLine(output, /already exists in the Resource Group/);
    },
    expected:
      'Arc machine(s) with names: hci-node1 already exists in the Resource Group contoso-infra-rg. Use a different Resource group for registration or specify a different Arc for Servers Resource Group.',
  },
  {
    id: 'time-skew',
    cause: async () => {
      await enableDebug(['hci-node1']);
      await inject('time-skew', 'hci-node1');
      await advance('13h');
      return debugLine('hci-node1', /^AADSTS80013/);
    },
    expected:
      'AADSTS80013: OnPremisesPasswordValidationTimeSkew - The authentication attempt could not be completed due to time skew between the machine running the authentication agent and AD. Fix time sync issues.',
  },
  {
    id: 'aad-token-fetch',
    cause: async () => {
      await enableDebug(['hci-node1']);
      await inject('outbound-blocked', 'hci-node1');
      await advance('13h');
      return debugLine('hci-node1', /AADTokenFetch failed after all retries/);
    },
    expected: 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
  },
  {
    id: 'nodes-cannot-connect',
    cause: async () => {
      await inject('outbound-blocked', 'hci-node1');
      await advance('46d');
      await repairFault('outbound-blocked', 'hci-node1');
      return arcColumn('hci-node1');
    },
    expected: 'hci-node1: Azure Arc Expired',
  },
  {
    id: 'vm-create-licensing',
    cause: async () => {
      await inject('outbound-blocked', CLUSTER);
      await advance('31d');
      const created = await call('POST', `/api/clusters/${CLUSTER}/vms`, {
        name: 'vmname',
        hostServer: 'hci-node1',
        generation: 2,
        cpuCount: 2,
        memoryMiB: 2048,
        os: 'Windows Server 2022 Datacenter',
      });
      expect(created).toMatchObject({ status: 202 });
      const id = (created.body as JobDto).id;
      await settleJob(id);
      return jobMessage(id);
    },
    expected: /licensed for a particular number of connections/,
  },
];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('every case of the guide, caused naturally and remedied over HTTP', () => {
  it.each(ROWS.map((row) => [row.id, row]))('%s', async (id, row) => {
    const text = await row.cause();
    expect(text).toMatch(
      row.expected instanceof RegExp ? row.expected : new RegExp(`^${escapeRe(row.expected)}$`),
    );

    const before = await diagnose(text);
    expect({ caseId: before?.caseId, resolved: before?.check.resolved }).toEqual({
      caseId: id,
      resolved: false,
    });

    if (row.remedyIsTime !== undefined) await advance(row.remedyIsTime);
    else if (row.remedy) await row.remedy();
    else if (before) await applyRemedy(before);

    // The same text may now read as another case (the world no longer shows this one's cause): what counts
    // is that nothing the troubleshooter observes is still wrong.
    const after = await diagnose(text);
    expect(after?.check).toMatchObject({ resolved: true });
    // an agent connected by the remedy shows "Waiting for first heartbeat" until its first one, minutes later
    await advance('10m');
    await (row.end === 'unregistered' ? expectUnregistered() : expectHealthy());
  });

  it('Scenario 1: the hourly task cannot onboard without the role, and registering again assigns it', async () => {
    const text = await ROWS.find((r) => r.id === 'arc-role-removed')!.cause();
    await advance('13h');
    expect(await arcColumn('hci-node1')).toBe('hci-node1: Azure Arc Not installed');
    const events = (await call('GET', '/api/nodes/hci-node1/events?channel=Application')).body as EventDto[];
    expect(events.find((e) => e.id === 9123)?.message).toBe(text);
    // the wizard's Register on the registered cluster goes to the Arc part, which assigns the role again
    const id = await operation('registration', AGAIN);
    expect(await job(id)).toMatchObject({ status: 'Succeeded' });
    await advance('10m');
    await expectHealthy();
  });

  it('Scenario 1 cannot be caused by removing the role before registering: the registration assigns it', async () => {
    await operation('unregister');
    await inject('hci-rp-role-removed', CLUSTER);
    const id = await operation('registration', AGAIN);
    expect((await job(id)).message).toMatch(/^Azure Stack HCI is successfully registered\./);
    await advance('10m');
    await expectHealthy();
  });

  it('covers every case of the troubleshooting guide', () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(
      CASES.filter((c) => c.source === 'guide')
        .map((c) => c.id)
        .sort(),
    );
  });
});

/** What a support engineer sees once a case is caused: the troubleshooter's reading and the cluster's state. */
async function observable(text: string) {
  const diagnosis = await diagnose(text);
  const view = await clusterView();
  return {
    diagnosis: { caseId: diagnosis?.caseId, resolved: diagnosis?.check.resolved },
    registration: view.registration?.registrationStatus,
    connection: view.registration?.connectionStatus,
    arc: view.arc?.wacText,
    servers: await Promise.all(NODES.map(arcColumn)),
    down: view.nodes.filter((n) => n.state !== 'Up').map((n) => n.name),
  };
}

describe("the lab's reproduce leaves what the field path leaves", () => {
  it.each(ROWS.map((row) => [row.id, row]))('%s', async (id, row) => {
    const byHand = await row.cause();
    // Both paths then let the same few minutes pass: the field path waits out each job by the clock, the
    // recipe only to each job's end, and servers show Connected only after their first heartbeat.
    await advance('10m');
    const fieldState = await observable(byHand);

    sim.reset('registered');
    const reproduced = await call('POST', `/api/sim/cases/${id}/reproduce`, { cluster: CLUSTER });
    expect(reproduced.status).toBe(200);
    const { text } = reproduced.body as ReproduceResultDto;
    await advance('10m');
    expect(text).toMatch(
      row.expected instanceof RegExp ? row.expected : new RegExp(`^${escapeRe(row.expected)}$`),
    );
    expect(await observable(text)).toEqual(fieldState);
  });
});

describe("each cloud's Resource Manager answers from its own cloud", () => {
  const token = (upn: string) => `Bearer sim.${Buffer.from(upn).toString('base64url')}`;
  const arm = async (origin: string, path: string, upn: string) => {
    const response = await fetch(`${origin}${path}`, { headers: { Authorization: token(upn) } });
    return { status: response.status, body: (await response.json()) as { value?: { id: string }[] } };
  };

  it('a registration with -EnvironmentName AzureChinaCloud lands in Azure China; the public host does not show it', async () => {
    const china = SOVEREIGN.AzureChinaCloud;
    await operation('unregister');
    const output = await powershell(
      `Register-AzStackHCI -EnvironmentName AzureChinaCloud -SubscriptionId ${china.subscriptionId} -ArmAccessToken token -AccountId ${china.upn}`,
    );
    expect(output).toContain(`/Subscriptions/${china.subscriptionId}/resourceGroups/hci-cluster01-rg/`);
    const clusters = `/subscriptions/${china.subscriptionId}/providers/Microsoft.AzureStackHCI/clusters?api-version=2024-04-01`;

    const inChina = await arm('https://management.chinacloudapi.cn', clusters, china.upn);
    expect(inChina.body.value?.map((c) => c.id)).toEqual([
      `/subscriptions/${china.subscriptionId}/resourceGroups/hci-cluster01-rg/providers/Microsoft.AzureStackHCI/clusters/hci-cluster01`,
    ]);
    const subscriptions = '/subscriptions?api-version=2022-12-01';
    expect(
      (await arm('https://management.chinacloudapi.cn', subscriptions, china.upn)).body.value?.map(
        (s) => s.id,
      ),
    ).toEqual([`/subscriptions/${china.subscriptionId}`]);

    expect(await arm('https://management.azure.com', clusters, china.upn)).toMatchObject({ status: 404 });
    expect((await arm('https://management.azure.com', subscriptions, china.upn)).body.value).toEqual([]);
    expect(await arm('https://management.usgovcloudapi.net', clusters, china.upn)).toMatchObject({
      status: 404,
    });
  });

  it("the public cloud's subscriptions are not on the sovereign hosts", async () => {
    const prod = `/subscriptions/${AGAIN.subscriptionId}?api-version=2022-12-01`;
    const admin = 'admin@contoso.onmicrosoft.com';
    expect(await arm('https://management.azure.com', prod, admin)).toMatchObject({ status: 200 });
    expect(await arm('https://management.usgovcloudapi.net', prod, admin)).toMatchObject({ status: 404 });
    expect(await arm('https://management.chinacloudapi.cn', prod, admin)).toMatchObject({ status: 404 });
  });
});

describe('a tenant that requires MFA, signing in with a device code', () => {
  it('fails Unregister-AzStackHCI without -TenantId after the sign-in, and works with it', async () => {
    await inject('tenant-mfa-required', ADMIN_UPN);
    const run = async (line: string) => {
      const { id } = (await call('POST', '/api/powershell/sessions', { server: 'hci-node1', columns: 400 }))
        .body as PowerShellStepDto;
      await call('POST', `/api/powershell/sessions/${id}/input`, {
        line: 'Install-Module Az.StackHCI -Force',
      });
      const waiting = (await call('POST', `/api/powershell/sessions/${id}/input`, { line }))
        .body as PowerShellStepDto;
      await call('POST', '/api/device-login', { code: waiting.signIn?.code, upn: ADMIN_UPN });
      const output: string[] = [];
      for (let i = 0; i < 5; i++) {
        const step = (await call('GET', `/api/powershell/sessions/${id}`)).body as PowerShellStepDto;
        output.push(...step.output.map((o) => (o.kind === 'line' ? o.text : '')));
        if (!step.busy) break;
        await advance('5m');
      }
      return output.join('\n');
    };
    const failed = await run('Unregister-AzStackHCI -Confirm:$false');
    expect(errorLine(failed, /Unable to acquire token/)).toMatch(
      /^Unable to acquire token for tenant with error\./,
    );
    expect((await clusterView()).registration?.registrationStatus).toBe('Registered');
    expect(await run(`Unregister-AzStackHCI -TenantId ${CONTOSO_TENANT} -Confirm:$false`)).toMatch(
      /Result\s+: Success/,
    );
  });
});
