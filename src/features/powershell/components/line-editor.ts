/**
 * The input line of the console, as PSReadLine-less Windows PowerShell edits it: insert at the cursor,
 * Backspace/Delete, Left/Right/Home/End, Up/Down through history. Pure: the terminal renders what it returns.
 */
export interface LineState {
  text: string;
  cursor: number;
  /** position in history while browsing with Up/Down; history.length when editing a new line */
  historyIndex: number;
  /** the new line being typed before browsing history started */
  draft: string;
}

export const emptyLine = (historyLength: number, text = ''): LineState => ({
  text,
  cursor: text.length,
  historyIndex: historyLength,
  draft: text,
});

export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'up' | 'down';

export function insert(state: LineState, chars: string): LineState {
  const text = state.text.slice(0, state.cursor) + chars + state.text.slice(state.cursor);
  return { ...state, text, cursor: state.cursor + chars.length };
}

export function edit(state: LineState, key: EditKey, history: readonly string[]): LineState {
  switch (key) {
    case 'left':
      return { ...state, cursor: Math.max(0, state.cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(state.text.length, state.cursor + 1) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: state.text.length };
    case 'backspace':
      if (state.cursor === 0) return state;
      return {
        ...state,
        text: state.text.slice(0, state.cursor - 1) + state.text.slice(state.cursor),
        cursor: state.cursor - 1,
      };
    case 'delete':
      return { ...state, text: state.text.slice(0, state.cursor) + state.text.slice(state.cursor + 1) };
    case 'up': {
      if (state.historyIndex === 0 || history.length === 0) return state;
      const index = Math.min(state.historyIndex, history.length) - 1;
      const text = history[index] ?? '';
      const draft = state.historyIndex >= history.length ? state.text : state.draft;
      return { text, cursor: text.length, historyIndex: index, draft };
    }
    case 'down': {
      if (state.historyIndex >= history.length) return state;
      const index = state.historyIndex + 1;
      const text = index >= history.length ? state.draft : (history[index] ?? '');
      return { ...state, text, cursor: text.length, historyIndex: index };
    }
  }
}

/** Replaces `start..end` with a completion, the cursor after it. */
export function replaceRange(state: LineState, start: number, end: number, replacement: string): LineState {
  const text = state.text.slice(0, start) + replacement + state.text.slice(end);
  return { ...state, text, cursor: start + replacement.length };
}

/** The escape sequences xterm sends for the editing keys. */
export const KEY_SEQUENCES: Readonly<Record<string, EditKey>> = {
  '\x1b[D': 'left',
  '\x1b[C': 'right',
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b[3~': 'delete',
};

/**
 * Pasted (or typed) text split at its first newline: the printable part that goes on the line, and what
 * follows the newline — null when there was none (the line is not run), '' when the newline ended the text.
 */
export function splitInput(input: string): { text: string; after: string | null } {
  const [first = '', ...rest] = input.replace(/\r\n?/g, '\n').split('\n');
  const text = Array.from(first, (c) => (c >= ' ' ? c : '')).join('');
  return { text, after: rest.length > 0 ? rest.join('\n') : null };
}
