import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import type { MapEdgeData, MapGraph, MapNodeData } from './graph-elements.ts';
import { findNode } from './graph-query.ts';
import type { HealthStatus } from './health.ts';
import {
  type LayoutInput,
  layeredLayout,
  type Point,
  type Positions,
  stableLayout,
} from './layered-layout.ts';
import { mapStylesheet, RING } from './map-style.ts';
import type { MapPalette } from './palette.ts';
import { type ColorMode, computeVisuals } from './scales.ts';

/**
 * The framework-free service-map renderer: owns one Cytoscape instance, takes whole graphs and
 * applies only the difference, keeps every node it has placed where it is, and reports what the
 * person does through `handlers`. No React: the page (or the timeline's trace map) hosts it.
 */

export type MapSelection = { kind: 'node' | 'edge'; id: string } | undefined;

export interface MapHandlers {
  /** A node or edge was tapped (undefined: the background). */
  onSelect?(selection: MapSelection): void;
  /** A slice of a node's health ring was tapped (health mode only): selects the node too. */
  onSliceClick?(nodeId: string, status: HealthStatus): void;
  onHover?(id: string | undefined): void;
  /** Positions of nodes placed by a layout or moved by a drag, for the caller's cache. */
  onPositions?(positions: Positions): void;
  /** The first graph has been drawn. */
  onReady?(): void;
}

export interface MapViewState {
  /** Nodes to show; undefined shows all (edges show when both ends do). */
  visible?: ReadonlySet<string>;
  /** Elements to emphasise (a path, a status); everything else is faded. */
  emphasis?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
}

export interface MapRenderer {
  /** Replaces the graph; `cached` are positions to keep for nodes seen before. */
  setGraph(graph: MapGraph, cached?: ReadonlyMap<string, Point>): void;
  setSelection(selection: MapSelection): void;
  setColorMode(mode: ColorMode): void;
  setPalette(palette: MapPalette): void;
  setView(view: MapViewState): void;
  /** Fits the given nodes (and the edges among them) into view. */
  focus(ids: Iterable<string>): void;
  /** Fits everything visible into view. */
  fit(): void;
  /** Forgets where nodes were and lays the whole graph out again. */
  relayout(): void;
  /** Highlights and centres the node best matching `query` by name; returns its id. */
  search(query: string): string | undefined;
  /** Centres a node without changing the zoom (unless it is very far out). */
  reveal(id: string): void;
  destroy(): void;
  /** The Cytoscape instance, for tests and benchmarks only. */
  readonly cy: Core;
}

export interface MapRendererOptions {
  palette: MapPalette;
  colorMode: ColorMode;
}

const FIT_PADDING = 40;

