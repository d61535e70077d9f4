/**
 * The simulation for Vitest: the same handlers as the browser, served by msw/node, over a world whose
 * clock the tests drive (`sim.advance`) and whose real-time part is frozen, so results never depend on
 * how fast the machine is.
 */
import { setupServer } from 'msw/node';
import { handlers } from './handlers';
import { createSimRuntime } from './runtime';
import { buildScenario } from './sim';
import { createTestControl } from './test-control';

/** A fixed real-time origin: 2026-11-22T09:00:00Z. */
export const TEST_EPOCH = Date.UTC(2026, 10, 22, 9, 0, 0);

/** Latency is simulated: the API faults and WAP connectors answer at once instead of sleeping. */
const instant = (): Promise<void> => Promise.resolve();

export const sim = createSimRuntime({
  clock: () => TEST_EPOCH,
  world: buildScenario('fresh', TEST_EPOCH),
  delay: instant,
});
export const hciSim = createTestControl(sim);
export const server = setupServer(...handlers(sim));
