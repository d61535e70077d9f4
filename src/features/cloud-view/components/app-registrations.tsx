import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { DeleteRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AppRegistrationDto } from '@/api/contract';
import { ActionBar } from '@/components/action-bar/action-bar';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';
import { matchesQuery, useSearchText } from '@/lib/use-search-param';
import { directoryQueries } from '@/api/queries/gateway-queries';
import { useDeleteApp, useGrantConsent } from '../api/azure-mutations';

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '200px' },
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
    cell: (a) => a.appId,
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

/** Microsoft Entra ID → App registrations → All applications. */
export function AppRegistrationsPage() {
  const styles = useStyles();
  const apps = useQuery(directoryQueries.apps());
  const [search, setSearch] = useSearchText('q');
  useMarkAppReady(!apps.isPending);
  const visible = (apps.data ?? []).filter((a) =>
    matchesQuery(search, [a.displayName, a.appId, KIND_TEXT[a.kind]]),
  );
  return (
    <PageLayout fill>
      <PageHeader title="App registrations" />
      <ActionBar
        ariaLabel="App registration actions"
        itemCount={apps.data?.length}
        onRefresh={() => void apps.refetch()}
        search={{
          value: search,
          onChange: setSearch,
          matchCount: visible.length,
          placeholder: 'Search applications',
        }}
      />
      {apps.isError ? (
        <ErrorState
          error={apps.error}
          title="Couldn't list the app registrations"
          onRetry={() => void apps.refetch()}
        />
      ) : (
        <div className={styles.table}>
          <DataTable
            ariaLabel="App registrations"
            items={visible}
            columns={columns}
            getRowId={(a) => a.appId}
            getRowLabel={(a) => a.displayName}
            loading={apps.isPending}
            emptyMessage="No applications"
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
          />
        </div>
      )}
    </PageLayout>
  );
}

/** One app registration: its API permissions with Grant admin consent, and Delete. */
export function AppRegistrationPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { appId = '' } = useParams();
  const apps = useQuery(directoryQueries.apps());
  const users = useQuery(directoryQueries.users());
  const admins = (users.data ?? []).filter((u) => u.canGrantAdminConsent);
  const [upn, setUpn] = useState('');
  const grantAs = upn !== '' ? upn : (admins[0]?.upn ?? '');
  const grant = useGrantConsent();
  const remove = useDeleteApp();
  const [confirmDelete, setConfirmDelete] = useState(false);
  useMarkAppReady(!apps.isPending);
  const app = apps.data?.find((a) => a.appId.toLowerCase() === appId.toLowerCase());

  if (apps.isPending) return <LoadingState />;
  if (apps.isError)
    return (
      <ErrorState
        error={apps.error}
        title="Couldn't load the app registrations"
        onRetry={() => void apps.refetch()}
      />
    );
  if (!app) {
    return (
      <PageLayout>
        <PageHeader title="App registrations" />
        <ErrorState
          error={new Error(`A registered application with the ID '${appId}' was not found.`)}
          action={<RouterLink to="/azure/app-registrations">Go to App registrations</RouterLink>}
        />
      </PageLayout>
    );
  }

  return (
    <PageLayout>
      <PageHeader title={app.displayName} />
      <DetailsGrid
        fields={[
          { label: 'Application (client) ID', value: app.appId },
          { label: 'Object ID', value: app.objectId },
          { label: 'Directory (tenant) ID', value: app.tenantId },
          {
            label: 'Used by',
            value: app.clusterName ? `${KIND_TEXT[app.kind]} (${app.clusterName})` : KIND_TEXT[app.kind],
          },
          { label: 'Redirect URIs', value: app.replyUrls.length > 0 ? app.replyUrls.join(', ') : 'None' },
        ]}
      />
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
        <Button icon={<DeleteRegular />} onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      </div>
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
    </PageLayout>
  );
}
