import { queryOptions } from '@tanstack/react-query';
import type { GatewayDto } from '@/api/contract';
import { api } from '@/lib/api-client';

export const gatewayKeys = {
  all: ['gateway'] as const,
  detail: () => [...gatewayKeys.all, 'detail'] as const,
};

export const gatewayQueries = {
  detail: () =>
    queryOptions({
      queryKey: gatewayKeys.detail(),
      queryFn: ({ signal }) => api.get<GatewayDto>('/api/gateway', { signal }),
    }),
};
