import { PageLayout } from '@/components/page-header/page-layout';
import { EmptyState } from '@/components/empty-state/empty-state';
import { RouterButton } from '@/components/router-link/router-link';
import { paths } from '@/config/paths';
import { useMarkAppReady } from '@/lib/app-ready';
import { useLocation } from 'react-router';

export function Component() {
  const location = useLocation();
  useMarkAppReady(true);
  return (
    <PageLayout>
      <EmptyState
        title="Page not found"
        action={
          <RouterButton appearance="primary" to={paths.home()}>
            Go to All connections
          </RouterButton>
        }
      >
        {`There is no page at ${location.pathname}.`}
      </EmptyState>
    </PageLayout>
  );
}
