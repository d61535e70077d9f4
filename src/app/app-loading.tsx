import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', paddingBlock: tokens.spacingVerticalXXXL },
});

/** Shown while the first route's code and data load, before the shell can render. */
export function AppLoading() {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner label="Loading Windows Admin Center..." />
    </div>
  );
}
