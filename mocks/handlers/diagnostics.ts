/**
 * The cluster Diagnostics tool: hcisvc per server (sc.exe query) with start/stop, the Debug channel
 * switch, countdowns and alerts, and the troubleshooter (diagnose a text, run a remediation step).
 * Event logs and registration log files are served by the gateway and cluster-operation routes.
 */
import { http, HttpResponse } from 'msw';
import type { RemedyResultDto } from '../../src/api/lab-contract';
import type { SimRuntime } from '../runtime';
import {
  clusterDiagnosticsView,
  diagnosisView,
  jobDto,
  own,
  readRemedyAction,
  requireCluster,
  runRemedy,
  setHcisvc,
} from '../sim';
import { hcisvcSchema, remedySchema, troubleshootSchema } from '../../src/api/request-schemas';
import { fromSimError, parseBody, simRoute } from './http';

export function diagnosticsHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);
  return [
    http.get(
      '*/api/clusters/:name/diagnostics',
      handle((_r, params) =>
        HttpResponse.json(sim.read((w, now) => clusterDiagnosticsView(w, params.name ?? '', now))),
      ),
    ),

    http.post(
      '*/api/clusters/:name/nodes/:node/hcisvc',
      handle(async (request, params) => {
        const body = await parseBody(request, hcisvcSchema);
        const cluster = sim.read((w) => requireCluster(w, params.name ?? '').name);
        const outcome = sim.run((draft, now) =>
          setHcisvc(draft, cluster, params.node ?? '', body.action === 'start', now),
        );
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json({ message: outcome.value });
      }),
    ),

    http.post(
      '*/api/clusters/:name/nodes/:node/debug-channel',
      handle((_r, params) => {
        const cluster = sim.read((w) => requireCluster(w, params.name ?? '').name);
        const outcome = sim.run((draft, now) =>
          runRemedy(draft, cluster, { kind: 'enable-debug', node: params.node ?? '' }, now),
        );
        if (!outcome.ok) return fromSimError(outcome.error);
        return HttpResponse.json({ message: outcome.value.message });
      }),
    ),

    http.post(
      '*/api/clusters/:name/troubleshoot',
      handle(async (request, params) => {
        const { text } = await parseBody(request, troubleshootSchema);
        const result = sim.read((w, now) => diagnosisView(w, params.name ?? '', text, now));
        return HttpResponse.json({ diagnosis: result });
      }),
    ),

    http.post(
      '*/api/clusters/:name/troubleshoot/remedy',
      handle(async (request, params) => {
        const action = readRemedyAction((await parseBody(request, remedySchema)).action);
        const cluster = sim.read((w) => requireCluster(w, params.name ?? '').name);
        const outcome = sim.run((draft, now) => runRemedy(draft, cluster, action, now));
        if (!outcome.ok) return fromSimError(outcome.error);
        if (outcome.value.waitMs !== undefined) sim.advance(outcome.value.waitMs);
        const job = outcome.value.job;
        const result: RemedyResultDto = {
          message: outcome.value.message,
          job: job ? sim.read((w, now) => jobDto(own(w.jobs, job.id) ?? job, now)) : null,
        };
        return HttpResponse.json(result, { status: job ? 202 : 200 });
      }),
    ),
  ];
}
