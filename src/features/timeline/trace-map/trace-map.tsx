import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { traceGraphQuery } from '../../../api/traces.ts';
import { usePreferences } from '../../../ui/preferences.ts';
import { QueryState } from '../../../ui/query-state.tsx';
import { buildMapGraph, type MapGraph } from '../../../ui/service-graph/graph-elements.ts';
import { createMapRenderer, type MapRenderer } from '../../../ui/service-graph/map-renderer.ts';
import { DARK_PALETTE, LIGHT_PALETTE, readPalette } from '../../../ui/service-graph/palette.ts';

/**
 * The services of this one trace and their calls, drawn by the shared service-graph renderer
 * from GetTraceGraph. Loaded lazily (this module pulls in Cytoscape) only when the map is shown.
 * Tapping a service hands its name to `onService` (the view selects its first row).
 */
export function TraceMap({
  traceId,
  durationSec,
  onService,
}: {
  traceId: string;
  durationSec: number;
  onService: (name: string) => void;
}) {
  const query = useQuery(traceGraphQuery(traceId));
  return (
    <QueryState
      query={query}
      what="trace map"
      isEmpty={(s) => s.length === 0}
      empty="X-Ray has no service graph for this trace."
    >
      {(services) => (
        <MapCanvas
          graph={buildMapGraph(services, { windowSeconds: Math.max(durationSec, 1) })}
          onService={onService}
        />
      )}
    </QueryState>
  );
}

function MapCanvas({ graph, onService }: { graph: MapGraph; onService: (name: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const renderer = useRef<MapRenderer | null>(null);
  const theme = usePreferences((p) => p.theme);
  const latest = useRef(onService);
  latest.current = onService;
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.data.id, n.data.name])), [graph]);
  const namesRef = useRef(names);
  namesRef.current = names;

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount; graph and theme arrive through the effects below.
  useLayoutEffect(() => {
    const container = el.current;
    if (!container) return;
    const r = createMapRenderer(
      container,
      {
        onSelect: (s) => {
          const name = s?.kind === 'node' ? namesRef.current.get(s.id) : undefined;
          if (name !== undefined) latest.current(name);
        },
        onReady: () => {
          container.dataset.state = 'ready';
        },
      },
      { palette: theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE, colorMode: 'health' },
    );
    renderer.current = r;
    return () => {
      r.destroy();
      renderer.current = null;
    };
  }, []);
  useEffect(() => {
    renderer.current?.setGraph(graph);
    renderer.current?.fit();
  }, [graph]);
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      renderer.current?.setPalette(readPalette(document.documentElement, theme)),
    );
    return () => cancelAnimationFrame(frame);
  }, [theme]);

  return (
    <div
      ref={el}
      className="tl-map-canvas"
      role="img"
      aria-label={`Trace map: ${graph.nodes.length} services, ${graph.edges.length} calls`}
    />
  );
}
