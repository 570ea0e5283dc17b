import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { type GlobalSearch, refreshMs } from '../lib/global-search.ts';
import { rangeFromSearch, type TimeRange } from '../lib/time-range.ts';

/** The shared, validated search params (time range, group, refresh, embed) from any route. */
export function useGlobalSearch(): GlobalSearch {
  return useSearch({ strict: false }) as GlobalSearch;
}

/** The view's time range and auto-refresh interval, derived from the URL. */
export function useTimeWindow(): {
  range: TimeRange;
  refetchInterval: number | false;
  group?: string;
} {
  const s = useGlobalSearch();
  const { last, from, to } = s;
  const range = useMemo(() => rangeFromSearch({ last, from, to }), [last, from, to]);
  return { range, refetchInterval: refreshMs(s.refresh), group: s.group };
}
