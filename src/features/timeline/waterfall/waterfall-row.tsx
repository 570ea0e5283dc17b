import { memo } from 'react';
import { formatDuration, truncate } from '../../../lib/format.ts';
import type { TraceRow } from '../../../xray/trace/tree.ts';
import { visibleText } from '../text.ts';
import { callLabel, kindTag, rowAriaLabel, rowStatus } from './row-display.ts';

export const ROW_HEIGHT = 26;
/** Indentation per level, and the deepest level that still indents (aria-level stays exact). */
const INDENT_PX = 12;
const MAX_INDENT_LEVELS = 24;

export interface WaterfallRowProps {
  row: TraceRow;
  index: number;
  /** Position in the visible list (aria-posinset is 1-based). */
  position: number;
  setSize: number;
  level: number;
  top: number;
  barLeft: number;
  barWidth: number;
  expandable: boolean;
  collapsed: boolean;
  selected: boolean;
  cursor: boolean;
  match: boolean;
  critical: boolean;
}

/**
 * One row. Pure props → DOM and memoized: while scrolling only rows entering the window render.
 * Clicks are handled by the list through event delegation (data-index, data-toggle), so the row
 * carries no callbacks that would defeat memo.
 */
export const WaterfallRow = memo(function WaterfallRow(p: WaterfallRowProps) {
  const { row } = p;
  const status = rowStatus(row);
  const inProgress = row.end === undefined;
  const tag = kindTag(row.kind, row.doc);
  const call = callLabel(row.doc);
  const duration = inProgress ? 'in progress' : formatDuration((row.end as number) - row.start);
  const indent = Math.min(p.level, MAX_INDENT_LEVELS) * INDENT_PX;
  const cls = ['wf-row', `wf-${row.kind}`];
  if (p.selected) cls.push('is-selected');
  if (p.cursor) cls.push('is-cursor');
  if (p.match) cls.push('is-match');
  if (p.critical) cls.push('is-critical');
  return (
    <div
      role="treeitem"
      tabIndex={-1}
      id={`wf-row-${p.index}`}
      className={cls.join(' ')}
      style={{ transform: `translateY(${p.top}px)` }}
      data-index={p.index}
      aria-level={p.level + 1}
      aria-posinset={p.position + 1}
      aria-setsize={p.setSize}
      aria-selected={p.selected}
      aria-expanded={p.expandable ? !p.collapsed : undefined}
      aria-label={rowAriaLabel({
        name: row.name,
        service: row.service,
        status,
        inProgress,
        duration,
        tag,
        critical: p.critical,
        match: p.match,
      })}
    >
      <div className="wf-label" title={visibleText(row.name)}>
        <span className="wf-indent" style={{ width: indent }} aria-hidden="true" />
        {p.expandable ? (
          <button
            type="button"
            className="wf-toggle"
            data-toggle="1"
            tabIndex={-1}
            aria-label={p.collapsed ? `Expand ${row.name}` : `Collapse ${row.name}`}
          >
            {p.collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="wf-toggle wf-leaf" aria-hidden="true" />
        )}
        {row.kind !== 'subsegment' && row.service !== row.name && (
          <span className="wf-service">{truncate(visibleText(row.service), 40)}</span>
        )}
        <span className="wf-name">{truncate(visibleText(row.name), 80)}</span>
        {tag && <span className={`wf-tag wf-tag-${tag}`}>{tag}</span>}
        {call && <span className="wf-call">{truncate(visibleText(call), 40)}</span>}
        {status !== 'ok' && <span className={`wf-flag status status-${status}`}>{status}</span>}
        {p.critical && (
          <span className="wf-crit" title="On the critical path">
            ◆
          </span>
        )}
      </div>
      <div className="wf-duration">{duration}</div>
      <div className="wf-track">
        <div
          className={`wf-bar bar-${status}${inProgress ? ' bar-inprogress' : ''}`}
          style={{ transform: `translateX(${p.barLeft}px)`, width: Math.max(2, p.barWidth) }}
        />
      </div>
    </div>
  );
});
