import { useCallback, useEffect, useRef, useState } from 'react';
import type { PowerShellCompletionDto, PowerShellStepDto } from '@/api/powershell-contract';
import { errorMessage } from '@/lib/api-client';
import { powershellApi } from '../api/powershell-api';

/** How often a console asks how its running cmdlet is doing (progress, sign-in, the end of a job). */
const POLL_MS = 500;

export interface ConsoleSession {
  state: PowerShellStepDto | null;
  /** why the session could not be opened or the last call failed */
  error: string | null;
  submit: (line: string) => void;
  interrupt: () => void;
  complete: (line: string, cursor: number) => Promise<PowerShellCompletionDto>;
  resize: (columns: number) => void;
  reopen: () => void;
}

/**
 * One remote console on `server`. Every answer goes to `onStep` in order, before React renders it (the
 * terminal writes its output and then its prompt, with no gap for keystrokes); while a cmdlet runs the
 * session is polled.
 */
export function useConsoleSession(
  server: string,
  columns: number,
  onStep: (step: PowerShellStepDto) => void,
): ConsoleSession {
  const [state, setState] = useState<PowerShellStepDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const stepRef = useRef(onStep);
  const columnsRef = useRef(columns);
  const idRef = useRef<string | null>(null);
  // one call at a time, in order: output must not interleave
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    stepRef.current = onStep;
    columnsRef.current = columns;
  });

  const apply = useCallback((step: PowerShellStepDto) => {
    idRef.current = step.id;
    stepRef.current(step);
    setState(step);
    setError(null);
  }, []);

  const enqueue = useCallback(
    (call: (id: string) => Promise<PowerShellStepDto>) => {
      queue.current = queue.current.then(async () => {
        const id = idRef.current;
        if (id === null) return;
        try {
          apply(await call(id));
        } catch (failure) {
          setError(errorMessage(failure));
        }
      });
    },
    [apply],
  );

  useEffect(() => {
    let cancelled = false;
    idRef.current = null;
    powershellApi.open({ server, columns: columnsRef.current }).then(
      (step) => {
        if (cancelled) {
          void powershellApi.close(step.id).catch(() => undefined);
          return;
        }
        apply(step);
      },
      (failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      },
    );
    return () => {
      cancelled = true;
      const id = idRef.current;
      idRef.current = null;
      if (id !== null) void powershellApi.close(id).catch(() => undefined);
    };
  }, [server, apply, generation]);

  const busy = state?.busy === true;
  useEffect(() => {
    if (!busy) return undefined;
    const timer = window.setInterval(() => enqueue((id) => powershellApi.poll(id)), POLL_MS);
    return () => window.clearInterval(timer);
  }, [busy, enqueue]);

  return {
    state,
    error,
    submit: (line) => enqueue((id) => powershellApi.input(id, { line })),
    interrupt: () => enqueue((id) => powershellApi.input(id, { interrupt: true })),
    complete: async (line, cursor) => {
      const id = idRef.current;
      if (id === null) return { start: cursor, end: cursor, matches: [] };
      return powershellApi.complete(id, line, cursor);
    },
    // a resize answers with the session as it stands; shown, it would put a prompt before pending output
    resize: (cols) => {
      queue.current = queue.current.then(async () => {
        const id = idRef.current;
        if (id !== null) await powershellApi.input(id, { columns: cols }).catch(() => undefined);
      });
    },
    reopen: () => {
      setState(null);
      setError(null);
      setGeneration((g) => g + 1);
    },
  };
}
