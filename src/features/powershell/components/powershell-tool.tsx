import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { PageHeader } from '@/components/page-header/page-header';
import { PageLayout } from '@/components/page-header/page-layout';
import { useMarkAppReady } from '@/lib/app-ready';
import { PowerShellConsole } from './powershell-console';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  picker: { minWidth: '220px' },
});

export interface PowerShellToolProps {
  /** the servers a console can be opened on: the cluster's, or the one server of a server connection */
  servers: readonly string[];
  server: string;
  onServerChange: (server: string) => void;
  command?: string | undefined;
  onCommandTyped?: () => void;
}

/** WAC's PowerShell tool: a remote console on the chosen server, against the one simulated world. */
export function PowerShellTool({
  servers,
  server,
  onServerChange,
  command,
  onCommandTyped,
}: PowerShellToolProps) {
  const styles = useStyles();
  useMarkAppReady(true);
  return (
    <PageLayout fill>
      <PageHeader title="PowerShell" />
      <div className={styles.bar}>
        {servers.length > 1 ? (
          <Field label="Server" className={styles.picker}>
            <Select value={server} onChange={(_e, data) => onServerChange(data.value)}>
              {servers.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <PowerShellConsole
        key={server}
        server={server}
        initialCommand={command}
        {...(onCommandTyped ? { onCommandTyped } : {})}
      />
    </PageLayout>
  );
}
