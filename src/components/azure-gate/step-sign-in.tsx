import { Button } from '@fluentui/react-components';
import { Banner } from '@/components/banner/banner';
import { errorMessage } from '@/lib/api-client';
import { useSignIn } from './azure-api';
import { useGatewayStepStyles } from './gateway-steps.styles';
import { StepTitle } from './step-title';

/** Step 5: "Sign in to Azure", available once the gateway is connected to Azure AD. */
export function SignInStep({
  registered,
  signedIn,
  account,
}: {
  registered: boolean;
  signedIn: boolean;
  account: string | null;
}) {
  const styles = useGatewayStepStyles();
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
