import { describe, expect, it } from 'vitest';
import {
  allExpandableIds,
  buildRowTree,
  collapsedAncestors,
  isExpandable,
  layoutRows,
  type TreeRow,
} from './layout-rows.ts';

/** Builds pre-order rows from [id, parentId, kind] triples (parents before children). */
function rows(spec: [string, string | null, TreeRow['kind']][]): TreeRow[] {
  const index = new Map<string, number>();
  const out: TreeRow[] = [];
  for (const [id, parent, kind] of spec) {
    const parentIndex = parent === null ? -1 : (index.get(parent) as number);
    const depth = parentIndex < 0 ? 0 : (out[parentIndex] as TreeRow).depth + 1;
    index.set(id, out.length);
    out.push({ id, parentIndex, depth, size: 1, kind });
  }
  for (let i = out.length - 1; i >= 0; i--) {
    const p = (out[i] as TreeRow).parentIndex;
    if (p >= 0) (out[p] as TreeRow).size += (out[i] as TreeRow).size;
  }
  return out;
}

// api (segment) ─ handler (sub) ─ ddb call (sub) ─ DynamoDB (inferred)
//                              └ http call (sub) ─ orders (segment) ─ query (sub)
//               └ log (sub)
const trace = rows([
  ['api', null, 'segment'],
  ['handler', 'api', 'subsegment'],
  ['ddbcall', 'handler', 'subsegment'],
  ['ddb', 'ddbcall', 'inferred'],
  ['httpcall', 'handler', 'subsegment'],
  ['orders', 'httpcall', 'segment'],
  ['query', 'orders', 'subsegment'],
  ['log', 'api', 'subsegment'],
]);
const ids = (l: ReturnType<typeof layoutRows>) =>
  Array.from(l.visible, (i) => (trace[i] as TreeRow).id);
const tree = buildRowTree(trace);

describe('layoutRows', () => {
  it('shows every row in pre-order with tree depth when nothing is collapsed', () => {
    const l = layoutRows(trace, tree, new Set());
    expect(ids(l)).toEqual(trace.map((r) => r.id));
    expect(Array.from(l.level)).toEqual(trace.map((r) => r.depth));
    expect(Array.from(l.positionOf)).toEqual(trace.map((_, i) => i));
  });

  it('hides the subtree of a collapsed row but keeps the row', () => {
    const l = layoutRows(trace, tree, new Set(['handler']));
    expect(ids(l)).toEqual(['api', 'handler', 'log']);
    expect(l.positionOf[2]).toBe(-1);
    expect(l.positionOf[7]).toBe(2);
  });

  it('nested collapses inside a collapsed subtree do not matter', () => {
    const l = layoutRows(trace, tree, new Set(['handler', 'orders']));
    expect(ids(l)).toEqual(['api', 'handler', 'log']);
    const l2 = layoutRows(trace, tree, new Set(['orders']));
    expect(ids(l2)).toEqual(['api', 'handler', 'ddbcall', 'ddb', 'httpcall', 'orders', 'log']);
  });

  it('services only keeps segments, indented by their segment ancestors', () => {
    const l = layoutRows(trace, tree, new Set(), true);
    expect(ids(l)).toEqual(['api', 'ddb', 'orders']);
    expect(Array.from(l.level)).toEqual([0, 1, 1]);
  });

  it('services only respects collapsed segments', () => {
    const l = layoutRows(trace, tree, new Set(['api']), true);
    expect(ids(l)).toEqual(['api']);
  });

  it('is linear: 200k rows lay out quickly and correctly', () => {
    const n = 200_000;
    const big: TreeRow[] = Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      parentIndex: i === 0 ? -1 : 0,
      depth: i === 0 ? 0 : 1,
      size: i === 0 ? n : 1,
      kind: i === 0 ? 'segment' : 'subsegment',
    }));
    const l = layoutRows(big, buildRowTree(big), new Set());
    expect(l.visible.length).toBe(n);
    expect(layoutRows(big, buildRowTree(big), new Set(['r0'])).visible.length).toBe(1);
  });
});

describe('helpers', () => {
  it('isExpandable: any child in the full view, a segment below in services only', () => {
    const at = (id: string) => trace.findIndex((r) => r.id === id);
    expect(isExpandable(trace, tree, at('handler'), false)).toBe(true);
    expect(isExpandable(trace, tree, at('log'), false)).toBe(false);
    expect(isExpandable(trace, tree, at('api'), true)).toBe(true);
    expect(isExpandable(trace, tree, at('orders'), true)).toBe(false);
    expect(isExpandable(trace, tree, at('orders'), false)).toBe(true);
  });

  it('collapsedAncestors lists only the collapsed ones, nearest first', () => {
    const at = trace.findIndex((r) => r.id === 'query');
    expect(collapsedAncestors(trace, at, new Set(['handler', 'api', 'log']))).toEqual([
      'handler',
      'api',
    ]);
  });

  it('allExpandableIds: rows with children', () => {
    expect([...allExpandableIds(trace)].sort()).toEqual(
      ['api', 'ddbcall', 'handler', 'httpcall', 'orders'].sort(),
    );
  });
});
