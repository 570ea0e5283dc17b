import { useRef } from 'react';
import { type TimeScale, type TraceMs, zoomFromDrag } from './time-scale.ts';
import { useBrush } from './use-brush.ts';

/**
 * Tick labels (ms/s from the trace start) over the bar column. Dragging across it zooms into the
 * dragged range; the parent writes the zoom to the URL.
 */
export function TimeAxis({
  scale,
  onZoom,
  axisRef,
}: {
  scale: TimeScale;
  onZoom: (range: [TraceMs, TraceMs]) => void;
  axisRef: React.RefObject<HTMLDivElement | null>;
}) {
  const overlay = useRef<HTMLDivElement>(null);
  useBrush(axisRef, overlay, (a, b) => {
    const z = zoomFromDrag(scale, a, b);
    if (z) onZoom(z);
  });
  const ticks = scale.width > 1 ? scale.ticks() : [];
  return (
    <div ref={axisRef} className="wf-axis" title="Drag to zoom into a time range">
      {ticks.map((t) => {
        const x = scale.x(t);
        // A label would be clipped at the right edge, or collide with its neighbour if it hung
        // left: the last few pixels carry no label.
        if (x > scale.width - 48) return null;
        return (
          <span key={t} className="wf-tick" style={{ left: x }}>
            {scale.tickLabel(t)}
          </span>
        );
      })}
      <div ref={overlay} className="wf-brush" />
    </div>
  );
}
