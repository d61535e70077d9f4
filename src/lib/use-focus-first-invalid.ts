import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const INVALID = '[aria-invalid="true"]';

/**
 * Takes the user to the field a submit marked invalid, so its message is read out and in view: the first
 * `aria-invalid` element at or inside `ref`'s element, once the render in progress is in the DOM (the fields
 * are marked in the render a refused submit causes, after its handler has returned). Call
 * `focusFirstInvalid()` from the submit handler; when nothing is marked, focus stays where it is.
 */
export function useFocusFirstInvalid<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  focusFirstInvalid: () => void;
} {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0) return;
    const root = ref.current;
    const field = root?.matches(INVALID) ? root : root?.querySelector<HTMLElement>(INVALID);
    field?.focus();
  }, [requests]);
  const focusFirstInvalid = useCallback(() => setRequests((n) => n + 1), []);
  return { ref, focusFirstInvalid };
}
