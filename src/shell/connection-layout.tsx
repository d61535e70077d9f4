import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useMatch, useParams } from 'react-router';
import type { ConnectionDto } from '@/api/contract';
import { Banner } from '@/components/banner/banner';
import { EmptyState } from '@/components/empty-state/empty-state';
import { PageLayout } from '@/components/page-header/page-layout';
import { ErrorState, isLoadFailure, LoadingState } from '@/components/query-state/query-state';
import { RouterButton } from '@/components/router-link/router-link';
import { isConnectionType, paths } from '@/config/paths';
import { connectionQueries } from '@/api/queries/connection-queries';
import { useMarkAppReady } from '@/lib/app-ready';
import { ToolPane } from './tool-pane';
import { findTool, toolsFor } from './tools';

const useStyles = makeStyles({
  root: { display: 'flex', flexGrow: 1, minHeight: 0 },
  content: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** WAC refuses to open tools while it cannot reach or authenticate to the connection. */
const blockingStatuses: readonly ConnectionDto['status'][] = ['Server Unreachable', 'Needs Authorization'];

function NotInConnections({ name }: { name: string }) {
  useMarkAppReady(true);
  return (
    <PageLayout>
      <EmptyState
        title={`${name} isn't in your connections list`}
        action={
          <RouterButton to={paths.home()} appearance="primary">
            Go to All connections
          </RouterButton>
        }
      >
        Add it from All connections with &apos;+ Add&apos;, then open it again.
      </EmptyState>
    </PageLayout>
  );
}

/** A connection's frame: the tool pane on the left, the open tool or the connection's settings on the right. */
export function ConnectionLayout() {
  const styles = useStyles();
  const params = useParams();
  const settingsMatch = useMatch('/connections/:type/:name/settings/*');
  const toolMatch = useMatch('/connections/:type/:name/tools/:toolId/*');
  const connections = useQuery(connectionQueries.list());
  const type = params.type;
  const name = params.name ?? '';

  const connection = connections.data?.find(
    (c) => c.type === type && c.name.toLowerCase() === name.toLowerCase(),
  );
  const isToolRoute = !settingsMatch;
  const blocked = isToolRoute && connection !== undefined && blockingStatuses.includes(connection.status);
  // Pages mark readiness once they show data; the states below never reach a page, so they mark it here.
  const loadFailed = isLoadFailure(connections);
  useMarkAppReady(loadFailed || blocked);

  if (!isConnectionType(type) || !name) {
    return <NotInConnections name={name || 'This connection'} />;
  }

  const activeId = settingsMatch ? 'settings' : toolMatch?.params.toolId;
  const tool = findTool(toolMatch?.params.toolId);
  const toolIsAvailable = tool ? tool.isAvailable({ type }) : false;

  let content;
  if (connections.isPending) {
    content = (
      <PageLayout>
        <LoadingState />
      </PageLayout>
    );
  } else if (loadFailed) {
    content = (
      <PageLayout>
        <ErrorState
          error={connections.error}
          title="Couldn't load the connection"
          onRetry={() => void connections.refetch()}
        />
      </PageLayout>
    );
  } else if (!connection) {
    content = <NotInConnections name={name} />;
  } else if (!toolMatch && !settingsMatch) {
    const [first] = toolsFor({ type });
    content = first ? <Navigate to={paths.tool(type, connection.name, first.id)} replace /> : null;
  } else if (toolMatch && !toolIsAvailable) {
    content = (
      <PageLayout>
        <EmptyState
          title="This tool isn't available for this connection"
          action={
            <RouterButton to={paths.connection(type, connection.name)}>Open {connection.name}</RouterButton>
          }
        >
          {`There is no tool '${toolMatch.params.toolId ?? ''}' for ${type === 'cluster' ? 'server clusters' : 'servers'}. Pick one from the Tools list.`}
        </EmptyState>
      </PageLayout>
    );
  } else if (blocked) {
    content = (
      <PageLayout>
        <Banner
          intent="error"
          title={connection.status}
          action={<Button onClick={() => void connections.refetch()}>Retry</Button>}
        >
          {connection.statusDetail ??
            `Windows Admin Center can't open tools on ${connection.name} right now.`}
        </Banner>
      </PageLayout>
    );
  } else {
    content = <Outlet context={connection} />;
  }

  return (
    <div className={styles.root}>
      <ToolPane type={type} name={connection?.name ?? name} status={connection?.status} activeId={activeId} />
      <div className={styles.content}>{content}</div>
    </div>
  );
}
