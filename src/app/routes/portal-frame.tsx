import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useThemePreference } from '@/lib/theme-preference';
import type { PortalTheme } from '../portal-themes';

/** A cloud portal's own theme over the page (no layout class: Fluent copies provider classes onto popups). */
export function PortalFrame({
  themes,
  children,
}: {
  themes: Record<'light' | 'dark', PortalTheme>;
  children: (portal: PortalTheme) => ReactNode;
}) {
  const { theme } = useThemePreference();
  const portal = themes[theme];
  return (
    <FluentProvider
      theme={portal.theme}
      style={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
    >
      {children(portal)}
    </FluentProvider>
  );
}
