import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import { useUnregisterGateway } from '@/components/azure-gate/azure-api';
import { GatewayRegistrationPane } from '@/components/azure-gate/gateway-registration-pane';
import { SignInDialog } from '@/components/azure-gate/sign-in-dialog';
import { Banner } from '@/components/banner/banner';
import { ConfirmDialog } from '@/components/confirm-dialog/confirm-dialog';
import { DetailsGrid } from '@/components/details-pane/details-pane';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { StatusBadge } from '@/components/status-badge/status-badge';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';
import { formatDateTime } from '@/lib/format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '960px',
    alignItems: 'flex-start',
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  full: { alignSelf: 'stretch' },
});

/** Settings → Gateway → Register: "Register with Azure", the registration pane, and Unregister → Confirm. */
export function RegisterSettings() {
  const styles = useStyles();
  const flow = useQuery(gatewayQueries.registration());
  const gateway = useQuery(gatewayQueries.detail());
  const unregister = useUnregisterGateway();
  const [paneOpen, setPaneOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [signInOpen, setSignInOpen] = useState(false);
  const [unregistered, setUnregistered] = useState(false);
  useMarkAppReady(!flow.isPending && !gateway.isPending);

  if (flow.isPending || gateway.isPending) return <LoadingState />;
  // Only without data: a failed background refresh (a world change while an API fault is on) must not unmount
  // the open registration pane and lose what it was showing.
  if (!flow.data || !gateway.data) {
    return (
      <ErrorState
        error={flow.error ?? gateway.error}
        title="Couldn't read the gateway's Azure registration"
        onRetry={() => void Promise.all([flow.refetch(), gateway.refetch()])}
      />
    );
  }
  const { registration, account, hostName } = gateway.data;
  const cloudName = (name: string) => flow.data.clouds.find((c) => c.name === name)?.displayName ?? name;

  return (
    <div className={styles.root}>
      <h2 className={styles.heading}>Register with Azure</h2>
      {unregistered && !registration && (
        <div className={styles.full}>
          <Banner intent="success" title="Unregistered" onDismiss={() => setUnregistered(false)}>
            {hostName} is no longer registered with Azure. The Azure app was not deleted.
          </Banner>
        </div>
      )}
      {registration ? (
        <>
          <p className={styles.text}>
            This gateway is registered with Azure, so you can use Azure services with Windows Admin Center:
            Azure Stack HCI registration, Azure Arc and Azure benefits.
          </p>
          <DetailsGrid
            fields={[
              { label: 'Status', value: <StatusBadge status="Registered" kind="success" /> },
              { label: 'Gateway', value: hostName },
              { label: 'Azure cloud', value: cloudName(registration.cloud) },
              { label: 'Azure Active Directory (tenant) ID', value: registration.tenantId },
              { label: 'Application', value: flow.data.appName },
              {
                label: 'Application ID',
                value: (
                  <>
                    {registration.appId}{' '}
                    <RouterLink to={paths.azurePortal(`/app-registrations/${registration.appId}`)}>
                      View in Azure <OpenRegular aria-hidden />
                    </RouterLink>
                  </>
                ),
              },
              { label: 'Registered', value: formatDateTime(registration.registeredAt) },
              {
                label: 'Azure account',
                value: account
                  ? `${account.upn}${account.expired ? ' (session expired)' : ''}`
                  : 'Not signed in',
              },
            ]}
          />
          <div className={styles.actions}>
            {(!account || account.expired) && (
              <Button appearance="primary" onClick={() => setSignInOpen(true)}>
                Sign in
              </Button>
            )}
            <Button onClick={() => setConfirmOpen(true)}>Unregister</Button>
          </div>
        </>
      ) : (
        <>
          <p className={styles.text}>
            To use Azure services with Windows Admin Center (Azure Stack HCI registration, Azure Arc, Azure
            benefits), register this gateway with Azure. Registering creates or uses an Azure Active Directory
            application for {hostName} in your tenant.
          </p>
          {flow.data.pending && (
            <p className={styles.text}>
              Registration is in progress: {flow.data.pending.appName} is waiting for consent. Select Register
              to continue where you left off.
            </p>
          )}
          <Button appearance="primary" onClick={() => setPaneOpen(true)}>
            Register
          </Button>
        </>
      )}
      <GatewayRegistrationPane open={paneOpen} onClose={() => setPaneOpen(false)} />
      <SignInDialog open={signInOpen} onClose={() => setSignInOpen(false)} />
      <ConfirmDialog
        open={confirmOpen}
        title="Unregister from Azure"
        message={
          <>
            Unregister {hostName} from Azure? It doesn&apos;t delete the Azure app or affect any Azure
            services used by servers or clusters managed by Windows Admin Center. Until you register again,
            the Azure features of this portal ask you to register first.
          </>
        }
        confirmLabel="Confirm"
        cancelLabel="Cancel"
        busy={unregister.isPending}
        error={unregister.isError ? errorMessage(unregister.error) : null}
        onCancel={() => {
          unregister.reset();
          setConfirmOpen(false);
        }}
        onConfirm={() =>
          unregister.mutate(undefined, {
            onSuccess: () => {
              setConfirmOpen(false);
              setUnregistered(true);
            },
          })
        }
      />
    </div>
  );
}
