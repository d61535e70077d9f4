import {
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { PowerShellOutputDto, PowerShellStepDto } from '@/api/powershell-contract';
import { LoadingState } from '@/components/query-state/query-state';
import type { TerminalHandle } from './terminal-view';
import { useConsoleSession } from './use-console-session';

// xterm.js is loaded with the console, never with the first page
const TerminalView = lazy(() => import('./terminal-view'));

const LOG_LIMIT = 1000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1, minHeight: 0 },
  terminal: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '320px' },
  progress: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  // readable by assistive technology and tests; the terminal shows the same text
  log: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'pre',
    border: 0,
  },
});

interface LogLine {
  id: number;
  text: string;
  stream: string;
}

export interface PowerShellConsoleProps {
  server: string;
  /** typed into the first prompt, not run ("Run in PowerShell") */
  initialCommand?: string | undefined;
  onCommandTyped?: () => void;
}

/** One console on one server: terminal, progress, the sign-in it waits for, and the output log. */
export function PowerShellConsole({ server, initialCommand, onCommandTyped }: PowerShellConsoleProps) {
  const styles = useStyles();
  const terminal = useRef<TerminalHandle | null>(null);
  const queued = useRef<PowerShellOutputDto[]>([]);
  const latest = useRef<PowerShellStepDto | null>(null);
  const command = useRef(initialCommand);
  const nextId = useRef(0);
  const [log, setLog] = useState<LogLine[]>([]);
  const [copied, setCopied] = useState('');

  const appendLog = useCallback((lines: { text: string; stream: string }[]) => {
    setLog((previous) =>
      [...previous, ...lines.map((l) => ({ ...l, id: nextId.current++ }))].slice(-LOG_LIMIT),
    );
  }, []);

  const onOutput = useCallback(
    (output: PowerShellOutputDto[]) => {
      if (terminal.current) terminal.current.write(output);
      else queued.current.push(...output);
      const lines: { text: string; stream: string }[] = [];
      for (const record of output) {
        if (record.kind === 'clear') {
          lines.length = 0;
          setLog([]);
          continue;
        }
        for (const text of record.text.split('\n')) lines.push({ text, stream: record.stream });
      }
      if (lines.length > 0) appendLog(lines);
    },
    [appendLog],
  );

  const typedRef = useRef(onCommandTyped);
  const shown = useRef<PowerShellStepDto | null>(null);
  // the terminal the "Run in PowerShell" command was typed into (a remounted one gets it again)
  const typedInto = useRef<TerminalHandle | null>(null);
  useEffect(() => {
    typedRef.current = onCommandTyped;
  });

  // Each answer is shown once: the prompt follows the output it came with.
  const showPrompt = useCallback((step: PowerShellStepDto | null) => {
    const handle = terminal.current;
    if (!handle || !step || shown.current === step) return;
    shown.current = step;
    handle.setPrompt(step.busy ? null : step.prompt, step.history);
    if (!step.busy && command.current !== undefined && typedInto.current !== handle) {
      typedInto.current = handle;
      handle.type(command.current);
      // after "Run in PowerShell" the dialog that opened it hands focus back; the console takes it
      window.requestAnimationFrame(() => handle.focus());
      typedRef.current?.();
    }
  }, []);

  const session = useConsoleSession(server, 120, (step) => {
    if (step.output.length > 0) onOutput(step.output);
    latest.current = step;
    showPrompt(step);
  });
  const { state } = session;

  // The sign-in link held focus; when the bar goes away with it, focus would fall to the page and the next
  // keys would go nowhere. It returns to the console, where the command's prompt is.
  const signingIn = Boolean(state?.signIn);
  const wasSigningIn = useRef(false);
  useEffect(() => {
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (wasSigningIn.current && !signingIn && dropped) terminal.current?.focus();
    wasSigningIn.current = signingIn;
  }, [signingIn]);

  const attach = useCallback(
    (handle: TerminalHandle | null) => {
      terminal.current = handle;
      if (!handle) return;
      handle.write(queued.current);
      queued.current = [];
      shown.current = null;
      showPrompt(latest.current);
      handle.focus();
    },
    [showPrompt],
  );

  const copyCode = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Code copied to the clipboard.');
    } catch (error) {
      setCopied(
        `Couldn't copy: ${error instanceof Error ? error.message : String(error)} Select the code and copy it yourself.`,
      );
    }
  };

  return (
    <div className={styles.root}>
      {session.error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Couldn&apos;t reach PowerShell on {server}</MessageBarTitle>
            {session.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={session.reopen}>Reconnect</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state?.signIn && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sign in to Azure</MessageBarTitle>
            Open the{' '}
            <Link href="/device-login" target="_blank" rel="noopener">
              simulated sign-in page ({state.signIn.url})
            </Link>{' '}
            and enter the code <span className={styles.code}>{state.signIn.code}</span>. The command continues
            once you have signed in.
            <span role="status"> {copied}</span>
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<CopyRegular />} onClick={() => void copyCode(state.signIn?.code ?? '')}>
              Copy code
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {state?.progress && (
          <div className={styles.progress}>
            <Field
              label={state.progress.activity}
              hint={`${state.progress.status} (${state.progress.percent}%)`}
            >
              <ProgressBar value={state.progress.percent / 100} thickness="large" />
            </Field>
          </div>
        )}
      </div>
      <div className={styles.terminal}>
        <Suspense fallback={<LoadingState label="Starting PowerShell..." />}>
          <TerminalView
            handleRef={attach}
            label={`PowerShell on ${server}`}
            onSubmit={(line, prompt) => {
              command.current = undefined;
              appendLog([{ text: `${prompt}${line}`, stream: 'input' }]);
              session.submit(line);
            }}
            onInterrupt={(line, prompt) => {
              if (prompt !== '') appendLog([{ text: `${prompt}${line}^C`, stream: 'input' }]);
              session.interrupt();
            }}
            onComplete={session.complete}
            onResize={session.resize}
          />
        </Suspense>
      </div>
      <Text id="powershell-keyboard-hint" size={200} className={styles.hint}>
        Tab completes cmdlet and parameter names, Up and Down recall earlier lines, Ctrl+C stops the running
        command. To leave the console with the keyboard, press Esc, then Tab.
      </Text>
      <div role="log" aria-label={`PowerShell output on ${server}`} className={styles.log}>
        {log.map((l) => (
          <div key={l.id} data-stream={l.stream}>
            {l.text}
          </div>
        ))}
      </div>
    </div>
  );
}
