import { scaleLinear, scaleLog, scaleSqrt } from 'd3-scale';
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
 * edge colour by error share in health mode or by average response time in latency mode.
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
  const errorColor = scaleLinear<string>()
    .domain([0, 0.02, 0.2])
    .range([palette.border, palette.error, palette.fault])
    .clamp(true);

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
          : e.health?.fault
            ? // Any fault on a call shows, even a small share.
              errorColor(Math.max(0.02, e.errorRate))
            : errorColor(e.errorRate),
    });
  return { nodes: nodeVisuals, edges: edgeVisuals };
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
