import { traceIdEpoch } from '../../src/xray/ids.ts';
import type { IngestDoc } from '../../src/xray/types.ts';
import type { DocArena } from './doc-arena.ts';

/**
 * What the store keeps per trace: where its raw documents sit in the arena, and the few numbers
 * the indexes need. Two heap objects besides the record itself (`ids`, `refs`), so a million
 * traces stay cheap for the GC. Everything richer — assembled trace, summary, graph
 * contribution — is derived on demand and cached.
 */
export interface TraceRecord {
  readonly id: string;
  /** Integer epoch seconds: the time in the trace ID (or the first start_time when it has none). */
  readonly key: number;
  /** The document ids, ID_WIDTH characters each: "+" (complete) or "~" (in progress), then the id. */
  ids: string;
  /** Per document: arena ref, then byte length. */
  refs: number[];
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
  /** The text already UTF-8 encoded (in the log's write buffer), when at hand. */
  encoded?: { buf: Buffer; at: number; len: number };
}

const DAY = 86_400;
/** Segment ids are 16 hex digits (validated on ingest), plus one flag character. */
const ID_WIDTH = 17;

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
    ids: '',
    refs: [],
    revision: 0,
    minStart: Number.POSITIVE_INFINITY,
    maxEnd: Number.NEGATIVE_INFINITY,
    durable: false,
  };
}

export const docCount = (rec: TraceRecord): number => rec.refs.length / 2;

/** The raw documents of a trace, in arrival order (replacements keep their slot). */
export function docsOf(rec: TraceRecord, arena: DocArena): string[] {
  const out: string[] = [];
  for (let i = 0; i < rec.refs.length; i += 2)
    out.push(arena.get(rec.refs[i] as number, rec.refs[i + 1] as number));
  return out;
}

/** Most documents one trace may hold; beyond it the trace is LimitExceeded and new ones rejected. */
export const MAX_DOCS_PER_TRACE = 5_000;

/** Slot of the document with this id, or -1. */
function slotOf(rec: TraceRecord, id: string): number {
  for (let at = rec.ids.indexOf(id); at >= 0; at = rec.ids.indexOf(id, at + 1)) {
    if (at % ID_WIDTH === 1) return (at - 1) / ID_WIDTH;
  }
  return -1;
}

/**
 * Adds one document to a record. A document with an id already present replaces it, except that
 * an in-progress document never replaces a complete one (segment-document.md §7).
 * Returns false if the trace is full.
 */
export function addDoc(
  rec: TraceRecord,
  { raw, doc, encoded }: AcceptedDoc,
  arena: DocArena,
): boolean {
  const store = () =>
    encoded ? arena.putEncoded(encoded.buf, encoded.at, encoded.len) : arena.put(raw);
  const inProgress = doc.in_progress === true && doc.end_time === undefined;
  const id =
    doc.id.length === ID_WIDTH - 1
      ? doc.id
      : doc.id.slice(0, ID_WIDTH - 1).padEnd(ID_WIDTH - 1, '?');
  const slot = slotOf(rec, id);
  if (slot >= 0) {
    if (inProgress && rec.ids[slot * ID_WIDTH] === '+') return true; // keep the complete version
    arena.free(rec.refs[slot * 2 + 1] as number);
    const { ref, len } = store();
    rec.refs[slot * 2] = ref;
    rec.refs[slot * 2 + 1] = len;
    rec.ids = `${rec.ids.slice(0, slot * ID_WIDTH)}${inProgress ? '~' : '+'}${rec.ids.slice(slot * ID_WIDTH + 1)}`;
  } else {
    if (docCount(rec) >= MAX_DOCS_PER_TRACE) return false;
    const { ref, len } = store();
    rec.refs.push(ref, len);
    rec.ids += (inProgress ? '~' : '+') + id;
  }
  rec.revision++;
  if (doc.start_time < rec.minStart) rec.minStart = doc.start_time;
  const end = doc.end_time ?? doc.start_time;
  if (end > rec.maxEnd) rec.maxEnd = end;
  return true;
}
