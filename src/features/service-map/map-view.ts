import type { MapGraph } from '../../ui/service-graph/graph-elements.ts';
import {
  namePattern,
  neighbourhood,
  type QueryGraph,
  shortestPath,
  unhealthyAndCallers,
} from '../../ui/service-graph/graph-query.ts';
import type { HealthStatus } from '../../ui/service-graph/health.ts';
import type { MapViewState } from '../../ui/service-graph/map-renderer.ts';

export interface MapViewParams {
  hide?: string;
  unhealthy?: boolean;
  focus?: string;
  hops?: number;
  status?: HealthStatus;
  /** Highlight the path between two node ids. */
  path?: readonly [string, string];
}

export interface MapViewResult extends MapViewState {
  /** Nodes shown (all when nothing filters). */
  shown: number;
  /** The path asked for, or undefined when the two nodes are not connected. */
  path?: { nodes: string[]; edges: string[] };
}

/** The graph as the pure queries see it. */
export function queryGraph(graph: MapGraph): QueryGraph {
  return { nodes: graph.nodes.map((n) => n.data), edges: graph.edges.map((e) => e.data) };
}

/**
 * What the map shows and emphasises for the URL's filters: unhealthy-only, then the name filter,
 * then the focused neighbourhood; a path (or else a status) is emphasised and everything else
 * faded. Nodes on a highlighted path always stay visible.
 */
export function mapView(graph: MapGraph, p: MapViewParams): MapViewResult {
  const q = queryGraph(graph);
  let visible: Set<string> | undefined;
  const restrict = (keep: (id: string) => boolean) => {
    visible = new Set([...(visible ?? q.nodes.map((n) => n.id))].filter(keep));
  };
  if (p.unhealthy) {
    const keep = unhealthyAndCallers(q);
    restrict((id) => keep.has(id));
  }
  const hidden = p.hide ? namePattern(p.hide) : undefined;
  if (hidden) {
    const byId = new Map(q.nodes.map((n) => [n.id, n.name]));
    restrict((id) => !hidden(byId.get(id) ?? ''));
  }
  if (p.focus) {
    const around = neighbourhood(q, p.focus, p.hops ?? 1).nodes;
    if (around.size) restrict((id) => around.has(id));
  }

  let emphasis: MapViewState['emphasis'];
  let path: MapViewResult['path'];
  if (p.path) {
    path = shortestPath(q, p.path[0], p.path[1]);
    if (path) {
      emphasis = { nodes: new Set(path.nodes), edges: new Set(path.edges) };
      if (visible) for (const id of path.nodes) visible.add(id);
    }
  } else if (p.status && p.status !== 'ok') {
    const status = p.status;
    const nodes = new Set(
      graph.nodes.filter((n) => (n.data.health?.[status] ?? 0) > 0).map((n) => n.data.id),
    );
    const edges = new Set(
      graph.edges.filter((e) => (e.data.health?.[status] ?? 0) > 0).map((e) => e.data.id),
    );
    emphasis = { nodes, edges };
  }
  const shown = visible ? (visible as Set<string>).size : q.nodes.length;
  return {
    ...(visible ? { visible } : {}),
    ...(emphasis ? { emphasis } : {}),
    ...(path ? { path } : {}),
    shown,
  };
}
