import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Link,
  OverlayDrawer,
} from '@fluentui/react-components';
import { DismissRegular, OpenRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { gatewayQueries } from '@/api/queries/gateway-queries';
import { useContextPaneStyles } from '@/components/context-pane/context-pane.styles';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { useIssueDeviceCode } from './azure-api';
import { useGatewayStepStyles } from './gateway-steps.styles';
import { ConnectStep } from './step-connect';
import { CopyCodeStep } from './step-copy-code';
import { EnterCodeStep } from './step-enter-code';
import { SelectCloudStep, type CloudName } from './step-select-cloud';
import { SignInStep } from './step-sign-in';

export { DEVICE_LOGIN_PATH } from './device-login-path';

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

function PaneBody() {
  const styles = useGatewayStepStyles();
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

/** The five steps in order; the device code the first three share is held here. */
function Steps({
  flow,
  signedIn,
  account,
}: {
  flow: GatewayRegistrationFlowDto;
  signedIn: boolean;
  account: string | null;
}) {
  const styles = useGatewayStepStyles();
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

  const step2Done = copied || redeemed !== null || connectedOrLater;

  return (
    <ol className={styles.steps} aria-label="Registration steps">
      <li className={styles.step}>
        <SelectCloudStep
          clouds={flow.clouds}
          value={(dc?.cloud as CloudName | undefined) ?? cloud}
          done={dc !== null || connectedOrLater}
          disabled={connectedOrLater || redeemed !== null || issue.isPending}
          onChange={chooseCloud}
        />
      </li>
      <li className={styles.step}>
        <CopyCodeStep
          deviceCode={dc}
          done={step2Done}
          connectedOrLater={connectedOrLater}
          issuing={issue.isPending}
          issueError={issue.isError ? issue.error : null}
          copyNote={copyNote}
          codeInputRef={codeInputRef}
          onCopy={() => void copy()}
          onNewCode={newCode}
        />
      </li>
      <li className={styles.step}>
        <EnterCodeStep
          deviceCode={dc}
          copied={step2Done}
          done={redeemed !== null || connectedOrLater}
          connectedOrLater={connectedOrLater}
        />
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
