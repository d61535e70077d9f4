import { useEffect } from 'react';
import { useMatches, type Params } from 'react-router';

export interface RouteHandle {
  /** This route's breadcrumb; the browser title is the breadcrumbs reversed, joined by " - " (as WAC does). */
  crumb?: (params: Params) => string | undefined;
}

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && 'crumb' in handle;
}

export function breadcrumbsTitle(crumbs: readonly string[]): string {
  return [...crumbs].reverse().join(' - ');
}

export function useDocumentTitle(): void {
  const matches = useMatches();
  const crumbs = matches
    .map((match) => (isRouteHandle(match.handle) ? match.handle.crumb?.(match.params) : undefined))
    .filter((crumb): crumb is string => Boolean(crumb));
  const title = breadcrumbsTitle(crumbs);
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
