import type { StylesheetJson } from 'cytoscape';
import { kindIcon } from './icons.ts';
import { KIND_SHAPE, type NodeKind } from './node-kind.ts';
import type { MapPalette } from './palette.ts';
import type { ColorMode } from './scales.ts';

/** The ring: outer diameter and hole, as shares of the node. */
export const RING = { size: 0.92, hole: 0.66 } as const;

/**
 * The map's Cytoscape stylesheet for one palette and colour mode. Everything per element comes
 * from data() fields that graph-elements.ts and scales.ts precomputed, so a style pass is a
 * lookup, never a computation.
 *
 * Classes the renderer toggles: `sel` (selected, from the URL), `hover`, `found` (search hit),
 * `path` (highlighted path), `faded` (outside the focus, path or status filter), `hidden`.
 */
export function mapStylesheet(p: MapPalette, mode: ColorMode): StylesheetJson {
  const kinds = Object.keys(KIND_SHAPE) as NodeKind[];
  const ring =
    mode === 'health'
      ? {
          'pie-1-background-color': p.ok,
          'pie-1-background-size': 'data(pieOk)',
          'pie-2-background-color': p.error,
          'pie-2-background-size': 'data(pieError)',
          'pie-3-background-color': p.throttle,
          'pie-3-background-size': 'data(pieThrottle)',
          'pie-4-background-color': p.fault,
          'pie-4-background-size': 'data(pieFault)',
          'pie-5-background-color': p.border,
          'pie-5-background-size': 'data(pieNone)',
        }
      : {
          'pie-1-background-color': 'data(latColor)',
          'pie-1-background-size': 100,
          'pie-2-background-size': 0,
          'pie-3-background-size': 0,
          'pie-4-background-size': 0,
          'pie-5-background-size': 0,
        };
  const sheet = [
    // What shows beyond the moving snapshot while panning (see textureOnViewport).
    {
      selector: 'core',
      style: { 'outside-texture-bg-color': p.bg, 'outside-texture-bg-opacity': 1 },
    },
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': p.surface,
        'border-width': 1.5,
        'border-color': p.textMuted,
        'pie-size': `${RING.size * 100}%`,
        'pie-hole': `${RING.hole * 100}%`,
        ...ring,
        'background-width': '62%',
        'background-height': '62%',
        label: 'data(label)',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '190px',
        'font-size': 11,
        'line-height': 1.25,
        color: p.text,
        'text-background-color': p.bg,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        // Labels vanish when they would be unreadably small: cheaper frames, calmer overview.
        'min-zoomed-font-size': 7,
      },
    },
    ...kinds.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: KIND_SHAPE[kind], 'background-image': kindIcon(kind, p.text) },
    })),
    { selector: 'node[?inferred]', style: { 'border-style': 'dashed' } },
    { selector: 'node[?client]', style: { 'border-width': 2 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        opacity: 0.9,
        label: '',
        'font-size': 10,
        color: p.text,
        'text-background-color': p.bg,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-rotation': 'none',
      },
    },
    { selector: 'edge[?async]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge.hover, edge.sel, edge.path',
      style: { label: 'data(label)', 'z-index': 10 },
    },
    {
      selector: 'node.hover',
      style: { 'border-width': 3, 'border-color': p.accent, 'z-index': 10 },
    },
    { selector: 'edge.hover', style: { opacity: 1 } },
    {
      selector: 'node.found',
      style: {
        'underlay-color': p.accent,
        'underlay-opacity': 0.25,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.sel',
      style: {
        'border-width': 4,
        'border-color': p.accent,
        'overlay-color': p.accent,
        'overlay-opacity': 0.08,
        'overlay-padding': 6,
        'z-index': 20,
      },
    },
    {
      selector: 'edge.sel',
      style: {
        'line-color': p.accent,
        'target-arrow-color': p.accent,
        opacity: 1,
        'z-index': 20,
      },
    },
    {
      selector: 'edge.path',
      style: { 'line-color': p.accent, 'target-arrow-color': p.accent, opacity: 1, width: 5 },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': p.accent } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
  return sheet as StylesheetJson;
}
