import { create } from 'zustand';

/**
 * Per-trace interaction state that is not worth a link: collapsed rows, services-only mode and
 * the keyboard cursor. Selection, tab, zoom, search and critical path live in the URL. Reset when
 * the trace id changes (STYLE.md §2), so one trace's collapsed rows never leak into the next.
 */
interface TimelineState {
  traceId: string | undefined;
  /** Ids of collapsed rows. Replaced (never mutated) so selectors see a new reference. */
  collapsed: ReadonlySet<string>;
  servicesOnly: boolean;
  /** Row id under the keyboard cursor (distinct from the selection, which Enter opens). */
  cursor: string | undefined;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useTimelineStore = create<TimelineState>(() => ({
  traceId: undefined,
  collapsed: EMPTY,
  servicesOnly: false,
  cursor: undefined,
}));

export const timelineActions = {
  /** Starts fresh for a trace; a no-op when it is already the current one. */
  resetFor(traceId: string) {
    if (useTimelineStore.getState().traceId === traceId) return;
    useTimelineStore.setState({
      traceId,
      collapsed: EMPTY,
      servicesOnly: false,
      cursor: undefined,
    });
  },
  toggle(id: string) {
    const next = new Set(useTimelineStore.getState().collapsed);
    if (!next.delete(id)) next.add(id);
    useTimelineStore.setState({ collapsed: next });
  },
  setCollapsed(id: string, collapsed: boolean) {
    const cur = useTimelineStore.getState().collapsed;
    if (cur.has(id) === collapsed) return;
    const next = new Set(cur);
    if (collapsed) next.add(id);
    else next.delete(id);
    useTimelineStore.setState({ collapsed: next });
  },
  /** Expands the given rows (the collapsed ancestors of a search match or selection). */
  expand(ids: readonly string[]) {
    if (ids.length === 0) return;
    const next = new Set(useTimelineStore.getState().collapsed);
    for (const id of ids) next.delete(id);
    useTimelineStore.setState({ collapsed: next });
  },
  expandAll() {
    useTimelineStore.setState({ collapsed: EMPTY, servicesOnly: false });
  },
  collapseAll(ids: ReadonlySet<string>) {
    useTimelineStore.setState({ collapsed: ids });
  },
  setServicesOnly(servicesOnly: boolean) {
    useTimelineStore.setState({ servicesOnly });
  },
  setCursor(cursor: string | undefined) {
    if (useTimelineStore.getState().cursor !== cursor) useTimelineStore.setState({ cursor });
  },
};
