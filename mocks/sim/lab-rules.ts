/**
 * The rules of the lab's controls (hciSim and `/api/sim/*`), checked before anything changes: a duration
 * to advance by, within bounds; a fault that exists; a target that is a name. Every refusal quotes at most
 * ~100 characters of what was sent.
 */
import { SimError } from './core';
import { checkDuration } from './durations';
import { quote } from './lookup';
import { isFaultName } from './faults';
import { FAULT_NAMES } from './model';
import type { FaultName, Millis } from './model';

/** What was sent, as JSON would show it (strings in double quotes), at most ~100 characters of it. */
const shown = (value: unknown): string => (typeof value === 'string' ? `"${quote(value)}"` : quote(value));

const DURATION_HELP = "use milliseconds or strings like '90m', '12h', '31d'";

/** The milliseconds to advance by, or a 400 naming the problem; never moves anything itself. */
export function advanceDuration(input: unknown): Millis {
  if (input === undefined || input === null || input === '')
    throw new SimError('bad-request', 'InvalidDuration', `Give a 'duration': ${DURATION_HELP}.`, {
      target: 'duration',
    });
  // one grammar and one bound for every way in (src/api/durations.ts)
  const check = checkDuration(input);
  if (!check.ok) throw new SimError('bad-request', 'InvalidDuration', check.problem, { target: 'duration' });
  return check.ms;
}

/** A fault the world knows, or a 400 listing them. */
export function faultNamed(value: unknown): FaultName {
  if (isFaultName(value)) return value;
  const given =
    value === undefined || value === null || value === '' ? 'no fault' : `no fault named ${shown(value)}`;
  throw new SimError('bad-request', 'UnknownFault', `There is ${given}. Faults: ${FAULT_NAMES.join(', ')}.`, {
    target: 'fault',
  });
}

/** A fault's target: a name, or nothing (the fault's default scope). */
export function faultTarget(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 260)
    throw new SimError(
      'bad-request',
      'InvalidTarget',
      'A fault target must be a name (a server, cluster, account or API surface) of at most 260 characters.',
      { target: 'target' },
    );
  return value;
}
