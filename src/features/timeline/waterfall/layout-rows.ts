/**
 * Pure row layout: which trace rows are visible given the collapsed set and the "services only"
 * mode, and at what indentation. Reads rows in pre-order (a row's subtree is the contiguous range
 * after it, as flattenTrace emits them), so every pass here is linear and allocation-light.
 */

/** The part of a trace row the layout needs. */
export interface TreeRow {
  id: string;
  parentIndex: number;
  depth: number;
  /** Rows in the subtree, the row itself included. */
  size: number;
  kind: 'segment' | 'subsegment' | 'inferred';
}

/** Per-trace structure for services-only mode, computed once per trace (not per collapse). */
export interface RowTree {
  /** Number of segment ancestors (segments and inferred): the indentation in services-only mode. */
  serviceDepth: Int32Array;
  /** 1 when a segment row lies below this row: in services-only mode the row can be expanded. */
  hasSegmentChild: Uint8Array;
}

export function buildRowTree(rows: readonly TreeRow[]): RowTree {
  const n = rows.length;
  const serviceDepth = new Int32Array(n);
  const hasSegmentChild = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = (rows[i] as TreeRow).parentIndex;
    if (p < 0) continue;
    const parentIsService = (rows[p] as TreeRow).kind !== 'subsegment';
    // The nearest segment ancestor's serviceDepth + 1, carried down through subsegments.
    serviceDepth[i] = (serviceDepth[p] as number) + (parentIsService ? 1 : 0);
    if ((rows[i] as TreeRow).kind !== 'subsegment') {
      // Mark every ancestor up to the nearest segment as leading to a segment row.
      for (let a = p; a >= 0 && hasSegmentChild[a] === 0; a = (rows[a] as TreeRow).parentIndex) {
        hasSegmentChild[a] = 1;
        if ((rows[a] as TreeRow).kind !== 'subsegment') break;
      }
    }
  }
  return { serviceDepth, hasSegmentChild };
}

export interface RowLayout {
  /** Indices into the trace rows, in display order. */
  visible: Int32Array;
  /** Indentation level per visible position. */
  level: Int32Array;
  /** Position of each row in `visible`, -1 when hidden. */
  positionOf: Int32Array;
}

/**
 * Visible rows. A collapsed row stays visible and hides its subtree. In services-only mode
 * subsegment rows are hidden (their segment descendants stay, indented by segment depth).
 */
export function layoutRows(
  rows: readonly TreeRow[],
  tree: RowTree,
  collapsed: ReadonlySet<string>,
  servicesOnly = false,
): RowLayout {
  // Collapsing is keyed by row id so it survives a refetch of a partial trace.
  const n = rows.length;
  const visible = new Int32Array(n);
  const level = new Int32Array(n);
  const positionOf = new Int32Array(n).fill(-1);
  let count = 0;
  let i = 0;
  while (i < n) {
    const row = rows[i] as TreeRow;
    if (!servicesOnly || row.kind !== 'subsegment') {
      positionOf[i] = count;
      visible[count] = i;
      level[count] = servicesOnly ? (tree.serviceDepth[i] as number) : row.depth;
      count++;
    }
    i += collapsed.size > 0 && collapsed.has(row.id) ? row.size : 1;
  }
  return { visible: visible.subarray(0, count), level: level.subarray(0, count), positionOf };
}

/** Whether a row has anything to expand in the current mode. */
export function isExpandable(
  rows: readonly TreeRow[],
  tree: RowTree,
  i: number,
  servicesOnly: boolean,
): boolean {
  return servicesOnly ? tree.hasSegmentChild[i] === 1 : (rows[i]?.size ?? 0) > 1;
}

/** Ids of the collapsed ancestors of row `i`: removing them makes the row visible. */
export function collapsedAncestors(
  rows: readonly TreeRow[],
  i: number,
  collapsed: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (let a = (rows[i] as TreeRow | undefined)?.parentIndex ?? -1; a >= 0; ) {
    const row = rows[a] as TreeRow;
    if (collapsed.has(row.id)) out.push(row.id);
    a = row.parentIndex;
  }
  return out;
}

/** Every row that has children: "collapse all" leaves only the roots. */
export function allExpandableIds(rows: readonly TreeRow[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) if (r.size > 1) ids.add(r.id);
  return ids;
}
