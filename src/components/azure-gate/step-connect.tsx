import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { ErrorState } from '@/components/query-state/query-state';
import { ApiError, errorMessage } from '@/lib/api-client';
import { AdminApproval } from './admin-approval';
import { useAcceptPermissions, useCheckConsent, useConnectGateway } from './azure-api';
import { useGatewayStepStyles } from './gateway-steps.styles';
import { PermissionsDialog } from './permissions-dialog';
import { StepTitle } from './step-title';

/**
 * Step 4: "Connect to Azure Active Directory." The tenant and the application (new or existing), then the
 * permissions to consent to, or an administrator's approval when the account cannot consent.
 */
export function ConnectStep({ flow }: { flow: GatewayRegistrationFlowDto }) {
  const styles = useGatewayStepStyles();
  const connect = useConnectGateway();
  const accept = useAcceptPermissions();
  const check = useCheckConsent();
  const redeemed = flow.deviceCode?.redeemedBy ?? null;
  const pending = flow.pending;
  const [tenantChoice, setTenantChoice] = useState<string | null>(null);
  const [mode, setMode] = useState<'create' | 'existing'>('create');
  const [appId, setAppId] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [permissionsOpen, setPermissionsOpen] = useState(false);
  const [adminNeeded, setAdminNeeded] = useState<string | null>(null);
  const [justConnected, setJustConnected] = useState(false);

  const tenantId = tenantChoice ?? flow.tenants[0]?.tenantId ?? '';
  const enabled = redeemed !== null && !pending && !flow.registered;
  const connectError = connect.error instanceof ApiError ? connect.error : null;
  const appIdError = localError ?? (connectError?.target === 'appId' ? connectError.message : undefined);
  const tenantError = connectError?.target === 'tenantId' ? connectError.message : undefined;
  const otherError =
    connect.isError && connectError?.target !== 'appId' && connectError?.target !== 'tenantId'
      ? errorMessage(connect.error)
      : null;

  const submit = () => {
    setLocalError(null);
    if (mode === 'existing' && appId.trim() === '') {
      setLocalError('Enter the Azure application ID (a GUID such as 00000000-0000-0000-0000-000000000000).');
      return;
    }
    connect.mutate(
      {
        tenantId,
        application: mode === 'create' ? { mode: 'create' } : { mode: 'existing', appId: appId.trim() },
      },
      { onSuccess: () => setPermissionsOpen(true) },
    );
  };

  const onAccept = () => {
    accept.mutate(undefined, {
      onSuccess: () => {
        setPermissionsOpen(false);
        setAdminNeeded(null);
        setJustConnected(true);
      },
      onError: (error) => {
        if (error.code === 'AdminConsentRequired') {
          setPermissionsOpen(false);
          setAdminNeeded(error.message);
        }
      },
    });
  };

  const onCheck = () => {
    check.mutate(undefined, {
      onSuccess: () => {
        setAdminNeeded(null);
        setJustConnected(true);
      },
    });
  };

  return (
    <>
      <StepTitle n={4} done={flow.registered} id="gw-step-connect">
        Connect to Azure Active Directory.
      </StepTitle>
      {flow.registered ? (
        <p className={styles.success} role="status">
          {justConnected ? 'Now connected to Azure AD' : 'Connected to Azure AD'}
        </p>
      ) : pending ? (
        <div className={styles.body}>
          <p className={styles.text}>
            Application {pending.appName} ({pending.appId}) in tenant {pending.tenantId}
            {pending.createdApp ? ', created for this gateway' : ''}.
          </p>
          {adminNeeded !== null || pending.consentGranted ? (
            <AdminApproval
              pending={pending}
              requester={redeemed}
              message={adminNeeded}
              onCheck={onCheck}
              checking={check.isPending}
              checkError={check.isError ? errorMessage(check.error) : null}
            />
          ) : (
            <>
              <p className={styles.text}>
                The application needs your consent to the permissions it requests.
              </p>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => setPermissionsOpen(true)}>
                  Review permissions
                </Button>
              </div>
            </>
          )}
          {accept.isError && accept.error.code !== 'AdminConsentRequired' && (
            <ErrorState error={accept.error} title="Couldn't accept the permissions" onRetry={onAccept} />
          )}
        </div>
      ) : (
        <div className={styles.body}>
          {!redeemed && <p className={styles.text}>Available once you have signed in with the code.</p>}
          <Field label="Azure Active Directory (tenant) ID" required validationMessage={tenantError}>
            <Select value={tenantId} disabled={!enabled} onChange={(_e, data) => setTenantChoice(data.value)}>
              {flow.tenants.length === 0 && <option value="">No tenant yet</option>}
              {flow.tenants.map((t) => (
                <option key={t.tenantId} value={t.tenantId}>
                  {t.tenantId} ({t.displayName})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Azure Active Directory application">
            <RadioGroup
              layout="horizontal"
              value={mode}
              disabled={!enabled}
              onChange={(_e, data) => setMode(data.value as 'create' | 'existing')}
            >
              <Radio value="create" label="Create new" />
              <Radio value="existing" label="Use existing" />
            </RadioGroup>
          </Field>
          {mode === 'existing' && (
            <Field
              label="Azure application ID"
              required
              validationMessage={appIdError}
              hint={
                appIdError
                  ? undefined
                  : 'Windows Admin Center confirms that an application with this ID exists in the tenant.'
              }
            >
              <Input
                value={appId}
                disabled={!enabled}
                placeholder="00000000-0000-0000-0000-000000000000"
                onChange={(_e, data) => {
                  setAppId(data.value);
                  setLocalError(null);
                  if (connect.isError) connect.reset();
                }}
              />
            </Field>
          )}
          {otherError && (
            <Banner intent="error" title="Couldn't connect to Azure Active Directory">
              {otherError} Nothing was changed; select Connect to try again.
            </Banner>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!enabled || connect.isPending || tenantId === ''}
              onClick={submit}
            >
              {connect.isPending ? 'Connecting...' : 'Connect'}
            </Button>
          </div>
        </div>
      )}
      {pending && (
        <PermissionsDialog
          open={permissionsOpen}
          appName={pending.appName}
          permissions={pending.permissions}
          busy={accept.isPending}
          onAccept={onAccept}
          onCancel={() => setPermissionsOpen(false)}
        />
      )}
    </>
  );
}
