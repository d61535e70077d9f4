/**
 * The lab's "reproduce" causes a case the way it happens in the field, so it must leave the same observable
 * state as a support engineer doing the same things by hand over /api: the same text, the same events, the
 * same diagnosis. Then the guide's remedy, applied through /api, makes the cluster healthy again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DiagnosisDto, RemedyResultDto, ReproduceResultDto } from '../../src/api/lab-contract';
import { server, sim } from '../node';

const base = 'http://localhost';
const CLUSTER = 'hci-cluster01';

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

interface EventDto {
  id: number;
  channel: string;
  level: string;
  message: string;
}
interface JobDto {
  id: string;
  status: string;
  message?: string;
}

/** What a user can see afterwards: the cluster's events, the last jobs' outcomes, the diagnosis of the text. */
async function observed(text: string) {
  const events: Record<string, string[]> = {};
  for (const node of ['hci-node1', 'hci-node2', 'hci-node3', 'hci-node4']) {
    const list = (await call('GET', `/api/nodes/${node}/events`)).body as EventDto[];
    events[node] = list.map((e) => `${e.channel} ${e.id} ${e.level} ${e.message}`);
  }
  const jobs = ((await call('GET', '/api/jobs')).body as JobDto[]).map(
    (j) => `${j.status}: ${j.message ?? ''}`,
  );
  const diagnosis = (
    (await call('POST', `/api/clusters/${CLUSTER}/troubleshoot`, { text })).body as {
      diagnosis: DiagnosisDto | null;
    }
  ).diagnosis;
  return { events, jobs, diagnosis };
}

