import { describe, expect, it } from 'vitest';
import { formatDuration, safeHref, truncate } from './format.ts';

describe('formatDuration', () => {
  it('picks the unit that reads best, without "1000 µs" or "1000 ms" at the edges', () => {
    expect(formatDuration(0.000_25)).toBe('250 µs');
    expect(formatDuration(0.000_999_9)).toBe('1.0 ms');
    expect(formatDuration(0.004_2)).toBe('4.2 ms');
    expect(formatDuration(0.412)).toBe('412 ms');
    expect(formatDuration(0.999_9)).toBe('1.00 s');
    expect(formatDuration(2.345)).toBe('2.35 s');
    expect(formatDuration(72)).toBe('1 min 12 s');
  });
  it('keeps the sign of a negative (clock-skewed) duration and a dash for missing values', () => {
    expect(formatDuration(-1)).toBe('−1.00 s');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('safeHref and truncate', () => {
  it('only http(s) URLs from trace data become links', () => {
    expect(safeHref('https://shop.example.com/cart')).toBe('https://shop.example.com/cart');
    expect(safeHref('javascript:window.__pwned=1')).toBeUndefined();
    expect(safeHref('data:text/html,<script>1</script>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
  it('cuts long strings with an ellipsis', () => {
    expect(truncate('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(truncate('short', 10)).toBe('short');
  });
});
