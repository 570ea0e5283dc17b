import type { TraceFacts } from '../trace/facts.ts';
import type { Edge, Service } from '../types.ts';
import { type EdgeAgg, GraphBucket, type NodeAgg } from './bucket.ts';
import { toHistogramEntries, toServiceStatistics } from './stats.ts';

/**
 * X-Ray's service graph (xray-api.md §4.3) from aggregated traces.
 *
 * Shape decisions: ReferenceIds 0,1,2… in a stable order (client nodes, then entry services, then
 * the rest, each by name then type) so a map keeps its ids across refreshes; `Root: true` on entry
 * services; State `active` for instrumented services and `unknown` for client and inferred nodes;
 * client nodes carry no SummaryStatistics or histograms (as in the documented example); Edges
 * point at the downstream ReferenceId, ordered by it, with `Aliases: []`; Start/EndTime are the
 * first/last times seen, clamped to the requested window.
 */
export class ServiceGraphAggregator extends GraphBucket {
  /** A new aggregator holding the sum of `buckets` (the buckets are left untouched). */
  static merged(buckets: Iterable<GraphBucket>): ServiceGraphAggregator {
    const out = new ServiceGraphAggregator();
    for (const b of buckets) out.merge(b);
    return out;
  }

  result(window: { start: number; end: number }): Service[] {
    return toServices(this, window);
  }
}

/** Builds the graph of `traces` in one go (GetTraceGraph, tests). */
export function buildServiceGraph(
  traces: Iterable<TraceFacts>,
  window: { start: number; end: number },
): Service[] {
  const agg = new ServiceGraphAggregator();
  for (const t of traces) agg.add(t);
  return agg.result(window);
}

function rank(n: NodeAgg): number {
  return n.client ? 0 : n.rootTraces > 0 ? 1 : 2;
}

function compareNodes(a: NodeAgg, b: NodeAgg): number {
  return (
    rank(a) - rank(b) ||
    (a.id.Name < b.id.Name ? -1 : a.id.Name > b.id.Name ? 1 : 0) ||
    (a.id.Type < b.id.Type ? -1 : a.id.Type > b.id.Type ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function clampTimes(agg: { start: number; end: number }, window: { start: number; end: number }) {
  const start = Number.isFinite(agg.start) ? Math.max(agg.start, window.start) : window.start;
  const end = Number.isFinite(agg.end) ? Math.min(agg.end, window.end) : window.end;
  return { StartTime: start, EndTime: Math.max(start, end) };
}

/** Renders a bucket as the wire `Service[]`. */
export function toServices(bucket: GraphBucket, window: { start: number; end: number }): Service[] {
  const nodes = [...bucket.nodes.values()].sort(compareNodes);
  const refs = new Map<string, number>();
  for (const [i, n] of nodes.entries()) refs.set(n.key, i);
  const outgoing = new Map<string, EdgeAgg[]>();
  for (const e of bucket.edges.values()) {
    const list = outgoing.get(e.from);
    if (list === undefined) outgoing.set(e.from, [e]);
    else list.push(e);
  }
  return nodes.map((n, i) => {
    const edges: Edge[] = (outgoing.get(n.key) ?? [])
      .filter((e) => refs.has(e.to))
      .sort((a, b) => (refs.get(a.to) as number) - (refs.get(b.to) as number))
      .map((e) => ({
        ReferenceId: refs.get(e.to) as number,
        ...clampTimes(e, window),
        SummaryStatistics: toServiceStatistics(e.stats),
        ResponseTimeHistogram: toHistogramEntries(e.responseTime),
        Aliases: [],
      }));
    const service: Service = { ReferenceId: i, Name: n.id.Name, Names: [n.id.Name] };
    if (n.rootTraces > 0 && !n.client) service.Root = true;
    if (n.id.AccountId !== undefined) service.AccountId = n.id.AccountId;
    if (n.id.Type !== '') service.Type = n.id.Type;
    service.State = n.client || n.inferred ? 'unknown' : 'active';
    Object.assign(service, clampTimes(n, window));
    service.Edges = edges;
    if (!n.client) {
      service.SummaryStatistics = toServiceStatistics(n.stats);
      service.DurationHistogram = toHistogramEntries(n.duration);
      service.ResponseTimeHistogram = toHistogramEntries(n.responseTime);
    }
    return service;
  });
}
