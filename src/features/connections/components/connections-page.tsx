import { Tooltip } from '@fluentui/react-components';
import {
  AddRegular,
  DeleteRegular,
  PersonRegular,
  PlugConnectedRegular,
  ServerMultipleRegular,
  ServerRegular,
  TagRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConnectionDto } from '@/api/contract';
import { ActionBar, ActionButton } from '@/components/action-bar/action-bar';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state/empty-state';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { matchesQuery, useSearchParamList, useSearchText } from '@/lib/use-search-param';
import { connectionQueries } from '@/api/queries/connection-queries';
import { useOpenedOnce } from '@/lib/use-opened-once';
import type { ConnectionEdit } from './edit-connection-pane';
import { useConnectionsPageStyles } from './connections-page.styles';

// The panes and the dialog are not on screen at first paint: their code loads when first opened.
const AddConnectionPane = lazy(() =>
  import('./add-connection-pane').then((m) => ({ default: m.AddConnectionPane })),
);
const EditConnectionPane = lazy(() =>
  import('./edit-connection-pane').then((m) => ({ default: m.EditConnectionPane })),
);
const RemoveConnectionsDialog = lazy(() =>
  import('./remove-connections-dialog').then((m) => ({ default: m.RemoveConnectionsDialog })),
);

function NameCell({ connection }: { connection: ConnectionDto }) {
  const styles = useConnectionsPageStyles();
  const Icon = connection.type === 'cluster' ? ServerMultipleRegular : ServerRegular;
  return (
    <span className={styles.nameCell}>
      <Icon className={styles.typeIcon} aria-hidden="true" />
      <RouterLink to={paths.connection(connection.type, connection.name)}>{connection.name}</RouterLink>
    </span>
  );
}

function StatusCell({ connection }: { connection: ConnectionDto }) {
  const badge = <StatusBadge status={connection.status} />;
  return connection.statusDetail ? (
    <Tooltip content={connection.statusDetail} relationship="description">
      <span tabIndex={-1}>{badge}</span>
    </Tooltip>
  ) : (
    badge
  );
}

const columns: DataTableColumn<ConnectionDto>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(160px, 1.5fr)',
    cell: (c) => <NameCell connection={c} />,
    sortValue: (c) => c.name,
  },
  { id: 'type', header: 'Type', cell: (c) => c.typeLabel, sortValue: (c) => c.typeLabel },
  {
    id: 'lastConnected',
    header: 'Last connected',
    // wide enough for a full date and time ("12/3/2026, 11:54:32 AM") at 1024 px
    width: 'minmax(190px, 1fr)',
    cell: (c) => formatDateTime(c.lastConnected),
    sortValue: (c) => c.lastConnected,
  },
  {
    id: 'managingAs',
    header: 'Managing as',
    width: 'minmax(150px, 1fr)',
    cell: (c) => c.managingAs,
    sortValue: (c) => c.managingAs,
  },
  {
    id: 'tags',
    header: 'Tags',
    width: 'minmax(80px, 0.8fr)',
    cell: (c) => c.tags.join(', '),
    sortValue: (c) => c.tags.join(', '),
  },
  {
    id: 'status',
    header: 'Status',
    width: 'minmax(110px, 0.8fr)',
    cell: (c) => <StatusCell connection={c} />,
    sortValue: (c) => c.status,
  },
];

/** The gateway's home page: WAC's "All connections" master view. */
export function ConnectionsPage() {
  const styles = useConnectionsPageStyles();
  const connections = useQuery(connectionQueries.list());
  const [search, setSearch] = useSearchText('q');
  const [selectedNames, setSelectedNames] = useSearchParamList('selected');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [editing, setEditing] = useState<ConnectionEdit | undefined>();
  const navigate = useNavigate();
  const addMounted = useOpenedOnce(adding);
  const removeMounted = useOpenedOnce(removing);
  useMarkAppReady(!connections.isPending);

  const all = useMemo(() => connections.data ?? [], [connections.data]);
  const visible = useMemo(
    () => all.filter((c) => matchesQuery(search, [c.name, c.typeLabel, c.managingAs, c.status, ...c.tags])),
    [all, search],
  );
  // Only connections that still exist count as selected (the URL may name one removed elsewhere).
  const selected = all.filter((c) => selectedNames.includes(c.name));

  const actions = (
    <>
      <ActionButton icon={<AddRegular />} onClick={() => setAdding(true)}>
        Add
      </ActionButton>
      <ActionButton
        icon={<PlugConnectedRegular />}
        disabled={selected.length !== 1}
        onClick={() => {
          const [connection] = selected;
          if (connection) void navigate(paths.connection(connection.type, connection.name));
        }}
      >
        Connect
      </ActionButton>
      <ActionButton
        icon={<PersonRegular />}
        disabled={selected.length === 0}
        onClick={() => setEditing('manage-as')}
      >
        Manage as
      </ActionButton>
      <ActionButton
        icon={<DeleteRegular />}
        disabled={selected.length === 0}
        onClick={() => setRemoving(true)}
      >
        Remove
      </ActionButton>
      <ActionButton icon={<TagRegular />} disabled={selected.length === 0} onClick={() => setEditing('tags')}>
        Edit Tags
      </ActionButton>
    </>
  );

  return (
    <PageLayout fill>
      <PageHeader title="All Connections" />
      <ActionBar
        actions={actions}
        itemCount={connections.data ? all.length : undefined}
        selectedCount={selected.length}
        onClearSelection={() => setSelectedNames([])}
        onRefresh={() => void connections.refetch()}
        refreshing={connections.isFetching}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search connections',
        }}
      />
      {isLoadFailure(connections) ? (
        <ErrorState
          error={connections.error}
          title="Couldn't load the connections list"
          onRetry={() => void connections.refetch()}
        />
      ) : connections.isSuccess && all.length === 0 ? (
        <EmptyState title="No Saved Connections" icon={<ServerMultipleRegular />}>
          To get started, add a connection to Windows Admin Center using the &apos;+ Add&apos; command.
        </EmptyState>
      ) : (
        <div className={styles.tableArea}>
          <DataTable
            ariaLabel="All connections"
            items={visible}
            columns={columns}
            getRowId={(c) => c.name}
            selectionMode="multi"
            selectedIds={selected.map((c) => c.name)}
            onSelectionChange={setSelectedNames}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            loading={connections.isPending}
          />
        </div>
      )}
      <Suspense fallback={null}>
        {addMounted && (
          <AddConnectionPane
            open={adding}
            onClose={() => setAdding(false)}
            onAdded={(c) => setSelectedNames([c.name])}
          />
        )}
        {editing && (
          <EditConnectionPane edit={editing} connections={selected} onClose={() => setEditing(undefined)} />
        )}
        {removeMounted && (
          <RemoveConnectionsDialog
            open={removing}
            connections={selected}
            onClose={() => setRemoving(false)}
            onRemoved={() => setSelectedNames([])}
          />
        )}
      </Suspense>
    </PageLayout>
  );
}
