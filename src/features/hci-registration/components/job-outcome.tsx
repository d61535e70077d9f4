import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ClusterDto, JobDto, RegisterClusterRequestDto } from '@/api/contract';
import { RouterButton, RouterLink } from '@/components/router-link/router-link';
import { useWizardStyles } from './register-wizard.styles';

const useStyles = makeStyles({
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface JobOutcomeProps {
  job: JobDto;
  clusterName: string;
  cluster: ClusterDto | undefined;
  onRegisterAgain: (overrides?: Partial<RegisterClusterRequestDto>) => void;
  onChangeSettings: () => void;
  onContinueWithoutArc: () => void;
  registering: boolean;
}

/** What a registration result means and the way forward, under the job's steps. */
export function JobOutcome({
  job,
  clusterName,
  cluster,
  onRegisterAgain,
  onChangeSettings,
  onContinueWithoutArc,
  registering,
}: JobOutcomeProps) {
  const styles = useStyles();
  const wizard = useWizardStyles();
  if (job.status === 'InProgress') {
    return (
      <p className={wizard.muted}>
        It takes a few minutes to complete the registration. You can close this pane: the job goes on, and the
        notifications show its progress.
      </p>
    );
  }
  const message = job.message ?? '';
  if (job.result === 'Success') {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Registered</MessageBarTitle>
          <span>{message}</span>
          {cluster?.portalPath && (
            <span>
              <RouterLink to={cluster.portalPath}>
                View the Azure resource {cluster.registration.azureResourceName ?? cluster.name}
              </RouterLink>
            </span>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job.result === 'PendingForAdminConsent') {
    const appId = /identity ([0-9a-f-]{36})/i.exec(message)?.[1];
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Pending admin consent</MessageBarTitle>
          <span>{message}</span>
          <span>
            The registration is partly done. Once an administrator has granted consent to the application,
            select Register again: it runs with the same parameters and completes the registration.
          </span>
          <div className={wizard.row}>
            {appId && (
              <RouterButton to={`/azure/app-registrations/${appId}`}>View consent in Azure AD</RouterButton>
            )}
            <Button appearance="primary" onClick={() => onRegisterAgain()} disabled={registering}>
              Register again
            </Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (job.result === 'RegisterSucceededButArcFailed') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody className={styles.outcome}>
          <MessageBarTitle>Registered, but Azure Arc integration failed</MessageBarTitle>
          <span>{message}</span>
          <span>
            The cluster is registered with Azure. Ask for the Owner or User Access Administrator role on the
            subscription, then retry Azure Arc; or continue without Azure Arc.
          </span>
          <div className={wizard.row}>
            <Button
              appearance="primary"
              onClick={() => onRegisterAgain({ enableArc: true })}
              disabled={registering}
            >
              Retry Azure Arc integration
            </Button>
            <Button onClick={onContinueWithoutArc}>Continue without Azure Arc</Button>
            <Button onClick={onChangeSettings}>Change the settings</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={styles.outcome}>
        <MessageBarTitle>
          Couldn&apos;t register Azure Stack HCI. Review the error and then try again.
        </MessageBarTitle>
        <span>{message}</span>
        <div className={wizard.row}>
          <Button appearance="primary" onClick={() => onRegisterAgain()} disabled={registering}>
            Register again
          </Button>
          <Button onClick={onChangeSettings}>Change the settings</Button>
          <RouterLink
            to={`/connections/cluster/${encodeURIComponent(clusterName)}/tools/diagnostics/troubleshoot?error=${encodeURIComponent(message)}`}
          >
            Troubleshoot this error
          </RouterLink>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
