import { scaleLinear } from 'd3-scale';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type Bin, snapToBins } from './bins.ts';
import './histogram.css';

export type { Bin } from './bins.ts';

export interface HistogramProps {
  bins: readonly Bin[];
  /** The committed range, drawn as a highlighted band. */
  selection?: readonly [number, number] | undefined;
  /** Called once per finished drag (snapped to bin edges), or with undefined to clear. */
  onBrush?: (range: [number, number] | undefined) => void;
  formatX: (v: number) => string;
  label: string;
  height?: number;
}

const PAD = { left: 36, right: 8, top: 6, bottom: 20 };

/**
 * A bar chart of pre-computed bins with a drag-to-brush range. Dragging moves an SVG rect
 * directly (no React render per pointer move); the range is reported once, on release.
 * Keyboard: ←/→ move a one-bin cursor, Shift extends it, Enter applies, Escape clears.
 */
export function Histogram({
  bins,
  selection,
  onBrush,
  formatX,
  label,
  height = 120,
}: HistogramProps) {
  const hostRef = useRef<HTMLFieldSetElement>(null);
  const brushRef = useRef<SVGRectElement>(null);
  const dragFrom = useRef<number | undefined>(undefined);
  const [width, setWidth] = useState(600);
  const [cursor, setCursor] = useState<[number, number] | undefined>(undefined);

  useLayoutEffect(() => {
    const el = hostRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(120, Math.floor(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = bins[0];
  const last = bins[bins.length - 1];
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([first?.x0 ?? 0, last?.x1 ?? 1])
        .range([PAD.left, width - PAD.right]),
    [first, last, width],
  );
  const maxCount = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const y = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .range([height - PAD.bottom, PAD.top]);

  const valueAt = (clientX: number) => {
    const left = hostRef.current?.getBoundingClientRect().left ?? 0;
    return x.invert(clientX - left);
  };
  const drawBrush = (a: number, b: number) => {
    const r = brushRef.current;
    if (!r) return;
    const px0 = x(Math.min(a, b));
    r.setAttribute('x', String(px0));
    r.setAttribute('width', String(Math.max(1, x(Math.max(a, b)) - px0)));
    r.style.display = '';
  };
  const hideBrush = () => {
    if (brushRef.current) brushRef.current.style.display = 'none';
  };

  const shown = cursor ?? selection;
  const keyApply = (range: [number, number] | undefined) => {
    setCursor(undefined);
    onBrush?.(range);
  };

  return (
    <fieldset className="histogram" ref={hostRef} aria-label={label}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${label}${onBrush ? ' (drag, or ←/→ with Shift, to select a range)' : ''}`}
        tabIndex={onBrush ? 0 : undefined}
        onPointerDown={(e) => {
          if (!onBrush || e.button !== 0 || bins.length === 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          dragFrom.current = valueAt(e.clientX);
          drawBrush(dragFrom.current, dragFrom.current);
        }}
        onPointerMove={(e) => {
          if (dragFrom.current !== undefined) drawBrush(dragFrom.current, valueAt(e.clientX));
        }}
        onPointerUp={(e) => {
          const from = dragFrom.current;
          dragFrom.current = undefined;
          hideBrush();
          if (from === undefined || !onBrush) return;
          onBrush(snapToBins(bins, from, valueAt(e.clientX)));
        }}
        onKeyDown={(e) => {
          if (!onBrush || bins.length === 0) return;
          if (e.key === 'Escape') return keyApply(undefined);
          if (e.key === 'Enter' && cursor) return keyApply(cursor);
          const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!dir) return;
          e.preventDefault();
          setCursor(moveCursor(bins, cursor ?? selection, dir, e.shiftKey));
        }}
      >
        <title>{label}</title>
        {bins.map((b) => (
          <rect
            key={b.x0}
            className="histogram-bar"
            x={x(b.x0) + 0.5}
            y={y(b.count)}
            width={Math.max(1, x(b.x1) - x(b.x0) - 1)}
            height={Math.max(0, height - PAD.bottom - y(b.count))}
          >
            <title>{`${formatX(b.x0)} – ${formatX(b.x1)}: ${b.count}`}</title>
          </rect>
        ))}
        {shown && (
          <rect
            className="histogram-selection"
            x={x(shown[0])}
            y={PAD.top}
            width={Math.max(1, x(shown[1]) - x(shown[0]))}
            height={height - PAD.top - PAD.bottom}
          />
        )}
        <rect
          ref={brushRef}
          className="histogram-brush"
          y={PAD.top}
          height={height - PAD.top - PAD.bottom}
          style={{ display: 'none' }}
        />
        <line
          className="histogram-axis"
          x1={PAD.left}
          x2={width - PAD.right}
          y1={height - PAD.bottom}
          y2={height - PAD.bottom}
        />
        {x.ticks(Math.max(2, Math.floor(width / 90))).map((t) => (
          <text key={t} className="histogram-tick" x={x(t)} y={height - 5} textAnchor="middle">
            {formatX(t)}
          </text>
        ))}
        <text className="histogram-tick" x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {maxCount}
        </text>
      </svg>
      {shown && (
        <p className="histogram-readout hint" aria-live="polite">
          {formatX(shown[0])} – {formatX(shown[1])}
          {cursor ? ' (Enter to apply)' : ''}
        </p>
      )}
    </fieldset>
  );
}

/** Moves (or, with `extend`, grows) a bin-aligned keyboard selection one bin left or right. */
function moveCursor(
  bins: readonly Bin[],
  current: readonly [number, number] | undefined,
  dir: 1 | -1,
  extend: boolean,
): [number, number] {
  const idx = (v: number) =>
    Math.max(
      0,
      bins.findIndex((b) => b.x0 <= v && v < b.x1),
    );
  const lastIdx = bins.length - 1;
  if (!current) {
    const b = bins[dir > 0 ? 0 : lastIdx]!;
    return [b.x0, b.x1];
  }
  let lo = idx(current[0]);
  let hi = current[1] >= bins[lastIdx]!.x1 ? lastIdx : Math.max(lo, idx(current[1] - 1e-12));
  if (extend) hi = Math.min(lastIdx, Math.max(lo, hi + dir));
  else {
    lo = Math.min(lastIdx, Math.max(0, lo + dir));
    hi = lo;
  }
  return [bins[lo]!.x0, bins[hi]!.x1];
}
