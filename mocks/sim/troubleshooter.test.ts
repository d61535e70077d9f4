import { describe, expect, it } from 'vitest';
import { createSimRuntime } from '../runtime';
import {
  CASES,
  buildScenario,
  diagnose,
  isReproducible,
  playRecipe,
  runRemedy,
  startClusterRegistration,
  setHcisvc,
  hasFault,
  MESSAGES,
  ARC_PATCH_FAILED,
  HCI_ADMIN_EVENTS,
  ROTATION_FAILED,
  TIME_SKEW,
  TENANT_MFA,
  appNotFound,
  arcDisableFailed,
  portalConnectionText,
  hciClusterId,
  resourceKey,
  vmLicensingError,
} from './index';
import type { Op, RegisterClusterRequest, RemedyStep, World } from './index';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const CLUSTER = 'hci-cluster01';

/** A world whose cluster is registered in another Azure cloud, as the gateway registration would leave it. */
function inCloud(world: World, cloud: 'AzureUSGovernment' | 'AzureChinaCloud'): World {
  const copy = JSON.parse(JSON.stringify(world)) as World;
  const reg = copy.clusters[CLUSTER]?.registration;
  if (reg) reg.cloud = cloud;
  return copy;
}

function setup(scenario = 'registered', cloud?: 'AzureUSGovernment' | 'AzureChinaCloud') {
  let real = T0;
  const built = buildScenario(scenario, T0);
  const sim = createSimRuntime({ clock: () => real, world: cloud ? inCloud(built, cloud) : built });
  const reg = built.clusters[CLUSTER]?.registration;
  /** what the registration wizard sends when the user registers the cluster again with its earlier choices */
  const again: RegisterClusterRequest | undefined = reg && {
    cluster: CLUSTER,
    subscriptionId: reg.subscriptionId,
    resourceGroup: reg.resourceGroup,
    region: reg.region,
    enableArc: reg.arcEnabled,
    arcResourceGroup: reg.arcResourceGroup,
    resourceName: reg.resourceName,
  };
  const ok = <T>(op: Op<T>): T => {
    const outcome = sim.run(op);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  const diagnoseText = (text: string) => sim.read((w, now) => diagnose(w, CLUSTER, text, now));
  /** does what each step's button does, following jobs to their end */
  const perform = (steps: RemedyStep[]) => {
    for (const step of steps) {
      const action = step.action;
      if (!action) continue;
      if (action.kind === 'open-registration') {
        if (!again || sim.read((w) => w.clusters[CLUSTER]?.registration)) continue;
        const job = ok((draft, now) => startClusterRegistration(draft, again, now));
        sim.advance(job.endsAt - job.startedAt + 1000);
        continue;
      }
      const result = ok((draft, now) => runRemedy(draft, CLUSTER, action, now));
      if (result.job) {
        sim.advance(result.job.endsAt - result.job.startedAt + 1000);
        const done = sim.world().jobs[result.job.id];
        expect({ action: action.kind, status: done?.status, message: done?.message }).toMatchObject({
          status: 'Succeeded',
        });
      }
      if (result.waitMs !== undefined) sim.advance(result.waitMs);
      real += 1000;
    }
  };
  const reproduce = (id: string) => playRecipe(sim, CLUSTER, id);
  return { sim, ok, diagnoseText, perform, reproduce };
}

const guideCases = CASES.filter((c) => c.source === 'guide' && isReproducible(c.id));
/** cases that happen only in Azure China / Azure US Government */
const CLOUD_OF: Partial<Record<string, 'AzureUSGovernment'>> = { 'cert-rotation': 'AzureUSGovernment' };

describe('troubleshooter: every guide case, end to end', () => {
  it.each(guideCases.map((c) => [c.id]))(
    '%s: the text is diagnosed, the remedy clears it and the check says so',
    (id) => {
      const { diagnoseText, perform, reproduce } = setup('registered', CLOUD_OF[id]);
      const text = reproduce(id);
      const before = diagnoseText(text);
      expect(before?.caseId).toBe(id);
      expect({ resolved: before?.check.resolved, detail: before?.check.detail }).toMatchObject({
        resolved: false,
      });
      expect(before?.cause.length).toBeGreaterThan(20);
      expect(before?.steps.some((s) => s.action)).toBe(true);
      perform(before?.steps ?? []);
      const after = diagnoseText(text);
      expect({ resolved: after?.check.resolved, detail: after?.check.detail }).toMatchObject({
        resolved: true,
      });
    },
  );

  it('covers every case of the troubleshooting guide', () => {
    expect(CASES.filter((c) => c.source === 'guide').map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'certificates',
        'resource-deleted',
        'arc-disable-failed',
        'cluster-app-deleted',
        'event-594',
        'event-592',
        'event-585',
        'event-591',
        'out-of-policy',
        'not-yet-but-resources',
        'sync-after-restart',
        'arc-role-removed',
        'arc-transient',
        'arc-proxy',
        'cert-rotation',
        'time-skew',
        'aad-token-fetch',
        'tenant-mfa',
        'nodes-cannot-connect',
        'vm-create-licensing',
        'common-resource-group',
      ]),
    );
  });
});

