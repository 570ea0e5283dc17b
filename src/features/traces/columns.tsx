import type { ReactNode } from 'react';
import { formatDuration, formatTime, type TimeZonePref, truncate } from '../../lib/format.ts';
import { TraceLink } from './trace-link.tsx';
import type { SortKey, TraceRow } from './trace-rows.ts';

/** What every cell may need besides its row; one stable object per render of the list. */
export interface CellContext {
  tz: TimeZonePref;
  links: { href(id: string): string; open(id: string): void };
}

export interface Column {
  id: string;
  title: string;
  /** CSS grid track. */
  width: string;
  sort?: SortKey;
  numeric?: boolean;
  cell(row: TraceRow, ctx: CellContext): ReactNode;
}

/** Long untrusted text: shortened on screen, whole in the tooltip. */
function Text({ value, max = 80 }: { value: string | undefined; max?: number }) {
  if (!value) return <span className="muted">—</span>;
  return <span title={value}>{truncate(value, max)}</span>;
}

/**
 * formatTime builds an Intl.DateTimeFormat per call, and scrolling formats every new row's
 * time; the strings are cached (bounded) because rows come back into view all the time.
 */
const timeCache = new Map<string, string>();
function cachedTime(start: number | undefined, tz: TimeZonePref): string {
  if (start === undefined) return formatTime(start, tz);
  const key = `${tz}:${start}`;
  let s = timeCache.get(key);
  if (s === undefined) {
    if (timeCache.size > 50_000) timeCache.clear();
    s = formatTime(start, tz);
    timeCache.set(key, s);
  }
  return s;
}

export const BASE_COLUMNS: readonly Column[] = [
  {
    id: 'id',
    title: 'ID',
    width: '268px',
    sort: 'id',
    cell: (r, ctx) => <TraceLink id={r.id} links={ctx.links} />,
  },
  {
    id: 'time',
    title: 'Time',
    width: 'minmax(170px, 1.1fr)',
    sort: 'time',
    cell: (r, ctx) => cachedTime(r.start, ctx.tz),
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
