/** Wire types of the simulation lab (/api/sim/*) and the cluster Diagnostics tool. */
import type { JobDto } from './contract';

export type FaultScopeDto = 'node' | 'account' | 'cluster' | 'api';

/** GET /api/sim/state */
export interface LabStateDto {
  now: string;
  offsetMs: number;
  scenario: string;
  scenarios: { name: string; description: string }[];
  faults: {
    name: string;
    scope: FaultScopeDto;
    description: string;
    active: { target: string; since: string }[];
  }[];
  /** what a fault can target, by scope */
  targets: {
    nodes: { name: string; cluster: string }[];
    clusters: { name: string; registered: boolean }[];
    accounts: string[];
  };
}

/** GET /api/sim/cases */
export interface TroubleshootCaseDto {
  id: string;
  title: string;
  source: 'guide' | 'message';
  sample: string;
  reproducible: boolean;
}

/** POST /api/sim/cases/:id/reproduce */
export interface ReproduceResultDto {
  cluster: string;
  text: string;
}

export type RemedyActionDto =
  | { kind: 'repair-fault'; fault: string; target: string }
  | { kind: 'start-hcisvc'; node: string }
  | { kind: 'enable-debug'; node: string }
  | { kind: 'sync' }
  | { kind: 'repair-registration' }
  | { kind: 'unregister' }
  | { kind: 'azcmagent-disconnect'; node: string }
  | { kind: 'delete-arc-resource'; node: string }
  | { kind: 'enable-arc'; node: string }
  | { kind: 'restart-node'; node: string }
  | { kind: 'delete-orphans' }
  | { kind: 'wait'; durationMs: number }
  | { kind: 'open-registration' };

export interface RemedyStepDto {
  text: string;
  action: RemedyActionDto | null;
  actionLabel: string | null;
}

/** POST /api/clusters/:name/troubleshoot { text } */
export interface DiagnosisDto {
  caseId: string;
  title: string;
  source: 'guide' | 'message';
  cause: string;
  nodes: string[];
  generateNodes: string[];
  verifyNodes: string[];
  steps: RemedyStepDto[];
  check: { resolved: boolean; detail: string };
  alternatives: { caseId: string; title: string }[];
}

/** POST /api/clusters/:name/troubleshoot/remedy { action } */
export interface RemedyResultDto {
  message: string;
  job: JobDto | null;
}

/** `sc.exe query hcisvc`, as the fields it prints */
export interface ServiceStatusDto {
  serviceName: 'hcisvc';
  type: '20  WIN32_SHARE_PROCESS';
  state: '4  RUNNING' | '1  STOPPED';
  win32ExitCode: string;
  serviceExitCode: string;
  checkpoint: '0x0';
  waitHint: '0x0';
}

export interface DiagnosticsNodeDto {
  name: string;
  power: 'Up' | 'Down';
  /** null when the server does not answer */
  service: ServiceStatusDto | null;
  debugChannelEnabled: boolean;
}

export interface CountdownDto {
  kind: 'out-of-policy' | 'benefits-certificate' | 'arc-expiry';
  /** the cluster or the server it is about */
  subject: string;
  title: string;
  /** when it happens (or happened) */
  at: string;
  daysLeft: number;
  /** seven days or fewer left, or already past */
  alert: boolean;
  message: string;
}

/** GET /api/clusters/:name/diagnostics */
export interface DiagnosticsDto {
  cluster: string;
  nodes: DiagnosticsNodeDto[];
  countdowns: CountdownDto[];
}
