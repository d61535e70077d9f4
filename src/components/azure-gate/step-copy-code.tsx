import { Button, Input, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { GatewayRegistrationFlowDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { ErrorState } from '@/components/query-state/query-state';
import { formatDateTime } from '@/lib/format';
import { useGatewayStepStyles } from './gateway-steps.styles';
import { StepTitle } from './step-title';

const useStyles = makeStyles({
  codeRow: { display: 'flex', gap: 0, alignItems: 'stretch' },
  code: { width: '140px', fontFamily: tokens.fontFamilyMonospace, letterSpacing: '0.05em' },
  copy: { minWidth: '120px' },
});

/** Step 2: "Copy this code." The device code, Copy, and a new code once it expired (codes last 15 minutes). */
export function CopyCodeStep({
  deviceCode,
  done,
  connectedOrLater,
  issuing,
  issueError,
  copyNote,
  codeInputRef,
  onCopy,
  onNewCode,
}: {
  deviceCode: GatewayRegistrationFlowDto['deviceCode'];
  done: boolean;
  connectedOrLater: boolean;
  issuing: boolean;
  issueError: unknown;
  copyNote: string | null;
  codeInputRef: Ref<HTMLInputElement>;
  onCopy: () => void;
  onNewCode: () => void;
}) {
  const styles = useStyles();
  const step = useGatewayStepStyles();
  const dc = deviceCode;
  const redeemed = dc?.redeemedBy ?? null;
  return (
    <>
      <StepTitle n={2} done={done} id="gw-step-code">
        Copy this code.
      </StepTitle>
      {connectedOrLater ? (
        <p className={step.text}>Used to sign in{redeemed ? ` as ${redeemed}` : ''}.</p>
      ) : issueError ? (
        <ErrorState error={issueError} title="Couldn't get a code" onRetry={onNewCode} />
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
              onClick={onCopy}
              disabled={dc.expired || redeemed !== null}
            >
              Copy
            </Button>
          </div>
          <p className={step.text} role="status">
            {copyNote ?? ''}
          </p>
          {dc.expired ? (
            <Banner
              intent="warning"
              title="This code has expired"
              action={
                <Button onClick={onNewCode} disabled={issuing}>
                  Get a new code
                </Button>
              }
            >
              The code {dc.code} expired at {formatDateTime(dc.expiresAt)} before anyone signed in with it.
              Codes are valid for 15 minutes. Get a new code, copy it, and enter it again.
            </Banner>
          ) : (
            !redeemed && <p className={step.text}>Valid until {formatDateTime(dc.expiresAt)}.</p>
          )}
        </>
      )}
    </>
  );
}
