import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ConfirmDialogProps {
  open: boolean;
  /** States the outcome, e.g. "Remove Connection(s)". */
  title: string;
  /** Names the object acted on. */
  message: ReactNode;
  /** @default 'Yes' */
  confirmLabel?: string;
  /** @default 'No' */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A checkbox that must be ticked before the confirm button enables (destructive actions). */
  doubleCheckLabel?: string;
  /** Shown inside the dialog, e.g. the error of a failed attempt. */
  error?: string | null;
  /** @default false */
  busy?: boolean;
}

/** WAC's confirmation dialog: modal, a backdrop click does not close it, confirm sits left of Cancel. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel = 'Yes',
  cancelLabel = 'No',
  onConfirm,
  onCancel,
  doubleCheckLabel,
  error,
  busy = false,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const [doubleChecked, setDoubleChecked] = useState(false);
  const close = () => {
    setDoubleChecked(false);
    onCancel();
  };
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => {
        if (!data.open) close();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <div>{message}</div>
            {doubleCheckLabel && (
              <Checkbox
                label={doubleCheckLabel}
                checked={doubleChecked}
                onChange={(_e, data) => setDoubleChecked(data.checked === true)}
              />
            )}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions position="start">
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={busy || (doubleCheckLabel !== undefined && !doubleChecked)}
            >
              {confirmLabel}
            </Button>
            <Button onClick={close} disabled={busy}>
              {cancelLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
