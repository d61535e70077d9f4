import { makeStyles, tokens } from '@fluentui/react-components';
import { CloudRegular } from '@fluentui/react-icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state/empty-state';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { matchesQuery, useSearchText } from '@/lib/use-search-param';
import {
  armQueries,
  RESOURCE_GROUPS_API_VERSION,
  SUBSCRIPTIONS_API_VERSION,
  type ArmResourceGroup,
  type ArmSubscription,
} from '@/api/queries/arm-queries';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { display: 'flex', flexDirection: 'column', maxHeight: '320px' },
});

const subscriptionColumns: DataTableColumn<ArmSubscription>[] = [
  {
    id: 'name',
    header: 'Subscription name',
    width: 'minmax(200px, 1.5fr)',
    cell: (s) => s.displayName,
    sortValue: (s) => s.displayName,
  },
  {
    id: 'id',
    header: 'Subscription ID',
    width: 'minmax(280px, 2fr)',
    cell: (s) => s.subscriptionId,
    sortValue: (s) => s.subscriptionId,
  },
  {
    id: 'state',
    header: 'State',
    cell: (s) => <StatusBadge status={s.state} kind={s.state === 'Enabled' ? 'success' : 'warning'} />,
    sortValue: (s) => s.state,
  },
  {
    id: 'tenant',
    header: 'Tenant ID',
    width: 'minmax(280px, 2fr)',
    cell: (s) => s.tenantId,
    sortValue: (s) => s.tenantId,
  },
];

interface ResourceGroupRow extends ArmResourceGroup {
  subscriptionName: string;
}

const resourceGroupColumns: DataTableColumn<ResourceGroupRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(200px, 1.5fr)',
    cell: (g) => g.name,
    sortValue: (g) => g.name,
  },
  {
    id: 'subscription',
    header: 'Subscription',
    width: 'minmax(200px, 1.5fr)',
    cell: (g) => g.subscriptionName,
    sortValue: (g) => g.subscriptionName,
  },
  { id: 'location', header: 'Location', cell: (g) => g.location, sortValue: (g) => g.location },
  {
    id: 'state',
    header: 'Provisioning state',
    cell: (g) => g.properties?.provisioningState ?? '-',
    sortValue: (g) => g.properties?.provisioningState ?? null,
  },
];

/** The Azure portal solution, honest about its scope: what Azure Resource Manager holds for this world. */
export function CloudViewPage() {
  const styles = useStyles();
  const [search, setSearch] = useSearchText('q');
  const subscriptions = useQuery(armQueries.subscriptions());
  const groupQueries = useQueries({
    queries: (subscriptions.data ?? []).map((s) => armQueries.resourceGroups(s.subscriptionId)),
  });
  useMarkAppReady(!subscriptions.isPending);

  const groups: ResourceGroupRow[] = groupQueries.flatMap((q, index) => {
    const subscription = subscriptions.data?.[index];
    return subscription
      ? (q.data ?? []).map((g) => ({ ...g, subscriptionName: subscription.displayName }))
      : [];
  });
  const groupError = groupQueries.find((q) => q.isError);
  const visibleGroups = groups.filter((g) => matchesQuery(search, [g.name, g.subscriptionName, g.location]));

  return (
    <PageLayout>
      <PageHeader title="Azure portal (cloud view)" />
      <p className={styles.intro}>
        The cloud side of the simulated world as Azure Resource Manager reports it: subscriptions (
        <span className={styles.code}>GET /subscriptions?api-version={SUBSCRIPTIONS_API_VERSION}</span>) and
        each subscription&apos;s resource groups (
        <span className={styles.code}>api-version={RESOURCE_GROUPS_API_VERSION}</span>).
      </p>
      {subscriptions.isError ? (
        <ErrorState
          error={subscriptions.error}
          title="Couldn't list Azure subscriptions"
          onRetry={() => void subscriptions.refetch()}
        />
      ) : subscriptions.isSuccess && subscriptions.data.length === 0 ? (
        <EmptyState title="No subscriptions" icon={<CloudRegular />}>
          The signed-in account can&apos;t see any Azure subscription.
        </EmptyState>
      ) : (
        <>
          <section className={styles.section} aria-labelledby="cloud-subscriptions">
            <h3 id="cloud-subscriptions" className={styles.heading}>
              Subscriptions
            </h3>
            <div className={styles.table}>
              <DataTable
                ariaLabel="Subscriptions"
                items={subscriptions.data ?? []}
                columns={subscriptionColumns}
                getRowId={(s) => s.subscriptionId}
                loading={subscriptions.isPending}
                defaultSort={{ columnId: 'name', direction: 'ascending' }}
              />
            </div>
          </section>
          <section className={styles.section} aria-labelledby="cloud-resource-groups">
            <h3 id="cloud-resource-groups" className={styles.heading}>
              Resource groups
            </h3>
            <ActionBar
              ariaLabel="Resource group actions"
              itemCount={groups.length}
              onRefresh={() => groupQueries.forEach((q) => void q.refetch())}
              search={{
                value: search,
                onChange: setSearch,
                matchCount: visibleGroups.length,
                placeholder: 'Search resource groups',
              }}
            />
            {groupError && (
              <ErrorState
                error={groupError.error}
                title="Couldn't list resource groups"
                onRetry={() => void groupError.refetch()}
              />
            )}
            <div className={styles.table}>
              <DataTable
                ariaLabel="Resource groups"
                items={visibleGroups}
                columns={resourceGroupColumns}
                getRowId={(g) => g.id}
                loading={subscriptions.isPending || groupQueries.some((q) => q.isPending)}
                defaultSort={{ columnId: 'name', direction: 'ascending' }}
              />
            </div>
          </section>
        </>
      )}
    </PageLayout>
  );
}