describe('troubleshooter: reading the text', () => {
  it('parses both halves of the certificate error, braces or not', () => {
    const { diagnoseText } = setup();
    const d = diagnoseText(
      "Failed to register. Couldn't generate self-signed certificate on node(s) {hci-node1,hci-node3}. Couldn't set and verify registration certificate on node(s) {hci-node2}",
    );
    expect(d?.caseId).toBe('certificates');
    expect(d?.generateNodes).toEqual(['hci-node1', 'hci-node3']);
    expect(d?.verifyNodes).toEqual(['hci-node2']);
    const plain = diagnoseText(MESSAGES.certificates([], ['hci-node4']));
    expect(plain?.generateNodes).toEqual([]);
    expect(plain?.verifyNodes).toEqual(['hci-node4']);
  });

  it('names the node of the Arc disable error', () => {
    const { diagnoseText } = setup();
    const d = diagnoseText(
      "ERROR: Couldn't disable Azure Arc integration on Node hci-node2, try running the Disable-AzureStackHCIArcIntegration cmdlet on the node.",
    );
    expect(d?.caseId).toBe('arc-disable-failed');
    expect(d?.nodes).toEqual(['hci-node2']);
  });

  it('tells the three Arc "Not installed" scenarios apart by the world', () => {
    const { diagnoseText, reproduce } = setup();
    const text = reproduce('arc-proxy');
    expect(diagnoseText(text)?.caseId).toBe('arc-proxy');
    const other = setup();
    other.reproduce('arc-role-removed');
    expect(other.diagnoseText(text)?.caseId).toBe('arc-role-removed');
  });

  it.each(CASES.filter((c) => c.source === 'message').map((c) => [c.id, c]))(
    '§1.5 message %s is recognised from its text',
    (id, c) => {
      const { sim, diagnoseText } = setup();
      const sample = sim.read((w) => c.sample(w, w.clusters[CLUSTER] ?? (undefined as never)));
      expect(diagnoseText(sample)?.caseId).toBe(id);
    },
  );

  it('answers nothing for an unknown text and refuses an unknown cluster', () => {
    const { sim, diagnoseText } = setup();
    expect(diagnoseText('The weather is nice.')).toBeUndefined();
    expect(() => sim.read((w, now) => diagnose(w, 'nope', 'x', now))).toThrow(/was not found/);
  });
});

