import { describe, expect, it } from 'vitest';
import { createTypeAhead } from './type-ahead';

/** A console in miniature: input only counts while a prompt is up; Enter runs the line and takes the prompt. */
function consoleWith(ahead: ReturnType<typeof createTypeAhead>) {
  let prompt = false;
  let line = '';
  const submitted: string[] = [];
  const handle = (input: string) => {
    for (const c of input) {
      if (c === '\r') {
        submitted.push(line);
        line = '';
        prompt = false;
      } else line += c;
    }
  };
  return {
    key(input: string) {
      if (prompt) handle(input);
      else ahead.push(input);
    },
    showPrompt() {
      prompt = true;
      ahead.drain(() => prompt, handle);
    },
    submitted,
    line: () => line,
  };
}

describe('type-ahead', () => {
  it('keeps keys pressed before the prompt and replays them in order once it shows', () => {
    const ahead = createTypeAhead();
    const term = consoleWith(ahead);
    term.key('G');
    term.key('et');
    term.showPrompt();
    expect(term.line()).toBe('Get');
    expect(ahead.size).toBe(0);
  });

  it('an Enter pressed early answers the next prompt, and keys after it wait for the one after', () => {
    const ahead = createTypeAhead();
    const term = consoleWith(ahead);
    term.key('\r');
    term.key('Y');
    term.key('\r');
    term.showPrompt();
    expect(term.submitted).toEqual(['']);
    expect(ahead.size).toBe(2);
    term.showPrompt();
    expect(term.submitted).toEqual(['', 'Y']);
    expect(ahead.size).toBe(0);
  });

  it('clear drops what was typed ahead (Ctrl+C)', () => {
    const ahead = createTypeAhead();
    const term = consoleWith(ahead);
    term.key('dir');
    ahead.clear();
    term.showPrompt();
    expect(term.line()).toBe('');
  });
});
