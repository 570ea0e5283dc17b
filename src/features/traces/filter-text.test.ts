import { describe, expect, it } from 'vitest';
import {
  andFilters,
  brushRange,
  effectiveFilter,
  quote,
  responseTimeClause,
  withResponseTimeRange,
} from './filter-text.ts';

describe('quote', () => {
  it('escapes quotes and backslashes', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quote('/api/cart')).toBe('"/api/cart"');
  });
});

describe('andFilters', () => {
  it('skips empty parts and returns a single part unchanged', () => {
    expect(andFilters(undefined, ' ', 'fault')).toBe('fault');
    expect(andFilters()).toBeUndefined();
  });
  it('parenthesises parts with a top-level OR only', () => {
    expect(andFilters('fault OR error', 'http.status = 500')).toBe(
      '(fault OR error) AND http.status = 500',
    );
    expect(andFilters('a || b', 'c')).toBe('(a || b) AND c');
    expect(andFilters('http.url = "x OR y"', 'service("s") { a OR b }')).toBe(
      'http.url = "x OR y" AND service("s") { a OR b }',
    );
    expect(andFilters('color = "or"', 'ok')).toBe('color = "or" AND ok');
  });
  it('combines a group filter with the box filter', () => {
    expect(effectiveFilter('service("a") OR service("b")', 'fault')).toBe(
      '(service("a") OR service("b")) AND fault',
    );
    expect(effectiveFilter(undefined, 'fault')).toBe('fault');
  });
});

describe('responseTimeClause', () => {
  it('prints seconds without float noise', () => {
    expect(responseTimeClause([0.1 + 0.2, 1])).toBe('responsetime >= 0.3 AND responsetime <= 1');
  });
});

describe('withResponseTimeRange', () => {
  // Stands in for the parser: rejects dangling ANDs and empty braces.
  const valid = (t: string) => !/\{\s*AND|AND\s*\}|\{\s*\}|AND$/.test(t);
  it('adds, replaces and removes the brush clause', () => {
    const once = withResponseTimeRange('fault', [0.1, 0.2], valid);
    expect(once).toBe('fault AND responsetime >= 0.1 AND responsetime <= 0.2');
    expect(brushRange(once)).toEqual([0.1, 0.2]);
    const twice = withResponseTimeRange(once, [0.3, 0.5], valid);
    expect(twice).toBe('fault AND responsetime >= 0.3 AND responsetime <= 0.5');
    expect(withResponseTimeRange(twice, undefined, valid)).toBe('fault');
    expect(withResponseTimeRange(undefined, [1, 2], valid)).toBe(
      'responsetime >= 1 AND responsetime <= 2',
    );
  });
  it('leaves a nested clause alone when removing it would break the expression', () => {
    const nested = 'service("a") { responsetime >= 1 AND responsetime <= 2 }';
    expect(withResponseTimeRange(nested, [3, 4], valid)).toBe(
      `${nested} AND responsetime >= 3 AND responsetime <= 4`,
    );
  });
});
