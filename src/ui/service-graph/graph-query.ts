/**
 * Questions asked of the service graph by the map's controls: a node's neighbourhood, the path
 * between two nodes, unhealthy nodes and their callers, nodes matching a name pattern. Pure and
 * linear in the size of the graph.
 */

export interface QueryNode {
  id: string;
  name: string;
  /** Non-ok share of requests, 0..1. */
  errorRate: number;
}
export interface QueryEdge {
  id: string;
  source: string;
  target: string;
}
export interface QueryGraph {
  nodes: readonly QueryNode[];
  edges: readonly QueryEdge[];
}

function adjacency(g: QueryGraph, direction: 'out' | 'in' | 'both') {
  const adj = new Map<string, { node: string; edge: string }[]>();
  for (const n of g.nodes) adj.set(n.id, []);
  for (const e of g.edges) {
    if (direction !== 'in') adj.get(e.source)?.push({ node: e.target, edge: e.id });
    if (direction !== 'out') adj.get(e.target)?.push({ node: e.source, edge: e.id });
  }
  return adj;
}

/** Nodes within `hops` calls of `id`, in either direction, and the edges among them. */
export function neighbourhood(
  g: QueryGraph,
  id: string,
  hops: number,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  if (!g.nodes.some((n) => n.id === id)) return { nodes, edges: new Set() };
  const adj = adjacency(g, 'both');
  nodes.add(id);
  let frontier = [id];
  for (let h = 0; h < hops && frontier.length; h++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const { node } of adj.get(v) ?? [])
        if (!nodes.has(node)) {
          nodes.add(node);
          next.push(node);
        }
    frontier = next;
  }
  return { nodes, edges: edgesWithin(g, nodes) };
}

/**
 * The shortest chain of calls from `from` to `to`, following call direction; when none exists
 * (the two are siblings), the shortest chain ignoring direction. Undefined when not connected.
 */
export function shortestPath(
  g: QueryGraph,
  from: string,
  to: string,
): { nodes: string[]; edges: string[] } | undefined {
  return bfsPath(adjacency(g, 'out'), from, to) ?? bfsPath(adjacency(g, 'both'), from, to);
}

function bfsPath(
  adj: Map<string, { node: string; edge: string }[]>,
  from: string,
  to: string,
): { nodes: string[]; edges: string[] } | undefined {
  if (!adj.has(from) || !adj.has(to)) return undefined;
  const prev = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    if (v === to) break;
    for (const step of adj.get(v)!) {
      if (prev.has(step.node)) continue;
      prev.set(step.node, { node: v, edge: step.edge });
      queue.push(step.node);
    }
  }
  if (!prev.has(to)) return undefined;
  const nodes = [to];
  const edges: string[] = [];
  for (let step = prev.get(to); step; step = prev.get(step.node)) {
    nodes.push(step.node);
    edges.push(step.edge);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}

/**
 * Nodes with any non-ok request (error, throttle or fault share above `threshold`) and every node
 * upstream of them: who is failing and who is affected by it.
 */
export function unhealthyAndCallers(g: QueryGraph, threshold = 0): Set<string> {
  const callers = adjacency(g, 'in');
  const keep = new Set<string>();
  const queue = g.nodes.filter((n) => n.errorRate > threshold).map((n) => n.id);
  for (const id of queue) keep.add(id);
  for (let i = 0; i < queue.length; i++)
    for (const { node } of callers.get(queue[i]!) ?? [])
      if (!keep.has(node)) {
        keep.add(node);
        queue.push(node);
      }
  return keep;
}

/**
 * A name filter from what a person types: comma-separated terms, case-insensitive; a term with
 * `*` is a wildcard pattern matched against the whole name, any other term a substring.
 * Returns undefined for an empty pattern (nothing is filtered).
 */
export function namePattern(pattern: string): ((name: string) => boolean) | undefined {
  const terms = pattern
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (!terms.length) return undefined;
  const tests = terms.map((t) => {
    if (!t.includes('*')) return (name: string) => name.toLowerCase().includes(t);
    const re = new RegExp(
      `^${t
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return (name: string) => re.test(name.toLowerCase());
  });
  return (name) => tests.some((t) => t(name));
}

/** Edges whose two ends are both in `nodes`. */
export function edgesWithin(g: QueryGraph, nodes: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const e of g.edges) if (nodes.has(e.source) && nodes.has(e.target)) out.add(e.id);
  return out;
}

/** The first node whose name equals `query` (case-insensitive), else the first containing it. */
export function findNode<N extends QueryNode>(nodes: readonly N[], query: string): N | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  return (
    nodes.find((n) => n.name.toLowerCase() === q) ??
    nodes.find((n) => n.name.toLowerCase().includes(q))
  );
}
