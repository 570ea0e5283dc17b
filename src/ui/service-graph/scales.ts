import { scaleLog, scaleSqrt } from 'd3-scale';
import type { MapEdgeData, MapNodeData } from './graph-elements.ts';
import type { MapPalette } from './palette.ts';

/** What the map colours by: X-Ray's health ring, or average response time. */
export type ColorMode = 'health' | 'latency';

/** Per-element visual values the stylesheet reads from data(): sizes, widths, colours. */
export interface NodeVisual {
  size: number;
  /** Ring colour in latency mode. */
  latColor: string;
}
export interface EdgeVisual {
  width: number;
  color: string;
}

export const NODE_SIZE = { min: 44, max: 76 } as const;
export const EDGE_WIDTH = { min: 1.2, max: 9 } as const;

/**
 * Node size and edge width by traffic (square root, so area grows with requests per minute),
 * edge colour by outcome in health mode or by average response time in latency mode.
 * Domains come from the graph itself, so a quiet system still shows contrast.
 */
export function computeVisuals(
  nodes: readonly MapNodeData[],
  edges: readonly MapEdgeData[],
  mode: ColorMode,
  palette: MapPalette,
): { nodes: Map<string, NodeVisual>; edges: Map<string, EdgeVisual> } {
  const maxNodeRate = Math.max(1e-9, ...nodes.map((n) => n.perMinute));
  const maxEdgeRate = Math.max(1e-9, ...edges.map((e) => e.perMinute));
  const size = scaleSqrt()
    .domain([0, maxNodeRate])
    .range([NODE_SIZE.min, NODE_SIZE.max])
    .clamp(true);
  const width = scaleSqrt()
    .domain([0, maxEdgeRate])
    .range([EDGE_WIDTH.min, EDGE_WIDTH.max])
    .clamp(true);
  const latency = latencyScale(
    [...nodes, ...edges].map((x) => x.avgResponseTime),
    palette,
  );
  const nodeVisuals = new Map<string, NodeVisual>();
  for (const n of nodes)
    nodeVisuals.set(n.id, {
      size: n.client ? NODE_SIZE.min : Math.round(size(n.perMinute)),
      latColor: n.avgResponseTime === undefined ? palette.border : latency.color(n.avgResponseTime),
    });
  const edgeVisuals = new Map<string, EdgeVisual>();
  for (const e of edges)
    edgeVisuals.set(e.id, {
      width: Math.round(width(e.perMinute) * 10) / 10,
      color:
        mode === 'latency'
          ? e.avgResponseTime === undefined
            ? palette.border
            : latency.color(e.avgResponseTime)
          : healthColor(e, palette),
    });
  return { nodes: nodeVisuals, edges: edgeVisuals };
}

/** Edge shares from which a call is drawn in the fault or error colour. */
export const EDGE_ALERT = { fault: 0.005, error: 0.05 } as const;

/**
 * An edge's colour in health mode, in three steps rather than a gradient: at 3 a.m. "this call
 * faults" must not drown in a map where every edge carries a few 404s.
 */
function healthColor(e: MapEdgeData, p: MapPalette): string {
  if ((e.health?.fault ?? 0) >= EDGE_ALERT.fault) return p.fault;
  if (e.errorRate >= EDGE_ALERT.error) return p.error;
  return p.border;
}

/**
 * Log-scaled response-time colour over the graph's own range (1 ms … 10 s at most), with the
 * ticks the legend shows.
 */
export function latencyScale(
  values: readonly (number | undefined)[],
  palette: MapPalette,
): { color: (seconds: number) => string; domain: [number, number]; ticks: number[] } {
  const vs = values.filter((v): v is number => v !== undefined && v > 0);
  let lo = Math.max(0.001, Math.min(...vs, 10));
  let hi = Math.min(10, Math.max(...vs, 0.001));
  if (!(hi > lo * 1.5)) {
    lo = Math.max(0.001, lo / 2);
    hi = Math.max(hi * 2, lo * 4);
  }
  const mid = Math.sqrt(lo * hi);
  const scale = scaleLog<string>()
    .domain([lo, mid, hi])
    .range([...palette.latency])
    .clamp(true);
  return { color: (s) => scale(Math.max(s, lo)), domain: [lo, hi], ticks: [lo, mid, hi] };
}
