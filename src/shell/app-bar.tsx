import {
  Button,
  CounterBadge,
  FluentProvider,
  makeStyles,
  Menu,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  AlertRegular,
  BeakerRegular,
  ChevronRightRegular,
  QuestionRegular,
  SettingsRegular,
} from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import type { JobDto } from '@/api/contract';
import { darkTheme } from '@/app/theme';
import { RouterLink } from '@/components/router-link/router-link';
import { paths } from '@/config/paths';
import { useUnreadNotificationCount } from '@/features/jobs/api/use-unread-notification-count';
import type { JobTargetLink } from '@/features/jobs/components/notifications-pane';
import { useOpenedOnce } from '@/lib/use-opened-once';
import { useThemePreference } from '@/lib/theme-preference';
import { SolutionSelector } from './solution-selector';
import { defaultToolFor } from './tools';

// Not shown at first paint: their code loads when first opened, off the first page's critical path.
const NotificationsPane = lazy(() =>
  import('@/features/jobs/components/notifications-pane').then((m) => ({ default: m.NotificationsPane })),
);
const HelpDialog = lazy(() => import('./help-dialog').then((m) => ({ default: m.HelpDialog })));

const useStyles = makeStyles({
  provider: { flexShrink: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    height: '40px',
    paddingInlineStart: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  left: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexGrow: 1, minWidth: 0 },
  productLink: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    whiteSpace: 'nowrap',
    ':hover': { color: tokens.colorNeutralForeground1Hover },
  },
  separator: { color: tokens.colorNeutralForeground3, fontSize: '12px' },
  right: { display: 'flex', alignItems: 'stretch', height: '100%' },
  iconButton: {
    height: '40px',
    minWidth: '44px',
    borderRadius: 0,
    position: 'relative',
  },
  counter: { position: 'absolute', top: '2px', right: '2px' },
});

function linkForTarget(target: JobDto['target']): JobTargetLink | null {
  if (target.type === 'cluster' || target.type === 'server') {
    const tool = defaultToolFor({ type: target.type });
    return {
      toolTitle: tool.title,
      connectionName: target.name,
      to: paths.tool(target.type, target.name, tool.id),
    };
  }
  if (target.type === 'gateway') {
    return { toolTitle: 'Settings', connectionName: 'Windows Admin Center', to: paths.gatewaySettings() };
  }
  return null;
}

function SettingsMenu() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { theme, setTheme } = useThemePreference();
  return (
    <Menu
      checkedValues={{ theme: theme === 'dark' ? ['dark'] : [] }}
      onCheckedValueChange={(_event, data) => {
        if (data.name === 'theme') setTheme(data.checkedItems.includes('dark') ? 'dark' : 'light');
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content="Settings" relationship="label">
          <Button appearance="subtle" className={styles.iconButton} icon={<SettingsRegular />} />
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void navigate(paths.gatewaySettings())}>Settings</MenuItem>
          <MenuItemCheckbox name="theme" value="dark">
            Dark theme
          </MenuItemCheckbox>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** WAC's dark app bar: product breadcrumb and solution selector on the left; bell, settings, help on the right. */
export function AppBar() {
  const styles = useStyles();
  const [notificationsOpen, setNotificationsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const notificationsMounted = useOpenedOnce(notificationsOpen);
  const helpMounted = useOpenedOnce(helpOpen);
  const navigate = useNavigate();
  const unread = useUnreadNotificationCount();
  const bellLabel = `Notifications, There are ${unread} unread notifications.`;

  return (
    <>
      {/* The app bar is dark in both themes, as in WAC; a nested provider keeps it on tokens. */}
      <FluentProvider theme={darkTheme} className={styles.provider}>
        <header className={styles.bar}>
          <nav className={styles.left} aria-label="Breadcrumb">
            <RouterLink to={paths.home()} appearance="subtle" className={styles.productLink}>
              Windows Admin Center
            </RouterLink>
            <ChevronRightRegular className={styles.separator} aria-hidden="true" />
            <SolutionSelector />
          </nav>
          <div className={styles.right}>
            <Button
              appearance="subtle"
              className={styles.iconButton}
              icon={<BeakerRegular />}
              onClick={() => void navigate('/lab')}
            >
              Simulation lab
            </Button>
            <Tooltip content="Notifications" relationship="description">
              <Button
                appearance="subtle"
                className={styles.iconButton}
                aria-label={bellLabel}
                icon={<AlertRegular />}
                onClick={() => setNotificationsOpen(true)}
              >
                {unread > 0 && (
                  <CounterBadge
                    className={styles.counter}
                    count={unread}
                    overflowCount={99}
                    size="small"
                    color="danger"
                    aria-hidden="true"
                  />
                )}
              </Button>
            </Tooltip>
            <SettingsMenu />
            <Tooltip content="About and Help" relationship="label">
              <Button
                appearance="subtle"
                className={styles.iconButton}
                icon={<QuestionRegular />}
                onClick={() => setHelpOpen(true)}
              />
            </Tooltip>
          </div>
        </header>
      </FluentProvider>
      <Suspense fallback={null}>
        {notificationsMounted && (
          <NotificationsPane
            open={notificationsOpen}
            onClose={() => setNotificationsOpen(false)}
            linkForTarget={linkForTarget}
          />
        )}
        {helpMounted && <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />}
      </Suspense>
    </>
  );
}
