import type { Group, IngestDoc, UnprocessedTraceSegment } from '../src/xray/types.ts';
import { parseDocuments } from './ingest/put-segments.ts';
import { ALL_TRACES, GraphBuckets, type GraphScope } from './store/graph-buckets.ts';
import { GroupStore } from './store/group-store.ts';
import { DataDir } from './store/persistence.ts';
import { SamplingStore } from './store/sampling-store.ts';
import type { AcceptedDoc } from './store/trace-record.ts';
import { TraceStore } from './store/trace-store.ts';

export interface BackendOptions {
  dataDir: string;
  log: (msg: string) => void;
  /** Traces that came through ingest are kept this long (X-Ray keeps 30 days). */
  retentionHours?: number;
  /** Demo traces are regenerated at start, so memory only needs to hold a day of them. */
  demoRetentionHours?: number;
}

export interface Counters {
  documentsAccepted: number;
  documentsRejected: number;
  udpDatagrams: number;
  udpRejected: number;
}

/**
 * Everything behind the API: the stores, the data directory and the ingest path that ties them
 * together (validate → append to the log → index in memory → acknowledge).
 */
export class Backend {
  readonly traces: TraceStore;
  readonly groups: GroupStore;
  readonly sampling: SamplingStore;
  readonly graphs: GraphBuckets;
  readonly counters: Counters = {
    documentsAccepted: 0,
    documentsRejected: 0,
    udpDatagrams: 0,
    udpRejected: 0,
  };
  private readonly data: DataDir;
  /** Date.now() of the last ingest call: background work backs off while traffic flows. */
  lastIngestAt = 0;
  /** Documents in the log, including replaced and expired ones (compaction trigger). */
  private loggedDocs = 0;

  constructor(private readonly opts: BackendOptions) {
    this.traces = new TraceStore({ warn: opts.log });
    this.graphs = new GraphBuckets(this.traces, () => [
      ALL_TRACES,
      ...this.groups.list().map((g) => this.graphScope(g)),
    ]);
    let replayed = 0;
    this.data = DataDir.open(
      opts.dataDir,
      (raw) => {
        // Replays documents exactly as they were acknowledged; validation is the same code path,
        // so a document that passed then passes now.
        const { accepted } = parseDocuments([raw]);
        this.traces.put(accepted, true);
        replayed++;
      },
      opts.log,
    );
    this.loggedDocs = replayed;
    this.groups = new GroupStore((groups) => this.data.writeJson('groups.json', groups));
    for (const problem of this.groups.load(this.data.readJson('groups.json')))
      opts.log(`store: ${problem}`);
    this.sampling = new SamplingStore((rules) => this.data.writeJson('sampling-rules.json', rules));
    this.sampling.load(this.data.readJson('sampling-rules.json'));
    if (replayed > 0)
      opts.log(
        `store: loaded ${replayed} documents (${this.traces.traceCount} traces) from ${opts.dataDir}`,
      );
  }

  /**
   * Ingests raw documents from PutTraceSegments or the daemon protocol. Valid ones are written to
   * the log before this returns (so acknowledging them afterwards is safe) and then indexed.
   */
  ingest(raws: readonly string[]): UnprocessedTraceSegment[] {
    this.lastIngestAt = Date.now();
    const { accepted, unprocessed } = parseDocuments(raws);
    if (accepted.length > 0) {
      const encoded = this.data.appendDocuments(accepted.map((a) => a.raw));
      for (let i = 0; i < accepted.length; i++) {
        (accepted[i] as AcceptedDoc).encoded = {
          buf: encoded.buf,
          at: encoded.at[i] as number,
          len: encoded.len[i] as number,
        };
      }
      this.loggedDocs += accepted.length;
      const { rejected } = this.traces.put(accepted, true);
      for (const i of rejected) {
        const doc = (accepted[i] as AcceptedDoc).doc;
        unprocessed.push({
          Id: doc.id,
          ErrorCode: 'TraceLimitExceeded',
          Message: `Trace ${doc.trace_id} holds too many documents`,
        });
      }
      this.counters.documentsAccepted += accepted.length - rejected.length;
    }
    this.counters.documentsRejected += unprocessed.length;
    return unprocessed;
  }

  /**
   * Demo documents: indexed but not logged — the generator recreates them from the seed. With
   * `primeFacts`, the facts of traces whose documents all came in this call are derived from the
   * objects at hand (saving the JSON round trip) and cached for the graph build that follows.
   */
  ingestGenerated(docs: readonly IngestDoc[], primeFacts = false): void {
    this.traces.put(
      docs.map((doc) => ({ raw: JSON.stringify(doc), doc })),
      false,
    );
    if (!primeFacts) return;
    const byTrace = new Map<string, IngestDoc[]>();
    for (const d of docs) {
      const list = byTrace.get(d.trace_id);
      if (list) list.push(d);
      else byTrace.set(d.trace_id, [d]);
    }
    for (const [id, list] of byTrace) {
      const rec = this.traces.get(id);
      if (rec && rec.refs.length / 2 === list.length) this.traces.primeFacts(rec, list);
    }
  }

  /** Retention and, when the log holds mostly dead documents, compaction. */
  maintain(nowSec = Date.now() / 1000): void {
    const keep = (this.opts.retentionHours ?? 720) * 3600;
    const keepDemo = (this.opts.demoRetentionHours ?? 24) * 3600;
    const cutoff = nowSec - Math.min(keep, keepDemo);
    this.traces.evictBefore(cutoff, (rec) => (rec.durable ? rec.key < nowSec - keep : true));
    this.graphs.dropBefore(Math.floor((nowSec - keep) / 60));
    if (this.traces.compactArena()) this.opts.log('store: compacted the in-memory document arena');
    let live = 0;
    for (const rec of this.traces.all()) if (rec.durable) live += rec.refs.length / 2;
    if (this.loggedDocs > 10_000 && this.loggedDocs > 2 * live) this.compact(live);
  }

  private compact(live: number): void {
    const before = this.data.logBytes;
    const traces = this.traces;
    this.data.compact(
      (function* () {
        for (const rec of traces.all()) if (rec.durable) yield* traces.docs(rec);
      })(),
    );
    this.loggedDocs = live;
    this.opts.log(`store: compacted the log from ${before} to ${this.data.logBytes} bytes`);
  }

  /**
   * The traces a group's graph covers, keyed by its filter so that a changed filter gets fresh
   * aggregates. A filter that refers to other groups is keyed by every group's version too.
   */
  graphScope(group: Group): GraphScope {
    const predicate = this.groups.predicate(group);
    if (!predicate) return ALL_TRACES;
    const filter = group.FilterExpression ?? '';
    const dep = /group\./i.test(filter) ? `#${this.groups.version}` : '';
    return { key: `g:${group.GroupName}\u0000${filter}${dep}`, predicate };
  }

  close(): void {
    this.data.close();
  }
}
