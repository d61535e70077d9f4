import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { errorMessage } from '@/lib/api-client';
import { directoryQueries, gatewayQueries } from '@/api/queries/gateway-queries';
import { useSignIn } from './azure-api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SignInDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called once the account is signed in. */
  onSignedIn?: () => void;
}

/**
 * "Sign in to Azure": the account picker Microsoft shows, simulated. Offers the accounts of the tenant the
 * gateway is registered with, starting with the one that signed in last (or registered the gateway).
 */
export function SignInDialog({ open, onClose, onSignedIn }: SignInDialogProps) {
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        {open && <SignInBody onClose={onClose} onSignedIn={onSignedIn} />}
      </DialogSurface>
    </Dialog>
  );
}

function SignInBody({ onClose, onSignedIn }: Omit<SignInDialogProps, 'open'>) {
  const styles = useStyles();
  const gateway = useQuery(gatewayQueries.detail());
  const users = useQuery(directoryQueries.users());
  const signIn = useSignIn();
  const [choice, setChoice] = useState<string | null>(null);

  const registration = gateway.data?.registration ?? null;
  const candidates = registration
    ? (users.data ?? []).filter((u) => u.tenantIds.includes(registration.tenantId))
    : [];
  const preferred = gateway.data?.account?.upn;
  const upn = choice ?? (candidates.find((u) => u.upn === preferred) ?? candidates[0])?.upn ?? '';

  const submit = () => {
    signIn.mutate(
      { upn },
      {
        onSuccess: () => {
          onSignedIn?.();
          onClose();
        },
      },
    );
  };

  let content;
  if (gateway.isPending || users.isPending) content = <LoadingState />;
  else if (gateway.isError || users.isError) {
    content = (
      <ErrorState
        error={gateway.error ?? users.error}
        title="Couldn't read the accounts"
        onRetry={() => void Promise.all([gateway.refetch(), users.refetch()])}
      />
    );
  } else if (!registration) {
    content = (
      <p className={styles.text}>
        This gateway isn&apos;t registered with Azure yet, so there is nothing to sign in to. Register it
        first.
      </p>
    );
  } else {
    content = (
      <>
        <p className={styles.text}>Choose the Azure account to use with Windows Admin Center.</p>
        <Field
          label="Account"
          required
          validationMessage={signIn.isError ? errorMessage(signIn.error) : undefined}
        >
          <Select value={upn} onChange={(_e, data) => setChoice(data.value)}>
            {candidates.map((u) => (
              <option key={u.upn} value={u.upn}>
                {u.displayName} ({u.upn})
              </option>
            ))}
          </Select>
        </Field>
        <p className={styles.note}>
          This simulated sign-in stands in for the Microsoft sign-in window; no real account is used.
        </p>
      </>
    );
  }

  return (
    <DialogBody>
      <DialogTitle>Sign in to Azure</DialogTitle>
      <DialogContent className={styles.content}>{content}</DialogContent>
      <DialogActions position="start">
        <Button
          appearance="primary"
          onClick={submit}
          disabled={!registration || upn === '' || signIn.isPending}
        >
          {signIn.isPending ? 'Signing in...' : 'Sign in'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </DialogBody>
  );
}
