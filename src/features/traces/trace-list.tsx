import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { SummariesPage } from '../../api/trace-summaries.ts';
import type { TimeZonePref } from '../../lib/format.ts';
import type { Column } from './columns.tsx';
import type { SortKey, TraceRow } from './trace-rows.ts';
import { TraceTable } from './trace-table.tsx';

type ListQuery = UseInfiniteQueryResult<InfiniteData<SummariesPage>>;

/** Loading, error and empty states around the table, and the "Load more" footer. */
export function TraceList(props: {
  query: ListQuery;
  rows: readonly TraceRow[];
  columns: readonly Column[];
  tz: TimeZonePref;
  sort: { key: SortKey; desc: boolean };
  onSort: (key: SortKey) => void;
  scrollKey: string;
}) {
  const { query, rows } = props;
  if (query.isPending && !query.isPlaceholderData) {
    return (
      <p className="empty-state" role="status">
        <span className="spinner" /> Loading traces…
      </p>
    );
  }
  if (query.isError && rows.length === 0) {
    const e = query.error as Error & { code?: string };
    return (
      <div role="alert" className="empty-state">
        <p>
          Could not load traces: <strong>{e.code ?? e.name}</strong> — {e.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  const pages = query.data?.pages ?? [];
  const lastHadRows = (pages[pages.length - 1]?.summaries.length ?? 0) > 0;
  const loadMore = () => {
    if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  };
  const footer = (
    <div className="tt-footer">
      {query.isFetchNextPageError && (
        <span className="field-error" role="alert">
          Could not load more: {query.error?.message}
        </span>
      )}
      {query.hasNextPage ? (
        <button type="button" onClick={loadMore} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : lastHadRows ? 'Load more' : 'Keep scanning'}
        </button>
      ) : (
        rows.length > 0 && <span className="hint">End of the time range.</span>
      )}
    </div>
  );
  if (rows.length === 0 && !query.hasNextPage) {
    return <div className="empty-state">No traces match in this time range.</div>;
  }
  return (
    <div className="trace-list" data-stale={query.isPlaceholderData || undefined}>
      <TraceTable
        rows={rows}
        columns={props.columns}
        tz={props.tz}
        sort={props.sort.key}
        desc={props.sort.desc}
        onSort={props.onSort}
        scrollKey={props.scrollKey}
        footer={footer}
        // Scrolling to the end loads the next page, but never chains scans that find nothing.
        onNearEnd={lastHadRows ? loadMore : undefined}
      />
    </div>
  );
}
