import { analyzeTrace } from '../../src/xray/trace/analyze.ts';
import { assembleTrace } from '../../src/xray/trace/assemble.ts';
import type { TraceFacts } from '../../src/xray/trace/facts.ts';
import type { IngestDoc } from '../../src/xray/types.ts';
import { DocArena } from './doc-arena.ts';
import { Lru } from './lru.ts';
import { TimeIndex } from './time-index.ts';
import {
  type AcceptedDoc,
  addDoc,
  docCount,
  docsOf,
  newRecord,
  type TraceRecord,
  traceKey,
} from './trace-record.ts';

export interface PutOutcome {
  /** Index in the input of each document the store refused (trace full). */
  rejected: number[];
}

/**
 * In-memory trace store: records by id, a per-second time index for paging, a version counter per
 * minute (so pre-aggregated graph buckets know when to recompute) and an LRU of derived facts.
 * Persistence is the caller's job (see persistence.ts); this class never touches the disk.
 */
export class TraceStore {
  private readonly byId = new Map<string, TraceRecord>();
  readonly arena = new DocArena();
  private readonly index = new TimeIndex<TraceRecord>();
  private readonly minuteVersions = new Map<number, number>();
  private readonly facts: Lru<string, { revision: number; facts: TraceFacts | null }>;
  /** Longest (maxEnd − key) seen: how far back an Event/Service-time scan must start. */
  private maxSpan = 0;
  private docCount = 0;
  private readonly warn: (msg: string) => void;
  /** Called after a trace changed (new document) or before it is evicted. */
  onChange: (rec: TraceRecord) => void = () => {};

  constructor(opts: { factsCacheSize?: number; warn?: (msg: string) => void } = {}) {
    this.facts = new Lru(opts.factsCacheSize ?? 10_000);
    this.warn = opts.warn ?? (() => {});
  }

  get traceCount(): number {
    return this.byId.size;
  }

  get documentCount(): number {
    return this.docCount;
  }

  get longestSpan(): number {
    return this.maxSpan;
  }

  get(id: string): TraceRecord | undefined {
    return this.byId.get(id);
  }

  /** Adds validated documents. `durable` marks documents that are also in the log. */
  put(docs: readonly AcceptedDoc[], durable: boolean): PutOutcome {
    const rejected: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as AcceptedDoc;
      const doc: IngestDoc = d.doc;
      let rec = this.byId.get(doc.trace_id);
      if (!rec) {
        rec = newRecord(doc.trace_id, traceKey(doc.trace_id, doc.start_time));
        this.byId.set(rec.id, rec);
        this.index.insert(rec.key, rec);
      }
      const before = docCount(rec);
      if (!addDoc(rec, d, this.arena)) {
        rejected.push(i);
        continue;
      }
      this.docCount += docCount(rec) - before;
      if (durable) rec.durable = true;
      const span = rec.maxEnd - rec.key;
      if (span > this.maxSpan) this.maxSpan = span;
      const minute = Math.floor(rec.key / 60);
      this.minuteVersions.set(minute, (this.minuteVersions.get(minute) ?? 0) + 1);
      this.onChange(rec);
    }
    return { rejected };
  }

  /** Version of a minute bucket: changes whenever a trace keyed in that minute changes. */
  minuteVersion(minute: number): number {
    return this.minuteVersions.get(minute) ?? 0;
  }

  /** Records keyed in [fromSec, toSec], oldest second first. */
  range(fromSec: number, toSec: number): Iterable<TraceRecord> {
    return this.index.range(fromSec, toSec);
  }

  scanDesc: TimeIndex<TraceRecord>['scanDesc'] = (from, to, cursor, visit) =>
    this.index.scanDesc(from, to, cursor, visit);

  /**
   * The derived facts of a trace (assembled, analyzed), from the cache when current. Returns null
   * when the domain code can't make sense of the stored documents; the trace is then skipped by
   * queries rather than failing them. `cache: false` for bulk passes (graph builds, filter
   * scans): their facts are short-lived, and caching them would only push out the ones people
   * look at (and give the GC long-lived garbage).
   */
  factsOf(rec: TraceRecord, cache = true): TraceFacts | null {
    const hit = this.facts.get(rec.id);
    if (hit && hit.revision === rec.revision) return hit.facts;
    let facts: TraceFacts | null = null;
    try {
      const docs = this.docs(rec).map((raw) => JSON.parse(raw) as IngestDoc);
      facts = analyzeTrace(assembleTrace(rec.id, docs));
    } catch (e) {
      this.warn(`store: trace ${rec.id} could not be analyzed: ${(e as Error).message}`);
    }
    if (cache) this.remember(rec, facts);
    return facts;
  }

  /** Derives and caches facts from document objects known to be exactly the stored ones. */
  primeFacts(rec: TraceRecord, docs: readonly IngestDoc[]): void {
    try {
      this.remember(rec, analyzeTrace(assembleTrace(rec.id, docs)));
    } catch {
      // factsOf will try again from the stored text and report it
    }
  }

  /** Caches facts derived elsewhere (a filter scan that is returning this trace). */
  remember(rec: TraceRecord, facts: TraceFacts | null): void {
    this.facts.set(rec.id, { revision: rec.revision, facts });
  }

  /** Drops traces keyed before cutoff for which `drop` holds (retention). */
  evictBefore(cutoffSec: number, drop: (rec: TraceRecord) => boolean): TraceRecord[] {
    const removed = this.index.evictBefore(cutoffSec, drop);
    for (const rec of removed) {
      this.byId.delete(rec.id);
      this.facts.delete(rec.id);
      this.docCount -= docCount(rec);
      for (let i = 1; i < rec.refs.length; i += 2) this.arena.free(rec.refs[i] as number);
      const minute = Math.floor(rec.key / 60);
      this.minuteVersions.set(minute, (this.minuteVersions.get(minute) ?? 0) + 1);
      this.onChange(rec);
    }
    return removed;
  }

  /** The raw documents of a trace. */
  docs(rec: TraceRecord): string[] {
    return docsOf(rec, this.arena);
  }

  /** Moves live documents into fresh slabs once more than half of the arena is dead. */
  compactArena(): boolean {
    const a = this.arena;
    if (a.allocatedBytes < 256 * 1024 * 1024 || a.deadBytes * 2 < a.allocatedBytes) return false;
    a.compact((move) => {
      for (const rec of this.byId.values()) {
        for (let i = 0; i < rec.refs.length; i += 2)
          rec.refs[i] = move(rec.refs[i] as number, rec.refs[i + 1] as number);
      }
    });
    return true;
  }

  /** Every record, in no particular order (compaction). */
  all(): IterableIterator<TraceRecord> {
    return this.byId.values();
  }
}
