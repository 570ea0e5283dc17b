import { useQuery } from '@tanstack/react-query';
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { periodFor, timeSeriesQuery } from '../../api/service-graph.ts';
import { formatCount } from '../../lib/format.ts';
import type { EpochSeconds } from '../../xray/types.ts';
import { type SeriesPoint, seriesPoints } from './time-series-points.ts';

const W = 320;
const H = 90;
const PAD = { left: 30, right: 4, top: 6, bottom: 14 };
const SERIES = [
  { key: 'requests', label: 'Requests', className: 'map-series-requests' },
  { key: 'errors', label: 'Errors', className: 'map-series-errors' },
  { key: 'faults', label: 'Faults', className: 'map-series-faults' },
] as const;

/** Requests, errors (4xx) and faults (5xx) per bucket over the map's window, as three lines. */
export function TimeSeriesChart(p: {
  selector: string;
  start: EpochSeconds;
  end: EpochSeconds;
  group: string | undefined;
}) {
  const period = periodFor(p.end - p.start);
  const query = useQuery({
    ...timeSeriesQuery({
      selector: p.selector,
      start: p.start,
      end: p.end,
      period,
      ...(p.group ? { group: p.group } : {}),
    }),
  });
  const points = useMemo(() => seriesPoints(query.data ?? []), [query.data]);

  if (query.isPending) return <p className="hint">Loading…</p>;
  if (query.isError)
    return (
      <p className="field-error" role="alert">
        Could not load the time series: {(query.error as Error).message}
      </p>
    );
  if (points.length === 0) return <p className="hint">No requests in this window.</p>;

  const x = scaleLinear()
    .domain([p.start, p.end])
    .range([PAD.left, W - PAD.right]);
  const max = Math.max(1, ...points.map((d) => d.requests));
  const y = scaleLinear()
    .domain([0, max])
    .range([H - PAD.bottom, PAD.top]);
  const line = (key: keyof Omit<SeriesPoint, 't'>) =>
    points
      .map((d, i) => `${i ? 'L' : 'M'}${x(d.t + period / 2).toFixed(1)},${y(d[key]).toFixed(1)}`)
      .join('');
  const totals = {
    requests: sum(points, 'requests'),
    errors: sum(points, 'errors'),
    faults: sum(points, 'faults'),
  };
  const minutes = period / 60;
  return (
    <figure className="map-series">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary(totals, max, minutes)}>
        <line className="map-series-axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <text className="map-series-tick" x={PAD.left - 3} y={PAD.top + 7} textAnchor="end">
          {formatCount(max)}
        </text>
        <text className="map-series-tick" x={PAD.left - 3} y={y(0)} textAnchor="end">
          0
        </text>
        {SERIES.map((s) => (
          <path key={s.key} className={s.className} d={line(s.key)} />
        ))}
      </svg>
      <figcaption className="map-series-legend">
        {SERIES.map((s) => (
          <span key={s.key} className={s.className}>
            {s.label} {formatCount(totals[s.key])}
          </span>
        ))}
        <span className="hint">per {minutes === 1 ? 'minute' : `${minutes} min`}</span>
      </figcaption>
    </figure>
  );
}

function sum(points: readonly SeriesPoint[], key: keyof Omit<SeriesPoint, 't'>): number {
  return points.reduce((s, d) => s + d[key], 0);
}

function summary(
  totals: Record<'requests' | 'errors' | 'faults', number>,
  peak: number,
  minutes: number,
): string {
  return (
    `Over the window: ${totals.requests} requests, ${totals.errors} errors, ${totals.faults} faults; ` +
    `peak ${peak} requests per ${minutes === 1 ? 'minute' : `${minutes} minutes`}.`
  );
}
