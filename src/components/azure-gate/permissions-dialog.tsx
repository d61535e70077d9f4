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
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  app: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  strong: { margin: 0, fontWeight: tokens.fontWeightBold },
  text: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface PermissionsDialogProps {
  open: boolean;
  appName: string;
  permissions: readonly string[];
  busy: boolean;
  onAccept: () => void;
  onCancel: () => void;
}

/** The Microsoft identity consent prompt "Permissions requested" (wac_azure_permissions.png), simulated. */
export function PermissionsDialog({
  open,
  appName,
  permissions,
  busy,
  onAccept,
  onCancel,
}: PermissionsDialogProps) {
  const styles = useStyles();
  const [onBehalf, setOnBehalf] = useState(false);
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Permissions requested</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.app}>{appName}</p>
            <p className={styles.strong}>This application is not published by Microsoft.</p>
            <p className={styles.text}>This app would like to:</p>
            <ul className={styles.list}>
              {permissions.map((line) => (
                <li key={line} className={styles.item}>
                  <ChevronDownRegular aria-hidden />
                  {line}
                </li>
              ))}
            </ul>
            <Checkbox
              label="Consent on behalf of your organization"
              checked={onBehalf}
              onChange={(_e, data) => setOnBehalf(data.checked === true)}
            />
            <p className={styles.small}>
              Accepting these permissions means that you allow this app to use your data as specified in their
              terms of service and privacy statement. (A simulated consent prompt: nothing leaves this
              browser.)
            </p>
          </DialogContent>
          <DialogActions>
            <Button onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onAccept} disabled={busy}>
              {busy ? 'Accepting...' : 'Accept'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
