import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from '../../../ui/error-boundary.tsx';

// Cytoscape is a large download: it is fetched the first time someone opens the map.
const TraceMap = lazy(() => import('./trace-map.tsx').then((m) => ({ default: m.TraceMap })));

/** A disclosure above the waterfall holding the trace map; closed by default. */
export function TraceMapSection(props: {
  traceId: string;
  durationSec: number;
  onService: (name: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section className="tl-map" aria-label="Trace map">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? '▾' : '▸'} Trace map
      </button>
      {open && (
        <ErrorBoundary label="The trace map">
          <Suspense
            fallback={
              <p className="hint" role="status">
                <span className="spinner" /> Loading the map…
              </p>
            }
          >
            <TraceMap {...props} />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}
