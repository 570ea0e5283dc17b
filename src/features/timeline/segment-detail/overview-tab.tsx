import { formatDuration, formatTime, type TimeZonePref } from '../../../lib/format.ts';
import type { TraceRow } from '../../../xray/trace/tree.ts';
import type { SegmentDoc, SubsegmentDoc } from '../../../xray/types.ts';
import { rowStatus } from '../waterfall/row-display.ts';
import { Field, Fields, LongText, UrlText } from './fields.tsx';

/** Name, ids, origin, timing, outcome, HTTP request/response and user of one piece. */
export function OverviewTab({
  row,
  traceId,
  parentName,
  tz,
}: {
  row: TraceRow;
  traceId: string;
  parentName: string | undefined;
  tz: TimeZonePref;
}) {
  const d = row.doc as SegmentDoc & SubsegmentDoc;
  const req = d.http?.request;
  const res = d.http?.response;
  const status = rowStatus(row);
  return (
    <>
      <Fields label="Overview">
        <Field name="Name" value={<LongText text={row.name} />} />
        <Field name="Kind" value={row.kind} />
        <Field name="Service" value={<LongText text={row.service} />} />
        <Field name="ID" value={<code>{d.id}</code>} />
        <Field name="Trace ID" value={<code>{d.trace_id ?? traceId}</code>} />
        <Field
          name="Parent"
          value={
            d.parent_id || parentName ? (
              <>
                {parentName && <LongText text={parentName} limit={80} />}{' '}
                {d.parent_id && <code>{d.parent_id}</code>}
              </>
            ) : undefined
          }
        />
        <Field name="Origin" value={typeof d.origin === 'string' ? d.origin : undefined} />
        <Field name="Namespace" value={typeof d.namespace === 'string' ? d.namespace : undefined} />
        <Field name="Start" value={formatTime(row.start, tz)} />
        <Field name="End" value={row.end === undefined ? 'in progress' : formatTime(row.end, tz)} />
        <Field
          name="Duration"
          value={row.end === undefined ? 'in progress' : formatDuration(row.end - row.start)}
        />
        <Field
          name="Status"
          value={<span className={`status status-${status}`}>{statusText(row)}</span>}
        />
        {row.clockSkew && (
          <Field name="Clock skew" value="Starts before its parent: the hosts' clocks disagree" />
        )}
        <Field
          name="User"
          value={typeof d.user === 'string' ? <LongText text={d.user} /> : undefined}
        />
      </Fields>
      {(req || res) && (
        <>
          <h3>HTTP</h3>
          <Fields label="HTTP">
            <Field name="Method" value={scalar(req?.method)} />
            <Field
              name="URL"
              value={typeof req?.url === 'string' ? <UrlText url={req.url} /> : undefined}
            />
            <Field name="Status" value={scalar(res?.status)} />
            <Field name="Content length" value={scalar(res?.content_length)} />
            <Field
              name="User agent"
              value={
                typeof req?.user_agent === 'string' ? <LongText text={req.user_agent} /> : undefined
              }
            />
            <Field name="Client IP" value={scalar(req?.client_ip)} />
            <Field name="X-Forwarded-For" value={scalar(req?.x_forwarded_for)} />
            <Field name="Traced" value={scalar(req?.traced)} />
          </Fields>
        </>
      )}
    </>
  );
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : undefined;
}

function statusText(r: TraceRow): string {
  const parts: string[] = [];
  if (r.fault) parts.push('fault (5xx)');
  if (r.throttle) parts.push('throttle (429)');
  if (r.error && !r.throttle) parts.push('error (4xx)');
  if (r.end === undefined) parts.push('in progress');
  return parts.length ? parts.join(', ') : 'ok';
}
