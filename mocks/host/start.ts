/**
 * How the host's world begins: the saved one (or `fresh` when it cannot be read, with a notice saying so),
 * then the preset link a page was opened with (`?scenario=NAME&advance=DURATION`), which resets the one
 * world for every tab.
 */
import type { SimRuntime } from '../runtime';
import { buildScenario, isScenario, parseDuration, parseWorld } from '../sim';
import type { Millis, World } from '../sim';
import type { StartLink } from './protocol';
import type { WorldStore } from './world-store';

export interface OpenedWorld {
  world: World;
  /** why the saved world was not used */
  notice?: string;
  /** the world is the saved one, so it need not be written back */
  fromSave: boolean;
}

export async function openSavedWorld(store: WorldStore, now: Millis): Promise<OpenedWorld> {
  try {
    const saved = await store.load();
    if (saved === undefined) return { world: buildScenario('fresh', now), fromSave: false };
    return { world: parseWorld(saved), fromSave: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      world: buildScenario('fresh', now),
      notice: `The saved simulation could not be read, so a fresh world was created. ${reason}`,
      fromSave: false,
    };
  }
}

/**
 * Applies a page's preset link to the world; returns a notice when the link could not be followed as
 * written. A link with `advance` reproduces the lab's shareable link: the preset from real now, then the
 * clock moved that far. Without it, the preset keeps simulated time's offset, as `hciSim.reset` does.
 */
export function applyStartLink(sim: SimRuntime, link: StartLink, realNow: Millis): string | undefined {
  const { scenario, advance } = link;
  if (scenario === null) return undefined;
  if (!isScenario(scenario)) {
    sim.replace(buildScenario('fresh', realNow));
    return `There is no preset named '${scenario}'; the fresh world was loaded instead.`;
  }
  if (advance === null) {
    sim.reset(scenario);
    return undefined;
  }
  const advanceMs = parseDuration(advance);
  sim.replace(buildScenario(scenario, realNow));
  if (advanceMs === undefined) return `'${advance}' is not a duration, so the clock was not advanced.`;
  sim.advance(advanceMs);
  return undefined;
}

/** A notice about how the world was loaded, shown in the notifications (and the console). */
export function addNotice(sim: SimRuntime, message: string): void {
  sim.run((draft, now) => {
    draft.notifications.push({
      id: `n-load-${now}`,
      time: now,
      level: 'Warning',
      title: 'Simulation',
      message,
      read: false,
    });
  });
}
