import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout the gateway registration pane's steps share. */
export const useGatewayStepStyles = makeStyles({
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  success: { margin: 0, color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});
