import { scaleLinear } from 'd3-scale';

/**
 * The timeline's one time↔pixel conversion. Times are milliseconds relative to the trace start
 * (`TraceMs`): small numbers that keep sub-millisecond precision, unlike epoch milliseconds.
 */
export type TraceMs = number & { readonly __unit?: 'ms-from-trace-start' };

export interface TimeScale {
  readonly domain: readonly [TraceMs, TraceMs];
  readonly width: number;
  /** Pixel offset of a time. Not clamped: bars outside the zoom window start/end off-screen. */
  x(ms: TraceMs): number;
  /** Time at a pixel offset, clamped to the domain. */
  ms(px: number): TraceMs;
  /** Nice tick positions inside the domain, about one per `spacingPx`. */
  ticks(spacingPx?: number): TraceMs[];
  /** Label for a tick, precision from the tick step: "0 ms", "250 ms", "1.5 s". */
  tickLabel(ms: TraceMs): string;
}

export function createTimeScale(domain: readonly [TraceMs, TraceMs], width: number): TimeScale {
  const [d0, d1] = domain;
  const span = Math.max(d1 - d0, 1e-6);
  const s = scaleLinear()
    .domain([d0, d0 + span])
    .range([0, Math.max(width, 1)]);
  let step = span;
  return {
    domain,
    width,
    x: (ms) => s(ms),
    ms: (px) => Math.min(d0 + span, Math.max(d0, s.invert(px))),
    ticks(spacingPx = 90) {
      const count = Math.max(2, Math.floor(width / spacingPx));
      const t = s.ticks(count);
      step = t.length > 1 ? (t[1] as number) - (t[0] as number) : span;
      return t;
    },
    tickLabel: (ms) => formatRelativeMs(ms, step),
  };
}

/** "120 ms", "0.25 ms", "1.5 s": as many decimals as the step needs; seconds once steps reach 0.5 s. */
export function formatRelativeMs(ms: number, stepMs: number): string {
  if (stepMs >= 500 || Math.abs(ms) >= 10_000) {
    const decimals = Math.max(0, Math.min(3, -Math.floor(Math.log10(stepMs / 1000) + 1e-9)));
    return `${(ms / 1000).toFixed(decimals)} s`;
  }
  const decimals = Math.max(0, Math.min(3, -Math.floor(Math.log10(stepMs) + 1e-9)));
  return `${ms.toFixed(decimals)} ms`;
}

/** Smallest zoom window, in ms: below it bars would be wider than any screen. */
export const MIN_ZOOM_MS = 0.01;

/** Parses the URL's `zoom` ("120-480", ms from trace start); undefined when absent or empty. */
export function parseZoom(s: string | undefined): [TraceMs, TraceMs] | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(b > a)) return undefined;
  return [a, b];
}

/** Rounds to 0.01 ms so links stay short; the inverse of parseZoom. */
export function formatZoom([a, b]: readonly [TraceMs, TraceMs]): string {
  const r = (v: number) => String(Math.round(v * 100) / 100);
  return `${r(a)}-${r(b)}`;
}

/**
 * The window actually shown: the URL's zoom clipped to the trace, or the whole trace when the zoom
 * is absent, outside the trace or narrower than MIN_ZOOM_MS.
 */
export function effectiveWindow(
  zoom: readonly [TraceMs, TraceMs] | undefined,
  totalMs: TraceMs,
): [TraceMs, TraceMs] {
  const total = Math.max(totalMs, MIN_ZOOM_MS);
  if (!zoom) return [0, total];
  const a = Math.max(0, zoom[0]);
  const b = Math.min(total, zoom[1]);
  if (b - a < MIN_ZOOM_MS) return [0, total];
  return [a, b];
}

/** Zoom window for a drag between two pixels (either direction); undefined for a click. */
export function zoomFromDrag(
  scale: TimeScale,
  px0: number,
  px1: number,
  minDragPx = 4,
): [TraceMs, TraceMs] | undefined {
  if (Math.abs(px1 - px0) < minDragPx) return undefined;
  const a = scale.ms(Math.min(px0, px1));
  const b = scale.ms(Math.max(px0, px1));
  return b - a >= MIN_ZOOM_MS ? [a, b] : undefined;
}
