import { useCallback, useRef, useState } from 'react';

export interface ActionFailure {
  id: number;
  /** What did not happen, naming what it acted on, in WAC's words: "Couldn't start the virtual machine 'web02'." */
  title: string;
  error: unknown;
  /** Runs the same action again; omitted when it cannot simply be repeated. */
  retry?: () => void;
}

/**
 * The failed actions of one page, shown next to the action bar that started them. A failure never replaces the
 * page: the list and its selection stay as they were.
 */
export function useActionFailures() {
  const [failures, setFailures] = useState<ActionFailure[]>([]);
  const nextId = useRef(0);
  const report = useCallback((title: string, error: unknown, retry?: () => void) => {
    nextId.current += 1;
    const failure: ActionFailure = { id: nextId.current, title, error, ...(retry ? { retry } : {}) };
    // The same action failing again replaces its earlier report instead of stacking copies.
    setFailures((list) => [...list.filter((f) => f.title !== title), failure]);
  }, []);
  const dismiss = useCallback((id: number) => setFailures((list) => list.filter((f) => f.id !== id)), []);
  return { failures, report, dismiss };
}
