import { type RefObject, useEffect, useRef } from 'react';

/**
 * Horizontal drag-to-select on an element. The selection rectangle (`overlay`) is moved through
 * its style while dragging, so a drag renders React once, at the end, via `onBrush(px0, px1)`
 * (pixels relative to the element's left edge).
 */
export function useBrush(
  target: RefObject<HTMLElement | null>,
  overlay: RefObject<HTMLElement | null>,
  onBrush: (px0: number, px1: number) => void,
): void {
  const onBrushRef = useRef(onBrush);
  onBrushRef.current = onBrush;
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let origin: number | undefined;
    const localX = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return Math.max(0, Math.min(r.width, e.clientX - r.left));
    };
    const paint = (a: number, b: number) => {
      const o = overlay.current;
      if (!o) return;
      o.style.display = 'block';
      o.style.left = `${Math.min(a, b)}px`;
      o.style.width = `${Math.abs(b - a)}px`;
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      origin = localX(e);
      el.setPointerCapture(e.pointerId);
      paint(origin, origin);
    };
    const move = (e: PointerEvent) => {
      if (origin !== undefined) paint(origin, localX(e));
    };
    const up = (e: PointerEvent) => {
      if (origin === undefined) return;
      const a = origin;
      origin = undefined;
      if (overlay.current) overlay.current.style.display = 'none';
      onBrushRef.current(a, localX(e));
    };
    const cancel = () => {
      origin = undefined;
      if (overlay.current) overlay.current.style.display = 'none';
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', cancel);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', cancel);
    };
  }, [target, overlay]);
}
