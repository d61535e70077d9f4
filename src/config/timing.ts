/** How often running work is polled. Tests shorten it through `setPollMs` instead of sleeping. */
export const timing = {
  /** while a job is in progress */
  pollMs: 1_000,
  /** for lists that change only when something else starts work (jobs, notifications) */
  idlePollMs: 5_000,
  /** for views whose values drift with simulated time (heartbeats, "last connected") */
  backgroundRefreshMs: 30_000,
};

export function setPollMs(values: Partial<typeof timing>): void {
  Object.assign(timing, values);
}
