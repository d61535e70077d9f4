import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  DiagnosisDto,
  DiagnosticsDto,
  LabStateDto,
  RemedyResultDto,
  ReproduceResultDto,
  TroubleshootCaseDto,
} from '../../src/api/lab-contract';
import { server, sim } from '../node';

const base = 'http://localhost';
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json =
    (response.headers.get('content-type') ?? '').includes('json') && text !== ''
      ? (JSON.parse(text) as unknown)
      : text;
  return { status: response.status, body: json, headers: response.headers };
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('lab controls', () => {
  it('advances the clock and says how far it is ahead', async () => {
    const before = (await call('GET', '/api/sim/state')).body as LabStateDto;
    const { status, body } = await call('POST', '/api/sim/advance', { duration: '1d' });
    expect(status).toBe(200);
    const after = body as LabStateDto;
    expect(after.offsetMs - before.offsetMs).toBe(86_400_000);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(86_400_000);
  });

  it.each([[{ duration: 'soon' }], [{ duration: -5 }], [{}], ['[1]']])(
    'refuses the duration %j and changes nothing',
    async (input) => {
      const before = sim.snapshot();
      const { status, body } = await call('POST', '/api/sim/advance', input);
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { message: expect.any(String) as unknown } });
      expect(sim.snapshot()).toBe(before);
    },
  );

  it('resets to a preset and refuses an unknown one', async () => {
    const { body } = await call('POST', '/api/sim/reset', { scenario: 'benefits-on' });
    expect((body as LabStateDto).scenario).toBe('benefits-on');
    const bad = await call('POST', '/api/sim/reset', { scenario: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'UnknownScenario' } });
    expect(sim.world().scenario).toBe('benefits-on');
  });

  it('injects and repairs faults, showing where they are active', async () => {
    const { body } = await call('POST', '/api/sim/inject', { fault: 'time-skew', target: 'hci-node2' });
    expect(
      (body as LabStateDto).faults.find((f) => f.name === 'time-skew')?.active.map((a) => a.target),
    ).toEqual(['hci-node2']);
    const repaired = await call('POST', '/api/sim/repair', { fault: 'time-skew', target: 'hci-node2' });
    expect((repaired.body as LabStateDto).faults.find((f) => f.name === 'time-skew')?.active).toEqual([]);
    const bad = await call('POST', '/api/sim/inject', { fault: 'gremlins' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'UnknownFault' } } });
  });

  it('stays reachable while API faults are on, so they can be switched off', async () => {
    await call('POST', '/api/sim/inject', { fault: 'api-errors' });
    expect((await call('GET', '/api/clusters/hci-cluster01')).status).toBe(500);
    expect((await call('POST', '/api/sim/repair', { fault: 'api-errors' })).status).toBe(200);
    expect((await call('GET', '/api/clusters/hci-cluster01')).status).toBe(200);
  });

  it('exports the world and imports it back as the same world', async () => {
    const exported = await call('GET', '/api/sim/export');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="hci-world-.*\.json"/);
    const text = JSON.stringify(exported.body);
    await call('POST', '/api/sim/reset', { scenario: 'fresh' });
    const imported = await call('POST', '/api/sim/import', text);
    expect(imported.status).toBe(200);
    expect(JSON.parse(sim.snapshot())).toEqual(exported.body);
  });

  it.each([['{"schemaVersion":1'], ['{"schemaVersion":99}'], ['[]'], ['']])(
    'refuses the broken file %j with a reason and keeps the world',
    async (file) => {
      const before = sim.snapshot();
      const { status, body } = await call('POST', '/api/sim/import', file);
      expect(status).toBe(400);
      expect((body as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
      expect(sim.snapshot()).toBe(before);
    },
  );

  it('lists the troubleshooting cases and reproduces one on a cluster', async () => {
    const cases = (await call('GET', '/api/sim/cases')).body as TroubleshootCaseDto[];
    expect(cases.filter((c) => c.source === 'guide').length).toBeGreaterThanOrEqual(20);
    const { status, body } = await call('POST', '/api/sim/cases/time-skew/reproduce', {
      cluster: 'hci-cluster01',
    });
    expect(status).toBe(200);
    expect((body as ReproduceResultDto).text).toMatch(/AADSTS80013/);
    expect(sim.world().faults.map((f) => f.fault)).toEqual(['time-skew']);
    expect((await call('POST', '/api/sim/cases/time-skew/reproduce', {})).status).toBe(400);
  });
});

