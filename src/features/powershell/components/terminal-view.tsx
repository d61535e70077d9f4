import { makeStyles, tokens, useUncontrolledFocus } from '@fluentui/react-components';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { PowerShellCompletionDto, PowerShellOutputDto } from '@/api/powershell-contract';
import { edit, emptyLine, insert, KEY_SEQUENCES, replaceRange } from './line-editor';
import type { LineState } from './line-editor';

const useStyles = makeStyles({
  root: {
    flexGrow: 1,
    minHeight: '240px',
    padding: tokens.spacingHorizontalS,
    backgroundColor: '#0c0c0c',
    borderRadius: tokens.borderRadiusMedium,
    boxSizing: 'border-box',
    overflow: 'hidden',
    ':focus-within': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
});

const COLOURS: Record<string, string> = {
  error: '\x1b[91m',
  warning: '\x1b[93m',
  verbose: '\x1b[93m',
};
const RESET = '\x1b[0m';

export interface TerminalHandle {
  /** output of a call, in order */
  write: (output: readonly PowerShellOutputDto[]) => void;
  /** shows the prompt and accepts input; null while a cmdlet runs */
  setPrompt: (prompt: string | null) => void;
  /** types text into the input line without running it */
  type: (text: string) => void;
  focus: () => void;
}

export interface TerminalViewProps {
  label: string;
  history: readonly string[];
  onSubmit: (line: string, prompt: string) => void;
  onInterrupt: (line: string, prompt: string) => void;
  onComplete: (line: string, cursor: number) => Promise<PowerShellCompletionDto>;
  onResize: (columns: number) => void;
  handleRef: Ref<TerminalHandle>;
}

/**
 * The console's face: xterm.js with the line editor, Tab completion (repeated Tab cycles the matches),
 * Ctrl+C, and Esc then Tab to leave the terminal by keyboard.
 */
export default function TerminalView({
  label,
  history,
  onSubmit,
  onInterrupt,
  onComplete,
  onResize,
  handleRef,
}: TerminalViewProps) {
  const styles = useStyles();
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const line = useRef<LineState>(emptyLine(0));
  const prompt = useRef<string | null>(null);
  const pendingType = useRef<string | null>(null);
  const submitAhead = useRef(false);
  const historyRef = useRef(history);
  const callbacks = useRef({ onSubmit, onInterrupt, onComplete, onResize });
  const cycle = useRef<{ start: number; matches: string[]; index: number; end: number } | null>(null);

  useEffect(() => {
    historyRef.current = history;
    callbacks.current = { onSubmit, onInterrupt, onComplete, onResize };
  });

  /** Redraws prompt + input from the prompt's first row, wherever the cursor is. */
  const render = (previousCursor: number) => {
    const term = termRef.current;
    const p = prompt.current;
    if (!term || p === null) return;
    const cols = term.cols;
    const rowsUp = Math.floor((p.length + previousCursor) / cols);
    let out = rowsUp > 0 ? `\x1b[${rowsUp}A` : '';
    out += '\r\x1b[J' + p + line.current.text;
    const end = p.length + line.current.text.length;
    const target = p.length + line.current.cursor;
    const endRow = Math.floor(end / cols);
    const targetRow = Math.floor(target / cols);
    if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
    out += `\r${target % cols > 0 ? `\x1b[${target % cols}C` : ''}`;
    term.write(out);
  };

  const setLine = (next: LineState) => {
    const before = line.current.cursor;
    line.current = next;
    render(before);
  };

  useImperativeHandle(handleRef, () => ({
    write(output) {
      const term = termRef.current;
      if (!term) return;
      for (const record of output) {
        if (record.kind === 'clear') {
          term.clear();
          term.write('\x1b[2J\x1b[H');
          continue;
        }
        const colour = COLOURS[record.stream];
        for (const text of record.text.split('\n'))
          term.write(`${colour ?? ''}${text}${colour ? RESET : ''}\r\n`);
      }
    },
    setPrompt(text) {
      // a prompt already taking input stays as it is (answers to a resize or a Ctrl+C repeat it)
      if (text !== null && prompt.current !== null) return;
      prompt.current = text;
      if (text === null) return;
      const typed = pendingType.current ?? '';
      pendingType.current = null;
      line.current = emptyLine(historyRef.current.length, typed);
      termRef.current?.write(text + typed);
      if (submitAhead.current) {
        submitAhead.current = false;
        termRef.current?.write('\r\n');
        prompt.current = null;
        callbacks.current.onSubmit(typed, text);
      }
    },
    type(text) {
      if (prompt.current === null) {
        pendingType.current = text + (pendingType.current ?? '');
        return;
      }
      setLine(emptyLine(historyRef.current.length, text));
    },
    focus() {
      termRef.current?.focus();
    },
  }));

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: 'Consolas, "Cascadia Mono", "Courier New", monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: '#0c0c0c', foreground: '#cccccc', cursor: '#cccccc' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    termRef.current = term;
    const textarea = term.textarea;
    if (textarea) {
      textarea.setAttribute('aria-label', label);
      textarea.setAttribute('aria-describedby', 'powershell-keyboard-hint');
    }
    const doFit = () => {
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
    };
    doFit();
    callbacks.current.onResize(term.cols);
    let escaped = false;
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      if (event.key === 'Escape') {
        escaped = true;
        return false;
      }
      if (event.key === 'Tab' && escaped) {
        escaped = false;
        return false;
      }
      if (event.key !== 'Shift') escaped = false;
      // Tab completes here; the browser must not move focus as well
      if (event.key === 'Tab') event.preventDefault();
      return true;
    });
    const data = term.onData((input) => {
      const p = prompt.current;
      if (input === '\x03') {
        const typed = line.current.text;
        term.write('^C\r\n');
        callbacks.current.onInterrupt(typed, p ?? '');
        if (p !== null) {
          line.current = emptyLine(historyRef.current.length);
          term.write(p);
        }
        return;
      }
      if (p === null) {
        // type-ahead while a command runs: kept for the next prompt, as a console keeps it
        if (input === '\r') submitAhead.current = true;
        else if (!input.startsWith('\x1b') && input !== '\t' && !submitAhead.current)
          pendingType.current =
            (pendingType.current ?? '') + Array.from(input, (c) => (c >= ' ' ? c : '')).join('');
        return;
      }
      if (input !== '\t') cycle.current = null;
      if (input === '\r') {
        const text = line.current.text;
        setLine({ ...line.current, cursor: text.length });
        term.write('\r\n');
        prompt.current = null;
        callbacks.current.onSubmit(text, p);
        return;
      }
      if (input === '\t') {
        const current = cycle.current;
        if (current && current.matches.length > 0) {
          const index = (current.index + 1) % current.matches.length;
          const match = current.matches[index] ?? '';
          const next = replaceRange(line.current, current.start, current.end, match);
          cycle.current = { ...current, index, end: current.start + match.length };
          setLine(next);
          return;
        }
        const snapshot = line.current;
        void callbacks.current.onComplete(snapshot.text, snapshot.cursor).then(
          (completion) => {
            if (line.current !== snapshot || completion.matches.length === 0) return;
            const match = completion.matches[0] ?? '';
            cycle.current = {
              start: completion.start,
              end: completion.start + match.length,
              matches: completion.matches,
              index: 0,
            };
            setLine(replaceRange(snapshot, completion.start, completion.end, match));
          },
          () => undefined,
        );
        return;
      }
      const key = KEY_SEQUENCES[input];
      if (key) {
        setLine(edit(line.current, key, historyRef.current));
        return;
      }
      if (input.startsWith('\x1b')) return;
      // typed or pasted text; a pasted newline runs the line, as in a console
      const [first = '', ...rest] = input.replace(/\r\n?/g, '\n').split('\n');
      const printable = Array.from(first, (c) => (c >= ' ' ? c : '')).join('');
      setLine(insert(line.current, printable));
      if (rest.length > 0) {
        const text = line.current.text;
        term.write('\r\n');
        prompt.current = null;
        callbacks.current.onSubmit(text, p);
      }
    });
    let resizeTimer: number | undefined;
    const observer = new ResizeObserver(() => {
      doFit();
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(() => callbacks.current.onResize(term.cols), 200);
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      window.clearTimeout(resizeTimer);
      data.dispose();
      term.dispose();
      termRef.current = null;
    };
    // the terminal is created once; its label is set again below when it changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    termRef.current?.textarea?.setAttribute('aria-label', label);
  }, [label]);

  // Tab belongs to the terminal (completion); Fluent's focus manager must leave it alone in here
  const uncontrolled = useUncontrolledFocus();
  return <div ref={hostRef} className={styles.root} data-testid="powershell-terminal" {...uncontrolled} />;
}
