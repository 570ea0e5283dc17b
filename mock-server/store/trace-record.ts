import { traceIdEpoch } from '../../src/xray/ids.ts';
import type { IngestDoc } from '../../src/xray/types.ts';

/**
 * What the store keeps per trace: the raw documents as received (strings are the most compact
 * form V8 has for them) plus the few numbers the indexes need. Everything richer — assembled
 * trace, summary, graph contribution — is derived on demand and cached (see FactsCache).
 */
export interface TraceRecord {
  readonly id: string;
  /** Integer epoch seconds: the time in the trace ID (or the first start_time when it has none). */
  readonly key: number;
  /** Raw document JSON, one per segment or independent subsegment. */
  docs: string[];
  /** Parallel to docs: the document id, prefixed with "~" while the document is in progress. */
  docIds: string[];
  /** Incremented on every accepted document; the summary's `Revision`. */
  revision: number;
  /** Earliest start_time and latest end (or start) time of any document, epoch seconds. */
  minStart: number;
  maxEnd: number;
  /** True once any document came through the API or UDP (and so is in the log). */
  durable: boolean;
}

/** One accepted document: its JSON text and the parsed object validation produced. */
export interface AcceptedDoc {
  raw: string;
  doc: IngestDoc;
}

const DAY = 86_400;

/**
 * The index key of a new trace. X-Ray trace IDs carry their start second in hex; W3C-style IDs
 * carry random bits there, so a value more than a day away from the document's own start_time is
 * not trusted and the start_time is used instead.
 */
export function traceKey(traceId: string, startTime: number): number {
  const sec = traceIdEpoch(traceId);
  if (sec !== undefined && Math.abs(sec - startTime) <= DAY) return sec;
  return Math.floor(startTime);
}

export function newRecord(id: string, key: number): TraceRecord {
  return {
    id,
    key,
    docs: [],
    docIds: [],
    revision: 0,
    minStart: Number.POSITIVE_INFINITY,
    maxEnd: Number.NEGATIVE_INFINITY,
    durable: false,
  };
}

/** Most documents one trace may hold; beyond it the trace is LimitExceeded and new ones rejected. */
export const MAX_DOCS_PER_TRACE = 5_000;

/**
 * Adds one document to a record. A document with an id already present replaces it, except that
 * an in-progress document never replaces a complete one (segment-document.md §7).
 * Returns false if the trace is full.
 */
export function addDoc(rec: TraceRecord, { raw, doc }: AcceptedDoc): boolean {
  const inProgress = doc.in_progress === true && doc.end_time === undefined;
  const tag = inProgress ? `~${doc.id}` : doc.id;
  let at = rec.docIds.indexOf(doc.id);
  if (at >= 0 && inProgress) return true; // complete version already here: keep it
  if (at < 0) at = rec.docIds.indexOf(`~${doc.id}`);
  if (at >= 0) {
    rec.docs[at] = raw;
    rec.docIds[at] = tag;
  } else {
    if (rec.docs.length >= MAX_DOCS_PER_TRACE) return false;
    rec.docs.push(raw);
    rec.docIds.push(tag);
  }
  rec.revision++;
  if (doc.start_time < rec.minStart) rec.minStart = doc.start_time;
  const end = doc.end_time ?? doc.start_time;
  if (end > rec.maxEnd) rec.maxEnd = end;
  return true;
}
