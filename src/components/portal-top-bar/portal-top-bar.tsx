import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouterLink } from '@/components/router-link/router-link';

/** A portal's top-bar colours; each portal theme carries its own (src/app/portal-themes.ts). */
export interface PortalChrome {
  headerBackground: string;
  headerForeground: string;
  headerSearchBackground: string;
}

const useStyles = makeStyles({
  provider: { flexShrink: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: '40px',
    paddingInline: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minWidth: 0,
  },
  left: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, flexShrink: 0 },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    whiteSpace: 'nowrap',
    color: 'inherit',
    ':hover': { color: 'inherit' },
    ':hover:active': { color: 'inherit' },
  },
  middle: { flexGrow: 1, display: 'flex', justifyContent: 'center', minWidth: 0 },
  right: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexShrink: 0,
    minWidth: 0,
  },
});

export interface PortalTopBarProps {
  /** "Microsoft Azure", "Microsoft Azure Stack" */
  productName: string;
  /** Where the product name leads: the portal's home. */
  home: string;
  chrome: PortalChrome;
  /** The dark theme the bar's controls use on its dark or blue background. */
  barTheme: Theme;
  /** Next to the product name: the presenter's solution selector, the Azure Stack portal's Cloud drop-down. */
  left?: ReactNode;
  /** The global search box. */
  search?: ReactNode;
  /** The signed-in account, settings. */
  right?: ReactNode;
}

/** A cloud portal's own top bar (not WAC's app bar): product name, global search, the signed-in account. */
export function PortalTopBar({
  productName,
  home,
  chrome,
  barTheme,
  left,
  search,
  right,
}: PortalTopBarProps) {
  const styles = useStyles();
  const colours = { backgroundColor: chrome.headerBackground, color: chrome.headerForeground };
  return (
    <FluentProvider
      // The bar's controls read white on the bar's colour (the dark theme's greys are too faint on blue).
      theme={{
        ...barTheme,
        colorNeutralBackground1: chrome.headerSearchBackground,
        colorNeutralForeground1: chrome.headerForeground,
        colorNeutralForeground1Hover: chrome.headerForeground,
        colorNeutralForeground1Pressed: chrome.headerForeground,
        colorNeutralForeground2: chrome.headerForeground,
        colorNeutralForeground2Hover: chrome.headerForeground,
        colorNeutralForeground2Pressed: chrome.headerForeground,
        colorNeutralForeground3: chrome.headerForeground,
        colorSubtleBackgroundHover: 'rgba(255, 255, 255, 0.16)',
        colorSubtleBackgroundPressed: 'rgba(255, 255, 255, 0.24)',
      }}
      className={styles.provider}
    >
      <header className={styles.bar} style={colours}>
        <div className={styles.left}>
          <RouterLink to={home} appearance="subtle" className={styles.product}>
            {productName}
          </RouterLink>
          {left}
        </div>
        <div className={styles.middle}>{search}</div>
        <div className={styles.right}>{right}</div>
      </header>
    </FluentProvider>
  );
}
