import { formatDuration } from '../../lib/format.ts';
import type { Edge, HistogramEntry, Service, ServiceStatistics } from '../../xray/types.ts';
import {
  type HealthCounts,
  type HealthFractions,
  healthBadge,
  healthCounts,
  healthFractions,
} from './health.ts';
import { edgeId, nodeId } from './node-id.ts';
import { type NodeKind, nodeKind } from './node-kind.ts';

/**
 * GetServiceGraph `Services` → the service map's elements, in Cytoscape's element-definition
 * shape. Pure: everything the stylesheet maps (ring shares, labels, widths) is precomputed here
 * so the renderer never derives per frame, and a plain-data test covers it.
 */

/** Counters and derived rates of one node or edge over the window. */
interface Traffic {
  counts: HealthCounts;
  /** Undefined when nothing completed in the window. */
  health: HealthFractions | undefined;
  /** Average response time in seconds. */
  avgResponseTime: number | undefined;
  /** Requests per minute over the window. */
  perMinute: number;
  /** Non-ok share (error + throttle + fault), 0 with no requests. */
  errorRate: number;
  /** "12% fault", "healthy" or "no requests". */
  healthText: string;
  histogram: HistogramEntry[];
}

export interface MapNodeData extends Traffic {
  id: string;
  name: string;
  /** X-Ray type ('' when the segment had no origin). */
  type: string;
  kind: NodeKind;
  /** An entry point of traces. */
  root: boolean;
  client: boolean;
  /** Drawn by X-Ray from calls to it (an AWS resource or a remote host), not instrumented. */
  inferred: boolean;
  /** Ring slices, in percent for Cytoscape's pie: ok, error, throttle, fault, and "no data". */
  pieOk: number;
  pieError: number;
  pieThrottle: number;
  pieFault: number;
  pieNone: number;
  /** Multi-line canvas label: name, latency · traffic, health badge when not healthy. */
  label: string;
}

export interface MapEdgeData extends Traffic {
  id: string;
  source: string;
  target: string;
  /** `EdgeType: link`: an asynchronous connection (a queue or topic delivering). */
  async: boolean;
  /** Shown on hover or selection. */
  label: string;
}

export interface MapGraph {
  nodes: { group: 'nodes'; data: MapNodeData }[];
  edges: { group: 'edges'; data: MapEdgeData }[];
}

export interface BuildOptions {
  /** Length of the queried window in seconds: turns counts into requests per minute. */
  windowSeconds: number;
}

const MAX_LABEL_NAME = 36;

export function buildMapGraph(services: readonly Service[], opts: BuildOptions): MapGraph {
  const minutes = Math.max(opts.windowSeconds, 1) / 60;
  const idByRef = new Map<number, string>();
  const nodes: MapGraph['nodes'] = [];
  const seen = new Set<string>();

  for (const s of services) {
    const name = s.Name ?? s.Names?.[0] ?? `#${s.ReferenceId ?? nodes.length}`;
    let id = nodeId(s.Type, name);
    // Same name and type in two accounts: keep both, told apart by account.
    if (seen.has(id)) id = `${id}@${s.AccountId ?? s.ReferenceId ?? nodes.length}`;
    seen.add(id);
    if (s.ReferenceId !== undefined) idByRef.set(s.ReferenceId, id);
    const client = s.Type === 'client';
    // X-Ray gives the client node no statistics: its traffic is what it sends.
    const stats = client ? sumStats(s.Edges ?? []) : s.SummaryStatistics;
    const traffic = trafficOf(stats, s.ResponseTimeHistogram, minutes);
    nodes.push({
      group: 'nodes',
      data: {
        id,
        name,
        type: s.Type ?? '',
        kind: nodeKind(s.Type),
        root: s.Root === true,
        client,
        inferred: !client && s.State !== 'active',
        ...traffic,
        ...pie(traffic.health),
        label: nodeLabel(name, traffic, client),
      },
    });
  }

  const edges: MapGraph['edges'] = [];
  const edgeIds = new Set<string>();
  for (const s of services) {
    const source = s.ReferenceId === undefined ? undefined : idByRef.get(s.ReferenceId);
    if (source === undefined) continue;
    for (const e of s.Edges ?? []) {
      const target = e.ReferenceId === undefined ? undefined : idByRef.get(e.ReferenceId);
      if (target === undefined) continue;
      let id = edgeId(source, target);
      if (edgeIds.has(id)) id = `${id} #${edges.length}`;
      edgeIds.add(id);
      const traffic = trafficOf(e.SummaryStatistics, e.ResponseTimeHistogram, minutes);
      edges.push({
        group: 'edges',
        data: {
          id,
          source,
          target,
          async: e.EdgeType === 'link',
          ...traffic,
          label: trafficLine(traffic, false, true),
        },
      });
    }
  }
  return { nodes, edges };
}

