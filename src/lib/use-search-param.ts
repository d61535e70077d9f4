import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A string kept in the URL's query (search text, selection, tab), so deep links survive a reload.
 * Updates replace the history entry: typing a search should not push one entry per keystroke.
 */
export function useSearchParam(key: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? '';
  const setValue = useCallback(
    (next: string) => {
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next) updated.set(key, next);
          else updated.delete(key);
          return updated;
        },
        { replace: true },
      );
    },
    [key, setParams],
  );
  return [value, setValue];
}

/**
 * Search text mirrored into the URL, for a list filtered on the page. The list filters by local state, at
 * the keystroke: the URL updates asynchronously, one router navigation per key, and catches up through
 * the texts typed in turn. The box keeps its own text (search-field.tsx); this state is the list's.
 */
export function useSearchText(key = 'q'): [string, (value: string) => void] {
  const [urlValue, setUrlValue] = useSearchParam(key);
  const [text, setText] = useState(urlValue);
  // Values written by typing here; the URL catches up through them one by one and must not echo them back
  // (the list would show an older text's rows for a moment).
  const written = useRef(new Set<string>());
  const lastWritten = useRef<string | null>(null);
  useEffect(() => {
    if (written.current.has(urlValue)) {
      if (urlValue === lastWritten.current) written.current.clear();
      return;
    }
    // A change from elsewhere (back button, a pasted link) replaces the text.
    setText(urlValue);
  }, [urlValue]);
  const update = useCallback(
    (value: string) => {
      written.current.add(value);
      lastWritten.current = value;
      setText(value);
      setUrlValue(value);
    },
    [setUrlValue],
  );
  return [text, update];
}

/** A list kept in one query parameter, comma-separated (host names cannot contain commas). */
export function useSearchParamList(key: string): [string[], (values: readonly string[]) => void] {
  const [raw, setRaw] = useSearchParam(key);
  const values = raw ? raw.split(',').filter(Boolean) : [];
  const setValues = useCallback((next: readonly string[]) => setRaw(next.join(',')), [setRaw]);
  return [values, setValues];
}

/** Case-insensitive match of a search query against any of the given texts. */
export function matchesQuery(query: string, texts: readonly (string | number | null | undefined)[]): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return texts.some(
    (text) => text !== null && text !== undefined && String(text).toLowerCase().includes(needle),
  );
}
