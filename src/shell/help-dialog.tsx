import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { version } from '../../package.json';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { clockQueries } from '@/api/queries/clock-queries';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%' },
  keyCell: {
    textAlign: 'start',
    whiteSpace: 'nowrap',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInlineEnd: tokens.spacingHorizontalL,
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: 'top',
  },
  kbd: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  text: { margin: 0 },
});

/** `together` keys are pressed at once (Ctrl + Alt + A); the others are alternatives (↑ / ↓). */
const shortcuts: { keys: string[]; description: string; together?: boolean }[] = [
  { keys: ['Ctrl', 'Alt', 'A'], description: 'Moves focus to the action toolbar', together: true },
  { keys: ['↑', '↓'], description: 'Moves to the previous or next row in a table' },
  { keys: ['Home', 'End'], description: 'Moves to the first or last row in a table' },
  { keys: ['Page Up', 'Page Down'], description: 'Moves up or down one page of rows in a table' },
  { keys: ['Space'], description: 'Selects or clears the current row in a table' },
  { keys: ['Enter'], description: 'Opens or selects the current row in a table' },
  { keys: ['Esc'], description: 'Closes the open pane, menu or dialog' },
];

export interface HelpDialogProps {
  open: boolean;
  onClose: () => void;
}

/** WAC's About and Help: keyboard shortcuts, version, and where the simulated world's clock stands. */
export function HelpDialog({ open, onClose }: HelpDialogProps) {
  const styles = useStyles();
  const clock = useQuery({ ...clockQueries.now(), enabled: open });
  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>About and Help</DialogTitle>
          <DialogContent>
            <section className={styles.section} aria-labelledby="help-shortcuts">
              <h3 id="help-shortcuts" className={styles.heading}>
                Keyboard shortcuts
              </h3>
              <table className={styles.table}>
                <tbody>
                  {shortcuts.map((shortcut) => (
                    <tr key={shortcut.description}>
                      <th scope="row" className={styles.keyCell}>
                        {shortcut.keys.map((key, index) => (
                          <span key={key}>
                            {index > 0 && (shortcut.together ? ' + ' : ' / ')}
                            <kbd className={styles.kbd}>{key}</kbd>
                          </span>
                        ))}
                      </th>
                      <td>{shortcut.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className={styles.section} aria-labelledby="help-version">
              <h3 id="help-version" className={styles.heading}>
                Version
              </h3>
              <p className={styles.text}>HCI Admin Portal {version}</p>
              <p className={styles.text}>
                {clock.isSuccess
                  ? `Simulated time: ${formatDateTime(clock.data.now)} (scenario ${clock.data.scenario})`
                  : clock.isError
                    ? `Simulated time unavailable: ${errorMessage(clock.error)}`
                    : 'Reading the simulated clock...'}
              </p>
            </section>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
