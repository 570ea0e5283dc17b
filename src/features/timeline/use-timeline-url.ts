import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { TimelineSearch } from './search.ts';
import { formatZoom, type TraceMs } from './waterfall/time-scale.ts';

export const DETAIL_TABS = [
  'overview',
  'resources',
  'annotations',
  'metadata',
  'exceptions',
  'sql',
  'raw',
] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export function asDetailTab(tab: string | undefined): DetailTab {
  return (DETAIL_TABS as readonly string[]).includes(tab ?? '') ? (tab as DetailTab) : 'overview';
}

/** The timeline's URL state, read once per render from the route. */
export function useTimelineSearch(): TimelineSearch {
  return useSearch({ from: '/trace/$traceId' });
}

/**
 * Writers for the timeline's URL state. All use `replace`: selecting rows, zooming and searching
 * would otherwise flood back/forward. Defaults are written as undefined so they leave the URL.
 */
export function useTimelineUrl() {
  const navigate = useNavigate({ from: '/trace/$traceId' });
  return useMemo(() => {
    const set = (patch: Partial<TimelineSearch>) =>
      void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
    return {
      select: (segment: string | undefined) => set({ segment }),
      setTab: (tab: DetailTab) => set({ tab: tab === 'overview' ? undefined : tab }),
      setZoom: (zoom: readonly [TraceMs, TraceMs] | undefined) =>
        set({ zoom: zoom ? formatZoom(zoom) : undefined }),
      setQuery: (q: string) => set({ q: q.trim() === '' ? undefined : q }),
      setCritical: (critical: boolean) => set({ critical: critical || undefined }),
    };
  }, [navigate]);
}
