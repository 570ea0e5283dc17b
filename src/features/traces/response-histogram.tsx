import { useMemo } from 'react';
import { formatDuration } from '../../lib/format.ts';
import { binValues } from '../../ui/histogram/bins.ts';
import { Histogram } from '../../ui/histogram/histogram.tsx';
import { brushRange } from './filter-text.ts';
import type { TraceRow } from './trace-rows.ts';

/** Response times of the loaded traces; brushing narrows the filter to the dragged range. */
export function ResponseHistogram({
  rows,
  filter,
  onBrush,
}: {
  rows: readonly TraceRow[];
  filter: string | undefined;
  onBrush: (range: [number, number] | undefined) => void;
}) {
  const bins = useMemo(
    () =>
      binValues(
        rows.map((r) => r.responseTime ?? Number.NaN),
        40,
      ),
    [rows],
  );
  if (bins.length === 0) return null;
  return (
    <div className="response-histogram">
      <Histogram
        bins={bins}
        selection={brushRange(filter)}
        onBrush={onBrush}
        formatX={formatDuration}
        label="Response time distribution of the loaded traces"
        height={110}
      />
    </div>
  );
}
