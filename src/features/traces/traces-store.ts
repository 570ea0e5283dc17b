import { create } from 'zustand';
import { readStored, writeStored } from '../../lib/storage.ts';

/**
 * UI state of the traces view that is not worth a link: recent expressions and extra columns
 * persist across visits; the selected row and scroll offset live for the session so the back
 * button lands on the same row.
 */
interface TracesUi {
  recent: string[];
  annotationColumns: string[];
  selectedId: string | undefined;
  /** Scroll offset of the list per query (filter+range), restored on return. */
  scroll: Record<string, number>;
  remember(expression: string): void;
  forget(expression: string): void;
  toggleColumn(key: string): void;
  select(id: string | undefined): void;
  saveScroll(key: string, offset: number): void;
}

const KEY = 'trace-console:traces';
const MAX_RECENT = 15;
const stored = readStored<{ recent?: unknown; annotationColumns?: unknown }>(KEY, {});
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];

export const useTracesUi = create<TracesUi>((set, get) => {
  const persist = () => {
    const { recent, annotationColumns } = get();
    writeStored(KEY, { recent, annotationColumns });
  };
  return {
    recent: strings(stored.recent),
    annotationColumns: strings(stored.annotationColumns),
    selectedId: undefined,
    scroll: {},
    remember: (expression) => {
      set((s) => ({
        recent: [expression, ...s.recent.filter((r) => r !== expression)].slice(0, MAX_RECENT),
      }));
      persist();
    },
    forget: (expression) => {
      set((s) => ({ recent: s.recent.filter((r) => r !== expression) }));
      persist();
    },
    toggleColumn: (key) => {
      set((s) => ({
        annotationColumns: s.annotationColumns.includes(key)
          ? s.annotationColumns.filter((k) => k !== key)
          : [...s.annotationColumns, key],
      }));
      persist();
    },
    select: (selectedId) => set({ selectedId }),
    saveScroll: (key, offset) => set((s) => ({ scroll: { ...s.scroll, [key]: offset } })),
  };
});
