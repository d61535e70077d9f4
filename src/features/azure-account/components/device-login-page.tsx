import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject, type SyntheticEvent } from 'react';
import type { DeviceLoginAccountDto } from '@/api/contract';
import { deviceLoginQueries } from '@/api/queries/gateway-queries';
import { useRedeemDeviceCode } from '@/components/azure-gate/azure-api';
import { errorMessage } from '@/lib/api-client';
import { useMarkAppReady } from '@/lib/app-ready';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalXXL,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  notice: { width: '100%', maxWidth: '440px' },
  card: {
    width: '100%',
    maxWidth: '440px',
    boxSizing: 'border-box',
    padding: '44px',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  brand: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0 },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  accounts: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  account: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalM,
    gap: tokens.spacingHorizontalM,
  },
  accountText: { display: 'flex', flexDirection: 'column' },
  upn: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

type Stage =
  | { name: 'code' }
  | { name: 'account'; code: string; appName: string; accounts: DeviceLoginAccountDto[] }
  | { name: 'confirm'; code: string; appName: string; account: DeviceLoginAccountDto }
  | { name: 'done'; appName: string; message: string };

/**
 * The simulated Microsoft device-code sign-in ("Enter code"), opened by step 3 of the gateway registration
 * pane in a new tab. It says plainly that it is part of the simulation.
 */
export function DeviceLoginPage() {
  const styles = useStyles();
  const [stage, setStage] = useState<Stage>({ name: 'code' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useMarkAppReady(true);

  useEffect(() => {
    document.title = 'Sign in to your account (simulated)';
  }, []);
  // Each stage replaces the page's content; move focus to its heading so screen readers follow.
  useEffect(() => {
    if (stage.name !== 'code') headingRef.current?.focus();
  }, [stage.name]);

  return (
    <main className={styles.page}>
      <MessageBar intent="info" layout="multiline" className={styles.notice}>
        <MessageBarBody>
          Simulated Microsoft sign-in page. It is part of the HCI Admin Portal&apos;s simulation: no real
          Microsoft account is used and nothing leaves this browser.
        </MessageBarBody>
      </MessageBar>
      <section className={styles.card} aria-labelledby="device-login-title">
        <p className={styles.brand}>Microsoft sign-in (simulated)</p>
        {stage.name === 'code' && (
          <CodeStage
            headingRef={headingRef}
            onNext={(code, appName, accounts) => setStage({ name: 'account', code, appName, accounts })}
          />
        )}
        {stage.name === 'account' && (
          <>
            <h1 id="device-login-title" className={styles.title} tabIndex={-1} ref={headingRef}>
              Pick an account
            </h1>
            {stage.accounts.length === 0 && (
              <p className={styles.text}>
                No account of the simulated directory belongs to a tenant in the Azure cloud this code was
                issued for. Go back to Windows Admin Center, select another Azure cloud (Azure Global has the
                Contoso and Fabrikam tenants), and use the new code.
              </p>
            )}
            <ul className={styles.accounts} aria-label="Accounts">
              {stage.accounts.map((a) => (
                <li key={a.upn}>
                  <Button
                    appearance="subtle"
                    className={styles.account}
                    icon={<PersonRegular />}
                    onClick={() =>
                      setStage({ name: 'confirm', code: stage.code, appName: stage.appName, account: a })
                    }
                  >
                    <span className={styles.accountText}>
                      <span>{a.displayName}</span>
                      <span className={styles.upn}>{a.upn}</span>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
            <div className={styles.actions}>
              <Button onClick={() => setStage({ name: 'code' })}>Back</Button>
            </div>
          </>
        )}
        {stage.name === 'confirm' && (
          <ConfirmStage
            headingRef={headingRef}
            code={stage.code}
            appName={stage.appName}
            account={stage.account}
            onCancel={() => setStage({ name: 'code' })}
            onDone={(message) => setStage({ name: 'done', appName: stage.appName, message })}
          />
        )}
        {stage.name === 'done' && (
          <>
            <h1 id="device-login-title" className={styles.title} tabIndex={-1} ref={headingRef}>
              {stage.appName}
            </h1>
            <p className={styles.text} role="status">
              {stage.message}
            </p>
          </>
        )}
      </section>
    </main>
  );
}

function CodeStage({
  headingRef,
  onNext,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  onNext: (code: string, appName: string, accounts: DeviceLoginAccountDto[]) => void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const entered = code.trim();
    if (entered === '') {
      setError('Enter the code displayed on your app or device.');
      return;
    }
    setChecking(true);
    Promise.all([
      queryClient.query({ ...deviceLoginQueries.accounts(entered), staleTime: 0, retry: false }),
      queryClient.query({ ...deviceLoginQueries.app(entered), staleTime: 0, retry: false }),
    ]).then(
      ([accounts, app]) => {
        setChecking(false);
        onNext(entered, app.appName, accounts);
      },
      (failure: unknown) => {
        setChecking(false);
        setError(errorMessage(failure));
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <h1 id="device-login-title" className={styles.title} tabIndex={-1} ref={headingRef}>
        Enter code
      </h1>
      <p className={styles.text}>Enter the code displayed on your app or device.</p>
      <Field label="Code" required validationMessage={error ?? undefined}>
        <Input
          value={code}
          autoComplete="off"
          onChange={(_e, data) => {
            setCode(data.value);
            setError(null);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={checking}>
          {checking ? <Spinner size="tiny" label="Checking..." /> : 'Next'}
        </Button>
      </div>
    </form>
  );
}

function ConfirmStage({
  headingRef,
  code,
  appName,
  account,
  onCancel,
  onDone,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  code: string;
  /** the client the code was issued to: the real page asks "Are you trying to sign in to <app name>?" */
  appName: string;
  account: DeviceLoginAccountDto;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const styles = useStyles();
  const redeem = useRedeemDeviceCode();
  const proceed = () => {
    redeem.mutate(
      { code, upn: account.upn },
      {
        onSuccess: (result) => {
          onDone(result.message);
        },
      },
    );
  };
  return (
    <>
      <p className={styles.text}>{account.upn}</p>
      <h1 id="device-login-title" className={styles.title} tabIndex={-1} ref={headingRef}>
        Are you trying to sign in to {appName}?
      </h1>
      <p className={styles.text}>
        Only continue if you downloaded the app from a store or website that you trust.
      </p>
      {redeem.isError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errorMessage(redeem.error)} Select Cancel to enter a new code.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={onCancel} disabled={redeem.isPending}>
          Cancel
        </Button>
        <Button appearance="primary" onClick={proceed} disabled={redeem.isPending}>
          {redeem.isPending ? 'Signing in...' : 'Continue'}
        </Button>
      </div>
    </>
  );
}
