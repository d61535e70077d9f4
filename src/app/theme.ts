import {
  createDarkTheme,
  createLightTheme,
  type BrandVariants,
  type Theme,
} from '@fluentui/react-components';

/**
 * WAC's accent blue #0067b8 at step 80 (where Fluent puts the primary brand colour), darkened towards
 * black below and lightened towards white above. This file is the only place raw colours live.
 */
const wacBrand: BrandVariants = {
  10: '#00080f',
  20: '#001321',
  30: '#001d34',
  40: '#00294a',
  50: '#003660',
  60: '#004479',
  70: '#005497',
  80: '#0067b8',
  90: '#1f79c1',
  100: '#3d8bc9',
  110: '#5c9ed2',
  120: '#7ab0da',
  130: '#99c2e3',
  140: '#b3d1ea',
  150: '#cce1f1',
  160: '#e0edf6',
};

export const lightTheme: Theme = {
  ...createLightTheme(wacBrand),
  fontFamilyBase:
    "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
};

const darkBase = createDarkTheme(wacBrand);
export const darkTheme: Theme = {
  ...darkBase,
  fontFamilyBase: lightTheme.fontFamilyBase,
  // Fluent's default dark mapping (step 100) gives links only ~4:1 on the dark surfaces; step 120 reaches 6:1.
  colorBrandForeground1: wacBrand[120],
  colorBrandForeground2: wacBrand[130],
  colorBrandForegroundLink: wacBrand[120],
  colorBrandForegroundLinkHover: wacBrand[130],
  colorBrandForegroundLinkPressed: wacBrand[110],
  colorBrandForegroundLinkSelected: wacBrand[120],
  colorCompoundBrandForeground1: wacBrand[120],
  colorCompoundBrandForeground1Hover: wacBrand[130],
  colorCompoundBrandForeground1Pressed: wacBrand[110],
  colorNeutralForeground2BrandHover: wacBrand[120],
  colorNeutralForeground2BrandPressed: wacBrand[110],
  colorNeutralForeground2BrandSelected: wacBrand[120],
};

export type ThemeName = 'light' | 'dark';

export const themes: Record<ThemeName, Theme> = { light: lightTheme, dark: darkTheme };
