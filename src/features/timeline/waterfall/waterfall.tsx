import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TraceModel } from '../trace-model.ts';
import { rowSpanMs } from '../trace-model.ts';
import { isExpandable, type RowLayout } from './layout-rows.ts';
import { TimeAxis } from './time-axis.tsx';
import { createTimeScale, type TraceMs } from './time-scale.ts';
import { treeKeyAction } from './tree-keys.ts';
import { ROW_HEIGHT, WaterfallRow } from './waterfall-row.tsx';

export interface WaterfallProps {
  model: TraceModel;
  layout: RowLayout;
  servicesOnly: boolean;
  collapsed: ReadonlySet<string>;
  window: readonly [TraceMs, TraceMs];
  selected: number;
  cursor: number;
  /** 1 for rows matching the search, or undefined when there is no search. */
  matchFlags: Uint8Array | undefined;
  critical: ReadonlySet<number> | undefined;
  onZoom: (range: [TraceMs, TraceMs]) => void;
  onSelect: (index: number) => void;
  onToggle: (index: number, collapse?: boolean) => void;
  onCursor: (index: number) => void;
}

/**
 * The virtualized waterfall: only rows in view (plus overscan) exist in the DOM. Scrolling
 * re-renders this host when the visible index range changes; rows are memoized, so only rows
 * entering the window render.
 */
export function Waterfall(p: WaterfallProps) {
  const { model, layout } = p;
  const scrollRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const [trackWidth, setTrackWidth] = useState(0);
  useLayoutEffect(() => {
    const el = axisRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setTrackWidth(el.clientWidth));
    ro.observe(el);
    setTrackWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  const scale = useMemo(() => createTimeScale(p.window, trackWidth), [p.window, trackWidth]);

  const count = layout.visible.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // Keep the selection (search steps, links) and the keyboard cursor on screen.
  const selectedPos = p.selected >= 0 ? (layout.positionOf[p.selected] ?? -1) : -1;
  useEffect(() => {
    if (selectedPos >= 0) virtualizer.scrollToIndex(selectedPos, { align: 'auto' });
  }, [selectedPos, virtualizer]);
  const cursorPos = p.cursor >= 0 ? (layout.positionOf[p.cursor] ?? -1) : -1;
  useEffect(() => {
    if (cursorPos >= 0) virtualizer.scrollToIndex(cursorPos, { align: 'auto' });
  }, [cursorPos, virtualizer]);

  const expandable = (i: number) => isExpandable(model.rows, model.tree, i, p.servicesOnly);
  const isCollapsed = (i: number) => p.collapsed.has(model.rows[i]?.id ?? '');

  const onKeyDown = (e: React.KeyboardEvent) => {
    const a = treeKeyAction(e.key, model.rows, layout, p.cursor, expandable, isCollapsed);
    if (a.type === 'none') return;
    e.preventDefault();
    if (a.type === 'cursor') p.onCursor(a.index);
    else if (a.type === 'collapse') p.onToggle(a.index, true);
    else if (a.type === 'expand') p.onToggle(a.index, false);
    else p.onSelect(a.index);
  };
  const onClick = (e: React.MouseEvent) => {
    const t = e.target as HTMLElement;
    const rowEl = t.closest<HTMLElement>('[data-index]');
    if (!rowEl) return;
    const index = Number(rowEl.dataset.index);
    if (t.closest('[data-toggle]')) p.onToggle(index);
    else p.onSelect(index);
    p.onCursor(index);
  };

  const w = scale.width;
  return (
    <div className="wf">
      <div className="wf-header">
        <div className="wf-label-h">Service · name</div>
        <div className="wf-duration-h">Duration</div>
        <TimeAxis scale={scale} onZoom={p.onZoom} axisRef={axisRef} />
      </div>
      <div
        ref={scrollRef}
        className="wf-scroll"
        role="tree"
        aria-label="Trace timeline"
        tabIndex={0}
        aria-activedescendant={cursorPos >= 0 ? `wf-row-${p.cursor}` : undefined}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <div className="wf-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const i = layout.visible[v.index] as number;
            const row = model.rows[i];
            if (!row) return null;
            const [a, b] = rowSpanMs(model, row);
            // Clamped so a deep zoom never hands the browser million-pixel transforms.
            const x0 = Math.max(-4, Math.min(w + 4, scale.x(a)));
            const x1 = Math.max(-4, Math.min(w + 4, scale.x(b)));
            return (
              <WaterfallRow
                key={i}
                row={row}
                index={i}
                position={v.index}
                setSize={count}
                level={layout.level[v.index] as number}
                top={v.start}
                barLeft={x0}
                barWidth={x1 - x0}
                expandable={expandable(i)}
                collapsed={isCollapsed(i)}
                selected={i === p.selected}
                cursor={i === p.cursor}
                match={p.matchFlags?.[i] === 1}
                critical={p.critical?.has(i) === true}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
