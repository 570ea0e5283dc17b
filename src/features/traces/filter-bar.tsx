import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { type FilterContext, FilterInput } from '../../ui/filter-input/filter-input.tsx';
import { useTracesUi } from './traces-store.ts';

/** Expressions a person new to the language can start from; each is one click away. */
export const EXAMPLES: readonly { label: string; expression: string }[] = [
  { label: 'Faults', expression: 'fault' },
  { label: 'Errors or faults', expression: 'error OR fault' },
  { label: 'Slow (> 1 s)', expression: 'responsetime > 1' },
  { label: 'Not found', expression: 'http.status = 404' },
  { label: 'Faults in any service', expression: 'service() { fault }' },
  { label: 'Remote root cause', expression: 'rootcause.fault.entity { remote }' },
];

/**
 * The filter box with its companions: examples, recent expressions and "save as group". The
 * draft is local; the URL changes only when a valid expression is submitted.
 */
export function FilterBar({
  filter,
  context,
  onSubmit,
}: {
  filter: string | undefined;
  context: FilterContext;
  onSubmit: (filter: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const recent = useTracesUi((s) => s.recent);
  const [draft, setDraft] = useState(filter ?? '');
  // A new committed filter (back button, breakdown click, brush) replaces the draft.
  useEffect(() => setDraft(filter ?? ''), [filter]);

  return (
    <div className="filter-bar">
      <div className="filter-bar-row">
        <FilterInput
          value={draft}
          onChange={setDraft}
          onSubmit={(text) => onSubmit(text || undefined)}
          onTraceId={(traceId) =>
            void navigate({ to: '/trace/$traceId', params: { traceId }, search: (s) => ({ ...s }) })
          }
          context={{ ...context, recent }}
          label="Filter expression"
        />
        {filter && (
          <button type="button" className="secondary" onClick={() => onSubmit(undefined)}>
            Clear
          </button>
        )}
        <Link
          to="/groups"
          search={{ create: filter }}
          className="button-link"
          aria-disabled={!filter || undefined}
          onClick={(e) => {
            if (!filter) e.preventDefault();
          }}
        >
          Save as group
        </Link>
      </div>
      <div className="filter-bar-row filter-extras">
        <span className="hint">Examples:</span>
        {EXAMPLES.map((ex) => (
          <button
            key={ex.expression}
            type="button"
            className="chip"
            title={ex.label}
            onClick={() => onSubmit(ex.expression)}
          >
            {ex.expression}
          </button>
        ))}
        {recent.length > 0 && <RecentMenu recent={recent} onPick={onSubmit} />}
      </div>
    </div>
  );
}

function RecentMenu({ recent, onPick }: { recent: string[]; onPick: (f: string) => void }) {
  const forget = useTracesUi((s) => s.forget);
  return (
    <details className="recent-menu">
      <summary>Recent ({recent.length})</summary>
      <ul aria-label="Recent expressions">
        {recent.map((r) => (
          <li key={r}>
            <button type="button" className="chip mono" title={r} onClick={() => onPick(r)}>
              {r}
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={`Forget ${r}`}
              onClick={() => forget(r)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
