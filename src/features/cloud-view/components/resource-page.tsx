import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ServerRegular } from '@fluentui/react-icons';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ActionButton } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { useSearchParam } from '@/lib/use-search-param';
import {
  armQueries,
  parseResourceId,
  type ArmArcSetting,
  type ArmHciCluster,
  type ArmMachine,
} from '@/api/queries/arm-queries';
import { useUnregisterCluster } from '@/api/queries/cluster-mutations';
import { useDeleteClusterResource, useDeleteMachines } from '../api/azure-mutations';
import { BrowseList, type BrowseGrouping } from './portal/browse-list';
import { Essentials } from '@/components/portal-blade/essentials';
import { clusterStatusKind, clusterStatusText } from './portal/portal-status';
import { ResourceBlade } from '@/components/portal-blade/resource-blade';
import { BladeCommands, SimpleBlade } from '@/components/portal-blade/simple-blade';
import { serverQueries } from '@/api/queries/cluster-queries';
import { ArmEssentials, resourceGroupPath, resourcePath } from './portal/arm-essentials';
import { ResourceId } from '@/components/portal-blade/resource-id';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  table: { display: 'flex', flexDirection: 'column', height: '240px' },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  resources: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** ARM's connectivityStatus in the portal's words (troubleshooting guide). */
export function azureConnectionText(connectivityStatus: string | undefined): string {
  switch (connectivityStatus) {
    case 'Connected':
      return 'Connected';
    case 'NotConnectedRecently':
      return 'Not connected recently';
    case 'Disconnected':
      return 'Disconnected - Cluster not in connected state for more than 8 hours';
    case 'PartiallyConnected':
      return 'Partially connected';
    default:
      return 'Not yet registered';
  }
}

/** /azure/resource/<ARM resource id>: the manage page of whatever the id names. */
export function ResourcePage() {
  const { pathname } = useLocation();
  const id = decodeURIComponent(pathname.slice('/azure/resource'.length));
  const known =
    /\/providers\/Microsoft\.(AzureStackHCI\/clusters|HybridCompute\/machines)\/[^/]+$|^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?$/i.test(
      id,
    );
  useMarkAppReady(!known);
  if (/\/providers\/Microsoft\.AzureStackHCI\/clusters\/[^/]+$/i.test(id))
    return <ClusterResourcePage key={id} id={id} />;
  if (/\/providers\/Microsoft\.HybridCompute\/machines\/[^/]+$/i.test(id))
    return <MachineResourcePage key={id} id={id} />;
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(id))
    return <ResourceGroupPage key={id} id={id} />;
  if (/^\/subscriptions\/[^/]+$/i.test(id)) return <SubscriptionPage key={id} id={id} />;
  return (
    <PageLayout>
      <PageHeader title="Resource not found" />
      <ErrorState
        error={new Error(`The cloud view has no page for '${id}'.`)}
        action={<RouterLink to="/azure">Go to Subscriptions</RouterLink>}
      />
    </PageLayout>
  );
}

