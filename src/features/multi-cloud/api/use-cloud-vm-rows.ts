import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { cloudQueries, type CloudVmView } from '@/api/queries/cloud-queries';

/**
 * Rows per page; the table asks for two pages from the one holding its first row in view. A screenful with
 * the virtualiser's overscan (45 rows at 900 px) fits in two; more per page only makes each answer (a
 * keystroke's, the first one) longer to build, send and parse.
 */
const PAGE_ROWS = 50;

/** The request for the rows around `firstInView`: a screenful (under PAGE_ROWS) always lies within it. */
function vmWindow(cloud: string, view: CloudVmView, firstInView: number) {
  const offset = Math.floor(firstInView / PAGE_ROWS) * PAGE_ROWS;
  return cloudQueries.vmPage(cloud, view, offset, PAGE_ROWS * 2);
}

/**
 * The rows of a cloud's VM table, fetched page by page as it scrolls: the server filters and sorts its 10,000
 * VMs and sends the ~40 on screen (with some to spare), not the whole list; scrolling within the window
 * fetches nothing.
 */
export function useCloudVmRows(cloud: string, view: CloudVmView) {
  const queryClient = useQueryClient();
  const [firstInView, setFirstInView] = useState(0);
  const page = useQuery(vmWindow(cloud, view, firstInView));
  const onRangeChange = useCallback((first: number) => setFirstInView(first), []);
  /**
   * Asks for the rows of a view the table is about to show (a filter typed): from the keystroke's own event,
   * rather than after the render that shows it, so the answer is on its way while the page renders.
   */
  const prefetch = useCallback(
    (next: CloudVmView) => {
      // A failure is the query's to show when the table asks for that view; here it is only swallowed.
      queryClient.query(vmWindow(cloud, next, firstInView)).catch(() => undefined);
    },
    [queryClient, cloud, firstInView],
  );
  /**
   * Settles once the rows of a view are in the cache, or their request failed: rows already cached (stale or
   * not) are not fetched again, and a request in flight (the keystroke's prefetch) is waited for, not repeated.
   */
  const rowsCached = useCallback(
    (next: CloudVmView): Promise<void> =>
      queryClient.query({ ...vmWindow(cloud, next, firstInView), staleTime: 'static' }).then(
        () => undefined,
        () => undefined,
      ),
    [queryClient, cloud, firstInView],
  );
  return { page, onRangeChange, prefetch, rowsCached };
}

/**
 * Starts what the Azure Stack portal shows first while its code loads: the clouds and, for a deep link to
 * a cloud's VM list, its first rows (the table opens unsorted at the top, filtered by `?q=`).
 */
export function prefetchMultiCloud(queryClient: QueryClient, url: URL): void {
  // Errors are the page's to show (with its Retry); here they are only swallowed.
  void queryClient.query(cloudQueries.list()).catch(() => undefined);
  const cloud = url.searchParams.get('cloud');
  const view = url.searchParams.get('view');
  if (!cloud || (view !== null && view !== 'vms')) return;
  const search = url.searchParams.get('q') ?? '';
  void queryClient.query(vmWindow(cloud, { search, direction: 'ascending' }, 0)).catch(() => undefined);
}
