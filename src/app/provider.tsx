import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { subscribeToWorldChanges } from '@/lib/sim-events';
import { ThemePreferenceProvider } from '@/lib/theme-preference';
import { AppErrorBoundary } from './app-error-boundary';
import { themes } from './theme';

// The shell fills the window edge to edge, like WAC; the browser's default body margin would frame it.
const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

export interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProvider({ queryClient, children }: AppProviderProps) {
  useGlobalStyles();
  useEffect(() => subscribeToWorldChanges(queryClient), [queryClient]);
  return (
    <ThemePreferenceProvider>
      {(theme) => (
        // No layout classes here: Fluent copies the provider's classes onto every portal node (tooltips,
        // menus), and a full-height class there would cover the page.
        <FluentProvider theme={themes[theme]} data-theme={theme}>
          <AppErrorBoundary>
            <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
          </AppErrorBoundary>
        </FluentProvider>
      )}
    </ThemePreferenceProvider>
  );
}
