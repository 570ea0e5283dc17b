import { describe, expect, it } from 'vitest';
import { seriesPoints } from './time-series-points.ts';

describe('seriesPoints', () => {
  it('reads service or edge statistics, oldest first', () => {
    expect(
      seriesPoints([
        {
          Timestamp: 120,
          EdgeSummaryStatistics: {
            OkCount: 5,
            ErrorStatistics: { ThrottleCount: 1, OtherCount: 1, TotalCount: 2 },
            FaultStatistics: { TotalCount: 3 },
            TotalCount: 10,
          },
        },
        { Timestamp: 60, ServiceSummaryStatistics: { OkCount: 4, TotalCount: 4 } },
        { ServiceSummaryStatistics: { OkCount: 1 } },
      ]),
    ).toEqual([
      { t: 60, requests: 4, errors: 0, faults: 0 },
      { t: 120, requests: 10, errors: 2, faults: 3 },
    ]);
  });
});
