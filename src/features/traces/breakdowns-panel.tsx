import { useMemo, useState } from 'react';
import { formatCount, truncate } from '../../lib/format.ts';
import { deriveBreakdowns } from './breakdowns.ts';
import type { TraceRow } from './trace-rows.ts';

/**
 * "Refine by": counts of the loaded traces per URL, status, user, service, root cause and
 * annotation. Clicking a value narrows the filter to it.
 */
export function BreakdownsPanel({
  rows,
  onRefine,
}: {
  rows: readonly TraceRow[];
  onRefine: (clause: string) => void;
}) {
  const breakdowns = useMemo(() => deriveBreakdowns(rows), [rows]);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  if (rows.length === 0) return null;
  return (
    <aside className="breakdowns" aria-label="Refine by">
      <h2>Refine by</h2>
      {breakdowns.map((b) => {
        const expanded = open[b.id] ?? ['status', 'service', 'rootcause', 'url'].includes(b.id);
        return (
          <section key={b.id} className="breakdown">
            <h3>
              <button
                type="button"
                className="breakdown-toggle"
                aria-expanded={expanded}
                onClick={() => setOpen((o) => ({ ...o, [b.id]: !expanded }))}
              >
                {b.title} <span className="muted">({b.distinct})</span>
              </button>
            </h3>
            {expanded && (
              <ul aria-label={b.title}>
                {b.values.map((v) => (
                  <li key={v.clause}>
                    <button
                      type="button"
                      className="breakdown-value"
                      title={`Add to filter: ${v.clause}`}
                      onClick={() => onRefine(v.clause)}
                    >
                      <span
                        className="breakdown-bar"
                        style={{ width: `${(v.count / rows.length) * 100}%` }}
                      />
                      <span className="breakdown-label">{truncate(v.label, 48)}</span>
                      <span className="breakdown-count">{formatCount(v.count)}</span>
                    </button>
                  </li>
                ))}
                {b.distinct > b.values.length && (
                  <li className="hint">+{b.distinct - b.values.length} more</li>
                )}
              </ul>
            )}
          </section>
        );
      })}
    </aside>
  );
}
