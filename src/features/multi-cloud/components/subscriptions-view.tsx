import { makeStyles } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { CloudSubscriptionDto, CloudSummaryDto } from '@/api/vms-contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { cloudQueries } from '@/api/queries/cloud-queries';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
});

/** The subscriptions the signed-in account has in one cloud. */
export function SubscriptionsView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const subscriptions = useQuery(cloudQueries.subscriptions(cloud.name));
  useMarkAppReady(!subscriptions.isPending);
  const columns: DataTableColumn<CloudSubscriptionDto>[] = [
    {
      id: 'name',
      header: 'Subscription',
      width: 'minmax(180px, 1.4fr)',
      cell: (s) => s.displayName,
      sortValue: (s) => s.displayName,
    },
    {
      id: 'id',
      header: 'Subscription ID',
      width: 'minmax(280px, 1.6fr)',
      cell: (s) => s.subscriptionId,
      sortValue: (s) => s.subscriptionId,
    },
    {
      id: 'state',
      header: 'Status',
      width: 'minmax(90px, 0.6fr)',
      cell: (s) => (
        <StatusBadge
          status={s.state}
          kind={s.state === 'Enabled' || s.state === 'Active' ? 'success' : 'warning'}
        />
      ),
      sortValue: (s) => s.state,
    },
    {
      id: 'vms',
      header: 'Virtual machines',
      width: 'minmax(110px, 0.7fr)',
      cell: (s) => s.vmCount.toLocaleString(),
      sortValue: (s) => s.vmCount,
    },
    {
      id: 'networks',
      header: cloud.kind === 'AzureStack' ? 'Clusters' : 'Virtual networks',
      width: 'minmax(110px, 0.7fr)',
      cell: (s) => String(s.networkCount),
      sortValue: (s) => s.networkCount,
    },
  ];
  return isLoadFailure(subscriptions) ? (
    <ErrorState
      error={subscriptions.error}
      title={`Couldn't load the subscriptions of ${cloud.name}`}
      onRetry={() => void subscriptions.refetch()}
    />
  ) : (
    <>
      <ActionBar
        itemCount={subscriptions.data?.length}
        onRefresh={() => void subscriptions.refetch()}
        refreshing={subscriptions.isFetching}
      />
      <div className={styles.tableArea}>
        <DataTable
          ariaLabel={`Subscriptions in ${cloud.name}`}
          items={subscriptions.data ?? []}
          columns={columns}
          getRowId={(s) => s.subscriptionId}
          defaultSort={{ columnId: 'name', direction: 'ascending' }}
          loading={subscriptions.isPending}
          emptyMessage={`${cloud.user ?? 'This account'} has no subscriptions in ${cloud.name}.`}
        />
      </div>
    </>
  );
}
