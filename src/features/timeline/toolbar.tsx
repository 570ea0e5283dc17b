import { useEffect, useRef, useState } from 'react';

/**
 * Waterfall controls: search in the trace (draft committed to the URL after a pause or on Enter,
 * which also steps to the next match), match stepping, expand/collapse, services only, critical
 * path and zoom reset. `/` anywhere on the page focuses the search box.
 */
export function Toolbar(p: {
  q: string | undefined;
  matchCount: number | undefined;
  /** 1-based position of the selected row among the matches, 0 when it is not a match. */
  matchPosition: number;
  onQuery: (q: string) => void;
  onStep: (direction: 1 | -1) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  servicesOnly: boolean;
  onServicesOnly: (on: boolean) => void;
  critical: boolean;
  onCritical: (on: boolean) => void;
  zoomed: boolean;
  onResetZoom: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(p.q ?? '');
  const { q, onQuery } = p;

  useEffect(() => {
    if (draft === (q ?? '')) return;
    const t = setTimeout(() => onQuery(draft), 250);
    return () => clearTimeout(t);
  }, [draft, q, onQuery]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline controls">
      <div className="tl-search">
        <input
          ref={input}
          type="search"
          aria-label="Search in trace"
          placeholder="Search names, annotations, URLs, SQL  ( / )"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (draft !== (q ?? '')) onQuery(draft);
              else p.onStep(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              setDraft('');
              onQuery('');
            }
          }}
        />
        <button
          type="button"
          aria-label="Previous match"
          disabled={!p.matchCount}
          onClick={() => p.onStep(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next match"
          disabled={!p.matchCount}
          onClick={() => p.onStep(1)}
        >
          ↓
        </button>
        <span role="status" className="hint tl-match-count">
          {p.matchCount === undefined
            ? ''
            : p.matchCount === 0
              ? 'No matches'
              : `${p.matchPosition > 0 ? `${p.matchPosition} of ` : ''}${p.matchCount} ${p.matchCount === 1 ? 'match' : 'matches'}`}
        </span>
      </div>
      <div className="tl-buttons">
        <button type="button" onClick={p.onExpandAll}>
          Expand all
        </button>
        <button type="button" onClick={p.onCollapseAll}>
          Collapse all
        </button>
        <button
          type="button"
          aria-pressed={p.servicesOnly}
          onClick={() => p.onServicesOnly(!p.servicesOnly)}
        >
          Services only
        </button>
        <button type="button" aria-pressed={p.critical} onClick={() => p.onCritical(!p.critical)}>
          Critical path
        </button>
        {p.zoomed && (
          <button type="button" onClick={p.onResetZoom}>
            Reset zoom
          </button>
        )}
      </div>
    </div>
  );
}
