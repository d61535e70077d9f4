/**
 * The simulation's public surface. Importing it registers every scheduled-event and job handler, so
 * import from here (not from the modules) anywhere a world is advanced.
 */
export * from './model';
export * from './core';
export * from './derive';
export * from './durations';
export * from './clouds';
export * from './arm-ids';
export * from './identity';
export * from './faults-state';
export * from './faults';
export * from './jobs';
export * from './events';
export * from './registration';
export * from './reachability';
export * from './vms';
export * from './scenarios';
export * from './persist';
export * from './lookup';
export * from './lab-rules';
export * from './gateway-registration';
export * from './cluster-registration';
export * from './benefits';
export * from './arc';
export * from './wap';
export * from './troubleshooter';
export * from './diagnostics';
