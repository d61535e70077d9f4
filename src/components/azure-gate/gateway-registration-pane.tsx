import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  Link,
  makeStyles,
  mergeClasses,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissRegular, OpenRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { useContextPaneStyles } from '@/components/context-pane/context-pane.styles';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { RouterLink } from '@/components/router-link/router-link';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import {
  useAcceptPermissions,
  useCheckConsent,
  useConnectGateway,
  useIssueDeviceCode,
  useSignIn,
} from './azure-api';
import { PermissionsDialog } from './permissions-dialog';

type CloudName = GatewayRegistrationFlowDto['clouds'][number]['name'];

/** Where the simulated Microsoft "Enter code" page lives (outside the WAC shell). */
export const DEVICE_LOGIN_PATH = '/device-login';

const useStyles = makeStyles({
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  stepTitle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
  },
  check: { color: tokens.colorPaletteGreenForeground1, fontSize: '16px', flexShrink: 0 },
  number: { minWidth: '16px', textAlign: 'center' },
  dimmed: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  codeRow: { display: 'flex', gap: 0, alignItems: 'stretch' },
  code: { width: '140px', fontFamily: tokens.fontFamilyMonospace, letterSpacing: '0.05em' },
  copy: { minWidth: '120px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  inline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  success: { margin: 0, color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  steps_ol: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface GatewayRegistrationPaneProps {
  open: boolean;
  onClose: () => void;
}

/**
 * "Get started with Azure in Windows Admin Center" (ui.md §2b): select a cloud, copy a device code, use it
 * on the sign-in page, connect to Azure Active Directory (consent, or an admin's), then sign in. Every step
 * reads the simulated world, so closing the pane or reloading resumes where the user left off.
 */
export function GatewayRegistrationPane({ open, onClose }: GatewayRegistrationPaneProps) {
  const paneStyles = useContextPaneStyles();
  return (
    <OverlayDrawer
      open={open}
      position="end"
      className={paneStyles.narrow}
      onOpenChange={(_event, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          Get started with Azure in Windows Admin Center
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>{open && <PaneBody />}</DrawerBody>
      <DrawerFooter className={paneStyles.footer}>
        <Button onClick={onClose}>Close</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}

function StepTitle({ n, done, children, id }: { n: number; done: boolean; children: ReactNode; id: string }) {
  const styles = useStyles();
  return (
    <h3 className={styles.stepTitle} id={id}>
      {done ? (
        <CheckmarkCircleFilled className={styles.check} aria-hidden />
      ) : (
        <span className={styles.number} aria-hidden>
          {n}.
        </span>
      )}
      <span>
        {children}
        {done && <span className={styles.srOnly}> (done)</span>}
      </span>
    </h3>
  );
}

function PaneBody() {
  const styles = useStyles();
  const flow = useQuery(gatewayQueries.registration());
  const gateway = useQuery(gatewayQueries.detail());

  if (flow.isPending || gateway.isPending) return <LoadingState />;
  const refreshError = flow.error ?? gateway.error;
  const retry = () => void Promise.all([flow.refetch(), gateway.refetch()]);
  // Without data there is nothing to show; with data, a failed refresh is reported above the steps, which stay usable.
  if (!flow.data || !gateway.data)
    return (
      <ErrorState error={refreshError} title="Couldn't read the gateway's registration" onRetry={retry} />
    );
  return (
    <div className={styles.body}>
      {refreshError && (
        <ErrorState error={refreshError} title="Couldn't refresh the registration's state" onRetry={retry} />
      )}
      <p className={styles.text}>
        To use Azure services with Windows Admin Center, complete the following one-time registration.
      </p>
      <p className={styles.text}>
        If you don&apos;t already have an Azure account, first{' '}
        <Link href="https://azure.microsoft.com/free/" target="_blank" rel="noopener noreferrer">
          create an account <OpenRegular aria-label="(opens in a new tab)" />
        </Link>
      </p>
      <Steps
        flow={flow.data}
        signedIn={gateway.data.account !== null && !gateway.data.account.expired}
        account={gateway.data.account?.upn ?? null}
      />
    </div>
  );
}

function Steps({
  flow,
  signedIn,
  account,
}: {
  flow: GatewayRegistrationFlowDto;
  signedIn: boolean;
  account: string | null;
}) {
  const styles = useStyles();
  const issue = useIssueDeviceCode();
  const [cloud, setCloud] = useState<CloudName>(
    (flow.deviceCode?.cloud as CloudName | undefined) ?? 'AzureCloud',
  );
  const [copied, setCopied] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const codeInputRef = useRef<HTMLInputElement>(null);

  const dc = flow.deviceCode;
  const redeemed = dc?.redeemedBy ?? null;
  const registered = flow.registered;
  const connectedOrLater = registered || flow.pending !== null;

  // A fresh code as soon as the pane opens (and for another cloud), unless the flow is past that point.
  const requested = useRef(false);
  const issueMutate = issue.mutate;
  useEffect(() => {
    if (requested.current || registered || flow.pending) return;
    if (dc && !dc.expired && dc.cloud === cloud) return;
    if (dc?.expired) return; // the user asks for a new one; an expired code is explained, not silently replaced
    requested.current = true;
    issueMutate({ cloud });
  }, [dc, cloud, registered, flow.pending, issueMutate]);

  const chooseCloud = (next: CloudName) => {
    setCloud(next);
    setCopied(false);
    issueMutate({ cloud: next });
  };

  const newCode = () => {
    setCopied(false);
    issueMutate({ cloud });
  };

  const copy = async () => {
    if (!dc) return;
    try {
      await navigator.clipboard.writeText(dc.code);
      setCopyNote('Code copied to the clipboard.');
    } catch {
      codeInputRef.current?.select();
      setCopyNote('The browser did not allow copying. The code is selected: press Ctrl+C to copy it.');
    }
    setCopied(true);
  };

  const step1Done = dc !== null || connectedOrLater;
  const step2Done = copied || redeemed !== null || connectedOrLater;
  const step3Done = redeemed !== null || connectedOrLater;

  return (
    <ol className={styles.steps} aria-label="Registration steps">
      <li className={styles.step}>
        <StepTitle n={1} done={step1Done} id="gw-step-cloud">
          Select an Azure cloud.
        </StepTitle>
        <Select
          aria-label="Azure cloud"
          value={dc?.cloud ?? cloud}
          disabled={connectedOrLater || redeemed !== null || issue.isPending}
          onChange={(_e, data) => chooseCloud(data.value as CloudName)}
        >
          {flow.clouds.map((c) => (
            <option key={c.name} value={c.name}>
              {c.displayName}
            </option>
          ))}
        </Select>
      </li>

      <li className={styles.step}>
        <StepTitle n={2} done={step2Done} id="gw-step-code">
          Copy this code.
        </StepTitle>
        {connectedOrLater ? (
          <p className={styles.text}>Used to sign in{redeemed ? ` as ${redeemed}` : ''}.</p>
        ) : issue.isError ? (
          <ErrorState error={issue.error} title="Couldn't get a code" onRetry={newCode} />
        ) : !dc ? (
          <Spinner size="tiny" label="Getting a code..." labelPosition="after" />
        ) : (
          <>
            <div className={styles.codeRow}>
              <Input
                ref={codeInputRef}
                className={styles.code}
                value={dc.code}
                readOnly
                aria-label="Device code"
              />
              <Button
                appearance="primary"
                className={styles.copy}
                onClick={() => void copy()}
                disabled={dc.expired || redeemed !== null}
              >
                Copy
              </Button>
            </div>
            <p className={styles.text} role="status">
              {copyNote ?? ''}
            </p>
            {dc.expired ? (
              <Banner
                intent="warning"
                title="This code has expired"
                action={
                  <Button onClick={newCode} disabled={issue.isPending}>
                    Get a new code
                  </Button>
                }
              >
                The code {dc.code} expired at {formatDateTime(dc.expiresAt)} before anyone signed in with it.
                Codes are valid for 15 minutes. Get a new code, copy it, and enter it again.
              </Banner>
            ) : (
              !redeemed && <p className={styles.text}>Valid until {formatDateTime(dc.expiresAt)}.</p>
            )}
          </>
        )}
      </li>

      <li className={styles.step}>
        <StepTitle n={3} done={step3Done} id="gw-step-enter">
          {step2Done && !connectedOrLater && dc && !dc.expired && !redeemed ? (
            <Link href={DEVICE_LOGIN_PATH} target="_blank" rel="noopener noreferrer">
              Enter the code. <OpenRegular aria-label="(opens in a new tab)" />
            </Link>
          ) : (
            <span className={mergeClasses(!step3Done && styles.dimmed)}>Enter the code.</span>
          )}
        </StepTitle>
        {redeemed ? (
          <p className={styles.text}>Signed in as {redeemed}.</p>
        ) : (
          !connectedOrLater &&
          dc &&
          !dc.expired && (
            <p className={styles.text}>
              {step2Done
                ? 'A sign-in page opens in a new tab: paste the code, select Next, choose your account, then Continue. This pane notices when you are done.'
                : 'Copy the code first; the link becomes available after Copy.'}
            </p>
          )
        )}
      </li>

      <li className={styles.step}>
        <ConnectStep flow={flow} />
      </li>

      <li className={styles.step}>
        <SignInStep registered={registered} signedIn={signedIn} account={account} />
      </li>
    </ol>
  );
}

function ConnectStep({ flow }: { flow: GatewayRegistrationFlowDto }) {
  const styles = useStyles();
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

function AdminApproval({
  pending,
  requester,
  message,
  onCheck,
  checking,
  checkError,
}: {
  pending: NonNullable<GatewayRegistrationFlowDto['pending']>;
  requester: string | null;
  message: string | null;
  onCheck: () => void;
  checking: boolean;
  checkError: string | null;
}) {
  const styles = useStyles();
  return (
    <div className={styles.body}>
      {pending.consentGranted ? (
        <Banner intent="success" title="An administrator granted consent">
          Consent for {pending.appName} has been granted. Select Check again to finish the registration with
          what you entered before.
        </Banner>
      ) : (
        <Banner intent="warning" title="Need admin approval">
          {message ?? `${pending.appName} needs permission that only an admin can grant.`}
        </Banner>
      )}
      {!pending.consentGranted && (
        <>
          <p className={styles.text}>
            {requester ?? 'Your account'} can&apos;t consent to the permissions {pending.appName} requests on
            behalf of the organization. Ask an administrator of tenant {pending.tenantId} (a Global
            Administrator, Privileged Role Administrator or Cloud Application Administrator) to grant admin
            consent:
          </p>
          <ol className={styles.steps_ol}>
            <li>Microsoft Entra ID → App registrations → All applications</li>
            <li>
              Search for <strong>{pending.appName}</strong> (application ID {pending.appId})
            </li>
            <li>API permissions → Grant admin consent</li>
          </ol>
          <p className={styles.text}>
            In this simulation that page is in the cloud view:{' '}
            <RouterLink to={pending.adminConsentPath}>open {pending.appName} in App registrations</RouterLink>
            . When consent is granted, select Check again: you won&apos;t need to enter anything again.
          </p>
        </>
      )}
      {checkError && (
        <Banner intent="error" title="Registration isn't finished yet">
          {checkError}
        </Banner>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onCheck} disabled={checking}>
          {checking ? 'Checking...' : 'Check again'}
        </Button>
      </div>
    </div>
  );
}

function SignInStep({
  registered,
  signedIn,
  account,
}: {
  registered: boolean;
  signedIn: boolean;
  account: string | null;
}) {
  const styles = useStyles();
  const signIn = useSignIn();
  return (
    <>
      <StepTitle n={5} done={signedIn} id="gw-step-sign-in">
        Sign in to Azure
      </StepTitle>
      {signedIn ? (
        <p className={styles.success} role="status">
          Signed in as {account}. You can close this pane.
        </p>
      ) : (
        <>
          {signIn.isError && (
            <Banner intent="error" title="Couldn't sign in">
              {errorMessage(signIn.error)}
            </Banner>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!registered || signIn.isPending}
              onClick={() => signIn.mutate({})}
            >
              {signIn.isPending ? 'Signing in...' : 'Sign in'}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
