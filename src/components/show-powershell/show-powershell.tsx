import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MenuItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CodeRegular, CopyRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useActionBarSlot } from '@/components/action-bar/action-bar-slot';
import { RunInPowerShell } from './run-in-powershell';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  status: { minHeight: tokens.lineHeightBase300 },
});

export interface ShowPowerShellProps {
  /** The command lines, in the order the portal runs them (see src/lib/powershell.ts). */
  commands: readonly string[];
  /** What the commands do, e.g. "Register this cluster with Azure". Used as the dialog title. */
  title?: string;
  /** @default 'Show PowerShell' */
  buttonLabel?: string;
  /** @default 'subtle' */
  appearance?: 'subtle' | 'secondary' | 'transparent' | 'outline';
  /** Match the buttons beside it. @default 'medium' */
  size?: 'small' | 'medium';
  disabled?: boolean;
  /** the server "Run in PowerShell" opens the console on; the connection's first server when absent */
  server?: string;
}

/** The script as text: one command a line, for Copy. */
export function scriptText(commands: readonly string[]): string {
  return commands.join('\n');
}

/**
 * "Show PowerShell": a button opening a dialog with the command lines the portal runs for an action,
 * and a Copy button. Every value in them is a single-quoted literal (src/lib/powershell.ts).
 */
export function ShowPowerShell({
  commands,
  title = 'PowerShell',
  buttonLabel = 'Show PowerShell',
  appearance = 'subtle',
  size = 'medium',
  disabled,
  server,
}: ShowPowerShellProps) {
  const styles = useStyles();
  const slot = useActionBarSlot();
  const [status, setStatus] = useState('');
  const descriptionId = useId();
  const text = scriptText(commands);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied to the clipboard.');
    } catch (error) {
      setStatus(
        `Couldn't copy: ${error instanceof Error ? error.message : String(error)} Select the text and copy it yourself.`,
      );
    }
  };
  const isDisabled = disabled === true || commands.length === 0;
  // In an action bar's "More" menu: the dialog belongs to the (hidden) toolbar copy, which stays mounted.
  if (slot.inMenu)
    return (
      <MenuItem icon={<CodeRegular />} disabled={isDisabled} onClick={slot.activate}>
        {buttonLabel}
      </MenuItem>
    );
  return (
    <Dialog onOpenChange={() => setStatus('')}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} size={size} icon={<CodeRegular />} disabled={isDisabled}>
          {buttonLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={descriptionId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id={descriptionId}>
              This is the PowerShell the portal runs for this action. Run it in a PowerShell session on a
              management PC or a cluster server with the Az.StackHCI module installed.
            </Text>
            <pre className={styles.code} aria-label="PowerShell script">
              <code>{text}</code>
            </pre>
            <Text role="status" aria-live="polite" className={styles.status}>
              {status}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" icon={<CopyRegular />} onClick={() => void copy()}>
              Copy
            </Button>
            <RunInPowerShell commands={commands} server={server} />
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
