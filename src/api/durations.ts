/**
 * The one duration grammar: hciSim.advance, `?advance=`, /api/sim/advance and the Simulation lab's field all
 * read durations with it. A number of milliseconds, or strings like '90m', '12h', '31d', '1d12h', '45s', '2w'.
 * Dependency-free on purpose: the pure simulation (mocks/sim) re-exports it, and it may import nothing else
 * from src.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY };

/**
 * How far one advance may move the clock. Advancing runs everything that happens meanwhile (syncs every few
 * hours per cluster), so a century would keep the world busy for minutes; ten years covers every countdown the
 * portal shows (30-day sync policy, 90-day Arc expiry, certificate lifetimes) with room.
 */
export const MAX_ADVANCE_MS = 3650 * DAY;

/** At most ~100 characters of what was sent: a refusal never echoes a huge input back. */
const shown = (input: unknown): string => {
  const text = typeof input === 'string' ? `'${input}'` : String(input);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
};

export type DurationCheck = { ok: true; ms: number } | { ok: false; problem: string };

const INVALID = (input: unknown) =>
  `${shown(input)} is not a duration: use milliseconds or strings like '90m', '12h', '31d' (units ms, s, m, h, d, w).`;

function total(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim().toLowerCase();
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const pattern = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
  let sum = 0;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    const [whole, amount, unit] = match;
    sum += Number(amount) * (UNIT[unit ?? ''] ?? NaN);
    consumed += whole.length;
  }
  return consumed === text.length && Number.isFinite(sum) ? sum : undefined;
}

/** Reads a duration and says what is wrong with it, in words a person can act on. */
export function checkDuration(input: unknown): DurationCheck {
  const ms = total(input);
  if (ms === undefined) return { ok: false, problem: INVALID(input) };
  if (ms <= 0)
    return {
      ok: false,
      problem: `${INVALID(input)} It must be more than zero: simulated time only moves forward.`,
    };
  if (ms > MAX_ADVANCE_MS)
    return {
      ok: false,
      problem: `${shown(input)} is longer than the 10 years (3650d) the clock can move at once: advance in smaller steps.`,
    };
  return { ok: true, ms: Math.round(ms) };
}

/** The duration in milliseconds, or undefined for anything {@link checkDuration} refuses. */
export function parseDuration(input: unknown): number | undefined {
  const check = checkDuration(input);
  return check.ok ? check.ms : undefined;
}
