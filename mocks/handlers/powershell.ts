/**
 * The PowerShell console: one session per open console, kept here (a remote PowerShell session does not
 * outlive its page either), each moved by the pure core in mocks/sim/powershell. Also answers the simulated
 * sign-in page for the consoles' device codes, before the gateway's routes; other codes pass through.
 */
import { http, HttpResponse } from 'msw';
import type {
  DeviceLoginAppDto,
  PowerShellCompletionDto,
  PowerShellStepDto,
} from '../../src/api/powershell-contract';
import type { SimRuntime } from '../runtime';
import { SimError } from '../sim';
import {
  completeLine,
  consoleDeviceCode,
  consoleSignInAccounts,
  describeSession,
  interruptSession,
  openSession,
  pollSession,
  redeemConsoleDeviceCode,
  resizeSession,
  SIGN_IN_APPS,
  submitLine,
} from '../sim/powershell';
import type { PsSession, StepResult } from '../sim/powershell';
import type { Millis, Op } from '../sim';
import { errorResponse, fromSimError, readJsonObject, simRoute } from './http';

const MAX_SESSIONS = 50;
const MAX_LINE = 4_000;

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
        const body = await readJsonObject(request);
        if (typeof body.server !== 'string' || body.server.trim() === '')
          return errorResponse(400, 'InvalidParameter', 'Choose the server to open PowerShell on.', 'server');
        const columns = typeof body.columns === 'number' ? body.columns : 120;
        seq += 1;
        const id = `ps-${seq}`;
        const server = body.server.trim();
        const session = sim.read((w) => openSession(w, id, server, columns));
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
        const body = await readJsonObject(request);
        if (typeof body.columns === 'number') {
          session = resizeSession(session, body.columns);
          sessions.set(session.id, session);
        }
        if (body.interrupt === true) return step(interruptSession(session));
        if (body.line === undefined) return step(describeSession(session));
        if (typeof body.line !== 'string')
          return errorResponse(400, 'InvalidParameter', "'line' must be text.", 'line');
        if (body.line.length > MAX_LINE)
          return errorResponse(
            400,
            'InvalidParameter',
            `A line can hold at most ${MAX_LINE} characters.`,
            'line',
          );
        return step(submitLine(session, body.line));
      }),
    ),

    http.post(
      '*/api/powershell/sessions/:id/complete',
      handle(async (request, params) => {
        const session = sessionOr404(params.id);
        const body = await readJsonObject(request);
        if (typeof body.line !== 'string' || typeof body.cursor !== 'number' || body.line.length > MAX_LINE)
          return errorResponse(
            400,
            'InvalidParameter',
            "'line' (text) and 'cursor' (a number) are required.",
          );
        const line = body.line;
        const cursor = body.cursor;
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

    // Which app a code signs in to, for the page's "Are you trying to sign in to …?". The gateway's codes
    // are Windows Admin Center's; a console's code names its client.
    http.get(
      '*/api/device-login/app',
      handle((request) => {
        const code = new URL(request.url).searchParams.get('code') ?? '';
        const appName = sim.read((w) => {
          const entry = consoleDeviceCode(w, code);
          return entry ? (entry.appName ?? SIGN_IN_APPS['az-powershell']) : 'Windows Admin Center';
        });
        const body: DeviceLoginAppDto = { appName };
        return HttpResponse.json(body);
      }),
    ),

    // The sign-in page checks a code and redeems it; a console's code is answered here.
    http.get('*/api/device-login/accounts', ({ request }) => {
      const code = new URL(request.url).searchParams.get('code') ?? '';
      // undefined: not a live console code, so the gateway's own route answers
      const accounts = sim.read((w, now: Millis) => consoleSignInAccounts(w, code, now));
      return accounts ? HttpResponse.json(accounts) : undefined;
    }),

    http.post('*/api/device-login', async ({ request }) => {
      let input: Record<string, unknown>;
      try {
        input = await readJsonObject(request.clone());
      } catch {
        return undefined;
      }
      const code = typeof input.code === 'string' ? input.code : '';
      const upn = typeof input.upn === 'string' ? input.upn : '';
      if (!sim.read((w) => consoleDeviceCode(w, code))) return undefined;
      const outcome = sim.run((draft, now) => redeemConsoleDeviceCode(draft, code, upn, now).appName);
      if (!outcome.ok) return fromSimError(outcome.error);
      const appName = outcome.value ?? SIGN_IN_APPS['az-powershell'];
      return HttpResponse.json({
        // The real page's confirmation with the client's name; the reference files quote only the WAC one.
        message: `You have signed in to the ${appName} application on your device. You may now close this window.`,
      });
    }),
  ];
}