describe('hcisvc start/stop', () => {
  it('stopping injects hcisvc-stopped for the node; starting clears it', () => {
    const { sim, ok } = setup();
    ok((draft, now) => setHcisvc(draft, CLUSTER, 'hci-node2', false, now));
    expect(
      sim.read((w) => [w.nodes['hci-node2']?.hcisvcRunning, hasFault(w, 'hcisvc-stopped', 'hci-node2')]),
    ).toEqual([false, true]);
    expect(() => ok((draft, now) => setHcisvc(draft, CLUSTER, 'hci-node2', false, now))).toThrow(
      /has not been started/,
    );
    ok((draft, now) => setHcisvc(draft, CLUSTER, 'hci-node2', true, now));
    expect(
      sim.read((w) => [w.nodes['hci-node2']?.hcisvcRunning, hasFault(w, 'hcisvc-stopped', 'hci-node2')]),
    ).toEqual([true, false]);
  });

  it('starting the service clears a fault injected through hciSim', () => {
    const { sim, ok } = setup();
    sim.inject('hcisvc-stopped', 'hci-node3');
    ok((draft, now) => runRemedy(draft, CLUSTER, { kind: 'start-hcisvc', node: 'hci-node3' }, now));
    expect(sim.read((w) => w.faults)).toEqual([]);
  });

  it('refuses a server of another cluster or one that is down, and changes nothing', () => {
    const { sim } = setup();
    sim.inject('node-down', 'hci-node1');
    const before = sim.snapshot();
    const outcome = sim.run((draft, now) => setHcisvc(draft, CLUSTER, 'hci-node1', true, now));
    expect(outcome.ok).toBe(false);
    expect(sim.snapshot()).toBe(before);
    expect(sim.run((draft, now) => setHcisvc(draft, CLUSTER, 'elsewhere', true, now)).ok).toBe(false);
  });
});

