import { makeStyles, tokens } from '@fluentui/react-components';

export const useContextPaneStyles = makeStyles({
  narrow: { width: '520px', maxWidth: '100vw' },
  wide: { width: '65vw', maxWidth: '100vw' },
  description: { margin: 0, marginBottom: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-start' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});
