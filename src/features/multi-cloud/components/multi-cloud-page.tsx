import {
  Button,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { NetworkCheckRegular, DesktopRegular, KeyRegular, type FluentIcon } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Banner } from '@/components/banner/banner';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { PortalTopBar, type PortalChrome } from '@/components/portal-top-bar/portal-top-bar';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { cloudKeys, cloudQueries } from '@/api/queries/cloud-queries';
import { connectorKind, connectorText } from './cloud-status';
import { NetworksView } from './networks-view';
import { SubscriptionsView } from './subscriptions-view';
import { VmBlade } from './vm-blade';
import { VmsView } from './vms-view';
import { WapFetchErrors } from './wap-fetch-errors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, minWidth: 0 },
  cloud: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  cloudLabel: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  cloudPicker: { minWidth: '170px' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, minWidth: 0 },
  nav: {
    width: '190px',
    flexShrink: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    paddingBlock: tokens.spacingVerticalS,
    overflowY: 'auto',
  },
  navList: { listStyleType: 'none', margin: 0, padding: 0 },
  navItem: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    border: 'none',
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    background: 'none',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  navCurrent: {
    borderLeftColor: tokens.colorCompoundBrandStroke,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    fontWeight: tokens.fontWeightSemibold,
  },
  main: { flexGrow: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' },
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
  },
  right: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
});

type View = 'vms' | 'networks' | 'subscriptions';

const views: readonly { id: View; label: string; icon: FluentIcon }[] = [
  { id: 'vms', label: 'Virtual machines', icon: DesktopRegular },
  { id: 'networks', label: 'Virtual networks', icon: NetworkCheckRegular },
  { id: 'subscriptions', label: 'Subscriptions', icon: KeyRegular },
];

export interface MultiCloudPageProps {
  chrome: PortalChrome;
  barTheme: Theme;
  /** The presenter's one-click switch back to WAC or to the Azure portal. */
  solutionSelector: ReactNode;
}

/**
 * The Azure Stack user portal in multi-cloud mode: its own blue top bar with the Cloud drop-down in the
 * upper-left corner (seed 004), switching between the local Azure Stack cloud and each Windows Azure Pack
 * cloud; a side menu for virtual machines, virtual networks and subscriptions. A cloud that can't be reached
 * says so in the seed's first-load errors (OK closes them) and then in place, while the other clouds keep working.
 */
export function MultiCloudPage({ chrome, barTheme, solutionSelector }: MultiCloudPageProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const clouds = useQuery(cloudQueries.list());
  const [searchParams, setSearchParams] = useSearchParams();
  const cloudParam = searchParams.get('cloud') ?? '';
  const viewParam = searchParams.get('view') ?? '';
  const vmParam = searchParams.get('vm') ?? '';
  // Another cloud or another view is another page: the open VM, its tab and the list's filter don't carry over.
  const open = (next: { cloud?: string; view?: string; vm?: string }) =>
    setSearchParams(
      (prev) => {
        const params = new URLSearchParams();
        const cloudValue = next.cloud ?? prev.get('cloud') ?? '';
        const viewValue = next.view ?? prev.get('view') ?? '';
        if (cloudValue) params.set('cloud', cloudValue);
        if (viewValue) params.set('view', viewValue);
        if (next.vm) params.set('vm', next.vm);
        // Closing a VM returns to the list as it was filtered.
        const q = prev.get('q');
        if (next.vm === '' && next.cloud === undefined && next.view === undefined && q) params.set('q', q);
        return params;
      },
      { replace: false },
    );
  const [dismissed, setDismissed] = useState<readonly string[]>([]);
  const cloudLabelId = useId();
  const cloudList = clouds.data ?? [];
  const current = cloudList.find((c) => c.name === cloudParam) ?? cloudList[0];
  const cloud = current?.name ?? '';
  const view: View = viewParam === 'networks' || viewParam === 'subscriptions' ? viewParam : 'vms';
  const available = current?.state === 'Available';
  const loadFailed = isLoadFailure(clouds);
  useMarkAppReady(loadFailed || (current !== undefined && !available));
  const unreachable = cloudList.filter(
    (c) => c.kind === 'AzurePack' && c.state === 'ConnectorUnreachable' && !dismissed.includes(c.name),
  );
  const viewTitle = views.find((v) => v.id === view)?.label ?? '';

  return (
    <div className={styles.root}>
      <PortalTopBar
        productName="Microsoft Azure Stack"
        home="/azure-stack"
        chrome={chrome}
        barTheme={barTheme}
        left={
          <div className={styles.cloud}>
            <span className={styles.cloudLabel} id={cloudLabelId}>
              Cloud
            </span>
            <Dropdown
              aria-labelledby={cloudLabelId}
              size="small"
              className={styles.cloudPicker}
              value={current?.name ?? (clouds.isPending ? 'Loading clouds...' : '')}
              selectedOptions={current ? [current.name] : []}
              onOptionSelect={(_e, d) => open({ cloud: d.optionValue ?? '' })}
            >
              {cloudList.map((c) => (
                <Option key={c.name} value={c.name} text={c.name}>
                  {`${c.name}${c.state === 'Available' ? '' : ' (unavailable)'}`}
                </Option>
              ))}
            </Dropdown>
          </div>
        }
        right={
          <div className={styles.right}>
            {solutionSelector}
            {current?.user && <span>{current.user}</span>}
          </div>
        }
      />
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Portal menu">
          <ul className={styles.navList}>
            {views.map(({ id, label, icon: Icon }) => (
              <li key={id}>
                <button
                  type="button"
                  className={mergeClasses(styles.navItem, id === view && styles.navCurrent)}
                  aria-current={id === view ? 'page' : undefined}
                  onClick={() => open({ view: id === 'vms' ? '' : id })}
                >
                  <Icon fontSize={20} aria-hidden="true" />
                  {label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.main}>
          {current && available && view === 'vms' && vmParam !== '' ? (
            <VmBlade
              key={`${cloud}/${vmParam}`}
              cloud={current}
              vmId={vmParam}
              onClose={() => open({ vm: '' })}
            />
          ) : (
            <PageLayout fill>
              <PageHeader title={viewTitle}>
                {current && (
                  <span className={styles.status} aria-label={`Status of ${current.name}`} role="status">
                    <StatusBadge status={connectorText(current)} kind={connectorKind(current)} />
                    {current.endpoint && <span>{current.endpoint}</span>}
                  </span>
                )}
              </PageHeader>
              {loadFailed ? (
                <ErrorState
                  error={clouds.error}
                  title="Couldn't load the clouds of this portal"
                  onRetry={() => void clouds.refetch()}
                />
              ) : current && !available ? (
                <Banner
                  intent={current.state === 'UserNotFound' ? 'warning' : 'error'}
                  title={`${current.name} is unavailable`}
                  action={
                    <Button onClick={() => void queryClient.invalidateQueries({ queryKey: cloudKeys.all })}>
                      Retry
                    </Button>
                  }
                >
                  {current.reason ?? ''}
                </Banner>
              ) : current ? (
                view === 'vms' ? (
                  <VmsView key={cloud} cloud={current} />
                ) : view === 'networks' ? (
                  <NetworksView key={cloud} cloud={current} />
                ) : (
                  <SubscriptionsView key={cloud} cloud={current} />
                )
              ) : null}
            </PageLayout>
          )}
        </div>
      </div>
      <WapFetchErrors
        clouds={unreachable}
        onOk={() => setDismissed((list) => [...list, ...unreachable.slice(0, 1).map((c) => c.name)])}
      />
    </div>
  );
}
