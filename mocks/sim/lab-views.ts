/**
 * The Simulation lab's and the Diagnostics tool's views of the world (src/api/lab-contract.ts): the lab's
 * clock, presets, faults and their targets, the troubleshooting guide's cases, a cluster's hcisvc and
 * countdowns, and a diagnosis as the troubleshooter shows it. Pure functions of (world, now); the handlers
 * only serialise them.
 */
import type {
  DiagnosisDto,
  DiagnosticsDto,
  LabStateDto,
  RemedyActionDto,
  TroubleshootCaseDto,
} from '../../src/api/lab-contract';
import { requireCluster } from './cluster-lookup';
import { clusterNodes } from './derive';
import { clusterCountdowns, hcisvcStatus } from './diagnostics';
import { FAULTS } from './faults';
import type { Millis, World } from './model';
import { FAULT_NAMES } from './model';
import { CASES } from './troubleshooter/diagnosis';
import { diagnoseErrorText } from './troubleshooter/input';
import { isReproducible } from './troubleshooter/recipes';

/** The fault panel lists at most this many servers to inject at: a `large` world has thousands. */
export const LAB_TARGET_NODES = 300;

export function labStateView(
  world: World,
  now: Millis,
  scenarios: readonly { name: string; description: string }[],
): LabStateDto {
  return {
    now: new Date(now).toISOString(),
    offsetMs: world.clockOffsetMs,
    scenario: world.scenario,
    scenarios: scenarios.map((s) => ({ ...s })),
    faults: FAULT_NAMES.map((name) => ({
      name,
      scope: FAULTS[name].scope,
      description: FAULTS[name].description,
      active: world.faults
        .filter((f) => f.fault === name)
        .map((f) => ({ target: f.target, since: new Date(f.since).toISOString() })),
    })),
    targets: {
      nodes: Object.values(world.nodes)
        .map((n) => ({ name: n.name, cluster: n.cluster }))
        .slice(0, LAB_TARGET_NODES),
      clusters: Object.values(world.clusters).map((c) => ({
        name: c.name,
        registered: c.registration !== undefined,
      })),
      accounts: Object.keys(world.cloud.users),
    },
  };
}

/** The guide's cases, each with a sample text written for the world's first cluster. */
export function troubleshootCasesView(world: World): TroubleshootCaseDto[] {
  const cluster = Object.values(world.clusters)[0];
  return CASES.map((c) => ({
    id: c.id,
    title: c.title,
    source: c.source,
    sample: cluster ? c.sample(world, cluster) : '',
    reproducible: isReproducible(c.id),
  }));
}

/** The Diagnostics tool of a cluster: hcisvc and the Debug channel per server, and the countdowns. */
export function clusterDiagnosticsView(world: World, clusterName: string, now: Millis): DiagnosticsDto {
  const name = requireCluster(world, clusterName).name;
  return {
    cluster: name,
    nodes: clusterNodes(world, name).map((n) => ({
      name: n.name,
      power: n.power,
      service: hcisvcStatus(n) ?? null,
      debugChannelEnabled: n.debugChannelEnabled,
    })),
    countdowns: clusterCountdowns(world, name, now).map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
  };
}

/** The troubleshooter's answer for a pasted text: the case, its steps with their actions, or none. */
export function diagnosisView(
  world: World,
  clusterName: string,
  text: string,
  now: Millis,
): DiagnosisDto | null {
  const d = diagnoseErrorText(world, clusterName, text, now);
  if (!d) return null;
  return {
    ...d,
    steps: d.steps.map((s) => ({
      text: s.text,
      action: (s.action as RemedyActionDto | undefined) ?? null,
      actionLabel: s.actionLabel ?? null,
    })),
  };
}
