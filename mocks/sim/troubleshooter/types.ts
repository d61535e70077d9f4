/** The troubleshooter's vocabulary: a case, its context, the remediation steps and what running one gives. */
import type { FaultName, Job, Millis, OnPremCluster, World } from '../model';

export type RemedyAction =
  | { kind: 'repair-fault'; fault: FaultName; target: string }
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
  | { kind: 'wait'; durationMs: Millis }
  /** not a change: the UI opens the page where the user makes the choice (the registration wizard) */
  | { kind: 'open-registration' };

export interface RemedyStep {
  text: string;
  action?: RemedyAction;
  /** the button's label when there is an action */
  actionLabel?: string;
}

export interface CaseContext {
  world: World;
  cluster: OnPremCluster;
  /** nodes named in the error text (or, when it names none, the nodes this world points at) */
  nodes: string[];
  /** for the certificate error: the two lists */
  generateNodes: string[];
  verifyNodes: string[];
  now: Millis;
}

export interface CheckResult {
  resolved: boolean;
  detail: string;
}

export interface TroubleshootCase {
  id: string;
  /** the guide's heading, or the message's name */
  title: string;
  /** from the troubleshooting guide (seed 001) or only from behaviour.md §1.5 */
  source: 'guide' | 'message';
  /** the error text as users see it, with placeholders filled for the sample cluster */
  sample: (world: World, cluster: OnPremCluster) => string;
  patterns: RegExp[];
  cause: (ctx: CaseContext) => string;
  steps: (ctx: CaseContext) => RemedyStep[];
  check: (ctx: CaseContext) => CheckResult;
  /** when several cases match one text, the one whose world state applies wins */
  applies?: (ctx: CaseContext) => boolean;
}

export interface Diagnosis {
  caseId: string;
  title: string;
  source: 'guide' | 'message';
  cause: string;
  nodes: string[];
  generateNodes: string[];
  verifyNodes: string[];
  steps: RemedyStep[];
  check: CheckResult;
  /** other cases the same text matches, best first */
  alternatives: { caseId: string; title: string }[];
}

export interface RemedyResult {
  /** what was done, for the UI's status line */
  message: string;
  /** a job to follow, when the remedy is a long operation */
  job?: Job;
  /** simulated time to advance by (the runtime does it, not the op) */
  waitMs?: Millis;
}
