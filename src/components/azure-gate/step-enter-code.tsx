import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { DEVICE_LOGIN_PATH } from './device-login-path';
import { useGatewayStepStyles } from './gateway-steps.styles';
import { StepTitle } from './step-title';

const useStyles = makeStyles({ dimmed: { color: tokens.colorNeutralForeground3 } });

/** Step 3: "Enter the code." A link to the sign-in page in a new tab once the code was copied. */
export function EnterCodeStep({
  deviceCode,
  copied,
  done,
  connectedOrLater,
}: {
  deviceCode: GatewayRegistrationFlowDto['deviceCode'];
  copied: boolean;
  done: boolean;
  connectedOrLater: boolean;
}) {
  const styles = useStyles();
  const step = useGatewayStepStyles();
  const dc = deviceCode;
  const redeemed = dc?.redeemedBy ?? null;
  return (
    <>
      <StepTitle n={3} done={done} id="gw-step-enter">
        {copied && !connectedOrLater && dc && !dc.expired && !redeemed ? (
          <Link href={DEVICE_LOGIN_PATH} target="_blank" rel="noopener noreferrer">
            Enter the code. <OpenRegular aria-label="(opens in a new tab)" />
          </Link>
        ) : (
          <span className={mergeClasses(!done && styles.dimmed)}>Enter the code.</span>
        )}
      </StepTitle>
      {redeemed ? (
        <p className={step.text}>Signed in as {redeemed}.</p>
      ) : (
        !connectedOrLater &&
        dc &&
        !dc.expired && (
          <p className={step.text}>
            {copied
              ? 'A sign-in page opens in a new tab: paste the code, select Next, choose your account, then Continue. This pane notices when you are done.'
              : 'Copy the code first; the link becomes available after Copy.'}
          </p>
        )
      )}
    </>
  );
}
