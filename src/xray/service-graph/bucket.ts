import type { NodeId } from '../trace/classify.ts';
import type { CallFacts, TraceFacts } from '../trace/facts.ts';
import {
  addCall,
  addToHistogram,
  emptyStats,
  type Histogram,
  mergeHistogram,
  mergeStats,
  type StatsAgg,
} from './stats.ts';

/**
 * Mergeable service-graph aggregate of a set of traces: per node and per edge the request
 * statistics, histograms, first/last times and how many traces touched it. The server keeps one
 * bucket per time slice (say a minute), adds/removes traces as they arrive or get revised, and
 * merges the buckets of a window when asked for a graph: cost ∝ buckets × nodes, not traces.
 *
 * Client nodes: each trace's entry service gets a synthetic caller, Type `client`, named after the
 * entry service (X-Ray's documented map); its edge counts the entry segments.
 */
export interface NodeAgg {
  key: string;
  id: NodeId;
  inferred: boolean;
  client: boolean;
  /** Traces in which this node was the entry point. */
  rootTraces: number;
  traces: number;
  stats: StatsAgg;
  responseTime: Histogram;
  duration: Histogram;
  start: number;
  end: number;
}

export interface EdgeAgg {
  key: string;
  from: string;
  to: string;
  traces: number;
  stats: StatsAgg;
  responseTime: Histogram;
  start: number;
  end: number;
}

export function nodeKey(id: NodeId, client = false): string {
  return `${client ? 'client' : id.Type}\u0000${id.Name}\u0000${id.AccountId ?? ''}`;
}

function newNode(key: string, id: NodeId, inferred: boolean, client: boolean): NodeAgg {
  return {
    key,
    id,
    inferred,
    client,
    rootTraces: 0,
    traces: 0,
    stats: emptyStats(),
    responseTime: new Map(),
    duration: new Map(),
    start: Number.POSITIVE_INFINITY,
    end: Number.NEGATIVE_INFINITY,
  };
}

function newEdge(key: string, from: string, to: string): EdgeAgg {
  return {
    key,
    from,
    to,
    traces: 0,
    stats: emptyStats(),
    responseTime: new Map(),
    start: Number.POSITIVE_INFINITY,
    end: Number.NEGATIVE_INFINITY,
  };
}

function touchTimes(agg: { start: number; end: number }, call: CallFacts) {
  const start = call.start;
  if (start === undefined) return;
  if (start < agg.start) agg.start = start;
  const end = call.end ?? start;
  if (end > agg.end) agg.end = end;
}

export class GraphBucket {
  readonly nodes = new Map<string, NodeAgg>();
  readonly edges = new Map<string, EdgeAgg>();
  /**
   * Type → Name → AccountId → node, and node → node → edge: the hot path looks nodes up by the
   * strings it already has instead of building a key string per node per trace.
   */
  private readonly nodeIndex = new Map<string, Map<string, Map<string, NodeAgg>>>();
  private readonly edgeIndex = new Map<NodeAgg, Map<NodeAgg, EdgeAgg>>();
  /** Number of traces added minus removed. */
  traceCount = 0;

  /** Adds one trace's nodes and edges. */
  add(facts: TraceFacts): void {
    this.apply(facts, 1);
  }

  /**
   * Takes back a trace added earlier (e.g. before a new revision of it is added). Counts and
   * histograms are exact; first/last times are not narrowed back.
   */
  remove(facts: TraceFacts): void {
    this.apply(facts, -1);
  }

  /** Adds everything in `other` into this bucket. */
  merge(other: GraphBucket): void {
    this.traceCount += other.traceCount;
    for (const o of other.nodes.values()) {
      const n = this.node(o.id, o.inferred, o.client, 0);
      n.rootTraces += o.rootTraces;
      n.traces += o.traces;
      mergeStats(n.stats, o.stats);
      mergeHistogram(n.responseTime, o.responseTime);
      mergeHistogram(n.duration, o.duration);
      n.start = Math.min(n.start, o.start);
      n.end = Math.max(n.end, o.end);
    }
    for (const o of other.edges.values()) {
      const from = other.nodes.get(o.from);
      const to = other.nodes.get(o.to);
      if (from === undefined || to === undefined) continue;
      const e = this.edge(
        this.node(from.id, from.inferred, from.client, 0),
        this.node(to.id, to.inferred, to.client, 0),
        0,
      );
      e.traces += o.traces;
      mergeStats(e.stats, o.stats);
      mergeHistogram(e.responseTime, o.responseTime);
      e.start = Math.min(e.start, o.start);
      e.end = Math.max(e.end, o.end);
    }
  }

