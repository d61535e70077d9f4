/**
 * The world file (the lab's Export / Import, `hciSim.load`): every collection and every state the
 * simulation branches on, so a file with a node power of "Exploded" or a job without a status is refused
 * with the path of the first problem instead of loading and failing later. Objects are loose: the
 * simulation's own fields not named here are checked by its loader (mocks/sim/persist.ts).
 */
import * as z from 'zod/mini';

/** A record keyed by names or ids; `__proto__` as a key would become the record's prototype. */
const keyed = <T extends z.ZodMiniType>(value: T) =>
  z.record(z.string().check(z.refine((k) => k !== '__proto__', "'__proto__' is not a name")), value);

const millis = z.number().check(z.refine(Number.isFinite, 'must be a finite number of milliseconds'));
const str = z.string();
const strings = z.array(str);

const node = z.looseObject({
  name: str,
  cluster: str,
  fqdn: str,
  power: z.enum(['Up', 'Down']),
  hcisvcRunning: z.boolean(),
  arc: z.looseObject({ installed: z.boolean(), connected: z.boolean() }),
  attestation: z.looseObject({}),
});

const checkpoint = z.looseObject({ id: str, name: str, createdAt: millis });
const vmPower = z.enum(['Running', 'Off', 'Saved', 'Paused', 'Starting', 'Stopping', 'Saving']);

const vm = z.looseObject({
  id: str,
  name: str,
  cluster: str,
  hostNode: str,
  power: vmPower,
  generation: z.union([z.literal(1), z.literal(2)]),
  checkpoints: z.array(checkpoint),
});

const cluster = z.looseObject({
  name: str,
  fqdn: str,
  nodeNames: strings,
  imdsAttestation: z.enum(['Disabled', 'Enabled']),
  diagnosticLevel: z.enum(['Off', 'Basic', 'Enhanced']),
  logFiles: z.array(z.looseObject({ name: str, createdAt: millis, lines: strings })),
});

const wapCloud = z.looseObject({
  name: str,
  connectorReachable: z.boolean(),
  connectorLatencyMs: z.number().check(z.minimum(0), z.maximum(30_000)),
  knownUsers: strings,
  vms: keyed(z.looseObject({ id: str, name: str, power: vmPower, checkpoints: z.array(checkpoint) })),
  networks: keyed(z.looseObject({ id: str, name: str })),
});

const job = z.looseObject({
  id: str,
  status: z.enum(['InProgress', 'Succeeded', 'Failed']),
  startedAt: millis,
  target: z.looseObject({ type: str, name: str }),
});

const cloud = z.looseObject({
  tenants: keyed(z.looseObject({ tenantId: str })),
  users: keyed(z.looseObject({ upn: str, tenantIds: strings })),
  subscriptions: keyed(
    z.looseObject({
      subscriptionId: str,
      tenantId: str,
      state: z.enum(['Enabled', 'Disabled', 'Warned']),
      providers: keyed(z.enum(['Registered', 'NotRegistered', 'Registering', 'Unregistering'])),
    }),
  ),
  resourceGroups: keyed(z.looseObject({ subscriptionId: str, name: str, location: str })),
  hciClusters: keyed(z.looseObject({ subscriptionId: str, resourceGroup: str, name: str, location: str })),
  machines: keyed(
    z.looseObject({
      subscriptionId: str,
      resourceGroup: str,
      name: str,
      osType: z.enum(['windows', 'linux']),
    }),
  ),
  apps: keyed(z.looseObject({ appId: str, displayName: str })),
});

export const worldFileSchema = z.looseObject({
  schemaVersion: z.number(),
  scenario: str,
  clockOffsetMs: millis.check(z.minimum(0, 'cannot be negative')),
  processedUntil: millis,
  nextSeq: z.number().check(z.int(), z.minimum(0)),
  cloud,
  gateway: z.looseObject({
    connections: z.array(z.looseObject({ name: str, type: z.enum(['cluster', 'server']) })),
  }),
  clusters: keyed(cluster),
  nodes: keyed(node),
  vms: keyed(vm),
  wapClouds: keyed(wapCloud),
  jobs: keyed(job),
  events: z.array(
    z.looseObject({ node: str, level: z.enum(['Information', 'Warning', 'Error', 'Critical', 'Verbose']) }),
  ),
  notifications: z.array(
    z.looseObject({ id: str, level: z.enum(['Informational', 'Success', 'Warning', 'Error']) }),
  ),
  faults: z.array(z.looseObject({ fault: str, target: str, since: millis })),
  schedule: z.array(z.looseObject({ at: millis })),
});
