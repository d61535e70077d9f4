import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalXXL,
    minHeight: 0,
    height: '100%',
    boxSizing: 'border-box',
    overflow: 'auto',
  },
  /** Lets a master-view grid take the remaining height and scroll inside itself. */
  fill: { overflow: 'hidden' },
});

/** The tool content area: title, optional tabs, action bar, grid, details, top to bottom. */
export function PageLayout({ children, fill = false }: { children: ReactNode; fill?: boolean }) {
  const styles = useStyles();
  return <div className={mergeClasses(styles.root, fill && styles.fill)}>{children}</div>;
}
