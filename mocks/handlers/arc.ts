/**
 * Azure Arc under `/api`: a cluster's Arc-enabled servers (the agent on the server and the machine in Azure,
 * side by side), enable/disable jobs (202 with the JobDto), `azcmagent disconnect`, and the simulated run
 * of the portal's onboarding script.
 */
import { http, HttpResponse } from 'msw';
import type { SimRuntime } from '../runtime';
import {
  clusterArcView,
  disconnectAgent,
  runOnboardingScript,
  serverArcView,
  startArcDisable,
  startArcEnable,
} from '../sim';
import { disconnectAgentSchema, enableArcSchema, runOnboardingSchema } from '../../src/api/request-schemas';
import { acceptedJob, fromSimError, parseBody, simRoute } from './http';

export function arcHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);

  return [
    http.get(
      '*/api/clusters/:name/arc',
      handle((_request, params) =>
        HttpResponse.json(sim.read((w, now) => clusterArcView(w, params.name ?? '', now))),
      ),
    ),

    http.post(
      '*/api/clusters/:name/arc/enable',
      handle(async (request, params) => {
        const { nodes } = await parseBody(request, enableArcSchema);
        return acceptedJob(sim, (d, now) => startArcEnable(d, params.name ?? '', nodes, now));
      }),
    ),

    http.post(
      '*/api/clusters/:name/arc/servers/:node/disable',
      handle((_request, params) =>
        acceptedJob(sim, (d, now) => startArcDisable(d, params.name ?? '', params.node ?? '', now)),
      ),
    ),

    http.get(
      '*/api/servers/:name/arc',
      handle((_request, params) =>
        HttpResponse.json(sim.read((w, now) => serverArcView(w, params.name ?? '', now))),
      ),
    ),

    http.post(
      '*/api/servers/:name/arc/disconnect',
      handle(async (request, params) => {
        const force = (await parseBody(request, disconnectAgentSchema)).forceLocalOnly === true;
        const outcome = sim.run((d, now) => disconnectAgent(d, params.name ?? '', force, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(sim.read((w, now) => serverArcView(w, outcome.value, now)));
      }),
    ),

    http.post(
      '*/api/cloud/onboarding/run',
      handle(async (request) => {
        const body = await parseBody(request, runOnboardingSchema);
        const outcome = sim.run((d, now) => runOnboardingScript(d, body, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json(outcome.value, { status: 201 });
      }),
    ),
  ];
}
