/**
 * The PowerShell console's wire format: `/api/powershell/sessions`. A session is a remote console on one
 * server; every answer carries the output the call produced and where the session now stands.
 */

/** One line of output (its stream decides its colour), or the screen cleared (cls). */
export type PowerShellOutputDto =
  { kind: 'line'; stream: 'output' | 'error' | 'warning' | 'verbose'; text: string } | { kind: 'clear' };

export interface PowerShellStepDto {
  id: string;
  server: string;
  output: PowerShellOutputDto[];
  /** what the input line shows next: `PS C:\Users\hciadmin> `, a choice prompt or a mandatory parameter */
  prompt: string;
  /** a cmdlet runs (a job, a sign-in): input waits, Ctrl+C stops waiting */
  busy: boolean;
  /** the current Write-Progress bar */
  progress: { activity: string; status: string; percent: number } | null;
  /** a device-code sign-in waits to be completed on the sign-in page */
  signIn: { url: string; code: string } | null;
  /** lines entered, oldest first (Up/Down) */
  history: string[];
}

/** POST /api/powershell/sessions */
export interface OpenPowerShellRequest {
  server: string;
  columns?: number;
}

/** POST /api/powershell/sessions/:id/input — one of line, interrupt (Ctrl+C), columns (resize) */
export interface PowerShellInputRequest {
  line?: string;
  interrupt?: boolean;
  columns?: number;
}

/** POST /api/powershell/sessions/:id/complete — Tab */
export interface PowerShellCompleteRequest {
  line: string;
  cursor: number;
}

export interface PowerShellCompletionDto {
  start: number;
  end: number;
  matches: string[];
}

/** GET /api/device-login/app?code= — the app the sign-in page asks about ("Are you trying to sign in to …?") */
export interface DeviceLoginAppDto {
  appName: string;
}
