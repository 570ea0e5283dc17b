import type { TraceSummary } from '../../src/xray/types.ts';
import type { TracePredicate } from '../domain/filter.ts';
import type { ScanCursor } from './time-index.ts';
import type { TraceRecord } from './trace-record.ts';
import type { TraceStore } from './trace-store.ts';

export type TimeRangeType = 'TraceId' | 'Event' | 'Service';

export interface SummaryQuery {
  start: number;
  end: number;
  rangeType: TimeRangeType;
  predicate?: TracePredicate;
  /** Keep a trace only when a stable hash of its id falls below this fraction (Sampling). */
  sampleRate?: number;
  cursor?: ScanCursor;
}

export interface SummaryPage {
  summaries: TraceSummary[];
  processed: number;
  /** Epoch seconds of the oldest trace scanned for this page. */
  approximateTime: number;
  cursor?: ScanCursor;
}

/** Limits of one page, like X-Ray: a page ends when full, or when the scan budget is spent. */
export const PAGE_SIZE = 100;
export const SCAN_BUDGET = 50_000;
export const TIME_BUDGET_MS = 100;
/** Event/Service windows look back at most this far for traces still active (a day-long trace). */
const MAX_SPAN = 86_400;

/**
 * One page of GetTraceSummaries, newest → oldest. Scanning stops when the page is full or the
 * scan budget is spent, and the cursor says where to resume — so a page may hold few or no
 * summaries while more remain (TracesProcessedCount tells how many were looked at).
 */
export function querySummaries(store: TraceStore, q: SummaryQuery): SummaryPage {
  const summaries: TraceSummary[] = [];
  const started = performance.now();
  let processed = 0;
  let oldest = q.end;
  // TraceId windows compare whole trace-ID seconds; Event/Service windows must also look at
  // traces that started earlier but were still active (bounded by the longest trace seen).
  const toSec = Math.ceil(q.end) - 1;
  const span = Math.min(store.longestSpan, MAX_SPAN);
  const fromSec = q.rangeType === 'TraceId' ? Math.ceil(q.start) : Math.floor(q.start - span);
  const cursor = store.scanDesc(fromSec, toSec, q.cursor, (rec, sec) => {
    processed++;
    oldest = sec;
    const matchedAt = matchTime(rec, q);
    if (matchedAt !== undefined && (q.sampleRate === undefined || sampled(rec.id, q.sampleRate))) {
      const facts = store.factsOf(rec, false);
      if (facts && (!q.predicate || q.predicate(facts))) {
        store.remember(rec, facts);
        const summary: TraceSummary = { Revision: rec.revision, ...facts.summary };
        if (q.rangeType === 'Event') summary.MatchedEventTime = matchedAt;
        summaries.push(summary);
      }
    }
    if (summaries.length >= PAGE_SIZE || processed >= SCAN_BUDGET) return false;
    // Checking the clock costs too; every 256 traces is often enough.
    return (processed & 255) !== 0 || performance.now() - started < TIME_BUDGET_MS;
  });
  return { summaries, processed, approximateTime: oldest, ...(cursor ? { cursor } : {}) };
}

/** The time at which a trace matches the window for this range type, or undefined. */
function matchTime(rec: TraceRecord, q: SummaryQuery): number | undefined {
  switch (q.rangeType) {
    case 'TraceId':
      return rec.key >= q.start && rec.key < q.end ? rec.key : undefined;
    case 'Event':
      return rec.minStart < q.end && rec.maxEnd >= q.start
        ? Math.min(rec.maxEnd, q.end)
        : undefined;
    case 'Service':
      return rec.maxEnd >= q.start && rec.maxEnd < q.end ? rec.maxEnd : undefined;
  }
}

/** FNV-1a over the id: the same trace is in or out of every sample at the same rate. */
function sampled(id: string, rate: number): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x1_0000_0000 < rate;
}
