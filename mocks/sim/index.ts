/**
 * The simulation's public surface. Time is advanced and operations run by engine.ts, which dispatches
 * scheduled events and job completions through the complete tables of dispatch.ts.
 */
export * from './model';
export * from './core';
export * from './engine';
export { EVENT_HANDLERS, JOB_COMPLETIONS } from './dispatch';
export * from './derive';
export * from './cluster-summary';
export * from './durations';
export * from './clouds';
export * from './arm-ids';
export * from './identity';
export * from './faults-state';
export * from './faults';
export * from './node-restart';
export * from './jobs';
export * from './events';
export * from './registration';
export * from './reachability';
export * from './vms';
export * from './scenarios';
export * from './persist';
export * from './lookup';
export * from './cluster-lookup';
export * from './connections';
export * from './lab-rules';
export * from './gateway-registration';
export * from './gateway-registration-flow';
export * from './cloud-directory';
export * from './server-status';
export * from './cloud-vm-list';
export * from './cluster-vm-list';
export * from './cluster-registration';
export * from './registration-logs-regions';
export * from './cluster-settings';
export * from './benefits';
export * from './arc';
export * from './arc-connect';
export * from './wap-clouds';
export * from './wap';
export * from './multi-cloud';
export * from './troubleshooter';
export * from './diagnostics';
export * from './guide-texts';
export * from './list-page';
