import { describe, expect, it } from 'vitest';
import { deriveSegmentId, isSegmentId, isTraceId, normalizeTraceId, traceIdEpoch } from './ids.ts';

describe('isTraceId', () => {
  it('accepts the X-Ray form in either case', () => {
    expect(isTraceId('1-665a6480-75ed1faa09214d2e66193645')).toBe(true);
    expect(isTraceId('1-665A6480-75ED1FAA09214D2E66193645')).toBe(true);
  });
  it('rejects other versions, lengths and non-strings', () => {
    expect(isTraceId('2-665a6480-75ed1faa09214d2e66193645')).toBe(false);
    expect(isTraceId('1-665a648-75ed1faa09214d2e66193645')).toBe(false);
    expect(isTraceId('1-665a6480-75ed1faa09214d2e6619364')).toBe(false);
    expect(isTraceId('1-665a6480-75ed1faa09214d2e6619364g')).toBe(false);
    expect(isTraceId(' 1-665a6480-75ed1faa09214d2e66193645')).toBe(false);
    expect(isTraceId(42)).toBe(false);
  });
});

describe('isSegmentId', () => {
  it('accepts exactly 16 hex digits', () => {
    expect(isSegmentId('5b79c484be4cad27')).toBe(true);
    expect(isSegmentId('5B79C484BE4CAD27')).toBe(true);
    expect(isSegmentId('5b79c484be4cad2')).toBe(false);
    expect(isSegmentId('5b79c484be4cad27a')).toBe(false);
    expect(isSegmentId('00000000')).toBe(false);
    expect(isSegmentId(undefined)).toBe(false);
  });
});

describe('traceIdEpoch', () => {
  it('reads the hex time part as epoch seconds', () => {
    expect(traceIdEpoch('1-665a6480-75ed1faa09214d2e66193645')).toBe(1717200000);
    expect(traceIdEpoch('1-665a64fb-4e6ae24c9dbd20e2b05f4fa6')).toBe(1717200123);
  });
  it('is undefined for non-trace-ids', () => {
    expect(traceIdEpoch('nope')).toBeUndefined();
  });
});

describe('normalizeTraceId', () => {
  it('lower-cases the X-Ray form and trims', () => {
    expect(normalizeTraceId('  1-665A6480-75ED1FAA09214D2E66193645\n')).toBe(
      '1-665a6480-75ed1faa09214d2e66193645',
    );
  });
  it('converts a 32-hex W3C id', () => {
    expect(normalizeTraceId('4efaaf4d1e8720b39541901950019ee5')).toBe(
      '1-4efaaf4d-1e8720b39541901950019ee5',
    );
  });
  it('reads Root= from a tracing header', () => {
    expect(
      normalizeTraceId(
        'Root=1-665a6480-75ed1faa09214d2e66193645;Parent=5b79c484be4cad27;Sampled=1',
      ),
    ).toBe('1-665a6480-75ed1faa09214d2e66193645');
  });
  it('returns undefined for junk', () => {
    for (const junk of [
      '',
      'hello',
      '1-665a6480',
      '4efaaf4d1e8720b39541901950019ee',
      'Root=abc;Parent=x',
      '1-665a6480-75ed1faa09214d2e66193645x',
    ]) {
      expect(normalizeTraceId(junk)).toBeUndefined();
    }
  });
});

describe('deriveSegmentId', () => {
  it('is a deterministic 16-hex id that depends on the seed', () => {
    const a = deriveSegmentId('inferred:d4719f41cb7ccc6d');
    expect(isSegmentId(a)).toBe(true);
    expect(deriveSegmentId('inferred:d4719f41cb7ccc6d')).toBe(a);
    expect(deriveSegmentId('inferred:d4719f41cb7ccc6e')).not.toBe(a);
  });
  it('does not collide over many sequential seeds', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(deriveSegmentId(`t:${i}`));
    expect(seen.size).toBe(100_000);
  });
});
