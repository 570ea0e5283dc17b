import type { RowLayout, TreeRow } from './layout-rows.ts';

/**
 * Keyboard navigation of the waterfall tree (WAI-ARIA tree pattern), as a pure function from a
 * key and the cursor row to what should happen. The host applies the action.
 */
export type TreeKeyAction =
  | { type: 'cursor'; index: number }
  | { type: 'collapse'; index: number }
  | { type: 'expand'; index: number }
  | { type: 'open'; index: number }
  | { type: 'none' };

export function treeKeyAction(
  key: string,
  rows: readonly TreeRow[],
  layout: RowLayout,
  cursor: number,
  isExpandable: (i: number) => boolean,
  isCollapsed: (i: number) => boolean,
  pageRows = 20,
): TreeKeyAction {
  const n = layout.visible.length;
  if (n === 0) return { type: 'none' };
  const pos = cursor >= 0 ? (layout.positionOf[cursor] ?? -1) : -1;
  const at = (p: number): TreeKeyAction => ({
    type: 'cursor',
    index: layout.visible[Math.max(0, Math.min(n - 1, p))] as number,
  });
  if (pos < 0) return key.startsWith('Arrow') || key === 'Home' ? at(0) : { type: 'none' };
  switch (key) {
    case 'ArrowDown':
      return at(pos + 1);
    case 'ArrowUp':
      return at(pos - 1);
    case 'PageDown':
      return at(pos + pageRows);
    case 'PageUp':
      return at(pos - pageRows);
    case 'Home':
      return at(0);
    case 'End':
      return at(n - 1);
    case 'ArrowLeft': {
      if (isExpandable(cursor) && !isCollapsed(cursor)) return { type: 'collapse', index: cursor };
      // Move to the nearest visible ancestor (in services-only mode the parent may be hidden).
      for (
        let a = (rows[cursor] as TreeRow).parentIndex;
        a >= 0;
        a = (rows[a] as TreeRow).parentIndex
      )
        if ((layout.positionOf[a] ?? -1) >= 0) return { type: 'cursor', index: a };
      return { type: 'none' };
    }
    case 'ArrowRight': {
      if (!isExpandable(cursor)) return { type: 'none' };
      if (isCollapsed(cursor)) return { type: 'expand', index: cursor };
      return at(pos + 1);
    }
    case 'Enter':
      return { type: 'open', index: cursor };
    default:
      return { type: 'none' };
  }
}
