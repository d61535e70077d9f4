import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type ThemePreference = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'hci-portal-theme';

function readStoredTheme(): ThemePreference {
  try {
    return window.localStorage.getItem(THEME_STORAGE_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    // Storage can be disabled (privacy mode); the default theme is still usable.
    return 'light';
  }
}

interface ThemePreferenceValue {
  theme: ThemePreference;
  setTheme: (theme: ThemePreference) => void;
}

const ThemePreferenceContext = createContext<ThemePreferenceValue | null>(null);

export function ThemePreferenceProvider({ children }: { children: (theme: ThemePreference) => ReactNode }) {
  const [theme, setThemeState] = useState<ThemePreference>(readStoredTheme);
  const setTheme = useCallback((next: ThemePreference) => {
    setThemeState(next);
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not persisted, but the choice still applies for this visit.
    }
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemePreferenceContext.Provider value={value}>{children(theme)}</ThemePreferenceContext.Provider>;
}

export function useThemePreference(): ThemePreferenceValue {
  const value = useContext(ThemePreferenceContext);
  if (!value) throw new Error('useThemePreference must be used inside ThemePreferenceProvider.');
  return value;
}
