/**
 * Keystrokes that arrive while no prompt takes input (a command is running, or its answer is on the way),
 * kept in order and handed back once a prompt does, as a console keeps type-ahead. Each chunk is replayed
 * through the same handler as live input, so an Enter in the middle runs its line and the rest waits for
 * the next prompt.
 */
export interface TypeAhead {
  push: (input: string) => void;
  /** puts input back at the front: the rest of a paste runs before anything typed after it */
  pushFront: (input: string) => void;
  /** hands queued input to `handle` while `accepting()` holds; what is left waits for the next prompt */
  drain: (accepting: () => boolean, handle: (input: string) => void) => void;
  /** Ctrl+C discards what was typed ahead */
  clear: () => void;
  readonly size: number;
}

export function createTypeAhead(): TypeAhead {
  const queue: string[] = [];
  return {
    push(input) {
      queue.push(input);
    },
    pushFront(input) {
      queue.unshift(input);
    },
    drain(accepting, handle) {
      while (queue.length > 0 && accepting()) handle(queue.shift() ?? '');
    },
    clear() {
      queue.length = 0;
    },
    get size() {
      return queue.length;
    },
  };
}
