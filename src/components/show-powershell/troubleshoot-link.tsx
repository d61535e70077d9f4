import { RouterLink } from '@/components/router-link/router-link';

/** Where the troubleshooter for an error text lives; other pages link there from the place the error appears. */
export function troubleshootPath(cluster: string, error: string): string {
  // '.' is escaped too: a URL ending in '.something' is taken for a file by static servers' SPA fallback
  return `/connections/cluster/${encodeURIComponent(cluster)}/tools/diagnostics/troubleshoot?error=${encodeURIComponent(error).replace(/\./g, '%2E')}`;
}

/** "Troubleshoot this error": opens the troubleshooter with the text filled in and diagnosed. */
export function TroubleshootLink({
  cluster,
  error,
  children = 'Troubleshoot this error',
}: {
  cluster: string;
  error: string;
  children?: string;
}) {
  return <RouterLink to={troubleshootPath(cluster, error)}>{children}</RouterLink>;
}
