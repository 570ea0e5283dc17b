import type { LoadedTrace } from '../../api/traces.ts';
import { formatCount, formatDuration, formatTime } from '../../lib/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import type { TraceModel } from './trace-model.ts';
import { rowStatus } from './waterfall/row-display.ts';

/** Trace id, start, duration, size and outcome; banners for partial or incomplete data. */
export function TraceHeader({ model, trace }: { model: TraceModel; trace: LoadedTrace }) {
  const tz = usePreferences((s) => s.timeZone);
  const root = model.rows[0];
  const status = root ? rowStatus(root) : 'ok';
  return (
    <>
      <header className="tl-header">
        <h1>
          Trace <code className="tl-id">{model.id}</code>
        </h1>
        <dl className="tl-facts">
          <dt>Started</dt>
          <dd>{formatTime(model.startSec, tz)}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(trace.duration ?? model.totalMs / 1000)}</dd>
          <dt>Segments</dt>
          <dd>{formatCount(model.segments)}</dd>
          <dt>Subsegments</dt>
          <dd>{formatCount(model.subsegments)}</dd>
          <dt>Services</dt>
          <dd>{formatCount(model.services)}</dd>
          <dt>Status</dt>
          <dd>
            <span className={`status status-${status}`}>{status}</span>
          </dd>
        </dl>
      </header>
      {trace.partial && (
        <p className="banner banner-warn" role="status">
          This trace is still in progress: pieces marked “in progress” have not finished. It
          refreshes every few seconds.
        </p>
      )}
      {trace.limitExceeded && (
        <p className="banner banner-warn" role="status">
          X-Ray reports that this trace exceeded its size limit: some segments may be missing.
        </p>
      )}
      {trace.unreadable > 0 && (
        <p className="banner banner-error" role="status">
          {trace.unreadable} segment document{trace.unreadable === 1 ? ' was' : 's were'} not valid
          JSON and {trace.unreadable === 1 ? 'is' : 'are'} not shown.
        </p>
      )}
    </>
  );
}
