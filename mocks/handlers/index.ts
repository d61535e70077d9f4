import type { SimRuntime } from '../runtime';
import { gatewayHandlers } from './gateway';
import { clusterOperationHandlers } from './cluster-operations';
import { gatewayRegistrationHandlers } from './gateway-registration';

/** Every handler, in the order MSW should try them. */
export function handlers(sim: SimRuntime) {
  // Specific routes first: gatewayHandlers ends with a catch-all for unknown /api paths.
  return [...gatewayRegistrationHandlers(sim), ...clusterOperationHandlers(sim), ...gatewayHandlers(sim)];
}