  /** The node for `id` (created on first use), with `sign` added to its trace count. */
  private node(id: NodeId, inferred: boolean, client: boolean, sign: 1 | -1 | 0): NodeAgg {
    const type = client ? 'client' : id.Type;
    let byName = this.nodeIndex.get(type);
    if (byName === undefined) {
      byName = new Map();
      this.nodeIndex.set(type, byName);
    }
    let byAccount = byName.get(id.Name);
    if (byAccount === undefined) {
      byAccount = new Map();
      byName.set(id.Name, byAccount);
    }
    const account = id.AccountId ?? '';
    let n = byAccount.get(account);
    if (n === undefined) {
      const key = nodeKey(id, client);
      n = newNode(key, client ? { Name: id.Name, Type: 'client' } : id, inferred, client);
      byAccount.set(account, n);
      this.nodes.set(key, n);
    }
    n.traces += sign;
    return n;
  }

  private edge(from: NodeAgg, to: NodeAgg, sign: 1 | -1 | 0): EdgeAgg {
    let byTo = this.edgeIndex.get(from);
    if (byTo === undefined) {
      byTo = new Map();
      this.edgeIndex.set(from, byTo);
    }
    let e = byTo.get(to);
    if (e === undefined) {
      const key = `${from.key}\u0001${to.key}`;
      e = newEdge(key, from.key, to.key);
      byTo.set(to, e);
      this.edges.set(key, e);
    }
    e.traces += sign;
    return e;
  }

  private apply(facts: TraceFacts, sign: 1 | -1): void {
    this.traceCount += sign;
    const aggs: NodeAgg[] = [];
    for (const node of facts.nodes) {
      const n = this.node(node.id, node.inferred, false, sign);
      aggs.push(n);
      if (node.root) n.rootTraces += sign;
      for (const call of node.calls) {
        if (sign > 0) touchTimes(n, call);
        if (!addCall(n.stats, call, sign)) continue;
        addToHistogram(n.responseTime, call.responseTime, sign);
        addToHistogram(n.duration, call.duration, sign);
      }
      if (node.root && node.calls.length > 0) this.applyClient(facts, node, n, sign);
    }
    for (const edge of facts.edges) {
      const from = aggs[edge.from];
      const to = aggs[edge.to];
      if (from === undefined || to === undefined) continue;
      const e = this.edge(from, to, sign);
      for (const call of edge.calls) {
        if (sign > 0) touchTimes(e, call);
        if (addCall(e.stats, call, sign)) addToHistogram(e.responseTime, call.responseTime, sign);
      }
    }
    if (sign < 0) this.prune();
  }

  /** The client → entry-service edge counts the entry segment only. */
  private applyClient(
    facts: TraceFacts,
    node: TraceFacts['nodes'][number],
    agg: NodeAgg,
    sign: 1 | -1,
  ) {
    const entry = node.calls.find((c) => c.entityId === facts.rootSegmentId) ?? node.calls[0];
    if (entry === undefined) return;
    const c = this.node(node.id, false, true, sign);
    if (sign > 0) touchTimes(c, entry);
    const e = this.edge(c, agg, sign);
    if (sign > 0) touchTimes(e, entry);
    if (addCall(e.stats, entry, sign)) addToHistogram(e.responseTime, entry.responseTime, sign);
  }

  /** Drops what no trace touches any more: edges first, while their nodes can still be found. */
  private prune() {
    for (const [k, e] of this.edges) {
      if (e.traces > 0) continue;
      this.edges.delete(k);
      const from = this.nodes.get(e.from);
      const to = this.nodes.get(e.to);
      if (from !== undefined && to !== undefined) this.edgeIndex.get(from)?.delete(to);
    }
    for (const [k, n] of this.nodes) {
      if (n.traces > 0) continue;
      this.nodes.delete(k);
      this.nodeIndex
        .get(n.client ? 'client' : n.id.Type)
        ?.get(n.id.Name)
        ?.delete(n.id.AccountId ?? '');
      this.edgeIndex.delete(n);
    }
  }
}
