import { useMemo } from 'react';
import { formatDuration } from '../../lib/format.ts';
import { formatRate, type MapGraph } from '../../ui/service-graph/graph-elements.ts';
import { percent } from '../../ui/service-graph/health.ts';
import { KIND_LABEL } from '../../ui/service-graph/node-kind.ts';

/**
 * The map as a table: every service with its health in words. It is the screen-reader
 * alternative to the canvas (always in the accessibility tree, shown on demand with "Table"),
 * and what the end-to-end tests read.
 */
export function NodeTable({
  graph,
  visible,
  selected,
  show,
  onSelect,
}: {
  graph: MapGraph | undefined;
  visible: ReadonlySet<string> | undefined;
  selected: string | undefined;
  show: boolean;
  onSelect(id: string): void;
}) {
  const rows = useMemo(() => {
    const calls = new Map<string, number>();
    for (const e of graph?.edges ?? [])
      calls.set(e.data.source, (calls.get(e.data.source) ?? 0) + 1);
    return (graph?.nodes ?? [])
      .map((n) => ({ ...n.data, calls: calls.get(n.data.id) ?? 0 }))
      .sort((a, b) => b.errorRate - a.errorRate || a.name.localeCompare(b.name));
  }, [graph]);
  return (
    <div className={show ? 'map-table' : 'map-table visually-hidden'}>
      <table>
        <caption>
          Services in the map, most unhealthy first
          {visible ? ` (${visible.size} of ${rows.length} shown on the map)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Type</th>
            <th scope="col">Health</th>
            <th scope="col">Outcomes</th>
            <th scope="col">Avg response</th>
            <th scope="col">Requests/min</th>
            <th scope="col">Calls</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr
              key={n.id}
              data-node-id={n.id}
              data-selected={selected === n.id || undefined}
              className={visible && !visible.has(n.id) ? 'map-row-hidden' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-current={selected === n.id || undefined}
                  onClick={() => onSelect(n.id)}
                >
                  {n.name}
                </button>
              </th>
              <td title={n.type}>
                {KIND_LABEL[n.kind]}
                {n.inferred ? ' (inferred)' : ''}
              </td>
              <td className={`map-health-${worst(n.health)}`}>{n.healthText}</td>
              <td>
                {n.health
                  ? `ok ${percent(n.health.ok)}, error ${percent(n.health.error)}, throttle ${percent(n.health.throttle)}, fault ${percent(n.health.fault)}`
                  : '—'}
              </td>
              <td>{n.client ? '—' : formatDuration(n.avgResponseTime)}</td>
              <td>{formatRate(n.perMinute)}</td>
              <td>{n.calls}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function worst(h: { error: number; throttle: number; fault: number } | undefined): string {
  if (!h) return 'none';
  if (h.fault > 0) return 'fault';
  if (h.throttle > 0) return 'throttle';
  if (h.error > 0) return 'error';
  return 'ok';
}
