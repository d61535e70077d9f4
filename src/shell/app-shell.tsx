import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ACTION_BAR_ATTRIBUTE } from '@/components/action-bar/action-bar';
import { AppBar } from './app-bar';
import { useDocumentTitle } from './document-title';
import { currentSolution } from './solutions';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1000,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

/** WAC's global Ctrl+Alt+A: focus the first enabled button of the action toolbar on screen. */
function focusActionBar(): boolean {
  const toolbar = document.querySelector<HTMLElement>(`[${ACTION_BAR_ATTRIBUTE}]`);
  const target = toolbar?.querySelector<HTMLElement>('button:not([disabled]):not([aria-disabled="true"])');
  if (!target) return false;
  target.focus();
  return true;
}

export function AppShell() {
  const styles = useStyles();
  const { pathname } = useLocation();
  // The cloud portals wear their own chrome (their top bar carries the solution selector), not WAC's.
  const wacChrome = currentSolution(pathname).id === 'cluster-manager';
  useDocumentTitle();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.altKey && event.key.toLowerCase() === 'a' && focusActionBar())
        event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className={styles.root}>
      <a href="#main-content" className={styles.skipLink}>
        Skip to main content
      </a>
      {wacChrome && <AppBar />}
      <main id="main-content" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