export function createMapRenderer(
  container: HTMLElement,
  handlers: MapHandlers,
  options: MapRendererOptions,
): MapRenderer {
  let palette = options.palette;
  let mode = options.colorMode;
  let graph: MapGraph = { nodes: [], edges: [] };
  let selection: MapSelection;
  let view: MapViewState = {};
  let ready = false;
  const signatures = new Map<string, string>();

  const cy = cytoscape({
    container,
    style: mapStylesheet(palette, mode),
    layout: { name: 'preset' },
    minZoom: 0.03,
    maxZoom: 4,
    // Selection is owned by the URL: taps report, `setSelection` draws.
    autounselectify: true,
    boxSelectionEnabled: false,
    // Pan and zoom move a snapshot of the drawn map; the full redraw follows when motion stops.
    // Without it, 500 services and 1,400 edges drop frames whenever Cytoscape re-renders its
    // per-zoom-level element textures (bench/map.bench.ts: p95 frame 66 ms → 17 ms).
    textureOnViewport: true,
    motionBlur: false,
  });

  const nodeOfEvent = (e: EventObject) => e.target as NodeSingular;

  cy.on('tap', 'node', (e) => {
    const node = nodeOfEvent(e);
    const status =
      mode === 'health' && handlers.onSliceClick ? sliceAt(node, e.position) : undefined;
    if (status) handlers.onSliceClick?.(node.id(), status);
    else handlers.onSelect?.({ kind: 'node', id: node.id() });
  });
  cy.on('tap', 'edge', (e) => handlers.onSelect?.({ kind: 'edge', id: e.target.id() }));
  cy.on('tap', (e) => {
    if (e.target === cy) handlers.onSelect?.(undefined);
  });
  cy.on('mouseover', 'node, edge', (e) => {
    const ele = e.target as cytoscape.SingularElementArgument;
    ele.addClass('hover');
    if (ele.isNode()) ele.connectedEdges().addClass('hover');
    handlers.onHover?.(ele.id());
  });
  cy.on('mouseout', 'node, edge', (e) => {
    const ele = e.target as cytoscape.SingularElementArgument;
    ele.removeClass('hover');
    if (ele.isNode()) ele.connectedEdges().removeClass('hover');
    handlers.onHover?.(undefined);
  });
  cy.on('dragfree', 'node', (e) => {
    const node = nodeOfEvent(e);
    handlers.onPositions?.(new Map([[node.id(), { ...node.position() }]]));
  });

  /**
   * Brings Cytoscape's elements in line with `graph` plus the visuals of the current mode and
   * palette. Data is set only where an element's signature changed, so untouched elements keep
   * their cached style and textures; new elements get `positions`.
   */
  function sync(positions?: Positions) {
    const v = computeVisuals(
      graph.nodes.map((n) => n.data),
      graph.edges.map((e) => e.data),
      mode,
      palette,
    );
    const additions: cytoscape.ElementDefinition[] = [];
    const put = (id: string, data: object, signature: string, group: 'nodes' | 'edges') => {
      const ele = cy.getElementById(id);
      if (ele.empty()) {
        signatures.set(id, signature);
        const position = positions?.get(id);
        additions.push({ group, data, ...(position ? { position: { ...position } } : {}) });
      } else if (signatures.get(id) !== signature) {
        signatures.set(id, signature);
        ele.data(data);
      }
    };
    cy.batch(() => {
      for (const { data } of graph.nodes) {
        const visual = v.nodes.get(data.id)!;
        put(
          data.id,
          { ...data, ...visual },
          `${nodeSignature(data)}|${visual.size}|${visual.latColor}`,
          'nodes',
        );
      }
      for (const { data } of graph.edges) {
        const visual = v.edges.get(data.id)!;
        put(
          data.id,
          { ...data, ...visual },
          `${edgeSignature(data)}|${visual.width}|${visual.color}`,
          'edges',
        );
      }
      if (additions.length) cy.add(additions);
    });
  }

  function applySelection() {
    const id = selection?.id;
    setClass(cy.elements(), 'sel', (ele) => ele.id() === id);
  }

  function applyView() {
    const { visible, emphasis } = view;
    cy.batch(() => {
      setClass(cy.elements('node'), 'hidden', (n) => visible !== undefined && !visible.has(n.id()));
      setClass(
        cy.elements('node'),
        'faded',
        (n) => emphasis !== undefined && !emphasis.nodes.has(n.id()),
      );
      setClass(
        cy.elements('edge'),
        'faded',
        (e) => emphasis !== undefined && !emphasis.edges.has(e.id()),
      );
    });
  }

  function setGraph(next: MapGraph, cached: ReadonlyMap<string, Point> = new Map()) {
    graph = next;
    const ids = new Set<string>();
    for (const n of next.nodes) ids.add(n.data.id);
    for (const e of next.edges) ids.add(e.data.id);
    const known = new Map(cached);
    cy.nodes().forEach((n) => {
      known.set(n.id(), { ...n.position() });
    });
    const { positions, added } = stableLayout(layoutInput(next), known);
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!ids.has(ele.id())) {
          signatures.delete(ele.id());
          ele.remove();
        }
      });
    });
    sync(positions);
    applySelection();
    applyView();
    if (added.length) {
      const placed: Positions = new Map();
      for (const id of added) placed.set(id, positions.get(id)!);
      handlers.onPositions?.(placed);
    }
    if (!ready && next.nodes.length) {
      ready = true;
      fitTo(cy, cy.elements());
      cy.one('render', () => handlers.onReady?.());
    }
  }

  function visibleElements() {
    return cy.elements().not('.hidden');
  }

  return {
    cy,
    setGraph,
    setSelection(next) {
      selection = next;
      applySelection();
    },
    setColorMode(next) {
      if (next === mode) return;
      mode = next;
      cy.style(mapStylesheet(palette, mode));
      sync();
    },
    setPalette(next) {
      if (JSON.stringify(next) === JSON.stringify(palette)) return;
      palette = next;
      cy.style(mapStylesheet(palette, mode));
      sync();
    },
    setView(next) {
      view = next;
      applyView();
    },
    focus(ids) {
      let eles = cy.collection();
      for (const id of ids) eles = eles.union(cy.getElementById(id));
      if (eles.empty()) return;
      cy.animate(fitViewport(cy, eles), { duration: 250 });
    },
    fit() {
      cy.animate(fitViewport(cy, visibleElements()), { duration: 250 });
    },
    search(query) {
      cy.$('.found').removeClass('found');
      const hit = findNode(
        graph.nodes.map((n) => n.data).filter((n) => !cy.getElementById(n.id).hasClass('hidden')),
        query,
      );
      if (!hit) return undefined;
      const node = cy.getElementById(hit.id);
      node.addClass('found');
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
      return hit.id;
    },
    reveal(id) {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.6) }, { duration: 250 });
    },
    relayout() {
      const positions = layeredLayout(layoutInput(graph));
      cy.batch(() => {
        for (const [id, p] of positions) cy.getElementById(id).position({ ...p });
      });
      fitTo(cy, visibleElements());
      handlers.onPositions?.(positions);
    },
    destroy() {
      cy.destroy();
    },
  };
}

