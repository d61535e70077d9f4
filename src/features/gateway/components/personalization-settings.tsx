import { makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useMarkAppReady } from '@/lib/app-ready';
import { useThemePreference } from '@/lib/theme-preference';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Settings → Personalization: the dark theme switch, remembered in this browser. */
export function PersonalizationSettings() {
  const styles = useStyles();
  const { theme, setTheme } = useThemePreference();
  useMarkAppReady(true);
  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Personalization</h2>
      <p className={styles.text}>
        The theme applies to every page of this portal and is remembered in this browser.
      </p>
      <Switch
        label="Dark theme"
        checked={theme === 'dark'}
        onChange={(_event, data) => setTheme(data.checked ? 'dark' : 'light')}
      />
    </div>
  );
}
