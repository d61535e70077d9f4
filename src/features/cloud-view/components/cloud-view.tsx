import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Route, Routes, useLocation } from 'react-router';
import { RouterLink } from '@/components/router-link/router-link';
import { AppRegistrationPage, AppRegistrationsPage } from './app-registrations';
import { CloudViewPage } from './cloud-view-page';
import { GenerateScriptPage } from './generate-script';
import { MachinesPage } from './machines-list';
import { HciClustersPage, ResourcePage } from './resource-page';

const useStyles = makeStyles({
  root: { display: 'flex', flexGrow: 1, minHeight: 0 },
  nav: {
    width: '220px',
    flexShrink: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
  },
  current: { borderLeftColor: tokens.colorCompoundBrandStroke },
  content: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' },
});

const sections = [
  {
    to: '/azure',
    label: 'Subscriptions and resource groups',
    match: (p: string) =>
      p === '/azure' || (p.startsWith('/azure/resource/subscriptions') && !/\/providers\//i.test(p)),
  },
  {
    to: '/azure/machines',
    label: 'Machines - Azure Arc',
    match: (p: string) => p.startsWith('/azure/machines') || /hybridcompute/i.test(p),
  },
  {
    to: '/azure/hci',
    label: 'Azure Stack HCI',
    match: (p: string) => p.startsWith('/azure/hci') || /azurestackhci/i.test(p),
  },
  {
    to: '/azure/app-registrations',
    label: 'App registrations',
    match: (p: string) => p.startsWith('/azure/app-registrations'),
  },
];

/** The Azure portal solution: the cloud side of the simulated world, read through ARM and Entra. */
export function CloudView() {
  const styles = useStyles();
  const { pathname } = useLocation();
  return (
    <div className={styles.root}>
      <nav className={styles.nav} aria-label="Azure portal">
        <ul className={styles.list}>
          {sections.map((s) => {
            const current = s.match(pathname);
            return (
              <li key={s.to} className={mergeClasses(styles.item, current && styles.current)}>
                <RouterLink to={s.to} appearance="subtle">
                  {s.label}
                </RouterLink>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className={styles.content}>
        <Routes>
          <Route index element={<CloudViewPage />} />
          <Route path="machines" element={<MachinesPage />} />
          <Route path="machines/add" element={<GenerateScriptPage />} />
          <Route path="hci" element={<HciClustersPage />} />
          <Route path="app-registrations" element={<AppRegistrationsPage />} />
          <Route path="app-registrations/:appId" element={<AppRegistrationPage />} />
          <Route path="resource/*" element={<ResourcePage />} />
          <Route path="*" element={<CloudViewPage />} />
        </Routes>
      </div>
    </div>
  );
}
