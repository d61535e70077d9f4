import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  makeStyles,
  mergeClasses,
  SearchBox,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { directoryQueries, gatewayQueries } from '@/api/queries/gateway-queries';
import { PortalTopBar, type PortalChrome } from '@/components/portal-top-bar/portal-top-bar';
import { RouterLink } from '@/components/router-link/router-link';
import { armQueries, parseResourceId } from '@/api/queries/arm-queries';
import { AllResourcesPage } from './all-resources';
import { AppRegistrationPage, AppRegistrationsPage } from './app-registrations';
import { ResourceGroupsPage, SubscriptionsPage } from './cloud-view-page';
import { GenerateScriptPage } from './generate-script';
import { MachinesPage } from './machines-list';
import { HciClustersPage, ResourcePage } from './resource-page';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, minWidth: 0 },
  nav: {
    width: '200px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
  },
  current: {
    borderLeftColor: tokens.colorCompoundBrandStroke,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
  },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', minHeight: 0 },
  crumbs: { paddingInline: tokens.spacingHorizontalL, paddingBlock: tokens.spacingVerticalXS, flexShrink: 0 },
  content: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    overflow: 'auto',
  },
  search: { width: '100%', maxWidth: '520px' },
  account: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    maxWidth: '260px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  accountText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tenant: { opacity: 0.8, fontSize: tokens.fontSizeBase100 },
});

interface Section {
  to: string;
  label: string;
  match: (pathname: string) => boolean;
}

const isSubscription = (p: string) => /^\/azure\/resource\/subscriptions\/[^/]+$/i.test(p);
const isResourceGroup = (p: string) =>
  /^\/azure\/resource\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(p);

const sections: readonly Section[] = [
  { to: '/azure', label: 'Subscriptions', match: (p) => p === '/azure' || isSubscription(p) },
  {
    to: '/azure/resource-groups',
    label: 'Resource groups',
    match: (p) => p.startsWith('/azure/resource-groups') || isResourceGroup(p),
  },
  { to: '/azure/resources', label: 'All resources', match: (p) => p.startsWith('/azure/resources') },
  {
    to: '/azure/hci',
    label: 'Azure Stack HCI',
    match: (p) => p.startsWith('/azure/hci') || /azurestackhci/i.test(p),
  },
  {
    to: '/azure/machines',
    label: 'Machines - Azure Arc',
    match: (p) => p.startsWith('/azure/machines') || /hybridcompute/i.test(p),
  },
  {
    to: '/azure/app-registrations',
    label: 'App registrations',
    match: (p) => p.startsWith('/azure/app-registrations'),
  },
];

interface Crumb {
  label: string;
  to?: string;
}

/**
 * Home > the service > the resource, as the portal's breadcrumb reads. An app registration's path holds its
 * appId; the crumb shows the app's display name, as the portal does, once the directory has answered.
 */
function crumbsFor(
  pathname: string,
  appName: (appId: string) => string | undefined,
  subscriptionName: (subscriptionId: string) => string | undefined,
): Crumb[] {
  const home: Crumb = { label: 'Home', to: '/azure' };
  const section = sections.find((s) => s.match(pathname));
  const trail: Crumb[] = [home];
  if (section) trail.push({ label: section.label, to: section.to });
  if (pathname.startsWith('/azure/resource/')) {
    const id = decodeURIComponent(pathname.slice('/azure/resource'.length));
    const { name, subscriptionId } = parseResourceId(id);
    trail.push({ label: isSubscription(pathname) ? (subscriptionName(subscriptionId) ?? name) : name });
  } else if (pathname.startsWith('/azure/app-registrations/')) {
    const appId = decodeURIComponent(pathname.split('/')[3] ?? '');
    trail.push({ label: appName(appId) ?? appId });
  } else if (pathname === '/azure/machines/add') {
    trail.push({ label: 'Add a server with Azure Arc' });
  }
  return trail;
}

