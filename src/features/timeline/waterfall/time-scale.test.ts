import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTimeScale,
  effectiveWindow,
  formatRelativeMs,
  formatZoom,
  MIN_ZOOM_MS,
  parseZoom,
  zoomFromDrag,
} from './time-scale.ts';

describe('time scale', () => {
  it('maps the domain onto the width and back', () => {
    const s = createTimeScale([100, 300], 400);
    expect(s.x(100)).toBe(0);
    expect(s.x(300)).toBe(400);
    expect(s.x(200)).toBe(200);
    expect(s.ms(100)).toBe(150);
    // Outside the track the inverse clamps; x does not (bars may start off-screen).
    expect(s.ms(-50)).toBe(100);
    expect(s.ms(900)).toBe(300);
    expect(s.x(0)).toBe(-200);
  });

  it('round-trips any time inside the domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 50, max: 5000 }),
        (a, span, f, w) => {
          const s = createTimeScale([a, a + span], w);
          const t = a + f * span;
          expect(s.ms(s.x(t))).toBeCloseTo(t, 6);
        },
      ),
    );
  });

  it('ticks are inside the domain, ascending, labelled in ms or s', () => {
    const s = createTimeScale([0, 1800], 900);
    const ticks = s.ticks();
    expect(ticks.length).toBeGreaterThan(2);
    expect(
      ticks.every((t, i) => t >= 0 && t <= 1800 && (i === 0 || t > (ticks[i - 1] as number))),
    ).toBe(true);
    expect(s.tickLabel(ticks[1] as number)).toMatch(/ ms$/);
    const long = createTimeScale([0, 12_000], 900);
    const lt = long.ticks();
    expect(long.tickLabel(lt[1] as number)).toMatch(/ s$/);
  });

  it('formats relative times with the precision the step needs', () => {
    expect(formatRelativeMs(250, 50)).toBe('250 ms');
    expect(formatRelativeMs(0.25, 0.05)).toBe('0.25 ms');
    expect(formatRelativeMs(1500, 500)).toBe('1.5 s');
    expect(formatRelativeMs(2000, 1000)).toBe('2 s');
  });
});

describe('zoom', () => {
  it('parses and formats the URL form', () => {
    expect(parseZoom('120-480')).toEqual([120, 480]);
    expect(parseZoom('1.5-2.25')).toEqual([1.5, 2.25]);
    expect(parseZoom('480-120')).toBeUndefined();
    expect(parseZoom('5-5')).toBeUndefined();
    expect(parseZoom('abc')).toBeUndefined();
    expect(parseZoom(undefined)).toBeUndefined();
    expect(formatZoom([1.23456, 99.999])).toBe('1.23-100');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, d) => {
        expect(parseZoom(formatZoom([a / 100, (a + d) / 100]))).toEqual([a / 100, (a + d) / 100]);
      }),
    );
  });

  it('clips the window to the trace and falls back to the whole trace', () => {
    expect(effectiveWindow(undefined, 500)).toEqual([0, 500]);
    expect(effectiveWindow([100, 200], 500)).toEqual([100, 200]);
    expect(effectiveWindow([400, 900], 500)).toEqual([400, 500]);
    expect(effectiveWindow([600, 900], 500)).toEqual([0, 500]);
    expect(effectiveWindow([0, 0.001], 500)).toEqual([0, 500]);
    expect(effectiveWindow(undefined, 0)).toEqual([0, MIN_ZOOM_MS]);
  });

  it('a drag selects the range under it, in either direction; a click does nothing', () => {
    const s = createTimeScale([0, 1000], 500);
    expect(zoomFromDrag(s, 100, 200)).toEqual([200, 400]);
    expect(zoomFromDrag(s, 200, 100)).toEqual([200, 400]);
    expect(zoomFromDrag(s, 100, 102)).toBeUndefined();
    expect(zoomFromDrag(s, -50, 600)).toEqual([0, 1000]);
  });
});
