/**
 * The rules of the lab's controls (hciSim and `/api/sim/*`), checked before anything changes: a duration
 * to advance by, within bounds; a fault that exists; a target that is a name. Every refusal quotes at most
 * ~100 characters of what was sent.
 */
import { SimError } from './core';
import { parseDuration } from './durations';
import { quote } from './lookup';
import { isFaultName } from './faults';
import { DAY, FAULT_NAMES } from './model';
import type { FaultName, Millis } from './model';

/**
 * How far one advance may move the clock. Advancing runs everything that happens meanwhile (syncs every
 * few hours per cluster), so a century would keep the page busy for minutes; ten years covers every
 * countdown the portal shows (30-day sync policy, 90-day Arc expiry, certificate lifetimes) with room.
 */
export const MAX_ADVANCE_MS: Millis = 10 * 365 * DAY;

/** What was sent, as JSON would show it (strings in double quotes), at most ~100 characters of it. */
const shown = (value: unknown): string => (typeof value === 'string' ? `"${quote(value)}"` : quote(value));

const DURATION_HELP = "use milliseconds or strings like '90m', '12h', '31d'";

/** The milliseconds to advance by, or a 400 naming the problem; never moves anything itself. */
export function advanceDuration(input: unknown): Millis {
  if (input === undefined || input === null || input === '')
    throw new SimError('bad-request', 'InvalidDuration', `Give a 'duration': ${DURATION_HELP}.`, {
      target: 'duration',
    });
  const ms = parseDuration(input);
  if (ms === undefined)
    throw new SimError(
      'bad-request',
      'InvalidDuration',
      `${shown(input)} is not a duration: ${DURATION_HELP}.`,
      { target: 'duration' },
    );
  if (ms > MAX_ADVANCE_MS)
    throw new SimError(
      'bad-request',
      'DurationTooLong',
      `${shown(input)} is longer than the 10 years the clock can move at once (3650d): advance in smaller steps.`,
      { target: 'duration' },
    );
  return ms;
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
