import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AppRegistrationDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import type { DataTableColumn } from '@/components/data-table/data-table';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { useSearchParam } from '@/lib/use-search-param';
import { directoryQueries } from '@/api/queries/gateway-queries';
import { useDeleteApp, useGrantConsent } from '../api/azure-mutations';
import { BrowseList, type BrowseGrouping } from './portal/browse-list';
import { Essentials } from '@/components/portal-blade/essentials';
import { ResourceBlade } from '@/components/portal-blade/resource-blade';
import { BladeCommands } from '@/components/portal-blade/simple-blade';
import { ResourceId } from '@/components/portal-blade/resource-id';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const KIND_TEXT: Record<AppRegistrationDto['kind'], string> = {
  gateway: 'Windows Admin Center gateway',
  cluster: 'Azure Stack HCI cluster',
  arc: 'Azure Arc for the cluster\u2019s servers',
  other: 'Other',
};

const consentText = (a: AppRegistrationDto) => (a.adminConsentGranted ? 'Granted' : 'Not granted');

const columns: DataTableColumn<AppRegistrationDto>[] = [
  {
    id: 'name',
    header: 'Display name',
    width: 'minmax(220px, 2fr)',
    cell: (a) => <RouterLink to={`/azure/app-registrations/${a.appId}`}>{a.displayName}</RouterLink>,
    sortValue: (a) => a.displayName,
  },
  {
    id: 'appId',
    header: 'Application (client) ID',
    width: 'minmax(280px, 2fr)',
    cell: (a) => <ResourceId value={a.appId} label="Application (client) ID" copy={false} />,
    sortValue: (a) => a.appId,
  },
  {
    id: 'kind',
    header: 'Used by',
    width: 'minmax(180px, 1.5fr)',
    cell: (a) => KIND_TEXT[a.kind],
    sortValue: (a) => a.kind,
  },
  {
    id: 'consent',
    header: 'Admin consent',
    cell: (a) => <StatusBadge status={consentText(a)} kind={a.adminConsentGranted ? 'success' : 'warning'} />,
    sortValue: (a) => consentText(a),
  },
  {
    id: 'created',
    header: 'Created',
    cell: (a) => formatDateTime(a.createdAt),
    sortValue: (a) => a.createdAt,
  },
];

const groupings: BrowseGrouping<AppRegistrationDto>[] = [
  { id: 'used-by', label: 'Used by', value: (a) => KIND_TEXT[a.kind] },
  { id: 'consent', label: 'Admin consent', value: consentText },
];

/** Microsoft Entra ID → App registrations → All applications, in the portal's browse pattern. */
export function AppRegistrationsPage() {
  const apps = useQuery(directoryQueries.apps());
  useMarkAppReady(!apps.isPending);
  return (
    <BrowseList
      title="App registrations"
      subtitle="Microsoft Entra ID"
      items={apps.data ?? []}
      columns={columns}
      getRowId={(a) => a.appId}
      filterText={(a) => `${a.displayName} ${a.appId} ${KIND_TEXT[a.kind]} ${consentText(a)}`}
      groupings={groupings}
      onRefresh={() => void apps.refetch()}
      loading={apps.isPending}
      error={apps.isError ? apps.error : undefined}
      onRetry={() => void apps.refetch()}
      emptyMessage="No applications"
    />
  );
}

type AppTab = 'overview' | 'authentication' | 'permissions';

function appTab(param: string): AppTab {
  return param === 'authentication' || param === 'permissions' ? param : 'overview';
}

