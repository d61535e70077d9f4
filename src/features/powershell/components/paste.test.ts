import { describe, expect, it } from 'vitest';
import { splitInput } from './line-editor';
import { createTypeAhead } from './type-ahead';

/**
 * The terminal's input path in miniature (terminal-view's onInput): a prompt takes input, a newline runs the
 * line and takes the prompt away, the rest of a paste waits at the front of the type-ahead for the next one.
 */
function consoleWith() {
  const ahead = createTypeAhead();
  let prompt: string | null = null;
  let line = '';
  const echoed: string[] = [];
  const handle = (input: string) => {
    if (prompt === null) {
      ahead.push(input);
      return;
    }
    const { text, after } = splitInput(input);
    line += text;
    if (after === null) return;
    echoed.push(`${prompt}${line}`);
    line = '';
    prompt = null;
    if (after !== '') ahead.pushFront(after);
  };
  return {
    input: handle,
    showPrompt(text: string) {
      prompt = text;
      ahead.drain(() => prompt !== null, handle);
    },
    echoed,
    line: () => line,
  };
}

describe('pasting several lines', () => {
  it('runs them one after another, each after its own prompt; a question takes the next line as its answer', () => {
    const term = consoleWith();
    term.showPrompt('PS C:\\> ');
    term.input("Unregister-AzStackHCI -SubscriptionId 'x'\r\nY\r\nGet-AzureStackHCI\r\n");
    // typed while the pasted lines are still waiting: it comes after them
    term.input('cls');
    expect(term.echoed).toEqual(["PS C:\\> Unregister-AzStackHCI -SubscriptionId 'x'"]);
    term.showPrompt('[Y] Yes  [N] No  (default is "Y"): ');
    term.showPrompt('PS C:\\> ');
    expect(term.echoed).toEqual([
      "PS C:\\> Unregister-AzStackHCI -SubscriptionId 'x'",
      '[Y] Yes  [N] No  (default is "Y"): Y',
      'PS C:\\> Get-AzureStackHCI',
    ]);
    term.showPrompt('PS C:\\> ');
    expect(term.line()).toBe('cls');
  });

  it('leaves a last line without a newline typed in, not run', () => {
    expect(splitInput('Get-VM')).toEqual({ text: 'Get-VM', after: null });
    expect(splitInput('a\rb')).toEqual({ text: 'a', after: 'b' });
    expect(splitInput('a\n')).toEqual({ text: 'a', after: '' });
  });
});
