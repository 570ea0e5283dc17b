import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { usePreferences } from '../../../ui/preferences.ts';
import { rowSpanMs, type TraceModel } from '../trace-model.ts';
import { type MinimapRow, paintMinimap, readMinimapColors } from './paint-minimap.ts';
import { rowStatus } from './row-display.ts';
import { createTimeScale, type TraceMs, zoomFromDrag } from './time-scale.ts';
import { useBrush } from './use-brush.ts';

const HEIGHT = 48;

/**
 * Overview of the whole trace on a canvas, with the zoom window outlined. Drag to zoom. The
 * canvas repaints only when the trace, the theme or the width changes, never on zoom or scroll.
 */
export function Minimap({
  model,
  window,
  onZoom,
}: {
  model: TraceModel;
  window: readonly [TraceMs, TraceMs];
  onZoom: (range: [TraceMs, TraceMs]) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const brush = useRef<HTMLDivElement>(null);
  const theme = usePreferences((s) => s.theme);
  const [width, setWidth] = useState(0);
  const mini = useRef<{ model: TraceModel; rows: MinimapRow[] }>(undefined);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  // Painted after the waterfall's first frame: on a 100k-row trace the overview must not delay
  // the rows an engineer is waiting for.
  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (mini.current?.model !== model) mini.current = { model, rows: minimapRows(model) };
        const dpr = globalThis.devicePixelRatio || 1;
        c.width = Math.round(width * dpr);
        c.height = Math.round(HEIGHT * dpr);
        const ctx = c.getContext('2d');
        if (!ctx) return;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        // `theme` is a dependency so the canvas re-reads the CSS variables when it changes.
        void theme;
        paintMinimap(ctx, mini.current.rows, model.totalMs, width, HEIGHT, readMinimapColors(c));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [model, width, theme]);

  const full = createTimeScale([0, model.totalMs], width);
  useBrush(host, brush, (a, b) => {
    const z = zoomFromDrag(full, a, b);
    if (z) onZoom(z);
  });
  const zoomed = window[0] > 0 || window[1] < model.totalMs;
  return (
    <div ref={host} className="wf-minimap" title="Drag to zoom">
      <canvas
        ref={canvas}
        style={{ width: '100%', height: HEIGHT }}
        role="img"
        aria-label="Overview of the whole trace"
      />
      {zoomed && width > 0 && (
        <div
          className="wf-minimap-window"
          style={{
            left: full.x(window[0]),
            width: Math.max(2, full.x(window[1]) - full.x(window[0])),
          }}
        />
      )}
      <div ref={brush} className="wf-brush" />
    </div>
  );
}

function minimapRows(model: TraceModel): MinimapRow[] {
  return model.rows.map((r) => {
    const [startMs, endMs] = rowSpanMs(model, r);
    return { startMs, endMs, status: rowStatus(r), inProgress: r.end === undefined };
  });
}
