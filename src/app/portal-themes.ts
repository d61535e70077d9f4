import {
  createDarkTheme,
  createLightTheme,
  type BrandVariants,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeName } from './theme';

/**
 * The Azure portal's brand: Azure blue #0078d4 at step 80 (Fluent's primary step), the ramp Fluent's own
 * web theme uses. The Azure portal and the Azure Stack user portal share it; their chrome differs (below).
 */
const azureBrand: BrandVariants = {
  10: '#061724',
  20: '#082338',
  30: '#0a2e4a',
  40: '#0c3b5e',
  50: '#0e4775',
  60: '#0f548c',
  70: '#115ea3',
  80: '#0f6cbd',
  90: '#2886de',
  100: '#479ef5',
  110: '#62abf5',
  120: '#77b7f7',
  130: '#96c6fa',
  140: '#b4d6fa',
  150: '#cfe4fa',
  160: '#ebf3fc',
};

const portalFont =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";

/** Extra tokens a portal's chrome reads: its top bar, which WAC's themes do not have. */
export interface PortalChrome {
  headerBackground: string;
  headerForeground: string;
  headerSearchBackground: string;
}

export interface PortalTheme {
  theme: Theme;
  chrome: PortalChrome;
}

const darkBase = createDarkTheme(azureBrand);
const darkTheme: Theme = {
  ...darkBase,
  fontFamilyBase: portalFont,
  colorBrandForegroundLink: azureBrand[120],
  colorBrandForegroundLinkHover: azureBrand[130],
  colorBrandForeground1: azureBrand[120],
  colorCompoundBrandForeground1: azureBrand[120],
};
const lightTheme: Theme = { ...createLightTheme(azureBrand), fontFamilyBase: portalFont };

/** The Azure portal: a dark top bar over a light (or dark) page; blue for links and the selected menu item. */
export const azurePortalThemes: Record<ThemeName, PortalTheme> = {
  light: {
    theme: lightTheme,
    chrome: { headerBackground: '#1b1a19', headerForeground: '#ffffff', headerSearchBackground: '#3b3a39' },
  },
  dark: {
    theme: darkTheme,
    chrome: { headerBackground: '#111111', headerForeground: '#ffffff', headerSearchBackground: '#2b2b2b' },
  },
};

/** The Azure Stack user portal: the same page, under a blue top bar. */
export const portalBarTheme: Theme = darkTheme;

export const azureStackPortalThemes: Record<ThemeName, PortalTheme> = {
  light: {
    theme: lightTheme,
    chrome: { headerBackground: '#0f6cbd', headerForeground: '#ffffff', headerSearchBackground: '#115ea3' },
  },
  dark: {
    theme: darkTheme,
    chrome: { headerBackground: '#0c3b5e', headerForeground: '#ffffff', headerSearchBackground: '#0e4775' },
  },
};
