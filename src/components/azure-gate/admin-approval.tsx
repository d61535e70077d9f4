import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { RouterLink } from '@/components/router-link/router-link';
import { useGatewayStepStyles } from './gateway-steps.styles';

const useStyles = makeStyles({ numbered: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

/** Step 4 when only an administrator can consent: who to ask, where they grant it, and Check again. */
export function AdminApproval({
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
  const styles = useGatewayStepStyles();
  const own = useStyles();
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
          <ol className={own.numbered}>
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
