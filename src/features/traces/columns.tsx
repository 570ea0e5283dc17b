import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDuration, formatTime, type TimeZonePref, truncate } from '../../lib/format.ts';
import type { SortKey, TraceRow } from './trace-rows.ts';

export interface Column {
  id: string;
  title: string;
  /** CSS grid track. */
  width: string;
  sort?: SortKey;
  numeric?: boolean;
  cell(row: TraceRow, tz: TimeZonePref): ReactNode;
}

/** Long untrusted text: shortened on screen, whole in the tooltip. */
function Text({ value, max = 80 }: { value: string | undefined; max?: number }) {
  if (!value) return <span className="muted">—</span>;
  return <span title={value}>{truncate(value, max)}</span>;
}

export const BASE_COLUMNS: readonly Column[] = [
  {
    id: 'id',
    title: 'ID',
    width: '268px',
    sort: 'id',
    cell: (r) => (
      <Link
        to="/trace/$traceId"
        params={{ traceId: r.id }}
        search={(s) => ({ ...s })}
        className="mono"
        title={r.id}
      >
        {r.id}
      </Link>
    ),
  },
  {
    id: 'time',
    title: 'Time',
    width: 'minmax(170px, 1.1fr)',
    sort: 'time',
    cell: (r, tz) => formatTime(r.start, tz),
  },
  {
    id: 'status',
    title: 'Status',
    width: '92px',
    sort: 'status',
    cell: (r) => (
      <span
        className={`status status-${r.status}`}
        title={r.partial ? 'partial: some segments are still in progress' : undefined}
      >
        {r.status}
        {r.partial ? ' (partial)' : ''}
      </span>
    ),
  },
  {
    id: 'method',
    title: 'Method',
    width: '70px',
    sort: 'method',
    cell: (r) => <Text value={r.method} max={10} />,
  },
  {
    id: 'code',
    title: 'Code',
    width: '56px',
    sort: 'code',
    numeric: true,
    cell: (r) => r.code ?? '—',
  },
  {
    id: 'url',
    title: 'URL',
    width: 'minmax(180px, 2.5fr)',
    sort: 'url',
    cell: (r) => <Text value={r.url} />,
  },
  {
    id: 'responsetime',
    title: 'Response',
    width: '84px',
    sort: 'responsetime',
    numeric: true,
    cell: (r) => formatDuration(r.responseTime),
  },
  {
    id: 'duration',
    title: 'Duration',
    width: '84px',
    sort: 'duration',
    numeric: true,
    cell: (r) => formatDuration(r.duration),
  },
  {
    id: 'client',
    title: 'Client / user',
    width: 'minmax(110px, 1fr)',
    sort: 'client',
    cell: (r) => <Text value={[r.clientIp, ...r.users].filter(Boolean).join(' · ')} max={40} />,
  },
];

/** An extra column showing one annotation (picked in the column picker). */
export function annotationColumn(key: string): Column {
  return {
    id: `annotation.${key}`,
    title: key,
    width: 'minmax(80px, 0.8fr)',
    cell: (r) => {
      const v = r.annotations[key];
      return <Text value={v === undefined ? undefined : String(v)} max={40} />;
    },
  };
}
