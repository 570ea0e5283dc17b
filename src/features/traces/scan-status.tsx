import { formatCount, formatTime, type TimeZonePref } from '../../lib/format.ts';

/**
 * Honest progress: what is running, how many traces matched of how many the server scanned,
 * the window that covers, and whether more remain.
 */
export function ScanStatus(props: {
  fetching: boolean;
  pending: boolean;
  matched: number;
  scanned: number;
  window: { start: number; end: number } | undefined;
  reachedBack: number | undefined;
  hasMore: boolean;
  refreshPaused: boolean;
  tz: TimeZonePref;
  onRefresh: () => void;
}) {
  const { window: w, tz } = props;
  return (
    <div className="scan-status" role="status" aria-live="polite">
      {props.fetching && (
        <span>
          <span className="spinner" /> {props.pending ? 'Searching traces…' : 'Updating…'}{' '}
        </span>
      )}
      {!props.pending && w && (
        <span>
          <strong>{formatCount(props.matched)}</strong> traces matched of{' '}
          <strong>{formatCount(props.scanned)}</strong> scanned between {formatTime(w.start, tz)}{' '}
          and {formatTime(w.end, tz)}.
        </span>
      )}
      {!props.pending && props.hasMore && (
        <span className="scan-more">
          {' '}
          Partial result: more traces remain
          {props.reachedBack !== undefined
            ? ` (scanned back to ${formatTime(props.reachedBack, tz)})`
            : ''}
          .
        </span>
      )}
      {!props.pending && (
        <button
          type="button"
          className="secondary scan-refresh"
          onClick={props.onRefresh}
          disabled={props.fetching}
        >
          Refresh
        </button>
      )}
      {props.refreshPaused && (
        <span className="hint"> Auto-refresh paused while many pages are loaded.</span>
      )}
    </div>
  );
}
