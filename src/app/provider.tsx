import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { subscribeToSimChanges } from '@/lib/sim-events';
import { ThemePreferenceProvider } from '@/lib/theme-preference';
import { AppErrorBoundary } from './app-error-boundary';
import { themes } from './theme';

const useStyles = makeStyles({
  root: { height: '100%' },
});

export interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProvider({ queryClient, children }: AppProviderProps) {
  const styles = useStyles();
  useEffect(() => subscribeToSimChanges(queryClient), [queryClient]);
  return (
    <ThemePreferenceProvider>
      {(theme) => (
        <FluentProvider theme={themes[theme]} className={styles.root} data-theme={theme}>
          <AppErrorBoundary>
            <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
          </AppErrorBoundary>
        </FluentProvider>
      )}
    </ThemePreferenceProvider>
  );
}
