/**
 * The PowerShell console: the open consoles' table lives here, in the host (a remote PowerShell session
 * does not outlive its page either), and the pure core in mocks/sim/powershell moves it and each session.
 * The sign-in page for the consoles' device codes is the gateway's (gateway-registration.ts,
 * mocks/sim/device-login.ts).
 */
import { http, HttpResponse } from 'msw';
import type { PowerShellCompletionDto, PowerShellStepDto } from '../../src/api/powershell-contract';
import {
  openPowerShellSchema,
  powerShellCompleteSchema,
  powerShellInputSchema,
} from '../../src/api/request-schemas';
import type { SimRuntime } from '../runtime';
import {
  closeConsole,
  completeLine,
  consoleInput,
  consoleSession,
  describeSession,
  keepSession,
  noConsoles,
  openConsole,
  pollSession,
} from '../sim/powershell';
import type { StepResult } from '../sim/powershell';
import type { Op } from '../sim';
import { fromSimError, parseBody, simRoute } from './http';

function dto(step: StepResult): PowerShellStepDto {
  return {
    id: step.session.id,
    server: step.session.server,
    output: step.output,
    prompt: step.prompt,
    busy: step.busy,
    progress: step.progress,
    signIn: step.signIn,
    history: step.session.history,
  };
}

export function powershellHandlers(sim: SimRuntime) {
  const handle = (fn: Parameters<typeof simRoute>[1]) => simRoute(sim, fn);
  let consoles = noConsoles;

  const step = (op: Op<StepResult>, status = 200) => {
    const outcome = sim.run(op);
    if (!outcome.ok) return fromSimError(outcome.error);
    consoles = keepSession(consoles, outcome.value.session);
    return HttpResponse.json(dto(outcome.value), { status });
  };

  return [
    http.post(
      '*/api/powershell/sessions',
      handle(async (request) => {
        const { server, columns } = await parseBody(request, openPowerShellSchema);
        const opened = sim.read((w) => openConsole(consoles, w, server, columns));
        consoles = opened.table;
        return step(describeSession(opened.session), 201);
      }),
    ),

    http.get(
      '*/api/powershell/sessions/:id',
      handle((_r, params) => step(pollSession(consoleSession(consoles, params.id ?? '')))),
    ),

    http.post(
      '*/api/powershell/sessions/:id/input',
      handle(async (request, params) => {
        const session = consoleSession(consoles, params.id ?? '');
        return step(consoleInput(session, await parseBody(request, powerShellInputSchema)));
      }),
    ),

    http.post(
      '*/api/powershell/sessions/:id/complete',
      handle(async (request, params) => {
        const session = consoleSession(consoles, params.id ?? '');
        const { line, cursor } = await parseBody(request, powerShellCompleteSchema);
        const completion: PowerShellCompletionDto = sim.read((w) => completeLine(w, session, line, cursor));
        return HttpResponse.json(completion);
      }),
    ),

    http.delete(
      '*/api/powershell/sessions/:id',
      handle((_r, params) => {
        consoles = closeConsole(consoles, params.id ?? '');
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