/** One app registration as a blade: Overview with Essentials, Authentication, API permissions (Grant admin consent). */
export function AppRegistrationPage() {
  const navigate = useNavigate();
  const { appId = '' } = useParams();
  const apps = useQuery(directoryQueries.apps());
  const remove = useDeleteApp();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [tabParam, setTab] = useSearchParam('tab');
  const tab = appTab(tabParam);
  useMarkAppReady(!apps.isPending);
  const app = apps.data?.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  const name = app?.displayName ?? appId;

  return (
    <ResourceBlade
      name={name}
      type="App registration"
      menu={[
        { id: 'overview', label: 'Overview' },
        { id: 'authentication', label: 'Authentication', group: 'Manage' },
        { id: 'permissions', label: 'API permissions', group: 'Manage' },
      ]}
      active={tab}
      onSelect={(next) => setTab(next === 'overview' ? '' : next)}
      commands={
        <BladeCommands
          name={name}
          onDelete={() => setConfirmDelete(true)}
          canDelete={app !== undefined}
          onRefresh={() => void apps.refetch()}
        />
      }
    >
      {isLoadFailure(apps) ? (
        <ErrorState
          error={apps.error}
          title="Couldn't load the app registrations"
          onRetry={() => void apps.refetch()}
        />
      ) : apps.isPending ? (
        <LoadingState />
      ) : !app ? (
        <ErrorState
          error={new Error(`A registered application with the ID '${appId}' was not found.`)}
          action={<RouterLink to="/azure/app-registrations">Go to App registrations</RouterLink>}
        />
      ) : tab === 'overview' ? (
        <AppEssentials app={app} />
      ) : tab === 'authentication' ? (
        <AppAuthentication app={app} />
      ) : (
        <AppPermissions app={app} />
      )}
      {app && (
        <ConfirmDialog
          open={confirmDelete}
          title={`Delete ${app.displayName}`}
          message={`Delete the app registration ${app.displayName} (${app.appId})? Anything that signs in with it, such as ${app.clusterName ?? 'the gateway'}, stops working until it is registered again.`}
          confirmLabel="Delete"
          busy={remove.isPending}
          error={remove.error?.message ?? null}
          onCancel={() => {
            remove.reset();
            setConfirmDelete(false);
          }}
          onConfirm={() =>
            remove.mutate(app.appId, { onSuccess: () => void navigate('/azure/app-registrations') })
          }
        />
      )}
    </ResourceBlade>
  );
}

/**
 * The app's Essentials, with the fields the directory holds for it. The portal's "Supported account types" and
 * "Application ID URI" are not in the simulated directory, so they are not shown.
 */
function AppEssentials({ app }: { app: AppRegistrationDto }) {
  return (
    <Essentials
      left={[
        { label: 'Display name', value: app.displayName },
        {
          label: 'Application (client) ID',
          value: <ResourceId value={app.appId} label="Application (client) ID" />,
        },
        { label: 'Object ID', value: <ResourceId value={app.objectId} label="Object ID" /> },
        {
          label: 'Directory (tenant) ID',
          value: <ResourceId value={app.tenantId} label="Directory (tenant) ID" />,
        },
      ]}
      right={[
        {
          label: 'Redirect URIs',
          value: String(app.replyUrls.length),
        },
        {
          label: 'Used by',
          value: app.clusterName ? `${KIND_TEXT[app.kind]} (${app.clusterName})` : KIND_TEXT[app.kind],
        },
        { label: 'Created', value: formatDateTime(app.createdAt) },
      ]}
    />
  );
}

function AppAuthentication({ app }: { app: AppRegistrationDto }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="app-redirect-uris">
      <h2 id="app-redirect-uris" className={styles.heading}>
        Redirect URIs
      </h2>
      {app.replyUrls.length === 0 ? (
        <p>None</p>
      ) : (
        <ul className={styles.list}>
          {app.replyUrls.map((u) => (
            <li key={u}>{u}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** API permissions, where "Grant admin consent" lives in the portal; it acts as the account chosen here. */
function AppPermissions({ app }: { app: AppRegistrationDto }) {
  const styles = useStyles();
  const users = useQuery(directoryQueries.users());
  const admins = (users.data ?? []).filter((u) => u.canGrantAdminConsent);
  const [upn, setUpn] = useState('');
  const grantAs = upn !== '' ? upn : (admins[0]?.upn ?? '');
  const grant = useGrantConsent();
  return (
    <>
      <section aria-labelledby="api-permissions">
        <h2 id="api-permissions" className={styles.heading}>
          API permissions
        </h2>
        <ul className={styles.list}>
          {app.permissions.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p>
          Admin consent:{' '}
          <StatusBadge status={consentText(app)} kind={app.adminConsentGranted ? 'success' : 'warning'} />
        </p>
      </section>
      {grant.isSuccess && <Banner intent="success">{`Admin consent granted for ${app.displayName}.`}</Banner>}
      {grant.isError && (
        <Banner intent="error" title="Couldn't grant admin consent">
          {grant.error.message}
        </Banner>
      )}
      <div className={styles.toolbar}>
        <Field label="Signed in to the portal as">
          <Dropdown
            value={grantAs}
            selectedOptions={[grantAs]}
            onOptionSelect={(_e, d) => setUpn(d.optionValue ?? '')}
          >
            {(users.data ?? []).map((u) => (
              <Option key={u.upn} value={u.upn}>
                {u.upn}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button
          appearance="primary"
          icon={<ShieldCheckmarkRegular />}
          disabled={grant.isPending || app.adminConsentGranted || grantAs === ''}
          onClick={() => grant.mutate({ appId: app.appId, upn: grantAs })}
        >
          Grant admin consent
        </Button>
      </div>
    </>
  );
}
