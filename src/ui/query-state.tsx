import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * Loading, error and empty states, the same everywhere: errors show the API's own code and
 * message, and a retry.
 */
export function QueryState<T>({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="empty-state" role="status">
        <span className="spinner" /> Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    const e = query.error as Error & { code?: string };
    return (
      <div role="alert" className="empty-state">
        <p>
          Could not load {what}: <strong>{e.code ?? e.name}</strong> — {e.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <div className="empty-state">{empty ?? `No ${what}.`}</div>;
  return <>{children(query.data)}</>;
}
