/**
 * What the troubleshooter accepts from outside: an error text to diagnose (bounded, not blank) and a
 * remediation action as the portal sends it back (a step's `action`). Anything else is refused with the
 * field at fault before anything runs.
 */
import { errorTextProblem } from '../../../src/api/rules';
import { requireCluster } from '../cluster-lookup';
import { SimError } from '../core';
import { quote } from '../lookup';
import { FAULT_NAMES } from '../model';
import type { FaultName, Millis, World } from '../model';
import { diagnose } from './diagnosis';
import type { Diagnosis, RemedyAction } from './types';

export { MAX_ERROR_TEXT } from '../../../src/api/rules';

/** Diagnoses a pasted error text on the cluster named, or says why the text cannot be read. */
export function diagnoseErrorText(
  world: World,
  clusterName: string,
  text: string,
  now: Millis,
): Diagnosis | undefined {
  const problem = errorTextProblem(text);
  if (problem !== undefined)
    throw new SimError('bad-request', 'InvalidParameter', problem, { target: 'text' });
  return diagnose(world, requireCluster(world, clusterName).name, text, now);
}

/** The longest wait a remediation step may ask for (a TPM repair's 2 h comes nowhere near it). */
const MAX_WAIT_MS = 400 * 24 * 3_600_000;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A remediation action from the wire, checked field by field; an unknown kind or fault is a 400. */
export function readRemedyAction(value: unknown): RemedyAction {
  if (typeof value !== 'object' || value === null)
    throw new SimError('bad-request', 'InvalidParameter', "'action' must be an object with a 'kind'.", {
      target: 'action',
    });
  const a = new Map<string, unknown>(Object.entries(value));
  const kind = str(a.get('kind'));
  const need = (field: string) => {
    const v = str(a.get(field));
    if (v === '')
      throw new SimError(
        'bad-request',
        'InvalidParameter',
        `'action.${field}' is required for ${quote(kind)}.`,
        {
          target: `action.${field}`,
        },
      );
    return v;
  };
  switch (kind) {
    case 'repair-fault': {
      const fault = need('fault');
      if (!(FAULT_NAMES as readonly string[]).includes(fault))
        throw new SimError('bad-request', 'UnknownFault', `There is no fault named '${quote(fault)}'.`, {
          target: 'action.fault',
        });
      return { kind: 'repair-fault', fault: fault as FaultName, target: need('target') };
    }
    case 'start-hcisvc':
    case 'enable-debug':
    case 'azcmagent-disconnect':
    case 'delete-arc-resource':
    case 'enable-arc':
    case 'restart-node':
      return { kind, node: need('node') };
    case 'sync':
    case 'repair-registration':
    case 'unregister':
    case 'delete-orphans':
      return { kind };
    case 'wait': {
      const ms = a.get('durationMs');
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_WAIT_MS) {
        throw new SimError(
          'bad-request',
          'InvalidDuration',
          "'action.durationMs' must be a positive number of milliseconds.",
          { target: 'action.durationMs' },
        );
      }
      return { kind: 'wait', durationMs: ms };
    }
    default:
      throw new SimError(
        'bad-request',
        'UnknownAction',
        `'${quote(kind)}' is not a remediation the portal can run.`,
        {
          target: 'action.kind',
        },
      );
  }
}
