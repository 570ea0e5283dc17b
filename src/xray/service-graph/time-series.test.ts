import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../trace/analyze.ts';
import { assembleTrace } from '../trace/assemble.ts';
import {
  FAULT_TRACE_ID,
  faultDocs,
  THROTTLE_TRACE_ID,
  throttleDocs,
} from '../trace/reference-examples.ts';
import { GraphBucket } from './bucket.ts';
import { type TimedBucket, timeSeriesStatistics } from './time-series.ts';

const fault = analyzeTrace(assembleTrace(FAULT_TRACE_ID, faultDocs));
const throttle = analyzeTrace(assembleTrace(THROTTLE_TRACE_ID, throttleDocs));
const T0 = 1717200000;

function bucketAt(start: number, ...facts: (typeof fault)[]): TimedBucket {
  const bucket = new GraphBucket();
  for (const f of facts) bucket.add(f);
  return { start, bucket };
}

// minute buckets: 2 fault traces at minute 0, 1 throttle trace at minute 2, 1 fault at minute 3
const buckets = [
  bucketAt(T0, fault, fault),
  bucketAt(T0 + 120, throttle),
  bucketAt(T0 + 180, fault),
];

describe('timeSeriesStatistics', () => {
  it('sums a service per period and returns every period of the window', () => {
    const series = timeSeriesStatistics(
      buckets,
      {
        kind: 'service',
        match: (id) => id.Name === 'orders-api' && id.Type === 'AWS::EC2::Instance',
      },
      { start: T0, end: T0 + 300, period: 120 },
    );
    expect(series.map((s) => s.Timestamp)).toEqual([T0, T0 + 120, T0 + 240]);
    expect(series.map((s) => s.ServiceSummaryStatistics?.FaultStatistics?.TotalCount)).toEqual([
      2, 1, 0,
    ]);
    expect(series[0]?.ServiceSummaryStatistics?.TotalResponseTime).toBe(0.602);
    expect(series[0]?.ResponseTimeHistogram).toEqual([{ Value: 0.3, Count: 2 }]);
    expect(series[2]?.ResponseTimeHistogram).toEqual([]);
    expect(series[0]?.EdgeSummaryStatistics).toBeUndefined();
  });

  it('sums the calls on matching edges', () => {
    const series = timeSeriesStatistics(
      buckets,
      {
        kind: 'edge',
        from: (id) => id.Name === 'inventory-svc',
        to: (id) => id.Name === 'inventory',
      },
      { start: T0, end: T0 + 240, period: 60 },
    );
    expect(series.map((s) => s.EdgeSummaryStatistics?.ErrorStatistics?.ThrottleCount)).toEqual([
      0, 0, 1, 0,
    ]);
  });

  it('without a selector reports requests entering the system (client edges)', () => {
    const series = timeSeriesStatistics(
      buckets,
      { kind: 'entry' },
      { start: T0, end: T0 + 240, period: 240 },
    );
    expect(series).toHaveLength(1);
    expect(series[0]?.EdgeSummaryStatistics).toMatchObject({
      TotalCount: 4,
      FaultStatistics: { TotalCount: 3 },
      ErrorStatistics: { ThrottleCount: 1 },
    });
  });

  it('ignores buckets outside the window', () => {
    const series = timeSeriesStatistics(
      buckets,
      { kind: 'entry' },
      { start: T0 + 60, end: T0 + 180, period: 60 },
    );
    expect(series.map((s) => s.EdgeSummaryStatistics?.TotalCount)).toEqual([0, 1]);
  });
});
