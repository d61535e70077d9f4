import { makeStyles, tokens, useUncontrolledFocus } from '@fluentui/react-components';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { PowerShellCompletionDto, PowerShellOutputDto } from '@/api/powershell-contract';
import { edit, emptyLine, insert, KEY_SEQUENCES, replaceRange, splitInput } from './line-editor';
import type { LineState } from './line-editor';
import { createTypeAhead } from './type-ahead';

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
const COMPLETELY_UNCONTROLLED = JSON.stringify({ uncontrolled: { completely: true } });

export interface TerminalHandle {
  /** output of a call, in order */
  write: (output: readonly PowerShellOutputDto[]) => void;
  /**
   * Shows the prompt and accepts input, first replaying what was typed ahead; null while a cmdlet runs.
   * `history` is the session's, as of this answer (Up at this prompt must see the line just run).
   */
  setPrompt: (prompt: string | null, history?: readonly string[]) => void;
  /** types text into the input line without running it */
  type: (text: string) => void;
  focus: () => void;
}

export interface TerminalViewProps {
  label: string;
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
  const ahead = useRef(createTypeAhead());
  // the terminal's input handler, for replaying type-ahead through the same path as live keys
  const handleInput = useRef<(input: string) => void>(() => undefined);
  const historyRef = useRef<readonly string[]>([]);
  const callbacks = useRef({ onSubmit, onInterrupt, onComplete, onResize });
  const cycle = useRef<{ start: number; matches: string[]; index: number; end: number } | null>(null);

  useEffect(() => {
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

  // A layout effect, declared before the handle: the terminal exists when the console is handed the handle
  // (it writes the first prompt and takes focus at once). Created in a passive effect, it came after the
  // handle, so the first prompt was written to no terminal and focus went nowhere.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    // a new terminal shows no prompt yet; the handle attached next writes the current one
    prompt.current = null;
    line.current = emptyLine(0);
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
    const onInput = (input: string) => {
      const p = prompt.current;
      if (input === '\x03') {
        ahead.current.clear();
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
        // type-ahead while a command runs or its answer is on the way: replayed at the next prompt
        ahead.current.push(input);
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
      // Typed or pasted text. A pasted newline runs the line, as in a console; the lines after it wait, in
      // order, for the prompts that follow — a cmdlet's question takes the next pasted line as its answer.
      const { text: printable, after } = splitInput(input);
      setLine(insert(line.current, printable));
      if (after !== null) {
        const text = line.current.text;
        term.write('\r\n');
        prompt.current = null;
        if (after !== '') ahead.current.pushFront(after);
        callbacks.current.onSubmit(text, p);
      }
    };
    handleInput.current = onInput;
    const data = term.onData(onInput);
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

  useImperativeHandle(
    handleRef,
    () => ({
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
      setPrompt(text, history) {
        if (history) historyRef.current = history;
        // a prompt already taking input stays as it is (answers to a resize or a Ctrl+C repeat it)
        if (text !== null && prompt.current !== null) return;
        prompt.current = text;
        if (text === null) return;
        const typed = pendingType.current ?? '';
        pendingType.current = null;
        line.current = emptyLine(historyRef.current.length, typed);
        termRef.current?.write(text + typed);
        ahead.current.drain(() => prompt.current !== null, handleInput.current);
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
    }),
    // Made once: it reads refs only. Without deps it was remade on every render, and each remake attached the
    // console again, which re-showed the last shown prompt while a command's answer was still on the way;
    // keys then went to that stale prompt and the real one (NuGet, PSGallery) was never shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    termRef.current?.textarea?.setAttribute('aria-label', label);
  }, [label]);

  // Tab belongs to the terminal (completion); Fluent's focus manager (Tabster) must leave it alone in here.
  // Plain "uncontrolled" is not enough: Tabster still answers Tab by moving focus to its dummy element at the
  // end of the page, so every key after a completion was lost. "completely" hands Tab over to the terminal;
  // Esc then Tab, which the terminal leaves alone, gets the browser's own Tab.
  useUncontrolledFocus();
  return (
    <div
      ref={hostRef}
      className={styles.root}
      data-testid="powershell-terminal"
      data-tabster={COMPLETELY_UNCONTROLLED}
    />
  );
}
