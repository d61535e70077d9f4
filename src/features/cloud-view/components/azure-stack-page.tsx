import { makeStyles, tokens } from '@fluentui/react-components';
import { CloudRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { CloudSummaryDto } from '@/api/vms-contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state/empty-state';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState } from '@/components/query-state/query-state';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { cloudQueries } from '../api/cloud-queries';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  table: { display: 'flex', flexDirection: 'column', maxHeight: '420px' },
});

const stateWords: Record<CloudSummaryDto['state'], string> = {
  Available: 'Available',
  ConnectorUnreachable: 'Connector unreachable',
  UserNotFound: 'User not found',
};

const columns: DataTableColumn<CloudSummaryDto>[] = [
  { id: 'name', header: 'Cloud', width: 'minmax(160px, 1.2fr)', cell: (c) => c.name, sortValue: (c) => c.name },
  {
    id: 'kind',
    header: 'Type',
    cell: (c) => (c.kind === 'AzureStack' ? 'Azure Stack' : 'Windows Azure Pack'),
    sortValue: (c) => c.kind,
  },
  {
    id: 'state',
    header: 'State',
    width: 'minmax(200px, 1.2fr)',
    cell: (c) => <StatusBadge status={stateWords[c.state]} kind={c.state === 'Available' ? 'success' : 'error'} />,
    sortValue: (c) => c.state,
  },
  { id: 'reason', header: 'Details', width: 'minmax(160px, 1fr)', cell: (c) => c.reason ?? '-' },
  { id: 'endpoint', header: 'Connector endpoint', width: 'minmax(200px, 1.5fr)', cell: (c) => c.endpoint ?? 'Local cloud' },
  { id: 'user', header: 'Signed in as', width: 'minmax(200px, 1.3fr)', cell: (c) => c.user ?? 'Nobody' },
];

/** The Azure Stack portal in multi-cloud mode: the clouds the Azure Pack connector has joined to it. */
export function AzureStackPage() {
  const styles = useStyles();
  const clouds = useQuery(cloudQueries.list());
  useMarkAppReady(!clouds.isPending);
  return (
    <PageLayout>
      <PageHeader title="Azure Stack portal (multi-cloud)" />
      <p className={styles.intro}>
        In multi-cloud mode the portal&apos;s Cloud drop-down lists Azure Stack and each Windows Azure Pack cloud joined
        through the Azure Pack connector. Each cloud&apos;s virtual machines and virtual networks are browsed through it.
      </p>
      {clouds.isError ? (
        <ErrorState error={clouds.error} title="Couldn't list the connected clouds" onRetry={() => void clouds.refetch()} />
      ) : clouds.isSuccess && clouds.data.length === 0 ? (
        <EmptyState title="No clouds are connected to this portal." icon={<CloudRegular />} />
      ) : (
        <>
          <ActionBar
            itemCount={clouds.data?.length}
            onRefresh={() => void clouds.refetch()}
            refreshing={clouds.isFetching}
          />
          <div className={styles.table}>
            <DataTable
              ariaLabel="Clouds"
              items={clouds.data ?? []}
              columns={columns}
              getRowId={(c) => c.name}
              loading={clouds.isPending}
            />
          </div>
        </>
      )}
    </PageLayout>
  );
}
