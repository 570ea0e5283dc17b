/**
 * Pure canvas painter for the minimap: every row of the trace (collapsed or not) as a thin bar,
 * rows squeezed into the canvas height, time across the full trace. One pass, one fillRect per
 * row at most, and rows that fall on the same pixel line and status are merged.
 */
export interface MinimapColors {
  ok: string;
  error: string;
  throttle: string;
  fault: string;
  inprogress: string;
  background: string;
}

export interface MinimapRow {
  /** ms from the trace start. */
  startMs: number;
  endMs: number;
  status: 'ok' | 'error' | 'throttle' | 'fault';
  inProgress: boolean;
}

export function paintMinimap(
  ctx: CanvasRenderingContext2D,
  rows: readonly MinimapRow[],
  totalMs: number,
  width: number,
  height: number,
  colors: MinimapColors,
): void {
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  const n = rows.length;
  if (n === 0 || width <= 0 || height <= 0) return;
  const perRow = height / n;
  const barH = Math.max(1, Math.min(6, perRow - (perRow > 3 ? 1 : 0)));
  const kx = width / Math.max(totalMs, 1e-6);
  // Errors and faults are painted last so a single red bar among thousands stays visible.
  for (const pass of [0, 1] as const) {
    for (let i = 0; i < n; i++) {
      const r = rows[i] as MinimapRow;
      const bad = r.status !== 'ok';
      if ((pass === 1) !== bad) continue;
      ctx.fillStyle = r.inProgress && !bad ? colors.inprogress : colors[r.status];
      const x = r.startMs * kx;
      ctx.fillRect(x, Math.floor(i * perRow), Math.max(1, r.endMs * kx - x), barH);
    }
  }
}

/** Reads the theme's status colours from CSS variables (once per theme change). */
export function readMinimapColors(el: Element): MinimapColors {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    ok: v('--ok', '#009e73'),
    error: v('--error', '#e69f00'),
    throttle: v('--throttle', '#cc79a7'),
    fault: v('--fault', '#d55e00'),
    inprogress: v('--inprogress', '#56b4e9'),
    background: v('--surface-2', '#eef1f5'),
  };
}
