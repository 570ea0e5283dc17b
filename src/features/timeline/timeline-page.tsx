import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from '@tanstack/react-router';
import { useLayoutEffect } from 'react';
import { traceQuery } from '../../api/traces.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { normalizeTraceId } from '../../xray/ids.ts';
import './timeline.css';
import { timelineActions } from './timeline-store.ts';
import { TraceView } from './trace-view.tsx';

/**
 * /trace/$traceId: validates the id (a W3C or upper-case id is normalized and redirected), loads
 * the trace by id alone, whatever the time range, and shows it or says why it cannot.
 */
export function TimelinePage() {
  const { traceId } = useParams({ from: '/trace/$traceId' });
  const canonical = normalizeTraceId(traceId);
  if (canonical === undefined) return <BadTraceId id={traceId} />;
  if (canonical !== traceId)
    return (
      <Navigate
        to="/trace/$traceId"
        params={{ traceId: canonical }}
        search={(s) => ({ ...s })}
        replace
      />
    );
  return <LoadTrace id={canonical} />;
}

function LoadTrace({ id }: { id: string }) {
  // Collapsed rows and the cursor belong to one trace.
  useLayoutEffect(() => timelineActions.resetFor(id), [id]);
  const query = useQuery(traceQuery(id));
  return (
    <QueryState query={query} what={`trace ${id}`}>
      {(trace) => (trace ? <TraceView key={id} trace={trace} /> : <TraceNotFound id={id} />)}
    </QueryState>
  );
}

function TraceNotFound({ id }: { id: string }) {
  return (
    <section className="page empty-state" role="alert" aria-label="Trace not found">
      <h1>Trace not found</h1>
      <p>
        X-Ray has no trace with the ID <code>{id}</code>. Traces expire after 30 days, and the ID
        may be mistyped or from another account or region.
      </p>
      <p>
        <Link to="/traces" search={(s) => ({ ...s })}>
          Search for traces
        </Link>{' '}
        in the current time range.
      </p>
    </section>
  );
}

function BadTraceId({ id }: { id: string }) {
  return (
    <section className="page empty-state" role="alert" aria-label="Invalid trace ID">
      <h1>Not a trace ID</h1>
      <p>
        <code>{id.slice(0, 100)}</code> is not an X-Ray trace ID. Expected{' '}
        <code>1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx</code> (hex), or a 32-hex W3C trace ID.
      </p>
      <p>
        <Link to="/traces" search={(s) => ({ ...s })}>
          Search for traces
        </Link>
      </p>
    </section>
  );
}
