import { queryOptions } from '@tanstack/react-query';
import type { LogFileDto } from '@/api/contract';
import { api } from '@/lib/api-client';
import { keyRoots } from './key-roots';

const enc = encodeURIComponent;

/** The registration log files (RegisterHCI_…, UnregisterHCI_…), listed by the registration page and Diagnostics. */
export const logKeys = {
  all: [...keyRoots.registration, 'logs'] as const,
  list: (cluster: string) => [...logKeys.all, cluster] as const,
};

export const logQueries = {
  list: (cluster: string) =>
    queryOptions({
      queryKey: logKeys.list(cluster),
      queryFn: ({ signal }) =>
        api.get<LogFileDto[]>(`/api/clusters/${enc(cluster)}/registration/logs`, { signal }),
    }),
};

/** One log file, to save. */
export const fetchLogFile = (cluster: string, file: string) =>
  api.getFile(`/api/clusters/${enc(cluster)}/registration/logs/${enc(file)}`);
