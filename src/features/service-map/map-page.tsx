import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { serviceGraphQuery } from '../../api/service-graph.ts';
import { buildMapGraph } from '../../ui/service-graph/graph-elements.ts';
import type { MapSelection } from '../../ui/service-graph/map-renderer.ts';
import { useTimeWindow } from '../../ui/use-global-search.ts';
import { EntityPanel } from './entity-panel.tsx';
import { MapLegend } from './map-legend.tsx';
import { useMapStore } from './map-store.ts';
import { MapToolbar } from './map-toolbar.tsx';
import { mapView } from './map-view.ts';
import { NodeTable } from './node-table.tsx';
import type { MapSearch } from './search.ts';
import { useMapRenderer } from './use-map-renderer.ts';
import './map.css';

/**
 * /map: the service graph of the window and group, coloured by health or latency. The page owns
 * the URL (selection, focus, filters); the renderer draws; panels and the table read the same
 * derived graph.
 */
export function MapPage() {
  const search = useSearch({ from: '/map' });
  const navigate = useNavigate({ from: '/map' });
  const { range, refetchInterval, group } = useTimeWindow();
  const query = useQuery({
    ...serviceGraphQuery({ range, group }),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const graph = useMemo(
    () => data && buildMapGraph(data.services, { windowSeconds: data.end - data.start }),
    [data],
  );

  // The table, toolbar lists and legend render after the canvas has its graph: on 500 services
  // their DOM would otherwise sit on the path to the first drawn map.
  const listed = useDeferredValue(graph);

  const setSearch = useCallback(
    (patch: Partial<MapSearch>, replace = false) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace }),
    [navigate],
  );

  const path = useMapStore((s) => s.path);
  const { hide, unhealthy, focus, hops, status } = search;
  const view = useMemo(
    () => (graph ? mapView(graph, { hide, unhealthy, focus, hops, status, path }) : { shown: 0 }),
    [graph, hide, unhealthy, focus, hops, status, path],
  );
  const selection = useMemo<MapSelection>(
    () =>
      search.node
        ? { kind: 'node', id: search.node }
        : search.edge
          ? { kind: 'edge', id: search.edge }
          : undefined,
    [search.node, search.edge],
  );
  const colorMode = search.color ?? 'health';

  const container = useRef<HTMLDivElement>(null);
  const renderer = useMapRenderer(container, {
    graph,
    selection,
    colorMode,
    view,
    onSelect: (s) =>
      setSearch({
        node: s?.kind === 'node' ? s.id : undefined,
        edge: s?.kind === 'edge' ? s.id : undefined,
        status: undefined,
      }),
    onSliceClick: (id, slice) =>
      setSearch({ node: id, edge: undefined, status: slice === 'ok' ? undefined : slice }),
  });
  const [showTable, setShowTable] = useState(false);

  const count = graph?.nodes.length ?? 0;
  return (
    <section className="map-page" aria-label="Service map">
      <MapToolbar
        graph={listed}
        search={search}
        setSearch={setSearch}
        renderer={renderer}
        shown={view.shown}
        pathFound={path ? view.path !== undefined : undefined}
        showTable={showTable}
        setShowTable={setShowTable}
      />
      <div className="map-body">
        <div className="map-canvas-wrap">
          <div
            ref={container}
            className="map-canvas"
            role="img"
            aria-label={`Service map of ${count} services. The table of services lists them with their health.`}
            data-state="loading"
          />
          <MapLegend
            graph={listed}
            colorMode={colorMode}
            status={status}
            setStatus={(s) => setSearch({ status: s }, true)}
          />
          <MapOverlay query={query} empty={graph !== undefined && count === 0} />
        </div>
        {selection && data && graph && (
          <EntityPanel
            key={`${selection.kind}:${selection.id}`}
            selection={selection}
            graph={graph}
            window={data}
            group={group}
            status={status}
            focus={focus}
            setSearch={setSearch}
          />
        )}
      </div>
      <NodeTable
        graph={listed}
        visible={view.visible}
        selected={search.node}
        show={showTable}
        onSelect={(id) => {
          setSearch({ node: id, edge: undefined, status: undefined });
          renderer.current?.reveal(id);
        }}
      />
    </section>
  );
}

function MapOverlay({ query, empty }: { query: UseQueryResult<unknown>; empty: boolean }) {
  if (query.isPending)
    return (
      <p className="map-overlay" role="status">
        <span className="spinner" /> Loading the service map…
      </p>
    );
  if (query.isError && !query.data) {
    const e = query.error as Error & { code?: string };
    return (
      <div className="map-overlay" role="alert">
        <p>
          Could not load the service map: <strong>{e.code ?? e.name}</strong> — {e.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (empty)
    return (
      <p className="map-overlay" role="status">
        No services sent traces in this window. Try a longer time range or another group.
      </p>
    );
  return null;
}
