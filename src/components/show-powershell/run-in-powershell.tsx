import { Button } from '@fluentui/react-components';
import { WindowConsoleRegular } from '@fluentui/react-icons';
import { useInRouterContext, useNavigate, useParams } from 'react-router';
import { isConnectionType, paths } from '@/config/paths';

export interface RunInPowerShellProps {
  commands: readonly string[];
  /** the server to open the console on; the connection's first server when absent */
  server?: string | undefined;
}

function RunInPowerShellButton({ commands, server }: RunInPowerShellProps) {
  const { type, name } = useParams();
  const navigate = useNavigate();
  if (!isConnectionType(type) || !name) return null;
  const open = () => {
    const query = new URLSearchParams({ command: commands.join('; ') });
    if (server !== undefined) query.set('server', server);
    void navigate(`${paths.tool(type, name, 'powershell')}?${query.toString()}`);
  };
  return (
    <Button icon={<WindowConsoleRegular />} onClick={open} disabled={commands.length === 0}>
      Run in PowerShell
    </Button>
  );
}

/**
 * Opens the connection's PowerShell tool with the commands typed at the prompt, not run: the user reads
 * them, edits them and presses Enter. Only inside a connection, where there is a server to run them on.
 */
export function RunInPowerShell(props: RunInPowerShellProps) {
  return useInRouterContext() ? <RunInPowerShellButton {...props} /> : null;
}
