import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { cloudQueries, type CloudVmView } from '@/api/queries/cloud-queries';

/** Rows per page; the table asks for two pages from the one holding its first row in view. */
const PAGE_ROWS = 100;

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
  const [firstInView, setFirstInView] = useState(0);
  const page = useQuery(vmWindow(cloud, view, firstInView));
  const onRangeChange = useCallback((first: number) => setFirstInView(first), []);
  return { page, onRangeChange };
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
