/**
 * The PowerShell console: one session per open console, kept here (a remote PowerShell session does not
 * outlive its page either), each moved by the pure core in mocks/sim/powershell. The sign-in page for the
 * consoles' device codes is the gateway's (gateway-registration.ts, mocks/sim/device-login.ts).
 */
import { http, HttpResponse } from 'msw';
import type { PowerShellCompletionDto, PowerShellStepDto } from '../../src/api/powershell-contract';
import {
  openPowerShellSchema,
  powerShellCompleteSchema,
  powerShellInputSchema,
} from '../../src/api/request-schemas';
import type { SimRuntime } from '../runtime';
import { SimError } from '../sim';
import {
  completeLine,
  describeSession,
  interruptSession,
  openSession,
  pollSession,
  resizeSession,
  submitLine,
} from '../sim/powershell';
import type { PsSession, StepResult } from '../sim/powershell';
import type { Op } from '../sim';
import { fromSimError, parseBody, simRoute } from './http';

const MAX_SESSIONS = 50;

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
  const sessions = new Map<string, PsSession>();
  let seq = 0;

  const sessionOr404 = (id: string | undefined): PsSession => {
    const session = id === undefined ? undefined : sessions.get(id);
    if (!session)
      throw new SimError(
        'not-found',
        'SessionNotFound',
        'This PowerShell session has ended. Open the console again to start a new one.',
      );
    return session;
  };

  const step = (op: Op<StepResult>, status = 200) => {
    const outcome = sim.run(op);
    if (!outcome.ok) return fromSimError(outcome.error);
    sessions.set(outcome.value.session.id, outcome.value.session);
    return HttpResponse.json(dto(outcome.value), { status });
  };

  return [
    http.post(
      '*/api/powershell/sessions',
      handle(async (request) => {
        const body = await parseBody(request, openPowerShellSchema);
        seq += 1;
        const id = `ps-${seq}`;
        const session = sim.read((w) => openSession(w, id, body.server.trim(), body.columns));
        sessions.set(id, session);
        if (sessions.size > MAX_SESSIONS) {
          const oldest = sessions.keys().next().value;
          if (oldest !== undefined) sessions.delete(oldest);
        }
        return step(describeSession(session), 201);
      }),
    ),

    http.get(
      '*/api/powershell/sessions/:id',
      handle((_r, params) => step(pollSession(sessionOr404(params.id)))),
    ),

    http.post(
      '*/api/powershell/sessions/:id/input',
      handle(async (request, params) => {
        let session = sessionOr404(params.id);
        const body = await parseBody(request, powerShellInputSchema);
        if (body.columns !== undefined) {
          session = resizeSession(session, body.columns);
          sessions.set(session.id, session);
        }
        if (body.interrupt === true) return step(interruptSession(session));
        if (body.line === undefined) return step(describeSession(session));
        return step(submitLine(session, body.line));
      }),
    ),

    http.post(
      '*/api/powershell/sessions/:id/complete',
      handle(async (request, params) => {
        const session = sessionOr404(params.id);
        const { line, cursor } = await parseBody(request, powerShellCompleteSchema);
        const completion: PowerShellCompletionDto = sim.read((w) => completeLine(w, session, line, cursor));
        return HttpResponse.json(completion);
      }),
    ),

    http.delete(
      '*/api/powershell/sessions/:id',
      handle((_r, params) => {
        if (params.id !== undefined) sessions.delete(params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
