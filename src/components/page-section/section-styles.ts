import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The titled bands of a tool page (the lab, the diagnostics tool, the troubleshooter): a rule above each band,
 * its h3 title, rows of controls and the muted text that explains them. Plain style objects rather than a
 * `makeStyles` hook, so each page spreads them into its own hook next to its own classes and keeps one
 * `styles` object; the same declarations give the same atomic classes, so the bands look alike.
 */
export const sectionStyles = {
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  h4: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground2 },
} satisfies Record<string, GriffelStyle>;
