import { randomBytes } from 'node:crypto';
import type { SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function traceId(startSec: number): string {
  return `1-${Math.floor(startSec).toString(16).padStart(8, '0')}-${hex(12)}`;
}

export interface TraceSpec {
  start: number;
  service?: string;
  status?: number;
  duration?: number;
  user?: string;
  annotations?: Record<string, string | number | boolean>;
  /** Adds a DynamoDB call (namespace aws) to the root segment. */
  table?: string;
  inProgress?: boolean;
}

/** A small realistic trace: one segment, optionally with a DynamoDB subsegment. */
export function makeTrace(spec: TraceSpec): { id: string; segment: SegmentDoc } {
  const id = traceId(spec.start);
  const status = spec.status ?? 200;
  const duration = spec.duration ?? 0.05;
  const subsegments: SubsegmentDoc[] = spec.table
    ? [
        {
          id: hex(8),
          name: 'DynamoDB',
          namespace: 'aws',
          start_time: spec.start + 0.001,
          end_time: spec.start + duration / 2,
          aws: { operation: 'GetItem', table_name: spec.table, resource_names: [spec.table] },
          http: { response: { status: 200 } },
        },
      ]
    : [];
  const segment: SegmentDoc = {
    id: hex(8),
    name: spec.service ?? 'orders-api',
    trace_id: id,
    start_time: spec.start,
    ...(spec.inProgress ? { in_progress: true } : { end_time: spec.start + duration }),
    origin: 'AWS::EC2::Instance',
    http: {
      request: {
        method: 'GET',
        url: `https://shop.example.com/orders/${hex(2)}`,
        user_agent: 'test/1.0',
        client_ip: '10.0.0.1',
      },
      response: { status },
    },
    ...(status >= 500 ? { fault: true } : {}),
    ...(status >= 400 && status < 500 ? { error: true } : {}),
    ...(status === 429 ? { throttle: true } : {}),
    ...(spec.user ? { user: spec.user } : {}),
    ...(spec.annotations ? { annotations: spec.annotations } : {}),
    ...(subsegments.length > 0 ? { subsegments } : {}),
  };
  return { id, segment };
}

/** Seconds since the epoch, now. */
export const nowSec = () => Date.now() / 1000;
/** A Date from epoch seconds (the SDK takes Dates for timestamps). */
export const at = (sec: number) => new Date(sec * 1000);
