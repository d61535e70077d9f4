import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatusBadgeStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    maxWidth: '100%',
    verticalAlign: 'middle',
  },
  icon: { flexShrink: 0, fontSize: '16px' },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  success: { color: tokens.colorPaletteGreenForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  progress: { color: tokens.colorBrandForeground1 },
  neutral: { color: tokens.colorNeutralForeground3 },
  emphasised: { fontWeight: tokens.fontWeightSemibold },
  errorText: { color: tokens.colorPaletteRedForeground1 },
});
