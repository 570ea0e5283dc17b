import { describe, expect, it } from 'vitest';
import { buildRowTree, isExpandable, layoutRows, type TreeRow } from './layout-rows.ts';
import { treeKeyAction } from './tree-keys.ts';

// 0 root ─ 1 a ─ 2 a1
//        └ 3 b
const rows: TreeRow[] = [
  { id: 'root', parentIndex: -1, depth: 0, size: 4, kind: 'segment' },
  { id: 'a', parentIndex: 0, depth: 1, size: 2, kind: 'subsegment' },
  { id: 'a1', parentIndex: 1, depth: 2, size: 1, kind: 'subsegment' },
  { id: 'b', parentIndex: 0, depth: 1, size: 1, kind: 'subsegment' },
];
const tree = buildRowTree(rows);

function press(key: string, cursor: number, collapsed: Set<string> = new Set()) {
  const layout = layoutRows(rows, tree, collapsed);
  return treeKeyAction(
    key,
    rows,
    layout,
    cursor,
    (i) => isExpandable(rows, tree, i, false),
    (i) => collapsed.has(rows[i]?.id ?? ''),
  );
}

describe('tree keyboard', () => {
  it('up/down move through visible rows and stop at the ends', () => {
    expect(press('ArrowDown', 0)).toEqual({ type: 'cursor', index: 1 });
    expect(press('ArrowDown', 1, new Set(['a']))).toEqual({ type: 'cursor', index: 3 });
    expect(press('ArrowUp', 3, new Set(['a']))).toEqual({ type: 'cursor', index: 1 });
    expect(press('ArrowUp', 0)).toEqual({ type: 'cursor', index: 0 });
    expect(press('End', 0)).toEqual({ type: 'cursor', index: 3 });
    expect(press('Home', 3)).toEqual({ type: 'cursor', index: 0 });
  });

  it('without a cursor, arrows start at the first row', () => {
    expect(press('ArrowDown', -1)).toEqual({ type: 'cursor', index: 0 });
    expect(press('Enter', -1)).toEqual({ type: 'none' });
  });

  it('left collapses an open row, else goes to the parent', () => {
    expect(press('ArrowLeft', 1)).toEqual({ type: 'collapse', index: 1 });
    expect(press('ArrowLeft', 1, new Set(['a']))).toEqual({ type: 'cursor', index: 0 });
    expect(press('ArrowLeft', 2)).toEqual({ type: 'cursor', index: 1 });
    expect(press('ArrowLeft', 0, new Set(['root']))).toEqual({ type: 'none' });
  });

  it('right expands a collapsed row, else goes to its first child; leaves ignore it', () => {
    expect(press('ArrowRight', 1, new Set(['a']))).toEqual({ type: 'expand', index: 1 });
    expect(press('ArrowRight', 1)).toEqual({ type: 'cursor', index: 2 });
    expect(press('ArrowRight', 3)).toEqual({ type: 'none' });
  });

  it('Enter opens the row under the cursor', () => {
    expect(press('Enter', 2)).toEqual({ type: 'open', index: 2 });
  });
});
