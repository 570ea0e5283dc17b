import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../xray/types.ts';
import { rowsFromPages, sortRows, statusOf, toRow } from './trace-rows.ts';

const summary = (over: Partial<TraceSummary>): TraceSummary => ({
  Id: '1-5759e988-bd862e3fe1be46a994272793',
  StartTime: 100,
  ...over,
});

describe('statusOf', () => {
  it('ranks fault over throttle over error', () => {
    expect(statusOf(summary({ HasFault: true, HasError: true }))).toBe('fault');
    expect(statusOf(summary({ HasThrottle: true, HasError: true }))).toBe('throttle');
    expect(statusOf(summary({ HasError: true }))).toBe('error');
    expect(statusOf(summary({}))).toBe('ok');
  });
});

describe('toRow', () => {
  it('flattens http, users and typed annotations', () => {
    const r = toRow(
      summary({
        Http: { HttpMethod: 'GET', HttpStatus: 404, HttpURL: 'https://x/a', ClientIp: '10.0.0.1' },
        Users: [{ UserName: 'alice' }, {}],
        Annotations: {
          tier: [{ AnnotationValue: { StringValue: 'gold' } }],
          items: [{ AnnotationValue: { NumberValue: 3 } }],
          beta: [{ AnnotationValue: { BooleanValue: false } }],
        },
      }),
    );
    expect(r).toMatchObject({ method: 'GET', code: 404, url: 'https://x/a', users: ['alice'] });
    expect(r.annotations).toEqual({ tier: 'gold', items: 3, beta: false });
  });
});

describe('rowsFromPages / sortRows', () => {
  const a = summary({ Id: 'a', ResponseTime: 0.3 });
  const b = summary({ Id: 'b', ResponseTime: 0.1 });
  const c = summary({ Id: 'c' });
  it('drops duplicate ids across pages', () => {
    expect(rowsFromPages([{ summaries: [a, b] }, { summaries: [b, c] }]).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
  it('sorts both ways with missing values last', () => {
    const rows = rowsFromPages([{ summaries: [a, b, c] }]);
    expect(sortRows(rows, 'responsetime', false).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, 'responsetime', true).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