function ClusterResourcePage({ id }: { id: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { resourceGroup, name } = parseResourceId(id);
  const cluster = useQuery(armQueries.cluster(id));
  const arc = useQuery({ ...armQueries.arcSetting(id), enabled: cluster.isSuccess, retry: false });
  const [tabParam, setTab] = useSearchParam('tab');
  const tab = tabParam === 'configuration' ? 'configuration' : 'overview';
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteClusterResource();
  useMarkAppReady(!cluster.isPending);
  const gone = cluster.error instanceof ApiError && cluster.error.status === 404;

  return (
    <ResourceBlade
      name={name}
      type="Azure Stack HCI"
      menu={[
        { id: 'overview', label: 'Overview' },
        { id: 'configuration', label: 'Configuration', group: 'Settings' },
      ]}
      active={tab}
      onSelect={(next) => setTab(next === 'overview' ? '' : next)}
      commands={
        <BladeCommands
          name={name}
          onDelete={() => setConfirmDelete(true)}
          canDelete={cluster.isSuccess}
          onRefresh={() => void cluster.refetch()}
        >
          <ActionButton
            icon={<ServerRegular />}
            onClick={() => void navigate(paths.tool('cluster', name, 'dashboard'))}
          >
            Open in Windows Admin Center
          </ActionButton>
        </BladeCommands>
      }
    >
      {gone ? (
        <DeletedClusterHelp id={id} name={name} message={cluster.error?.message ?? ''} />
      ) : isLoadFailure(cluster) ? (
        <ErrorState
          error={cluster.error}
          title={`Couldn't load ${name}`}
          onRetry={() => void cluster.refetch()}
        />
      ) : !cluster.data ? (
        <LoadingState />
      ) : tab === 'overview' ? (
        <ClusterOverview cluster={cluster.data} arc={arc} />
      ) : (
        <section aria-labelledby="cluster-configuration">
          <h2 id="cluster-configuration" className={styles.heading}>
            Configuration
          </h2>
          <DetailsGrid
            fields={[
              {
                label: 'Azure benefits host attestation',
                value: (
                  <StatusBadge
                    status={cluster.data.properties.reportedProperties?.imdsAttestation ?? 'Disabled'}
                  />
                ),
              },
              {
                label: 'Diagnostic level',
                value: cluster.data.properties.reportedProperties?.diagnosticLevel ?? '-',
              },
              {
                label: 'Cluster version',
                value: cluster.data.properties.reportedProperties?.clusterVersion ?? '-',
              },
              {
                label: 'Last reported',
                value: formatDateTime(cluster.data.properties.reportedProperties?.lastUpdated),
              },
            ]}
          />
        </section>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${name}`}
        message={`Delete the Azure Stack HCI resource ${name} from resource group ${resourceGroup}? The cluster on premises is not told: it keeps believing it is registered until you unregister it there.`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => {
          remove.reset();
          setConfirmDelete(false);
        }}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              setConfirmDelete(false);
              void navigate(`/azure/resource${id}`, { replace: true });
            },
          })
        }
      />
    </ResourceBlade>
  );
}

function ClusterOverview({ cluster, arc }: { cluster: ArmHciCluster; arc: UseQueryResult<ArmArcSetting> }) {
  const styles = useStyles();
  const p = cluster.properties;
  const nodes = arc.data?.properties.perNodeDetails ?? [];
  const columns: DataTableColumn<(typeof nodes)[number]>[] = [
    { id: 'name', header: 'Server', cell: (n) => n.name ?? '-', sortValue: (n) => n.name ?? '' },
    {
      id: 'state',
      header: 'Azure Arc',
      cell: (n) => <StatusBadge status={n.state ?? 'Not installed'} />,
      sortValue: (n) => n.state ?? '',
    },
    {
      id: 'machine',
      header: 'Arc-enabled server',
      cell: (n) =>
        n.arcInstance ? (
          <RouterLink to={resourcePath(n.arcInstance)}>{parseResourceId(n.arcInstance).name}</RouterLink>
        ) : (
          '-'
        ),
    },
  ];
  return (
    <>
      <ArmEssentials
        resource={cluster}
        status={<StatusBadge status={clusterStatusText(p.status)} kind={clusterStatusKind(p.status)} />}
        fields={[
          {
            label: 'Azure Connection',
            value: (
              <StatusBadge
                status={azureConnectionText(p.connectivityStatus)}
                kind={p.connectivityStatus === 'Disconnected' ? 'error' : undefined}
              />
            ),
          },
          { label: 'Last sync', value: formatDateTime(p.lastSyncTimestamp) },
          { label: 'Registration date', value: formatDateTime(p.registrationTimestamp) },
          {
            label: 'Billing model',
            value: `${p.billingModel ?? '-'}${p.trialDaysRemaining !== undefined ? ` (${p.trialDaysRemaining} trial days remaining)` : ''}`,
          },
          { label: 'Servers', value: String(p.reportedProperties?.nodes?.length ?? 0) },
        ]}
      />
      <section aria-labelledby="arc-settings">
        <h2 id="arc-settings" className={styles.heading}>
          Arc settings{arc.data?.properties.aggregateState ? `: ${arc.data.properties.aggregateState}` : ''}
        </h2>
        {arc.isError && !arc.data ? (
          <p>
            {arc.error instanceof ApiError && arc.error.status === 404
              ? 'Azure Arc integration is not enabled for this cluster.'
              : arc.error.message}
          </p>
        ) : (
          <div className={styles.table}>
            <DataTable
              ariaLabel="Arc settings per server"
              items={nodes}
              columns={columns}
              getRowId={(n) => n.name ?? ''}
              loading={arc.isPending}
              defaultSort={{ columnId: 'name', direction: 'ascending' }}
            />
          </div>
        )}
      </section>
    </>
  );
}

/** The troubleshooting guide's way back from a resource deleted in the portal: unregister on the cluster, then register again. */
function DeletedClusterHelp({ id, name, message }: { id: string; name: string; message: string }) {
  const styles = useStyles();
  const machines = useQuery(armQueries.machines(parseResourceId(id).subscriptionId));
  const leftovers = (machines.data ?? []).filter(
    (m) => m.properties.parentClusterResourceId?.toLowerCase() === id.toLowerCase(),
  );
  const removeMachines = useDeleteMachines();
  const unregister = useUnregisterCluster(name);
  const registration = `/connections/cluster/${encodeURIComponent(name)}/tools/azure-arc/registration`;
  return (
    <Banner intent="error" title="This Azure Stack HCI resource no longer exists">
      <p>{message}</p>
      <p>
        If the cluster is still registered on premises, it keeps trying to sync with a resource that is gone.
        To recover:
      </p>
      <ol className={styles.steps}>
        <li>
          Unregister the cluster on premises.{' '}
          <Button
            size="small"
            disabled={unregister.isPending || unregister.isSuccess}
            onClick={() => unregister.mutate()}
          >
            {`Unregister ${name}`}
          </Button>
          {unregister.isSuccess &&
            ` ${unregister.data.title}: started. Follow its progress in Notifications.`}
          {unregister.isError && ` ${unregister.error.message}`}
        </li>
        <li>
          Delete the Arc-enabled servers the cluster left behind, or registration refuses to create them
          again.{' '}
          {leftovers.length === 0 ? (
            machines.isPending ? (
              'Looking for them...'
            ) : (
              'None are left.'
            )
          ) : (
            <Button
              size="small"
              disabled={removeMachines.isPending}
              onClick={() => removeMachines.mutate(leftovers.map((m) => m.id))}
            >
              {`Delete ${leftovers.map((m) => m.name).join(', ')}`}
            </Button>
          )}
          {removeMachines.isError && ` ${removeMachines.error.message}`}
        </li>
        <li>
          Register it again from{' '}
          <RouterLink to={registration} inline>{`Azure Stack HCI registration on ${name}`}</RouterLink>.
        </li>
      </ol>
    </Banner>
  );
}

function MachineResourcePage({ id }: { id: string }) {
  const { resourceGroup, name } = parseResourceId(id);
  const machine = useQuery(armQueries.machine(id));
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteMachines();
  useMarkAppReady(!machine.isPending);
  const m: ArmMachine | undefined = machine.data;
  return (
    <SimpleBlade
      name={name}
      type="Machine - Azure Arc"
      onDelete={() => setConfirmDelete(true)}
      canDelete={m !== undefined}
      onRefresh={() => void machine.refetch()}
    >
      {isLoadFailure(machine) ? (
        <ErrorState
          error={machine.error}
          title={`Couldn't load ${name}`}
          onRetry={() => void machine.refetch()}
          action={<RouterLink to="/azure/machines">Go to Machines - Azure Arc</RouterLink>}
        />
      ) : !m ? (
        <LoadingState />
      ) : (
        <>
          <ArmEssentials
            resource={m}
            status={
              m.properties.status ? (
                <StatusBadge status={m.properties.status} />
              ) : (
                'No status yet: waiting for the first heartbeat'
              )
            }
            fields={[
              {
                label: 'Operating system',
                value: `${m.properties.osType === 'linux' ? 'Linux' : 'Windows'}${m.properties.osSku ? ` (${m.properties.osSku})` : ''}`,
              },
              { label: 'Agent version', value: m.properties.agentVersion ?? '-' },
              { label: 'Last status change', value: formatDateTime(m.properties.lastStatusChange, '-') },
              {
                label: 'Cluster',
                value: m.properties.parentClusterResourceId ? (
                  <RouterLink to={resourcePath(m.properties.parentClusterResourceId)}>
                    {parseResourceId(m.properties.parentClusterResourceId).name}
                  </RouterLink>
                ) : (
                  '-'
                ),
              },
            ]}
          />
          <MachineOnServer machine={m} />
        </>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${name}`}
        message={`Delete the Arc-enabled server ${name} from resource group ${resourceGroup}? The Connected Machine agent on the server keeps running until it is disconnected there.`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => {
          remove.reset();
          setConfirmDelete(false);
        }}
        onConfirm={() =>
          remove.mutate([id], {
            onSuccess: () => {
              setConfirmDelete(false);
              void navigate('/azure/machines');
            },
          })
        }
      />
    </SimpleBlade>
  );
}

/**
 * What the server's own agent says next to Azure's record, read through the gateway when it manages the server:
 * Azure marks a machine Disconnected only after missed heartbeats, so the two can differ for a while.
 */
function MachineOnServer({ machine }: { machine: ArmMachine }) {
  const styles = useStyles();
  const onPrem = useQuery(serverQueries.arc(machine.name));
  const agent = onPrem.data;
  return (
    <section aria-labelledby="machine-on-server">
      <h2 id="machine-on-server" className={styles.heading}>
        On the server (through Windows Admin Center)
      </h2>
      {agent && !agent.statusesAgree && (
        <Banner intent="warning" title="Azure and the server report different statuses">
          Azure marks a machine Disconnected only after 5 missed heartbeats (25 minutes). Compare the
          timestamps.
        </Banner>
      )}
      {agent ? (
        <DetailsGrid
          fields={[
            { label: 'Agent status', value: <StatusBadge status={agent.onPrem.status} /> },
            { label: 'Last heartbeat', value: formatDateTime(agent.onPrem.lastHeartbeat) },
            { label: 'Read at', value: formatDateTime(agent.onPrem.checkedAt) },
          ]}
        />
      ) : (
        <p className={styles.hint}>
          {onPrem.isPending
            ? 'Reading the agent...'
            : 'This server is not managed by the gateway, so only Azure\u2019s view is available.'}
        </p>
      )}
    </section>
  );
}

interface ResourceRow {
  id: string;
  name: string;
  type: string;
  location: string;
}

const resourceColumns: DataTableColumn<ResourceRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(160px, 1.4fr)',
    cell: (r) => <RouterLink to={resourcePath(r.id)}>{r.name}</RouterLink>,
    sortValue: (r) => r.name,
  },
  { id: 'type', header: 'Type', width: 'minmax(150px, 1fr)', cell: (r) => r.type, sortValue: (r) => r.type },
  {
    id: 'location',
    header: 'Location',
    width: 'minmax(100px, 0.7fr)',
    cell: (r) => r.location,
    sortValue: (r) => r.location,
  },
];

function ResourceGroupPage({ id }: { id: string }) {
  const styles = useStyles();
  const { subscriptionId, resourceGroup } = parseResourceId(id);
  const groups = useQuery(armQueries.resourceGroups(subscriptionId));
  const [machines, clusters] = useQueries({
    queries: [armQueries.machines(subscriptionId), armQueries.clusters(subscriptionId)],
  });
  useMarkAppReady(!groups.isPending && !machines.isPending && !clusters.isPending);
  const group = groups.data?.find((g) => g.name.toLowerCase() === resourceGroup.toLowerCase());
  const inGroup = (rid: string) =>
    parseResourceId(rid).resourceGroup.toLowerCase() === resourceGroup.toLowerCase();
  const rows: ResourceRow[] = [
    ...(clusters.data ?? [])
      .filter((c) => inGroup(c.id))
      .map((c) => ({ id: c.id, name: c.name, type: 'Azure Stack HCI', location: c.location })),
    ...(machines.data ?? [])
      .filter((m) => inGroup(m.id))
      .map((m) => ({ id: m.id, name: m.name, type: 'Machine - Azure Arc', location: m.location })),
  ];
  const error = machines.error ?? clusters.error;
  return (
    <SimpleBlade
      name={resourceGroup}
      type="Resource group"
      onRefresh={() => {
        void groups.refetch();
        void machines.refetch();
        void clusters.refetch();
      }}
    >
      {isLoadFailure(groups) ? (
        <ErrorState
          error={groups.error}
          title={`Couldn't load ${resourceGroup}`}
          onRetry={() => void groups.refetch()}
        />
      ) : groups.isSuccess && !group ? (
        <ErrorState
          error={new Error(`Resource group '${resourceGroup}' could not be found.`)}
          action={<RouterLink to="/azure/resource-groups">Go to Resource groups</RouterLink>}
        />
      ) : (
        <ArmEssentials
          resource={group ?? { id }}
          fields={[{ label: 'Provisioning state', value: group?.properties?.provisioningState ?? '-' }]}
        />
      )}
      {error && rows.length === 0 && (
        <ErrorState error={error} title={`Couldn't list the resources of ${resourceGroup}`} />
      )}
      <section aria-labelledby="group-resources" className={styles.resources}>
        <h2 id="group-resources" className={styles.heading}>
          Resources
        </h2>
        <div className={styles.table}>
          <DataTable
            ariaLabel={`Resources in ${resourceGroup}`}
            items={rows}
            columns={resourceColumns}
            getRowId={(r) => r.id}
            loading={machines.isPending || clusters.isPending}
            emptyMessage="No resources to display"
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
          />
        </div>
      </section>
    </SimpleBlade>
  );
}

/** A subscription's blade: Essentials from the subscription list (ARM's GET /subscriptions) and its resource groups. */
function SubscriptionPage({ id }: { id: string }) {
  const styles = useStyles();
  const { subscriptionId } = parseResourceId(id);
  const subscriptions = useQuery(armQueries.subscriptions());
  const groups = useQuery(armQueries.resourceGroups(subscriptionId));
  useMarkAppReady(!subscriptions.isPending);
  const subscription = subscriptions.data?.find(
    (s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
  );
  const name = subscription?.displayName ?? subscriptionId;
  return (
    <SimpleBlade
      name={name}
      type="Subscription"
      onRefresh={() => {
        void subscriptions.refetch();
        void groups.refetch();
      }}
    >
      {isLoadFailure(subscriptions) ? (
        <ErrorState
          error={subscriptions.error}
          title="Couldn't list Azure subscriptions"
          onRetry={() => void subscriptions.refetch()}
        />
      ) : subscriptions.isPending ? (
        <LoadingState />
      ) : !subscription ? (
        <ErrorState
          error={
            new Error(`The subscription '${subscriptionId}' could not be found for the signed-in account.`)
          }
          action={<RouterLink to="/azure">Go to Subscriptions</RouterLink>}
        />
      ) : (
        <Essentials
          resource={subscription}
          left={[
            {
              label: 'Subscription ID',
              value: <ResourceId value={subscription.subscriptionId} label="Subscription ID" />,
            },
            { label: 'Directory', value: <ResourceId value={subscription.tenantId} label="Directory" /> },
            {
              label: 'Status',
              value: (
                <StatusBadge
                  status={subscription.state}
                  kind={subscription.state === 'Enabled' ? 'success' : 'warning'}
                />
              ),
            },
          ]}
          right={[{ label: 'Resource groups', value: groups.data ? String(groups.data.length) : '-' }]}
        />
      )}
      <section aria-labelledby="subscription-groups" className={styles.resources}>
        <h2 id="subscription-groups" className={styles.heading}>
          Resource groups
        </h2>
        {isLoadFailure(groups) ? (
          <ErrorState
            error={groups.error}
            title="Couldn't list resource groups"
            onRetry={() => void groups.refetch()}
          />
        ) : (
          <div className={styles.table}>
            <DataTable
              ariaLabel={`Resource groups of ${name}`}
              items={groups.data ?? []}
              columns={[
                {
                  id: 'name',
                  header: 'Name',
                  width: 'minmax(180px, 1.4fr)',
                  cell: (g) => (
                    <RouterLink to={resourceGroupPath(subscriptionId, g.name)}>{g.name}</RouterLink>
                  ),
                  sortValue: (g) => g.name,
                },
                {
                  id: 'location',
                  header: 'Location',
                  width: 'minmax(100px, 0.7fr)',
                  cell: (g) => g.location,
                  sortValue: (g) => g.location,
                },
              ]}
              getRowId={(g) => g.id}
              loading={groups.isPending}
              emptyMessage="No resource groups to display"
              defaultSort={{ columnId: 'name', direction: 'ascending' }}
            />
          </div>
        )}
      </section>
    </SimpleBlade>
  );
}

interface ClusterRow {
  cluster: ArmHciCluster;
  subscription: string;
}

const clusterColumns: DataTableColumn<ClusterRow>[] = [
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(150px, 1.2fr)',
    cell: ({ cluster }) => <RouterLink to={resourcePath(cluster.id)}>{cluster.name}</RouterLink>,
    sortValue: ({ cluster }) => cluster.name,
  },
  {
    id: 'status',
    header: 'Status',
    width: 'minmax(180px, 1.6fr)',
    cell: ({ cluster }) => (
      <StatusBadge
        status={clusterStatusText(cluster.properties.status)}
        kind={clusterStatusKind(cluster.properties.status)}
      />
    ),
    sortValue: ({ cluster }) => clusterStatusText(cluster.properties.status),
  },
  {
    id: 'rg',
    header: 'Resource group',
    width: 'minmax(150px, 1fr)',
    cell: ({ cluster }) => parseResourceId(cluster.id).resourceGroup,
    sortValue: ({ cluster }) => parseResourceId(cluster.id).resourceGroup,
  },
  {
    id: 'location',
    header: 'Location',
    width: 'minmax(100px, 0.7fr)',
    cell: ({ cluster }) => cluster.location,
    sortValue: ({ cluster }) => cluster.location,
  },
  {
    id: 'subscription',
    header: 'Subscription',
    width: 'minmax(150px, 1fr)',
    cell: ({ subscription }) => subscription,
    sortValue: ({ subscription }) => subscription,
  },
];

const clusterGroupings: BrowseGrouping<ClusterRow>[] = [
  {
    id: 'resource-group',
    label: 'Resource group',
    value: ({ cluster }) => parseResourceId(cluster.id).resourceGroup,
  },
  { id: 'location', label: 'Location', value: ({ cluster }) => cluster.location },
  { id: 'subscription', label: 'Subscription', value: ({ subscription }) => subscription },
  { id: 'status', label: 'Status', value: ({ cluster }) => clusterStatusText(cluster.properties.status) },
];

/** Azure Stack HCI: every cluster resource of every readable subscription, in the portal's browse pattern. */
export function HciClustersPage() {
  const subscriptions = useQuery(armQueries.subscriptions());
  const lists = useQueries({
    queries: (subscriptions.data ?? []).map((s) => armQueries.clusters(s.subscriptionId)),
  });
  const pending = subscriptions.isPending || lists.some((q) => q.isPending);
  useMarkAppReady(!pending);
  const failed = subscriptions.isError ? subscriptions : lists.find((q) => q.isError);
  const rows: ClusterRow[] = (subscriptions.data ?? []).flatMap((s, index) =>
    (lists[index]?.data ?? []).map((cluster) => ({ cluster, subscription: s.displayName })),
  );
  return (
    <BrowseList
      title="Azure Stack HCI"
      subtitle="Azure Arc"
      items={rows}
      columns={clusterColumns}
      getRowId={({ cluster }) => cluster.id}
      filterText={({ cluster, subscription }) =>
        `${cluster.name} ${clusterStatusText(cluster.properties.status)} ${parseResourceId(cluster.id).resourceGroup} ${cluster.location} ${subscription}`
      }
      groupings={clusterGroupings}
      onRefresh={() => lists.forEach((q) => void q.refetch())}
      loading={pending}
      error={failed?.error ?? undefined}
      onRetry={() => void failed?.refetch()}
      emptyMessage="No Azure Stack HCI clusters to display"
    />
  );
}
