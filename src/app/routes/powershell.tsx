import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state/query-state';
import { clusterQueries } from '@/api/queries/cluster-queries';
import { PowerShellTool } from '@/features/powershell/components/powershell-tool';
import { useMarkAppReady } from '@/lib/app-ready';

/** The PowerShell tool: a cluster offers its servers; a server connection opens on itself. */
export function Component() {
  const { type = '', name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const isCluster = type === 'cluster';
  const nodes = useQuery({ ...clusterQueries.nodes(name), enabled: isCluster });
  useMarkAppReady(nodes.isError);
  if (isCluster && nodes.isPending)
    return (
      <PageLayout>
        <LoadingState />
      </PageLayout>
    );
  if (isCluster && nodes.isError)
    return (
      <PageLayout>
        <ErrorState
          error={nodes.error}
          title="Couldn't load the servers"
          onRetry={() => void nodes.refetch()}
        />
      </PageLayout>
    );
  const servers = isCluster ? (nodes.data?.map((n) => n.name) ?? []) : [name];
  const asked = params.get('server');
  const server = servers.find((s) => s.toLowerCase() === asked?.toLowerCase()) ?? servers[0] ?? name;
  const command = params.get('command') ?? undefined;
  return (
    <PowerShellTool
      servers={servers}
      server={server}
      onServerChange={(next) =>
        setParams((p) => {
          p.set('server', next);
          p.delete('command');
          return p;
        })
      }
      command={command}
      onCommandTyped={() =>
        setParams(
          (p) => {
            p.delete('command');
            return p;
          },
          { replace: true },
        )
      }
    />
  );
}
