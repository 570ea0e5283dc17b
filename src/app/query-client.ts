import { QueryClient } from '@tanstack/react-query';
import { XRayError } from '../api/client.ts';

/**
 * Every cache default in one place. Summaries and graphs go stale fast (auto-refresh decides how
 * often they refetch); interval refetches never stack: react-query skips a tick while the
 * previous fetch is still running, and a query whose key changes aborts the old request through
 * the AbortSignal our client passes to fetch.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        refetchIntervalInBackground: false,
        retry: (count, error) => !(error instanceof XRayError && error.isClientError) && count < 2,
        retryDelay: (n) => Math.min(1000 * 2 ** n, 8000),
      },
      mutations: { retry: false },
    },
  });
}
