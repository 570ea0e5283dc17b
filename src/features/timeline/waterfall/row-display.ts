import type { SegmentDoc, SubsegmentDoc } from '../../../xray/types.ts';

/** Pure display derivations for one waterfall row; computed only for rows on screen. */

export type RowStatus = 'ok' | 'error' | 'throttle' | 'fault';

export interface StatusFlags {
  error: boolean;
  throttle: boolean;
  fault: boolean;
}

/** Worst outcome first: a fault outranks a throttle, which outranks a plain error. */
export function rowStatus(r: StatusFlags): RowStatus {
  if (r.fault) return 'fault';
  if (r.throttle) return 'throttle';
  if (r.error) return 'error';
  return 'ok';
}

/** "GET 200", "DynamoDB GetItem", "postgresql": what the piece called, in a few characters. */
export function callLabel(doc: SegmentDoc | SubsegmentDoc): string | undefined {
  const d = doc as SubsegmentDoc & SegmentDoc;
  const op = d.aws?.operation;
  if (typeof op === 'string' && op !== '') return op;
  const method = d.http?.request?.method;
  const status = d.http?.response?.status;
  if (method !== undefined || status !== undefined)
    return [method, status].filter((v) => v !== undefined).join(' ');
  if (d.sql) return d.sql.database_type ?? 'SQL';
  return undefined;
}

/** A short tag that makes inferred segments and remote/AWS calls recognisable. */
export function kindTag(
  kind: 'segment' | 'subsegment' | 'inferred',
  doc: SegmentDoc | SubsegmentDoc,
): string | undefined {
  if (kind === 'inferred') return 'inferred';
  if (kind === 'segment') return undefined;
  const ns = (doc as SubsegmentDoc).namespace;
  if (ns === 'remote') return (doc as SubsegmentDoc).sql ? 'sql' : 'remote';
  if (ns === 'aws') return 'aws';
  return undefined;
}

/** Accessible row summary: status in words, so colour never carries meaning alone. */
export function rowAriaLabel(p: {
  name: string;
  service: string;
  status: RowStatus;
  inProgress: boolean;
  duration: string;
  tag: string | undefined;
  critical: boolean;
  match: boolean;
}): string {
  const parts = [`${p.name} (${p.service})`];
  if (p.tag) parts.push(p.tag);
  parts.push(p.inProgress ? 'in progress' : p.status);
  if (p.inProgress && p.status !== 'ok') parts.push(p.status);
  // An in-progress piece has no duration yet (the duration column says "in progress").
  if (!p.inProgress) parts.push(p.duration);
  if (p.critical) parts.push('on critical path');
  if (p.match) parts.push('matches search');
  return parts.join(', ');
}