function trafficOf(
  stats: ServiceStatistics | undefined,
  histogram: HistogramEntry[] | undefined,
  minutes: number,
): Traffic {
  const counts = healthCounts(stats);
  const health = healthFractions(stats);
  const total = Math.max(counts.total, stats?.TotalCount ?? 0);
  const rt = stats?.TotalResponseTime;
  return {
    counts,
    health,
    avgResponseTime: total > 0 && typeof rt === 'number' ? rt / total : undefined,
    perMinute: total / minutes,
    errorRate: health ? 1 - health.ok : 0,
    healthText: healthBadge(health),
    histogram: histogram ?? [],
  };
}

/** Sum of the statistics of a set of edges (the client node's traffic). */
function sumStats(edges: readonly Edge[]): ServiceStatistics {
  const sum = {
    OkCount: 0,
    ErrorStatistics: { ThrottleCount: 0, OtherCount: 0, TotalCount: 0 },
    FaultStatistics: { OtherCount: 0, TotalCount: 0 },
    TotalCount: 0,
    TotalResponseTime: 0,
  };
  for (const e of edges) {
    const c = healthCounts(e.SummaryStatistics);
    sum.OkCount += c.ok;
    sum.ErrorStatistics.ThrottleCount += c.throttle;
    sum.ErrorStatistics.OtherCount += c.error;
    sum.ErrorStatistics.TotalCount += c.throttle + c.error;
    sum.FaultStatistics.OtherCount += c.fault;
    sum.FaultStatistics.TotalCount += c.fault;
    sum.TotalCount += Math.max(c.total, e.SummaryStatistics?.TotalCount ?? 0);
    sum.TotalResponseTime += e.SummaryStatistics?.TotalResponseTime ?? 0;
  }
  return sum;
}

/**
 * Ring slices in whole-ish percent. Cytoscape clamps a pie that sums past 100%, so the shares are
 * rounded to 0.1 and a tiny non-zero share gets at least 1% of the ring (still readable).
 */
function pie(
  h: HealthFractions | undefined,
): Pick<MapNodeData, 'pieOk' | 'pieError' | 'pieThrottle' | 'pieFault' | 'pieNone'> {
  if (!h) return { pieOk: 0, pieError: 0, pieThrottle: 0, pieFault: 0, pieNone: 100 };
  const visible = (f: number) => (f > 0 ? Math.max(1, Math.round(f * 1000) / 10) : 0);
  const pieFault = visible(h.fault);
  const pieThrottle = visible(h.throttle);
  const pieError = visible(h.error);
  const pieOk = Math.max(0, Math.round((100 - pieFault - pieThrottle - pieError) * 10) / 10);
  return { pieOk, pieError, pieThrottle, pieFault, pieNone: 0 };
}

/** "412 ms · 35/min", client nodes only the rate; plus the health badge on edges when asked. */
export function trafficLine(t: Traffic, client: boolean, withHealth: boolean): string {
  if (t.counts.total === 0) return 'no requests';
  const parts = [];
  if (!client && t.avgResponseTime !== undefined) parts.push(formatDuration(t.avgResponseTime));
  parts.push(`${formatRate(t.perMinute)}/min`);
  if (withHealth && t.errorRate > 0) parts.push(t.healthText);
  return parts.join(' · ');
}

function nodeLabel(name: string, t: Traffic, client: boolean): string {
  const shown = name.length > MAX_LABEL_NAME ? `${name.slice(0, MAX_LABEL_NAME - 1)}…` : name;
  const lines = [shown, trafficLine(t, client, false)];
  if (t.errorRate > 0) lines.push(t.healthText);
  return lines.join('\n');
}

/** "35", "2.4", "0.07", "1.2k" requests per minute. */
export function formatRate(perMinute: number): string {
  if (perMinute >= 10_000) return `${(perMinute / 1000).toFixed(0)}k`;
  if (perMinute >= 1000) return `${(perMinute / 1000).toFixed(1)}k`;
  if (perMinute >= 10) return perMinute.toFixed(0);
  if (perMinute >= 1) return perMinute.toFixed(1);
  if (perMinute === 0) return '0';
  return perMinute.toFixed(2);
}