describe("troubleshooter: the guide's own text, written where the product writes it", () => {
  const GUIDE_TEXT: Record<string, (w: World) => string | RegExp> = {
    certificates: () =>
      /Couldn't generate self-signed certificate on node\(s\) \{?hci-node1\}?\. Couldn't set and verify registration certificate on node\(s\) \{?hci-node2\}?/,
    'arc-disable-failed': () => arcDisableFailed('hci-node1'),
    'cluster-app-deleted': (w) => appNotFound(w.clusters[CLUSTER]?.registration?.appId ?? ''),
    'event-594': () => HCI_ADMIN_EVENTS[594].message,
    'event-592': () => HCI_ADMIN_EVENTS[592].message,
    'event-585': () => HCI_ADMIN_EVENTS[585].message,
    'event-591': () => HCI_ADMIN_EVENTS[591].message,
    'out-of-policy': () => 'ConnectionStatus : OutOfPolicy',
    'not-yet-but-resources': () => 'RegistrationStatus : NotYet',
    'sync-after-restart': () => 'hci-node4: Azure Arc Not installed',
    'arc-role-removed': () => ARC_PATCH_FAILED,
    'arc-transient': () => ARC_PATCH_FAILED,
    'arc-proxy': () => ARC_PATCH_FAILED,
    'cert-rotation': () => ROTATION_FAILED.assertion,
    'time-skew': () => TIME_SKEW,
    'aad-token-fetch': () => 'ExecuteWithRetry operation AADTokenFetch failed after all retries',
    'nodes-cannot-connect': () => 'hci-node1: Azure Arc Expired',
    'vm-create-licensing': () => vmLicensingError('vmname'),
    'tenant-mfa': () => TENANT_MFA,
    'common-resource-group': () => MESSAGES.arcMachinesExist(['hci-node1'], 'contoso-infra-rg'),
  };

  it.each(Object.keys(GUIDE_TEXT).map((id) => [id]))("%s shows the guide's text", (id) => {
    const { sim, reproduce } = setup('registered', CLOUD_OF[id]);
    const text = reproduce(id);
    const expected = sim.read((w) => GUIDE_TEXT[id]?.(w) ?? '');
    expect(text).toMatch(expected instanceof RegExp ? expected : new RegExp(`^${escapeRe(expected)}$`));
  });

  it('Scenario 2 (transient) is resolved by the hourly Arc registration task within 12 hours, with nothing done', () => {
    const { sim, reproduce, diagnoseText } = setup();
    const text = reproduce('arc-transient');
    expect(diagnoseText(text)?.check.resolved).toBe(false);
    sim.advance('12h');
    expect(diagnoseText(text)?.check).toMatchObject({ resolved: true });
    expect(sim.read((w) => Object.values(w.nodes).every((n) => n.arc.connected))).toBe(true);
  });

  it('a TPM cleared on every node does not recover by itself; on one node the repair starts at once (592) and ends in 2 hours', () => {
    const all = setup();
    all.reproduce('event-594');
    all.sim.advance('3d');
    expect(all.sim.read((w) => Object.values(w.nodes).filter((n) => n.tpmCleared).length)).toBe(4);
    expect(all.sim.read((w) => w.events.some((e) => e.id === 592))).toBe(false);

    const one = setup();
    one.reproduce('event-592');
    const [e594, e592] = one.sim.read((w) => [594, 592].map((id) => w.events.find((e) => e.id === id)?.time));
    expect(e592).toBe(e594);
    one.sim.advance('2h');
    expect(one.sim.read((w) => w.nodes['hci-node1']?.tpmCleared)).toBe(false);
  });

  it('the Debug channel carries AADSTS700027 with the expired key for a wrong clock', () => {
    const { sim, reproduce } = setup();
    reproduce('time-skew');
    const debug = sim.read((w) =>
      w.events
        .filter((e) => e.node === 'hci-node1' && e.channel === 'Microsoft-AzureStack-HCI/Debug')
        .map((e) => e.message),
    );
    expect(debug).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^AADSTS700027: Client assertion contains an invalid signature\. \[Reason - The key used is expired\. Thumbprint of key used by client: '[0-9A-F]{40}', Found key 'Start=\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d, End=\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d'$/,
        ),
      ]),
    );
  });

  it('a failed certificate rotation in Azure US Government does not heal at the next sync, and Azure shows Disconnected until a repair', () => {
    const { sim, reproduce, ok } = setup('registered', 'AzureUSGovernment');
    reproduce('cert-rotation');
    sim.advance('2d');
    const connection = () =>
      sim.read((w, now) => {
        const reg = w.clusters[CLUSTER]?.registration;
        const r =
          reg &&
          w.cloud.hciClusters[
            resourceKey(hciClusterId(reg.subscriptionId, reg.resourceGroup, reg.resourceName))
          ];
        return r ? portalConnectionText(r.lastSyncTimestamp, now) : '';
      });
    expect(connection()).toMatch(/^Disconnected/);
    const job = ok((draft, now) => runRemedy(draft, CLUSTER, { kind: 'repair-registration' }, now)).job;
    sim.advance((job?.endsAt ?? 0) - (job?.startedAt ?? 0) + 1000);
    expect(connection()).toBe('Connected');
  });

  it('refuses to break certificate rotation in the public cloud, where it does not fail', () => {
    const { sim } = setup();
    expect(() => sim.inject('cert-rotation-failing', CLUSTER)).toThrow(
      /only in Azure China and Azure US Government/,
    );
  });

  it('Secure Boot turned off on a server: event 594, the server falls out of policy, and turning it back on clears it', () => {
    const { sim, diagnoseText, perform } = setup();
    sim.inject('secure-boot-off', 'hci-node2');
    const text = sim.read(
      (w) => w.events.filter((e) => e.node === 'hci-node2' && e.id === 594).at(-1)?.message ?? '',
    );
    expect(text).toBe(HCI_ADMIN_EVENTS[594].message);
    const before = diagnoseText(text);
    expect(before).toMatchObject({ caseId: 'event-594', check: { resolved: false } });
    expect(before?.steps.map((s) => s.actionLabel)).toContain('Turn on Secure Boot on hci-node2');
    perform(before?.steps ?? []);
    expect(diagnoseText(text)?.check.resolved).toBe(true);
  });
});
