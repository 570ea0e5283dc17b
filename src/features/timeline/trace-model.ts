import type { LoadedTrace } from '../../api/traces.ts';
import { flattenTrace, type TraceRow } from '../../xray/trace/tree.ts';
import { buildRowTree, type RowTree } from './waterfall/layout-rows.ts';
import { createSearchIndex } from './waterfall/search-rows.ts';
import type { TraceMs } from './waterfall/time-scale.ts';

/**
 * Everything the view derives from one fetched trace, once per fetch: rows in pre-order, the
 * services-only structure, the time origin, an id → row lookup and a lazy search index.
 * All linear in the number of pieces.
 */
export interface TraceModel {
  id: string;
  rows: TraceRow[];
  tree: RowTree;
  /** Epoch seconds of the earliest piece: time zero of the axis. */
  startSec: number;
  /** Latest end (or start, for in-progress pieces) relative to startSec. */
  totalMs: TraceMs;
  /** Row index of a piece id, or -1. The lookup table is built on first use, not on open. */
  rowOf: (id: string) => number;
  haystacks: () => readonly string[];
  segments: number;
  subsegments: number;
  services: number;
}

export function buildTraceModel(trace: LoadedTrace): TraceModel {
  const rows = flattenTrace({ id: trace.id, segments: trace.segments });
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let segments = 0;
  const services = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as TraceRow;
    if (r.start < start) start = r.start;
    const e = r.end ?? r.start;
    if (e > end) end = e;
    if (r.kind !== 'subsegment') {
      segments++;
      services.add(r.service);
    }
  }
  if (!Number.isFinite(start)) start = 0;
  if (!Number.isFinite(end)) end = start;
  return {
    id: trace.id,
    rows,
    tree: buildRowTree(rows),
    startSec: start,
    totalMs: (end - start) * 1000,
    rowOf: lazyRowOf(rows),
    haystacks: createSearchIndex(rows),
    segments,
    subsegments: rows.length - segments,
    services: services.size,
  };
}

function lazyRowOf(rows: readonly TraceRow[]): (id: string) => number {
  let map: Map<string, number> | undefined;
  return (id) => {
    if (!map) {
      map = new Map();
      // First occurrence wins: ids are unique after assembly, but a bad client may repeat one.
      for (let i = rows.length - 1; i >= 0; i--) map.set((rows[i] as TraceRow).id, i);
    }
    return map.get(id) ?? -1;
  };
}

/** Start and end of a row in ms from the trace start; in-progress rows run to the trace end. */
export function rowSpanMs(model: TraceModel, r: TraceRow): [TraceMs, TraceMs] {
  const a = (r.start - model.startSec) * 1000;
  const b = r.end === undefined ? model.totalMs : (r.end - model.startSec) * 1000;
  return [a, Math.max(a, b)];
}
