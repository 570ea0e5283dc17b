import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { ServiceGraphData } from '../../api/service-graph.ts';
import { formatCount, formatDuration } from '../../lib/format.ts';
import { Histogram } from '../../ui/histogram/histogram.tsx';
import {
  formatRate,
  type MapEdgeData,
  type MapGraph,
  type MapNodeData,
} from '../../ui/service-graph/graph-elements.ts';
import { HEALTH_STATUSES, type HealthStatus, percent } from '../../ui/service-graph/health.ts';
import type { MapSelection } from '../../ui/service-graph/map-renderer.ts';
import { KIND_LABEL } from '../../ui/service-graph/node-kind.ts';
import { entriesToBins } from './histogram-bins.ts';
import type { MapSearch } from './search.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';
import {
  edgeFilter,
  edgeSelector,
  type SecondsRange,
  serviceFilter,
  serviceSelector,
} from './trace-filters.ts';

interface Props {
  selection: NonNullable<MapSelection>;
  graph: MapGraph;
  window: Pick<ServiceGraphData, 'start' | 'end'>;
  group: string | undefined;
  status: HealthStatus | undefined;
  focus: string | undefined;
  setSearch(patch: Partial<MapSearch>, replace?: boolean): void;
}

/**
 * The side panel of the selected node or edge: health over the window, response-time
 * distribution (drag to pick a range), requests/errors/faults over time, and links to the
 * matching traces.
 */
export function EntityPanel(p: Props) {
  const [responseTime, setResponseTime] = useState<SecondsRange | undefined>();
  const resolved = useMemo(() => resolve(p.graph, p.selection), [p.graph, p.selection]);
  const histogram = resolved?.data.histogram;
  const bins = useMemo(() => entriesToBins(histogram ?? []), [histogram]);
  const close = () => p.setSearch({ node: undefined, edge: undefined, status: undefined });

  if (!resolved) {
    return (
      <aside className="map-panel" aria-label="Selection">
        <header className="map-panel-header">
          <h2>Not in this window</h2>
          <button type="button" className="secondary" onClick={close} aria-label="Close panel">
            ✕
          </button>
        </header>
        <p className="hint">
          <code>{p.selection.id}</code> sent no traces in this time range or group.
        </p>
      </aside>
    );
  }

  const { data, title, subtitle, filterOf, selector } = resolved;
  const filter = filterOf({ status: p.status, responseTime });
  const isNode = p.selection.kind === 'node';
  return (
    <aside className="map-panel" aria-label={`${isNode ? 'Service' : 'Edge'} ${title}`}>
      <header className="map-panel-header">
        <div>
          <h2 title={title}>{title}</h2>
          <p className="hint">{subtitle}</p>
        </div>
        <button type="button" className="secondary" onClick={close} aria-label="Close panel">
          ✕
        </button>
      </header>

      <section aria-label="Statistics">
        <dl className="map-stats">
          <dt>Requests</dt>
          <dd>{formatCount(data.counts.total)}</dd>
          <dt>Per minute</dt>
          <dd>{formatRate(data.perMinute)}</dd>
          <dt>Avg response</dt>
          <dd>{formatDuration(data.avgResponseTime)}</dd>
          <dt>Health</dt>
          <dd>{data.healthText}</dd>
        </dl>
        <table className="map-health-table">
          <caption className="visually-hidden">Requests by outcome</caption>
          <tbody>
            {HEALTH_STATUSES.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={p.status === s}
                    onClick={() => p.setSearch({ status: p.status === s ? undefined : s }, true)}
                  >
                    <span className={`map-swatch map-swatch-${s}`} aria-hidden="true" />
                    {s}
                  </button>
                </th>
                <td>{formatCount(data.counts[s])}</td>
                <td>{data.health ? percent(data.health[s]) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label="Response time distribution">
        <h3>Response time</h3>
        {bins.length ? (
          <Histogram
            bins={bins}
            selection={responseTime}
            onBrush={setResponseTime}
            formatX={(v) => (v === 0 ? '0' : formatDuration(v))}
            label="Response time distribution"
            height={110}
          />
        ) : (
          <p className="hint">No response-time samples in this window.</p>
        )}
      </section>

      <section aria-label="Over time">
        <h3>Over time</h3>
        <TimeSeriesChart
          selector={selector}
          start={p.window.start}
          end={p.window.end}
          group={p.group}
        />
      </section>

      <section className="map-panel-actions" aria-label="Actions">
        <Link to="/traces" search={{ filter }} className="map-primary-link">
          View traces
        </Link>
        <code className="map-filter-preview">{filter}</code>
        {isNode &&
          (p.focus === p.selection.id ? (
            <button
              type="button"
              onClick={() => p.setSearch({ focus: undefined, hops: undefined })}
            >
              Show all services
            </button>
          ) : (
            <button type="button" onClick={() => p.setSearch({ focus: p.selection.id })}>
              Focus on neighbours
            </button>
          ))}
      </section>
    </aside>
  );
}

interface Resolved {
  data: MapNodeData | MapEdgeData;
  title: string;
  subtitle: string;
  filterOf: (parts: Parameters<typeof serviceFilter>[1]) => string;
  selector: string;
}

function resolve(graph: MapGraph, selection: NonNullable<MapSelection>): Resolved | undefined {
  const node = (id: string) => graph.nodes.find((n) => n.data.id === id)?.data;
  if (selection.kind === 'node') {
    const n = node(selection.id);
    if (!n) return undefined;
    const flags = [n.root && 'entry point', n.inferred && 'inferred'].filter(Boolean).join(', ');
    return {
      data: n,
      title: n.name,
      subtitle: `${KIND_LABEL[n.kind]}${n.type ? ` · ${n.type}` : ''}${flags ? ` · ${flags}` : ''}`,
      filterOf: (parts) => serviceFilter(n.name, parts),
      selector: serviceSelector(n.name, n.type),
    };
  }
  const e = graph.edges.find((x) => x.data.id === selection.id)?.data;
  const a = e && node(e.source);
  const b = e && node(e.target);
  if (!e || !a || !b) return undefined;
  return {
    data: e,
    title: `${a.name} → ${b.name}`,
    subtitle: e.async ? 'Asynchronous call' : 'Calls',
    filterOf: (parts) => edgeFilter(a.name, b.name, parts),
    selector: edgeSelector(a, b),
  };
}
