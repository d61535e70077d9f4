import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PowerShellCompletionDto, PowerShellStepDto } from '../../src/api/powershell-contract';
import { server, sim } from '../node';

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`http://localhost${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

const lines = (step: PowerShellStepDto) =>
  step.output.flatMap((o) => (o.kind === 'line' ? o.text.split('\n') : [])).join('\n');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => sim.reset('registered'));

describe('PowerShell console API', () => {
  it('opens a session on a server and runs a line', async () => {
    const opened = await call('POST', '/api/powershell/sessions', { server: 'hci-node2', columns: 160 });
    expect(opened.status).toBe(201);
    const session = opened.body as PowerShellStepDto;
    expect(session.prompt).toBe('PS C:\\Users\\hciadmin> ');
    const ran = await call('POST', `/api/powershell/sessions/${session.id}/input`, {
      line: 'Get-AzureStackHCI',
    });
    expect(lines(ran.body as PowerShellStepDto)).toContain('RegistrationStatus : Registered');
    expect((ran.body as PowerShellStepDto).history).toEqual(['Get-AzureStackHCI']);
  });

  it('refuses bad input with a 4xx and nothing changed', async () => {
    expect((await call('POST', '/api/powershell/sessions', {})).status).toBe(400);
    expect((await call('POST', '/api/powershell/sessions', { server: 'nope' })).status).toBe(404);
    expect((await call('GET', '/api/powershell/sessions/ps-999')).status).toBe(404);
    const { id } = (await call('POST', '/api/powershell/sessions', { server: 'hci-node1' }))
      .body as PowerShellStepDto;
    expect((await call('POST', `/api/powershell/sessions/${id}/input`, { line: 42 })).status).toBe(400);
  });

  it('completes cmdlet and parameter names', async () => {
    const { id } = (await call('POST', '/api/powershell/sessions', { server: 'hci-node1' }))
      .body as PowerShellStepDto;
    const names = (
      await call('POST', `/api/powershell/sessions/${id}/complete`, {
        line: 'Get-AzureStackHCIA',
        cursor: 18,
      })
    ).body as PowerShellCompletionDto;
    expect(names.matches).toEqual(['Get-AzureStackHCIArcIntegration', 'Get-AzureStackHCIAttestation']);
    const params = (
      await call('POST', `/api/powershell/sessions/${id}/complete`, { line: 'Get-WinEvent -Max', cursor: 17 })
    ).body as PowerShellCompletionDto;
    expect(params.matches).toEqual(['-MaxEvents']);
  });

  it('redeems a console device code on the sign-in page routes and resumes the cmdlet', async () => {
    const { id } = (await call('POST', '/api/powershell/sessions', { server: 'hci-node1' }))
      .body as PowerShellStepDto;
    await call('POST', `/api/powershell/sessions/${id}/input`, { line: 'Install-Module Az.StackHCI -Force' });
    const waiting = (
      await call('POST', `/api/powershell/sessions/${id}/input`, {
        line: 'Unregister-AzStackHCI -Confirm:$false',
      })
    ).body as PowerShellStepDto;
    const code = waiting.signIn?.code ?? '';
    expect(code).toMatch(/^[A-Z0-9]{9}$/);
    const accounts = await call('GET', `/api/device-login/accounts?code=${code}`);
    expect(accounts.status).toBe(200);
    // the page asks "Are you trying to sign in to <app name>?" with the console's client
    expect((await call('GET', `/api/device-login/app?code=${code}`)).body).toEqual({
      appName: 'Microsoft Azure PowerShell',
    });
    expect((await call('GET', '/api/device-login/app?code=GATEWAY1')).body).toEqual({
      appName: 'Windows Admin Center',
    });
    const redeemed = await call('POST', '/api/device-login', { code, upn: 'admin@contoso.onmicrosoft.com' });
    expect(redeemed.body).toEqual({
      message:
        'You have signed in to the Microsoft Azure PowerShell application on your device. You may now close this window.',
    });
    const polled = (await call('GET', `/api/powershell/sessions/${id}`)).body as PowerShellStepDto;
    expect(polled.signIn).toBeNull();
    expect(polled.progress?.activity).toBe('Unregistering Azure Stack HCI from Azure...');
    sim.advance('5m');
    const finished = (await call('GET', `/api/powershell/sessions/${id}`)).body as PowerShellStepDto;
    expect(lines(finished)).toContain('Result  : Success');
    // an unknown code still reaches the gateway's own sign-in route
    expect((await call('GET', '/api/device-login/accounts?code=NOPE')).status).toBe(400);
  });
});
