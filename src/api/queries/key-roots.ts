/**
 * The first element of every query key in the app. Feature-owned keys (arc, benefits, …) are rooted here too,
 * so the data layer's world-change table can name what reads each slice of the world without importing a
 * feature. A key factory spreads its root: `[...keyRoots.benefits, 'cluster', name]`.
 */
export const keyRoots = {
  clusters: ['clusters'],
  servers: ['servers'],
  connections: ['connections'],
  jobs: ['jobs'],
  notifications: ['notifications'],
  gateway: ['gateway'],
  directory: ['directory'],
  deviceLogin: ['device-login'],
  arm: ['arm'],
  clouds: ['clouds'],
  clock: ['sim-clock'],
  arc: ['arc'],
  benefits: ['benefits'],
  diagnostics: ['diagnostics'],
  vms: ['vms'],
  registration: ['hci-registration'],
  lab: ['lab'],
} as const;

export type KeyRoot = (typeof keyRoots)[keyof typeof keyRoots];
