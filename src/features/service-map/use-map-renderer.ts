import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { usePreferences } from '../../ui/preferences.ts';
import type { MapGraph } from '../../ui/service-graph/graph-elements.ts';
import type { HealthStatus } from '../../ui/service-graph/health.ts';
import {
  createMapRenderer,
  type MapRenderer,
  type MapSelection,
  type MapViewState,
} from '../../ui/service-graph/map-renderer.ts';
import { DARK_PALETTE, LIGHT_PALETTE, readPalette } from '../../ui/service-graph/palette.ts';
import type { ColorMode } from '../../ui/service-graph/scales.ts';
import '../../ui/service-graph/test-hook.ts';
import { useMapStore } from './map-store.ts';

export interface MapRendererInputs {
  graph: MapGraph | undefined;
  selection: MapSelection;
  colorMode: ColorMode;
  view: MapViewState;
  onSelect(selection: MapSelection): void;
  onSliceClick(nodeId: string, status: HealthStatus): void;
}

/**
 * Mounts the renderer once and feeds it: a new graph, selection, colour mode, palette or view
 * becomes one imperative call. React never re-creates Cytoscape and is not involved in pan, zoom
 * or hover.
 */
export function useMapRenderer(
  container: RefObject<HTMLDivElement | null>,
  inputs: MapRendererInputs,
): RefObject<MapRenderer | null> {
  const renderer = useRef<MapRenderer | null>(null);
  // Handlers read the latest callbacks through a ref, so the renderer never needs re-creating.
  const latest = useRef(inputs);
  latest.current = inputs;
  const theme = usePreferences((p) => p.theme);

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount; the theme and later inputs arrive through the effects below.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const store = useMapStore.getState;
    const r = createMapRenderer(
      el,
      {
        onSelect: (s) => latest.current.onSelect(s),
        onSliceClick: (id, status) => latest.current.onSliceClick(id, status),
        onHover: (id) => store().setHovered(id),
        onPositions: (p) => store().savePositions(p),
        onReady: () => {
          el.dataset.state = 'ready';
          if (window.__traceConsoleMap) window.__traceConsoleMap.readyAt = performance.now();
        },
      },
      {
        palette: theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE,
        colorMode: latest.current.colorMode,
      },
    );
    renderer.current = r;
    if (import.meta.env.DEV || navigator.webdriver) window.__traceConsoleMap = { renderer: r };
    return () => {
      r.destroy();
      renderer.current = null;
      if (window.__traceConsoleMap?.renderer === r) delete window.__traceConsoleMap;
    };
  }, [container]);

  const { graph, selection, colorMode, view } = inputs;
  useEffect(() => {
    if (graph) renderer.current?.setGraph(graph, useMapStore.getState().positions);
  }, [graph]);
  useEffect(() => {
    renderer.current?.setSelection(selection);
  }, [selection]);
  useEffect(() => {
    renderer.current?.setColorMode(colorMode);
  }, [colorMode]);
  useEffect(() => {
    renderer.current?.setView(view);
  }, [view]);
  useEffect(() => {
    // The shell sets the theme attribute in its own effect, which runs after ours: read the
    // tokens on the next frame, when they have switched.
    const frame = requestAnimationFrame(() => {
      renderer.current?.setPalette(readPalette(document.documentElement, theme));
    });
    return () => cancelAnimationFrame(frame);
  }, [theme]);

  return renderer;
}
