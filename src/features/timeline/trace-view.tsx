import { useCallback, useEffect, useMemo } from 'react';
import type { LoadedTrace } from '../../api/traces.ts';
import { criticalPath } from '../../xray/trace/tree.ts';
import { buildExceptionIndex, type ExceptionIndex } from './segment-detail/resolve-exceptions.ts';
import { SegmentDetail } from './segment-detail/segment-detail.tsx';
import { timelineActions, useTimelineStore } from './timeline-store.ts';
import { Toolbar } from './toolbar.tsx';
import { TraceHeader } from './trace-header.tsx';
import { TraceMapSection } from './trace-map/trace-map-section.tsx';
import { buildTraceModel } from './trace-model.ts';
import { asDetailTab, useTimelineSearch, useTimelineUrl } from './use-timeline-url.ts';
import { allExpandableIds, collapsedAncestors, layoutRows } from './waterfall/layout-rows.ts';
import { Minimap } from './waterfall/minimap.tsx';
import { findMatches, stepMatch } from './waterfall/search-rows.ts';
import { effectiveWindow, parseZoom, type TraceMs } from './waterfall/time-scale.ts';
import { Waterfall } from './waterfall/waterfall.tsx';

/**
 * One loaded trace: derives rows, layout, matches and critical path from the trace, the URL and
 * the per-trace store, and wires the parts together. Holds no state of its own.
 */
export function TraceView({ trace }: { trace: LoadedTrace }) {
  const model = useMemo(() => buildTraceModel(trace), [trace]);
  const search = useTimelineSearch();
  const url = useTimelineUrl();
  const collapsed = useTimelineStore((s) => s.collapsed);
  const servicesOnly = useTimelineStore((s) => s.servicesOnly);
  const cursorId = useTimelineStore((s) => s.cursor);

  const layout = useMemo(
    () => layoutRows(model.rows, model.tree, collapsed, servicesOnly),
    [model, collapsed, servicesOnly],
  );
  const window = useMemo(
    () => effectiveWindow(parseZoom(search.zoom), model.totalMs),
    [search.zoom, model.totalMs],
  );
  const critical = useMemo(
    () => (search.critical ? criticalPath(model.rows) : undefined),
    [search.critical, model],
  );
  const matches = useMemo(
    () => (search.q ? findMatches(model.haystacks(), search.q) : undefined),
    [search.q, model],
  );
  const matchFlags = useMemo(() => {
    if (!matches) return undefined;
    const flags = new Uint8Array(model.rows.length);
    for (const i of matches) flags[i] = 1;
    return flags;
  }, [matches, model]);
  const exceptionIndex = useMemo(() => {
    let idx: ExceptionIndex | undefined;
    return () => (idx ??= buildExceptionIndex(model.rows));
  }, [model]);

  const selected = search.segment !== undefined ? model.rowOf(search.segment) : -1;
  const cursor = cursorId !== undefined ? model.rowOf(cursorId) : selected;

  // A selected row (from a link or a search step) is revealed once, when it becomes selected.
  useEffect(() => {
    if (selected < 0) return;
    // Services-only hides subsegments: a selected subsegment (a search hit, a link) needs them.
    if (model.rows[selected]?.kind === 'subsegment') timelineActions.setServicesOnly(false);
    timelineActions.expand(
      collapsedAncestors(model.rows, selected, useTimelineStore.getState().collapsed),
    );
  }, [selected, model]);

  const select = useCallback(
    (i: number) => {
      const id = model.rows[i]?.id;
      url.select(id);
      timelineActions.setCursor(id);
    },
    [model, url],
  );
  const onToggle = useCallback(
    (i: number, collapse?: boolean) => {
      const id = model.rows[i]?.id;
      if (id === undefined) return;
      if (collapse === undefined) timelineActions.toggle(id);
      else timelineActions.setCollapsed(id, collapse);
    },
    [model],
  );
  const onCursor = useCallback(
    (i: number) => timelineActions.setCursor(model.rows[i]?.id),
    [model],
  );
  const onZoom = useCallback((z: [TraceMs, TraceMs]) => url.setZoom(z), [url]);
  const onStep = (dir: 1 | -1) => {
    if (!matches) return;
    const next = stepMatch(matches, selected, dir);
    if (next !== undefined) select(next);
  };
  const matchPosition =
    matches && selected >= 0 && matchFlags?.[selected] === 1 ? matches.indexOf(selected) + 1 : 0;

  return (
    <section className="page tl-page" aria-label="Trace timeline view">
      <TraceHeader model={model} trace={trace} />
      <TraceMapSection
        traceId={model.id}
        durationSec={model.totalMs / 1000}
        onService={(name) => {
          const i = model.rows.findIndex((r) => r.kind !== 'subsegment' && r.service === name);
          if (i >= 0) select(i);
        }}
      />
      <Toolbar
        q={search.q}
        matchCount={matches?.length}
        matchPosition={matchPosition}
        onQuery={url.setQuery}
        onStep={onStep}
        onExpandAll={timelineActions.expandAll}
        onCollapseAll={() => timelineActions.collapseAll(allExpandableIds(model.rows))}
        servicesOnly={servicesOnly}
        onServicesOnly={timelineActions.setServicesOnly}
        critical={search.critical === true}
        onCritical={url.setCritical}
        zoomed={window[0] > 0 || window[1] < model.totalMs}
        onResetZoom={() => url.setZoom(undefined)}
      />
      <Minimap model={model} window={window} onZoom={onZoom} />
      <div className={selected >= 0 ? 'tl-body with-detail' : 'tl-body'}>
        <Waterfall
          model={model}
          layout={layout}
          servicesOnly={servicesOnly}
          collapsed={collapsed}
          window={window}
          selected={selected}
          cursor={cursor}
          matchFlags={matchFlags}
          critical={critical}
          onZoom={onZoom}
          onSelect={select}
          onToggle={onToggle}
          onCursor={onCursor}
        />
        {selected >= 0 && (
          <SegmentDetail
            model={model}
            index={selected}
            tab={asDetailTab(search.tab)}
            exceptionIndex={exceptionIndex}
            onTab={url.setTab}
            onSelect={select}
            onClose={() => url.select(undefined)}
          />
        )}
      </div>
    </section>
  );
}
