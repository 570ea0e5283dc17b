import { create } from 'zustand';
import type { Point, Positions } from '../../ui/service-graph/layered-layout.ts';

/**
 * Map UI state that is not worth a link (STYLE.md §2): where each node was drawn, what the
 * pointer is over, and the two ends of a highlighted path. Selection and filters live in the URL.
 *
 * Positions are keyed by node id and outlive the page, so leaving for the Traces view and coming
 * back, or a refresh, draws every known node where it was.
 */
interface MapStore {
  positions: ReadonlyMap<string, Point>;
  hovered?: string;
  path?: readonly [string, string];
  savePositions(p: Positions): void;
  /** Forget all positions: the next graph is laid out from scratch. */
  resetPositions(): void;
  setHovered(id: string | undefined): void;
  setPath(path: readonly [string, string] | undefined): void;
}

export const useMapStore = create<MapStore>((set, get) => ({
  positions: new Map(),
  savePositions: (p) => {
    const next = new Map(get().positions);
    for (const [id, point] of p) next.set(id, point);
    set({ positions: next });
  },
  resetPositions: () => set({ positions: new Map() }),
  setHovered: (hovered) => set({ hovered }),
  setPath: (path) => set({ path }),
}));
