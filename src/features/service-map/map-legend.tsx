import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { formatDuration } from '../../lib/format.ts';
import { usePreferences } from '../../ui/preferences.ts';
import type { MapGraph } from '../../ui/service-graph/graph-elements.ts';
import { HEALTH_STATUSES, type HealthStatus } from '../../ui/service-graph/health.ts';
import { KIND_GLYPH, KIND_LABEL, type NodeKind } from '../../ui/service-graph/node-kind.ts';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../ui/service-graph/palette.ts';
import type { ColorMode } from '../../ui/service-graph/scales.ts';
import { EDGE_ALERT, latencyScale } from '../../ui/service-graph/scales.ts';

const STATUS_TEXT: Record<HealthStatus, string> = {
  ok: 'OK (2xx)',
  error: 'Error (4xx)',
  throttle: 'Throttle (429)',
  fault: 'Fault (5xx)',
};

/**
 * What the colours, shapes and dashes mean. In health mode each entry is a button: it emphasises
 * the nodes with that outcome and makes "view traces" filter for it.
 */
export function MapLegend({
  graph,
  colorMode,
  status,
  setStatus,
}: {
  graph: MapGraph | undefined;
  colorMode: ColorMode;
  status: HealthStatus | undefined;
  setStatus(status: HealthStatus | undefined): void;
}) {
  const kinds = useMemo(
    () => [...new Set(graph?.nodes.map((n) => n.data.kind) ?? [])].sort() as NodeKind[],
    [graph],
  );
  const palette = usePreferences((p) => p.theme) === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
  const latency = useMemo(
    () => latencyScale(graph?.nodes.map((n) => n.data.avgResponseTime) ?? [], palette),
    [graph, palette],
  );
  return (
    <aside className="map-legend" aria-label="Legend">
      {colorMode === 'health' ? (
        <>
          <p className="map-legend-title">Ring: share of requests, clockwise from the top</p>
          <ul className="map-legend-status">
            {HEALTH_STATUSES.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  aria-pressed={status === s}
                  title={
                    s === 'ok'
                      ? undefined
                      : `Emphasise services with ${s}s; "View traces" then filters for them`
                  }
                  onClick={() => setStatus(status === s ? undefined : s)}
                >
                  <span className={`map-swatch map-swatch-${s}`} aria-hidden="true" />
                  {STATUS_TEXT[s]}
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">Labels name the largest problem: “12% fault”.</p>
          {status && (
            <Link to="/traces" search={{ filter: status }}>
              View all {status} traces
            </Link>
          )}
        </>
      ) : (
        <>
          <p className="map-legend-title">Average response time</p>
          <div
            className="map-gradient"
            aria-hidden="true"
            style={{ background: `linear-gradient(to right, ${palette.latency.join(', ')})` }}
          />
          <p className="map-gradient-ticks">
            {latency.ticks.map((t) => (
              <span key={t}>{formatDuration(t)}</span>
            ))}
          </p>
        </>
      )}
      <details>
        <summary>Shapes and lines</summary>
        <ul className="map-legend-kinds">
          {kinds.map((k) => (
            <li key={k}>
              <span className="map-glyph">{KIND_GLYPH[k]}</span> {KIND_LABEL[k]}
            </li>
          ))}
          <li>Dashed outline: inferred (not instrumented)</li>
          <li>Dashed line: asynchronous call</li>
          <li>Thicker line: more requests per minute</li>
          {colorMode === 'health' && (
            <li>
              Line colour: fault colour from {EDGE_ALERT.fault * 100}% faults, error colour from{' '}
              {EDGE_ALERT.error * 100}% errors or throttles
            </li>
          )}
        </ul>
      </details>
    </aside>
  );
}
