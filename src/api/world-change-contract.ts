/**
 * What the simulated world tells every page when it changes: which slices of the world moved, so a page
 * refetches what it shows rather than everything. The host (shared worker, leader tab or Node) computes the
 * list by comparing the previous world with the new one; the UI maps each resource to the query keys that
 * read it.
 */

/** The world's slices, as a page sees them. */
export const WORLD_RESOURCES = [
  /** gateway registration, the signed-in account, device codes */
  'gateway',
  /** tenants, users, subscriptions, resource groups, HCI cluster resources, machines, app registrations */
  'cloud',
  'clusters',
  'nodes',
  'vms',
  'wapClouds',
  'jobs',
  'events',
  'notifications',
  'faults',
  /**
   * Simulated time moved (advance, a reset). Connection status, OutOfPolicy, heartbeats and Benefits expiry are
   * derived from time, so anything time-derived must be read again even when no stored slice changed.
   */
  'clock',
] as const;

export type WorldResource = (typeof WORLD_RESOURCES)[number];

/** The `window` event a page receives; `detail` is a {@link WorldChange}. */
export const WORLD_CHANGED_EVENT = 'hci-sim-changed';

export interface WorldChange {
  /**
   * Every resource when the whole world was replaced (reset, import, another tab's scenario); empty when only
   * bookkeeping moved (the schedule), which a store must still save but a page need not refetch.
   */
  resources: readonly WorldResource[];
}
