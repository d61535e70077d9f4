import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { invalidateWhenJobEnds, startedJob } from './job-end';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    mutationMeta: {
      /** Query key prefixes to invalidate once the mutation succeeds; executed once, here, for every mutation. */
      invalidates?: readonly QueryKey[];
      /**
       * Query key prefixes to invalidate when the job the mutation started ends (its answer is a JobDto or carries
       * one as `job`). The jobs and notifications are always refetched then too.
       */
      invalidatesWhenJobEnds?: readonly QueryKey[];
    };
  }
}

export interface CreateQueryClientOptions {
  /** Tests turn retries off so a failing request shows its error at once. @default 1 */
  retry?: number | false;
}

export function createQueryClient({ retry = 1 }: CreateQueryClientOptions = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (data, _variables, _context, mutation) => {
        const onJobEnd = mutation.meta?.invalidatesWhenJobEnds;
        const job = onJobEnd ? startedJob(data) : undefined;
        if (onJobEnd && job) invalidateWhenJobEnds(queryClient, job, onJobEnd);
        const keys = mutation.meta?.invalidates ?? [];
        return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
          () => undefined,
        );
      },
    }),
    defaultOptions: {
      queries: {
        // The simulation answers locally; a short staleTime avoids refetch storms on every mount
        // while still showing changes quickly when the user navigates.
        staleTime: 2_000,
        // A 4xx is the server's considered answer (unknown cluster, bad input): retrying cannot change it.
        retry: (failureCount, error) => {
          if (retry === false) return false;
          if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429)
            return false;
          return failureCount < retry;
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