/**
 * Gives `cls` to exactly the elements matching `wanted`. Cytoscape restyles every element a
 * class call touches, changed or not, so only the ones whose state flips are touched: with 2,000
 * elements that is the difference between a no-op and a full restyle.
 */
function setClass(
  eles: cytoscape.Collection,
  cls: string,
  wanted: (ele: cytoscape.SingularElementArgument) => boolean,
): void {
  eles.filter((ele) => wanted(ele) && !ele.hasClass(cls)).addClass(cls);
  eles.filter((ele) => !wanted(ele) && ele.hasClass(cls)).removeClass(cls);
}

/**
 * The zoom and pan that fit the nodes of `eles`, from their positions and sizes only.
 * Cytoscape's own fit computes every element's bounds first (labels, edge curves), which on 500
 * nodes and 1,500 edges costs more than the whole layout.
 */
function fitViewport(cy: Core, eles: cytoscape.CollectionArgument): { zoom: number; pan: Point } {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  eles.nodes().forEach((n) => {
    const p = n.position();
    const r = (Number(n.data('size')) || 60) / 2;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
  });
  if (!Number.isFinite(x1)) return { zoom: cy.zoom(), pan: cy.pan() };
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(
      cy.minZoom(),
      Math.min(
        (cy.width() - 2 * FIT_PADDING) / Math.max(x2 - x1, 1),
        (cy.height() - 2 * FIT_PADDING) / Math.max(y2 - y1, 1),
      ),
    ),
  );
  return {
    zoom,
    pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 },
  };
}

function fitTo(cy: Core, eles: cytoscape.CollectionArgument): void {
  cy.viewport(fitViewport(cy, eles));
}

function layoutInput(graph: MapGraph): LayoutInput {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.data.id, source: n.data.client })),
    edges: graph.edges.map((e) => e.data),
  };
}

function nodeSignature(d: MapNodeData): string {
  return `${d.label}|${d.pieOk}|${d.pieError}|${d.pieThrottle}|${d.pieFault}|${d.pieNone}|${d.healthText}`;
}

function edgeSignature(d: MapEdgeData): string {
  return `${d.label}|${d.perMinute}|${d.errorRate}|${d.avgResponseTime}`;
}

/** Which slice of the health ring a tap at `at` (model coordinates) landed on, if any. */
function sliceAt(node: NodeSingular, at: Point): HealthStatus | undefined {
  const c = node.position();
  const dx = at.x - c.x;
  const dy = at.y - c.y;
  const radius = (Math.min(node.width(), node.height()) / 2) * RING.size;
  const dist = Math.hypot(dx, dy);
  if (dist > radius || dist < radius * RING.hole) return undefined;
  // Cytoscape draws slices clockwise from 12 o'clock; y grows downwards.
  let angle = Math.atan2(dx, -dy);
  if (angle < 0) angle += 2 * Math.PI;
  const share = (angle / (2 * Math.PI)) * 100;
  const d = node.data() as MapNodeData;
  let end = 0;
  for (const [status, size] of [
    ['ok', d.pieOk],
    ['error', d.pieError],
    ['throttle', d.pieThrottle],
    ['fault', d.pieFault],
  ] as const) {
    end += size;
    if (share < end) return status;
  }
  return undefined;
}
