import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  stepTitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
  },
  check: { color: tokens.colorPaletteGreenForeground1, fontSize: '16px', flexShrink: 0 },
  number: { minWidth: '16px', textAlign: 'center' },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** A numbered step title that turns into a green check once done (ui.md §1.4, the flyout "mini-wizard"). */
export function StepTitle({
  n,
  done,
  children,
  id,
}: {
  n: number;
  done: boolean;
  children: ReactNode;
  id: string;
}) {
  const styles = useStyles();
  return (
    <h3 className={styles.stepTitle} id={id}>
      {done ? (
        <CheckmarkCircleFilled className={styles.check} aria-hidden />
      ) : (
        <span className={styles.number} aria-hidden>
          {n}.
        </span>
      )}
      <span>
        {children}
        {done && <span className={styles.srOnly}> (done)</span>}
      </span>
    </h3>
  );
}
