import { describe, expect, it } from 'vitest';
import { absoluteHref, embedHref } from './links.ts';

const origin = 'http://127.0.0.1:4100';
const now = Date.parse('2026-11-23T12:00:00Z');

describe('absoluteHref', () => {
  it('pins a relative range to the window it covers now, keeping every other parameter', () => {
    const url = new URL(
      absoluteHref(origin, '/traces?last=%2215m%22&filter=%22fault%22&group=%22g%22', now),
    );
    expect(url.pathname).toBe('/traces');
    expect(url.searchParams.get('last')).toBeNull();
    expect(url.searchParams.get('from')).toBe('"2026-11-23T11:45:00Z"');
    expect(url.searchParams.get('to')).toBe('"2026-11-23T12:00:00Z"');
    expect(url.searchParams.get('filter')).toBe('"fault"');
    expect(url.searchParams.get('group')).toBe('"g"');
  });

  it('uses the default hour when there is no range, and keeps an absolute one as it is', () => {
    const def = new URL(absoluteHref(origin, '/map', now));
    expect(def.searchParams.get('from')).toBe('"2026-11-23T11:00:00Z"');
    const abs = new URL(
      absoluteHref(
        origin,
        '/map?from=%222026-11-20T10:00:00Z%22&to=%222026-11-20T11:00:00Z%22',
        now,
      ),
    );
    expect(abs.searchParams.get('from')).toBe('"2026-11-20T10:00:00Z"');
    expect(abs.searchParams.get('to')).toBe('"2026-11-20T11:00:00Z"');
  });
});

describe('embedHref', () => {
  it('adds the embed flag', () => {
    expect(new URL(embedHref(origin, '/map?node=%22x%22')).searchParams.get('embed')).toBe('true');
  });
});