async function settleJobs() {
  // every registration job here ends within a few minutes of simulated time
  await call('POST', '/api/sim/advance', { duration: '10m' });
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('the lab reproduces a case as the field does', () => {
  it("arc-disable-failed: the same state as deleting <cluster>.arc and unregistering by hand, and the guide's remedy clears it", async () => {
    const reproduced = (
      await call('POST', '/api/sim/cases/arc-disable-failed/reproduce', { cluster: CLUSTER })
    ).body as ReproduceResultDto;
    expect(reproduced.text).toBe(
      "Couldn't disable Azure Arc integration on Node hci-node1. Try running the Disable-AzureStackHCIArcIntegration cmdlet on the node. If the node is in a state where the Disable-AzureStackHCIArcIntegration cmdlet could not be run, remove the node from the cluster and try running the Unregister-AzStackHCI cmdlet again.",
    );
    const viaLab = await observed(reproduced.text);

    sim.reset('registered');
    await call('POST', '/api/sim/inject', { fault: 'arc-app-deleted', target: CLUSTER });
    expect((await call('POST', `/api/clusters/${CLUSTER}/unregister`, {})).status).toBe(202);
    await settleJobs();
    const byHand = await observed(reproduced.text);

    expect(byHand).toEqual(viaLab);
    expect(viaLab.events['hci-node1']?.some((e) => e.startsWith('Application 9117 Error'))).toBe(true);
    expect(viaLab.diagnosis).toMatchObject({ caseId: 'arc-disable-failed', check: { resolved: false } });

    // the guide: on each node azcmagent disconnect --force-local-only, delete the Arc resource, unregister again
    for (const step of viaLab.diagnosis?.steps ?? []) {
      if (!step.action || step.action.kind === 'open-registration') continue;
      const result = await call('POST', `/api/clusters/${CLUSTER}/troubleshoot/remedy`, {
        action: step.action,
      });
      expect([200, 202]).toContain(result.status);
      if ((result.body as RemedyResultDto).job) await settleJobs();
    }
    const after = await observed(reproduced.text);
    expect(after.diagnosis?.check.resolved).toBe(true);
    expect(after.jobs[0]).toMatch(/^Succeeded: /);
  });

  it('sync-after-restart: the same state as restarting a node and pressing Sync now at once', async () => {
    const reproduced = (
      await call('POST', '/api/sim/cases/sync-after-restart/reproduce', { cluster: CLUSTER })
    ).body as ReproduceResultDto;
    expect(reproduced.text).toBe('hci-node4: Azure Arc Not installed');
    const viaLab = await observed(reproduced.text);

    sim.reset('registered');
    await call('POST', '/api/sim/inject', { fault: 'node-restart', target: 'hci-node4' });
    expect((await call('POST', `/api/clusters/${CLUSTER}/sync`, {})).status).toBe(202);
    await settleJobs();
    expect(await observed(reproduced.text)).toEqual(viaLab);
    expect(viaLab.diagnosis).toMatchObject({ caseId: 'sync-after-restart', check: { resolved: false } });
  });

  it('tenant-mfa: the same state as running Register-AzStackHCI without -TenantId in a console by hand', async () => {
    const reproduced = (await call('POST', '/api/sim/cases/tenant-mfa/reproduce', { cluster: CLUSTER }))
      .body as ReproduceResultDto;
    expect(reproduced.text).toBe(
      'Unable to acquire token for tenant with error. You must use multi-factor authentication to access tenant. Please rerun Connect-AzAccount with additional parameter -TenantId.',
    );
    const viaLab = await observed(reproduced.text);

    sim.reset('registered');
    expect((await call('POST', `/api/clusters/${CLUSTER}/unregister`, {})).status).toBe(202);
    await settleJobs();
    await call('POST', '/api/sim/inject', {
      fault: 'tenant-mfa-required',
      target: 'admin@contoso.onmicrosoft.com',
    });
    const { id } = (await call('POST', '/api/powershell/sessions', { server: 'hci-node1', columns: 400 }))
      .body as { id: string };
    await call('POST', `/api/powershell/sessions/${id}/input`, { line: 'Install-Module Az.StackHCI -Force' });
    await call('POST', `/api/powershell/sessions/${id}/input`, {
      line: 'Register-AzStackHCI -SubscriptionId eef151e4-d95f-47a4-8ee8-31d8a70d4978 -ResourceGroupName hci-cluster01-rg -Region eastus -ArmAccessToken token -AccountId admin@contoso.onmicrosoft.com',
    });
    // Yes to Az.StackHCI's 22H2 end-of-support question, as the lab's recipe answers it.
    const ran = (await call('POST', `/api/powershell/sessions/${id}/input`, { line: 'Y' })).body as {
      output: { kind: string; text?: string }[];
    };
    expect(ran.output.map((o) => o.text ?? '').join('\n')).toContain(reproduced.text);
    expect(await observed(reproduced.text)).toEqual(viaLab);
    expect(viaLab.diagnosis).toMatchObject({ caseId: 'tenant-mfa', check: { resolved: false } });
  });

  it('event-585: outbound blocked, half a day later: 585 and 591, and the Debug channel has the guide\u2019s lines', async () => {
    await call('POST', `/api/clusters/${CLUSTER}/nodes/hci-node1/debug-channel`, {});
    await call('POST', '/api/sim/inject', { fault: 'outbound-blocked', target: CLUSTER });
    await call('POST', '/api/sim/advance', { duration: '13h' });
    const debug = (
      (await call('GET', '/api/nodes/hci-node1/events?channel=Microsoft-AzureStack-HCI/Debug'))
        .body as EventDto[]
    )
      .map((e) => e.message)
      .reverse();
    expect(debug.slice(0, 4)).toEqual([
      'ExecuteWithRetry operation AADTokenFetch failed with retryable error',
      'ExecuteWithRetry operation AADTokenFetch failed with retryable error',
      'ExecuteWithRetry operation AADTokenFetch failed with retryable error',
      'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    ]);
    const admin = (
      (await call('GET', '/api/nodes/hci-node1/events?channel=Microsoft-AzureStack-HCI/Admin'))
        .body as EventDto[]
    ).map((e) => e.id);
    expect(admin).toEqual(expect.arrayContaining([585, 591]));
  });
});

describe('a case of another cloud', () => {
  it('cert-rotation from the public preset: registered in Azure US Government first, where rotation fails', async () => {
    const reproduced = (await call('POST', '/api/sim/cases/cert-rotation/reproduce', { cluster: CLUSTER }))
      .body as ReproduceResultDto;
    expect(reproduced.text).toBe('exception: AADSTS700027: Client assertion failed signature validation');
    const view = (await call('GET', `/api/clusters/${CLUSTER}`)).body as {
      registration: { cloud: string; connectionStatus: string };
    };
    expect(view.registration.cloud).toBe('Azure Government');
    const diagnosis = (await observed(reproduced.text)).diagnosis;
    expect(diagnosis).toMatchObject({ caseId: 'cert-rotation', check: { resolved: false } });
  });
});

describe('Resource Manager of the other clouds', () => {
  it.each([['https://management.usgovcloudapi.net'], ['https://management.chinacloudapi.cn']])(
    '%s answers like Azure Resource Manager',
    async (origin) => {
      const response = await fetch(`${origin}/subscriptions?api-version=2022-12-01`);
      expect(response.headers.get('content-type') ?? '').toContain('json');
      const body = (await response.json()) as { value?: unknown[]; error?: { code: string } };
      expect(body.value ?? body.error).toBeDefined();
    },
  );
});
