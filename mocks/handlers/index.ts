import type { SimRuntime } from '../runtime';
import { gatewayHandlers } from './gateway';

/** Every handler, in the order MSW should try them. */
export function handlers(sim: SimRuntime) {
  return [...gatewayHandlers(sim)];
}
