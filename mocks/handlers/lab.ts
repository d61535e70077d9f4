/**
 * The simulation lab's HTTP surface (`/api/sim/*`): the same controls as window.hciSim, for the UI, which
 * reaches the simulation only over HTTP. These routes are test controls: API faults never apply to them, so
 * a presenter can always switch the faults off again. Bad input is answered 400 and changes nothing.
 */
import { http, HttpResponse } from 'msw';
import type { ReproduceResultDto, TroubleshootCaseDto } from '../../src/api/lab-contract';
import type { SimRuntime } from '../runtime';
import { SimError, labStateView, playRecipe, troubleshootCasesView } from '../sim';
import { advanceSchema, faultSchema, reproduceSchema, resetSchema } from '../../src/api/request-schemas';
import { errorResponse, fromSimError, parseBody } from './http';

/** Runs a control; a SimError becomes its `{ error }` answer, anything else a 400 with the message. */
async function control(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof SimError) return fromSimError(error);
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(400, 'InvalidRequest', message);
  }
}

export function labHandlers(sim: SimRuntime) {
  const state = () => HttpResponse.json(sim.read((w, now) => labStateView(w, now, sim.scenarios())));
  return [
    http.get('*/api/sim/state', () => control(state)),

    http.post('*/api/sim/reset', ({ request }) =>
      control(async () => {
        const { scenario } = await parseBody(request, resetSchema);
        sim.reset(scenario === undefined || scenario === '' ? 'fresh' : scenario);
        return state();
      }),
    ),

    http.post('*/api/sim/advance', ({ request }) =>
      control(async () => {
        const { duration } = await parseBody(request, advanceSchema);
        sim.advance(duration);
        return state();
      }),
    ),

    http.post('*/api/sim/inject', ({ request }) =>
      control(async () => {
        const body = await parseBody(request, faultSchema);
        sim.inject(body.fault, body.target ?? undefined);
        return state();
      }),
    ),

    http.post('*/api/sim/repair', ({ request }) =>
      control(async () => {
        const body = await parseBody(request, faultSchema);
        sim.repair(body.fault, body.target ?? undefined);
        return state();
      }),
    ),

    http.get('*/api/sim/export', () =>
      control(() => {
        const text = sim.snapshot();
        const stamp = new Date(sim.now()).toISOString().replace(/[:.]/g, '-');
        return new HttpResponse(text, {
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Disposition': `attachment; filename="hci-world-${stamp}.json"`,
          },
        });
      }),
    ),

    http.post('*/api/sim/import', ({ request }) =>
      control(async () => {
        sim.load(await request.text());
        return state();
      }),
    ),

    http.get('*/api/sim/cases', () =>
      control(() => {
        const body: TroubleshootCaseDto[] = sim.read(troubleshootCasesView);
        return HttpResponse.json(body);
      }),
    ),

    http.post('*/api/sim/cases/:id/reproduce', ({ request, params }) =>
      control(async () => {
        const cluster = (await parseBody(request, reproduceSchema)).cluster ?? '';
        const id = typeof params.id === 'string' ? params.id : '';
        // The case is caused, not written: its recipe's faults, operations and time run one by one through
        // the runtime, as the lab's own buttons would run them.
        const result: ReproduceResultDto = { cluster, text: playRecipe(sim, cluster, id) };
        return HttpResponse.json(result);
      }),
    ),
  ];
}