describe('diagnostics and troubleshooter', () => {
  it('shows sc.exe query hcisvc per server; stop and start follow the hcisvc-stopped fault', async () => {
    const diag = (await call('GET', '/api/clusters/hci-cluster01/diagnostics')).body as DiagnosticsDto;
    expect(diag.nodes.map((n) => n.service?.state)).toEqual([
      '4  RUNNING',
      '4  RUNNING',
      '4  RUNNING',
      '4  RUNNING',
    ]);
    expect(
      (await call('POST', '/api/clusters/hci-cluster01/nodes/hci-node1/hcisvc', { action: 'stop' })).status,
    ).toBe(200);
    expect(sim.world().faults).toMatchObject([{ fault: 'hcisvc-stopped', target: 'hci-node1' }]);
    expect(
      (await call('POST', '/api/clusters/hci-cluster01/nodes/hci-node1/hcisvc', { action: 'start' })).status,
    ).toBe(200);
    expect(sim.world().faults).toEqual([]);
    expect(
      (await call('POST', '/api/clusters/hci-cluster01/nodes/hci-node1/hcisvc', { action: 'restart' }))
        .status,
    ).toBe(400);
  });

  it('diagnoses a pasted text and runs a remedy that clears it', async () => {
    const text = (
      (await call('POST', '/api/sim/cases/cluster-app-deleted/reproduce', { cluster: 'hci-cluster01' }))
        .body as ReproduceResultDto
    ).text;
    const first = (
      (await call('POST', '/api/clusters/hci-cluster01/troubleshoot', { text })).body as {
        diagnosis: DiagnosisDto;
      }
    ).diagnosis;
    expect(first.caseId).toBe('cluster-app-deleted');
    expect(first.check.resolved).toBe(false);
    const repair = first.steps.find((s) => s.action?.kind === 'repair-registration');
    const started = await call('POST', '/api/clusters/hci-cluster01/troubleshoot/remedy', {
      action: repair?.action,
    });
    expect(started.status).toBe(202);
    const job = (started.body as RemedyResultDto).job;
    sim.advance(
      Date.parse(job?.endedAt ?? job?.startedAt ?? '') - Date.parse(job?.startedAt ?? '') + 120_000,
    );
    const second = (
      (await call('POST', '/api/clusters/hci-cluster01/troubleshoot', { text })).body as {
        diagnosis: DiagnosisDto;
      }
    ).diagnosis;
    expect(second.check).toMatchObject({ resolved: true });
  });

  it.each([
    [{ action: { kind: 'format-disk' } }],
    [{ action: { kind: 'start-hcisvc' } }],
    [{ action: { kind: 'wait', durationMs: -1 } }],
    [{}],
  ])('refuses the remedy %j with a 400 and changes nothing', async (input) => {
    const before = sim.snapshot();
    const { status } = await call('POST', '/api/clusters/hci-cluster01/troubleshoot/remedy', input);
    expect(status).toBe(400);
    expect(sim.snapshot()).toBe(before);
  });

  it('answers an empty text with a 400 and an unknown one with no diagnosis', async () => {
    expect((await call('POST', '/api/clusters/hci-cluster01/troubleshoot', { text: ' ' })).status).toBe(400);
    expect((await call('POST', '/api/clusters/hci-cluster01/troubleshoot', { text: 'hello' })).body).toEqual({
      diagnosis: null,
    });
  });
});