function SignedInAccount() {
  const styles = useStyles();
  const gateway = useQuery(gatewayQueries.detail());
  const account = gateway.data?.account;
  return (
    <div className={styles.account} aria-label="Signed-in account" role="group">
      <PersonRegular fontSize={20} aria-hidden="true" />
      <span className={styles.accountText}>
        <span className={styles.ellipsis}>{account ? account.upn : 'Not signed in'}</span>
        {account && (
          <span className={mergeClasses(styles.ellipsis, styles.tenant)}>{`Tenant ${account.tenantId}`}</span>
        )}
      </span>
    </div>
  );
}

/** The portal's global search: every resource whose name, group or type matches, on All resources. */
function GlobalSearch() {
  const styles = useStyles();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className={styles.search}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(`/azure/resources?filter=${encodeURIComponent(text.trim())}`);
      }}
    >
      <SearchBox
        className={styles.search}
        size="small"
        aria-label="Search resources, services, and docs (G+/)"
        placeholder="Search resources, services, and docs (G+/)"
        value={text}
        onChange={(_e, d) => setText(d.value)}
      />
    </form>
  );
}

export interface CloudViewProps {
  chrome: PortalChrome;
  barTheme: Theme;
  /** The presenter's one-click switch back to WAC or to the Azure Stack portal. */
  solutionSelector: ReactNode;
}

/** The Azure portal solution: its own chrome (top bar, menu, breadcrumb) over what ARM and Entra hold. */
export function CloudView({ chrome, barTheme, solutionSelector }: CloudViewProps) {
  const styles = useStyles();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // The same query the app registration blade reads, so the crumb costs no request of its own.
  const apps = useQuery({
    ...directoryQueries.apps(),
    enabled: pathname.startsWith('/azure/app-registrations/'),
  });
  const subscriptions = useQuery({ ...armQueries.subscriptions(), enabled: isSubscription(pathname) });
  const crumbs = crumbsFor(
    pathname,
    (appId) => apps.data?.find((a) => a.appId.toLowerCase() === appId.toLowerCase())?.displayName,
    (id) => subscriptions.data?.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase())?.displayName,
  );
  return (
    <div className={styles.root}>
      <PortalTopBar
        productName="Microsoft Azure"
        home="/azure"
        chrome={chrome}
        barTheme={barTheme}
        left={solutionSelector}
        search={<GlobalSearch />}
        right={<SignedInAccount />}
      />
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Portal menu">
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
        <div className={styles.main}>
          <Breadcrumb aria-label="Breadcrumb" size="small" className={styles.crumbs}>
            {crumbs.map((crumb, index) => (
              <Fragment key={`${index}-${crumb.label}`}>
                {index > 0 && <BreadcrumbDivider />}
                <BreadcrumbItem>
                  <BreadcrumbButton
                    current={index === crumbs.length - 1}
                    onClick={
                      crumb.to && index < crumbs.length - 1 ? () => void navigate(crumb.to ?? '') : undefined
                    }
                  >
                    {crumb.label}
                  </BreadcrumbButton>
                </BreadcrumbItem>
              </Fragment>
            ))}
          </Breadcrumb>
          <div className={styles.content}>
            <Routes>
              <Route index element={<SubscriptionsPage />} />
              <Route path="resource-groups" element={<ResourceGroupsPage />} />
              <Route path="resources" element={<AllResourcesPage />} />
              <Route path="machines" element={<MachinesPage />} />
              <Route path="machines/add" element={<GenerateScriptPage />} />
              <Route path="hci" element={<HciClustersPage />} />
              <Route path="app-registrations" element={<AppRegistrationsPage />} />
              <Route path="app-registrations/:appId" element={<AppRegistrationPage />} />
              <Route path="resource/*" element={<ResourcePage />} />
              <Route path="*" element={<SubscriptionsPage />} />
            </Routes>
          </div>
        </div>
      </div>
    </div>
  );
}
