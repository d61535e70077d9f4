import { makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CloudNetworkDto, CloudSummaryDto } from '@/api/vms-contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid, DetailsPane } from '@/components/details-pane/details-pane';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { useJobTracker } from '@/lib/use-job-tracker';
import { useSearchParam } from '@/lib/use-search-param';
import { useDeleteCloudNetwork } from '../api/cloud-mutations';
import { cloudQueries } from '@/api/queries/cloud-queries';
import { groupHeaderOf, useCloudErrorRefresh } from './cloud-status';

const useStyles = makeStyles({
  tableArea: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
  banners: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The virtual networks of one cloud, with Delete. */
export function NetworksView({ cloud }: { cloud: CloudSummaryDto }) {
  const styles = useStyles();
  const networks = useQuery(cloudQueries.networks(cloud.name));
  const [selectedId, setSelectedId] = useSearchParam('network');
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const onCloudError = useCloudErrorRefresh();
  const del = useDeleteCloudNetwork();
  useMarkAppReady(!networks.isPending);
  // The delete's own meta refreshes the cloud when its job ends (src/lib/job-end.ts).
  const tracker = useJobTracker((job) => {
    if (job.status === 'Failed') setErrors((x) => [...x, job.message ?? `${job.title} failed.`]);
  });
  const all = networks.data ?? [];
  const selected = all.find((n) => n.id === selectedId);
  const groupHeader = groupHeaderOf(cloud);
  const columns: DataTableColumn<CloudNetworkDto>[] = [
    {
      id: 'name',
      header: 'Name',
      width: 'minmax(160px, 1.2fr)',
      cell: (n) => n.name,
      sortValue: (n) => n.name,
    },
    {
      id: 'address',
      header: 'Address space',
      width: 'minmax(140px, 1fr)',
      cell: (n) => n.addressSpace,
      sortValue: (n) => n.addressSpace,
    },
    {
      id: 'group',
      header: groupHeader,
      width: 'minmax(140px, 1fr)',
      cell: (n) => n.group,
      sortValue: (n) => n.group,
    },
    {
      id: 'used',
      header: 'Connected VMs',
      width: 'minmax(100px, 0.6fr)',
      cell: (n) => String(n.usedBy.length),
      sortValue: (n) => n.usedBy.length,
    },
  ];
  return (
    <>
      <ActionBar
        ariaLabel="Virtual network commands"
        actions={
          <ActionButton
            icon={<DeleteRegular />}
            disabled={!selected}
            onClick={() => {
              setError(null);
              setConfirm(true);
            }}
          >
            Delete
          </ActionButton>
        }
        itemCount={networks.data ? all.length : undefined}
        selectedCount={selected ? 1 : 0}
        onClearSelection={() => setSelectedId('')}
        onRefresh={() => void networks.refetch()}
        refreshing={networks.isFetching}
      />
      <div className={styles.banners}>
        {tracker.running.length > 0 && (
          <Banner intent="info">
            {tracker.running.map((j) => `${j.currentStep ?? j.title} ${j.percent}%`).join(' · ')}
          </Banner>
        )}
        {errors.map((message, i) => (
          <Banner
            key={`${i}-${message}`}
            intent="error"
            onDismiss={() => setErrors((x) => x.filter((_m, k) => k !== i))}
          >
            {message}
          </Banner>
        ))}
      </div>
      {isLoadFailure(networks) ? (
        <ErrorState
          error={networks.error}
          title={`Couldn't load the virtual networks of ${cloud.name}`}
          onRetry={() => void networks.refetch()}
        />
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel={`Virtual networks of ${cloud.name}`}
            items={all}
            columns={columns}
            getRowId={(n) => n.id}
            getRowLabel={(n) => n.name}
            selectionMode="single"
            selectedIds={selected ? [selected.id] : []}
            onSelectionChange={(ids) => setSelectedId(ids[0] ?? '')}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={networks.isPending}
          />
        </div>
      )}
      {selected && (
        <DetailsPane name={selected.name}>
          <DetailsGrid
            fields={[
              { label: 'Address space', value: selected.addressSpace },
              { label: groupHeader, value: selected.group },
              {
                label: 'Connected virtual machines',
                value:
                  selected.usedBy.length === 0
                    ? 'None'
                    : selected.usedBy.slice(0, 20).join(', ') +
                      (selected.usedBy.length > 20 ? ` and ${selected.usedBy.length - 20} more` : ''),
              },
            ]}
          />
        </DetailsPane>
      )}
      <ConfirmDialog
        open={confirm}
        title={`Delete the virtual network '${selected?.name ?? ''}'?`}
        message={`The virtual network '${selected?.name ?? ''}' (${selected?.addressSpace ?? ''}) will be deleted from ${cloud.name}.`}
        confirmLabel="Delete"
        cancelLabel="Cancel"
        busy={del.isPending}
        error={error}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          if (!selected) return;
          del.mutate(
            { cloud: cloud.name, id: selected.id },
            {
              onSuccess: (job) => {
                setConfirm(false);
                setSelectedId('');
                tracker.track(job);
              },
              onError: (e) => {
                onCloudError(e);
                setError(errorMessage(e));
              },
            },
          );
        }}
      />
    </>
  );
}
