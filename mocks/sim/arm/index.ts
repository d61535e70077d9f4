/**
 * The simulated Azure Resource Manager: pure operations over the world, one per ARM operation, each an
 * `Op<ArmReply>` that a handler gives to `sim.read` (GET, HEAD) or `sim.run` (everything else). Every
 * refusal is a thrown SimError with ARM's code and message, so bad input never changes the world.
 */
export * from './auth';
export * from './common';
export * from './errors';
export * from './validate';
export * from './body';
export * from './project';
export * from './lro';
export * from './deletes';
export * from './paging';
export * from './subscriptions';
export * from './resource-groups';
export * from './generic-resources';
export * from './clusters';
export * from './machines';
