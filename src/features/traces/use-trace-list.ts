import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { groupsQuery } from '../../api/groups.ts';
import { traceSummariesQuery } from '../../api/trace-summaries.ts';
import { useTimeWindow } from '../../ui/use-global-search.ts';
import { parseFilter } from '../../xray/filter/index.ts';
import { effectiveFilter } from './filter-text.ts';
import { rowsFromPages } from './trace-rows.ts';

/**
 * Auto-refresh re-reads every loaded page (react-query refetches infinite queries page by
 * page); past this many pages a refresh costs more than it is worth, so it pauses.
 */
export const REFRESH_PAGE_LIMIT = 5;

/**
 * The trace list for the URL's time range, group and filter. A group's filter is ANDed with the
 * box's because GetTraceSummaries has no group parameter (xray-api.md §4.1).
 */
export function useTraceList() {
  const { filter } = useSearch({ from: '/traces' });
  const { range, refetchInterval, group } = useTimeWindow();
  const groups = useQuery({ ...groupsQuery(), enabled: group !== undefined });
  const groupInfo = group ? groups.data?.find((g) => g.GroupName === group) : undefined;
  const groupFilter = groupInfo?.FilterExpression;
  const groupResolved = group === undefined || groups.isSuccess || groups.isError;
  const sent = effectiveFilter(groupFilter, filter);
  // A hand-edited or stale link can carry an invalid filter: it is shown, never sent.
  const filterErrors = useMemo(() => {
    const parsed = filter ? parseFilter(filter) : undefined;
    return parsed && !parsed.ok ? parsed.errors : undefined;
  }, [filter]);

  const query = useInfiniteQuery({
    ...traceSummariesQuery({ range, filter: sent }),
    enabled: groupResolved && !filterErrors,
    // Changing the filter keeps the old rows on screen (dimmed) instead of flashing empty.
    placeholderData: keepPreviousData,
    // A live window re-read on Back or on window focus would replace the rows the person was
    // reading; the list changes only on auto-refresh, Refresh, or a new query.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) =>
      (q.state.data?.pages.length ?? 0) > REFRESH_PAGE_LIMIT ? false : refetchInterval,
  });

  const pages = query.data?.pages;
  const rows = useMemo(() => rowsFromPages(pages ?? []), [pages]);
  const scanned = useMemo(() => (pages ?? []).reduce((n, p) => n + p.processed, 0), [pages]);
  const first = pages?.[0];
  const last = pages?.[pages.length - 1];
  return {
    query,
    rows,
    scanned,
    window: first ? { start: first.start, end: first.end } : undefined,
    /** How far back the scan has reached (oldest ApproximateTime), when it stopped early. */
    reachedBack: query.hasNextPage ? last?.approximateTime : undefined,
    filter,
    filterErrors,
    sent,
    group,
    groupMissing: group !== undefined && groups.isSuccess && !groupInfo,
    groupError: groups.error,
    refreshPaused: refetchInterval !== false && (pages?.length ?? 0) > REFRESH_PAGE_LIMIT,
  };
}
