import type { HttpHandler } from 'msw';
import type { SimRuntime } from '../runtime';
import { arcHandlers } from './arc';
import { armHandlers } from './arm';
import { benefitsHandlers } from './benefits';
import { clusterOperationHandlers } from './cluster-operations';
import { diagnosticsHandlers } from './diagnostics';
import { labHandlers } from './lab';
import { powershellHandlers } from './powershell';
import { gatewayHandlers } from './gateway';
import { gatewayRegistrationHandlers } from './gateway-registration';
import { guardHandlers } from './guard';
import { vmHandlers } from './vms';
import { wapHandlers } from './wap';

type HandlerFactory = (sim: SimRuntime) => HttpHandler[];

/**
 * Feature routes under /api, one factory per feature file. A new feature adds its factory here; the
 * general gateway routes go last because they end with the catch-all for unknown /api paths.
 */
const featureHandlers: HandlerFactory[] = [
  powershellHandlers,
  gatewayRegistrationHandlers,
  clusterOperationHandlers,
  arcHandlers,
  benefitsHandlers,
  vmHandlers,
  wapHandlers,
  labHandlers,
  diagnosticsHandlers,
];

/** Every handler, in the order MSW should try them. */
export function handlers(sim: SimRuntime): HttpHandler[] {
  return [
    ...guardHandlers(),
    ...armHandlers(sim),
    ...featureHandlers.flatMap((factory) => factory(sim)),
    ...gatewayHandlers(sim),
  ];
}
