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
 * Search text mirrored into the URL. The input reads local state, because the URL updates asynchronously
 * and a controlled input fed from it drops keystrokes typed faster than navigation settles.
 *
 * With `urlLater`, typing leaves the URL alone and the owner calls the third function once the list shows
 * the text's answer. Each URL write is a router navigation that renders the page again: a list filtered
 * where it lives (a server-paged table) would otherwise pay for it between the keystroke and its rows.
 */
export function useSearchText(
  key = 'q',
  { urlLater = false }: { urlLater?: boolean } = {},
): [string, (value: string) => void, (value: string) => void] {
  const [urlValue, setUrlValue] = useSearchParam(key);
  const [text, setText] = useState(urlValue);
  // Values written by typing here; the URL catches up through them one by one and must not echo them back.
  const written = useRef(new Set<string>());
  const lastWritten = useRef<string | null>(null);
  useEffect(() => {
    if (written.current.has(urlValue)) {
      if (urlValue === lastWritten.current) written.current.clear();
      return;
    }
    // A change from elsewhere (back button, a pasted link) replaces the text; with `urlLater`, what was
    // typed before it is no longer for the URL.
    if (urlLater) {
      written.current.clear();
      lastWritten.current = null;
    }
    setText(urlValue);
  }, [urlValue, urlLater]);
  const update = useCallback(
    (value: string) => {
      written.current.add(value);
      lastWritten.current = value;
      setText(value);
      if (!urlLater) setUrlValue(value);
    },
    [setUrlValue, urlLater],
  );
  /** Puts the text last typed into the URL; a value the URL has, or one not typed here, changes nothing. */
  const writeUrl = useCallback(
    (value: string) => {
      if (value !== urlValue && value === lastWritten.current) setUrlValue(value);
    },
    [setUrlValue, urlValue],
  );
  return [text, update, writeUrl];
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
