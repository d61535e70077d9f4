import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const INVALID = '[aria-invalid="true"]';

/**
 * Takes the user to the field a refused submit marked invalid, so its message is read out and in view: the
 * first `aria-invalid` element at or inside `ref`'s element. An effect, not the submit handler: the fields are
 * marked in the render the refusal causes. Call `refused()` from the handler each time it refuses (calling it
 * for a submit that marked nothing moves nothing).
 */
export function useFocusOnRefusal<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  refused: () => void;
} {
  const ref = useRef<T>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const root = ref.current;
    const field = root?.matches(INVALID) ? root : root?.querySelector<HTMLElement>(INVALID);
    field?.focus();
  }, [refusals]);
  const refused = useCallback(() => setRefusals((n) => n + 1), []);
  return { ref, refused };
}
