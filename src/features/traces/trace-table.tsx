import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimeZonePref } from '../../lib/format.ts';
import type { CellContext, Column } from './columns.tsx';
import { useTraceLinks } from './trace-link.tsx';
import type { SortKey, TraceRow } from './trace-rows.ts';
import { useTracesUi } from './traces-store.ts';

export const ROW_HEIGHT = 30;

interface Props {
  rows: readonly TraceRow[];
  columns: readonly Column[];
  tz: TimeZonePref;
  sort: SortKey;
  desc: boolean;
  onSort: (key: SortKey) => void;
  /** Identifies the query, so a returning visit restores its scroll offset. */
  scrollKey: string;
  footer?: ReactNode;
  /** Called when the last rows come into view. */
  onNearEnd?: () => void;
}

/**
 * The virtualized list. `directDomUpdates` makes the virtualizer size the body itself and
 * re-render React only when the visible range changes, not per scroll event; rows have a fixed
 * height and position themselves, so nothing is measured while scrolling.
 * When a refresh adds traces above the viewport, the scroll offset moves by as much, so the
 * row under the reader's eyes stays put.
 */
export function TraceTable(props: Props) {
  const { rows, columns, tz, sort, desc, onSort, scrollKey, footer, onNearEnd } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedId = useTracesUi((s) => s.selectedId);
  const select = useTracesUi((s) => s.select);
  const links = useTraceLinks();
  const ctx = useMemo<CellContext>(() => ({ tz, links }), [tz, links]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
    directDomUpdates: true,
    initialOffset: () => useTracesUi.getState().scroll[scrollKey] ?? 0,
  });

  // Keep the first visible row anchored across refreshes that prepend rows.
  // Back to a list seen before: its scroll offset. (The virtualizer's initialOffset alone is
  // overwritten by the element's first offset report, which is 0.)
  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once per mount, for the key it mounted with.
  useLayoutEffect(() => {
    const saved = useTracesUi.getState().scroll[scrollKey];
    if (saved && scrollRef.current) scrollRef.current.scrollTop = saved;
  }, []);

  // Only a consistent shift counts (the old first row moved by as much): a re-sort is not a
  // prepend and should not drag the scroll position along.
  const anchor = useRef<{ id: string; index: number; firstId: string } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const prev = anchor.current;
    if (!el || !prev || el.scrollTop <= 0) return;
    const now = rows.findIndex((r) => r.id === prev.id);
    const shift = now - prev.index;
    if (now >= 0 && shift > 0 && rows[shift]?.id === prev.firstId)
      el.scrollTop += shift * ROW_HEIGHT;
  }, [rows]);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const remember = () => {
      const index = Math.floor(el.scrollTop / ROW_HEIGHT);
      const id = rows[index]?.id;
      const firstId = rows[0]?.id;
      anchor.current = id && firstId ? { id, index, firstId } : undefined;
    };
    remember();
    el.addEventListener('scroll', remember, { passive: true });
    return () => {
      el.removeEventListener('scroll', remember);
      useTracesUi.getState().saveScroll(scrollKey, el.scrollTop);
    };
  }, [rows, scrollKey]);

  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;
  const nearEnd = rows.length > 0 && lastVisible >= rows.length - 20;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, onNearEnd]);

  const template = columns.map((c) => c.width).join(' ');
  return (
    <div ref={scrollRef} className="trace-table">
      <table aria-label="Traces" aria-rowcount={rows.length + 1}>
        <thead className="tt-head">
          <tr className="tt-row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={c.sort === sort ? (desc ? 'descending' : 'ascending') : undefined}
                className={c.numeric ? 'num' : undefined}
              >
                {c.sort ? (
                  <button type="button" className="tt-sort" onClick={() => onSort(c.sort!)}>
                    {c.title}
                    {c.sort === sort ? (desc ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : (
                  c.title
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={virtualizer.containerRef} className="tt-body">
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <Row
                key={row.id}
                row={row}
                index={item.index}
                columns={columns}
                template={template}
                ctx={ctx}
                selected={row.id === selectedId}
                onSelect={select}
              />
            );
          })}
        </tbody>
      </table>
      {footer}
    </div>
  );
}

const Row = memo(function Row(props: {
  row: TraceRow;
  index: number;
  columns: readonly Column[];
  template: string;
  ctx: CellContext;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { row, columns } = props;
  return (
    <tr
      data-index={props.index}
      aria-rowindex={props.index + 2}
      className="tt-row"
      data-selected={props.selected || undefined}
      data-status={row.status}
      // Fixed-height rows place themselves: no per-row measuring (a forced layout per mount).
      style={{
        gridTemplateColumns: props.template,
        transform: `translateY(${props.index * ROW_HEIGHT}px)`,
      }}
      onClick={() => props.onSelect(row.id)}
      onKeyDown={undefined}
    >
      {columns.map((c) => (
        <td key={c.id} className={c.numeric ? 'num' : undefined}>
          {c.cell(row, props.ctx)}
        </td>
      ))}
    </tr>
  );
});
