import { describe, expect, it } from 'vitest';
import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';
import { assembleTrace } from './assemble.ts';
import {
  FAULT_TRACE_ID,
  faultDocs,
  LAMBDA_TRACE_ID,
  LONG_TRACE_ID,
  lambdaDocs,
  longDocs,
} from './reference-examples.ts';
import { syntheticTraceDocs } from './synthetic.ts';
import { criticalPath, flattenTrace, type TraceRow } from './tree.ts';

const T = '1-665a6480-75ed1faa09214d2e66193645';
const rowsOf = (docs: IngestDoc[]) => flattenTrace(assembleTrace(T, docs));
const seg = (
  id: string,
  name: string,
  start: number,
  end: number | undefined,
  extra: Partial<SegmentDoc> = {},
): SegmentDoc => ({
  id,
  name,
  trace_id: T,
  start_time: start,
  ...(end === undefined ? { in_progress: true } : { end_time: end }),
  ...extra,
});
const sub = (
  id: string,
  name: string,
  start: number,
  end: number,
  extra: Partial<SubsegmentDoc> = {},
): SubsegmentDoc => ({
  id,
  name,
  start_time: start,
  end_time: end,
  ...extra,
});
const shape = (rows: TraceRow[]) =>
  rows.map((r) => `${'  '.repeat(r.depth)}${r.kind}:${r.name}@${r.service}`);

describe('flattenTrace', () => {
  it('nests the Lambda example: service → function → DynamoDB call → inferred table', () => {
    const rows = flattenTrace(assembleTrace(LAMBDA_TRACE_ID, lambdaDocs));
    expect(shape(rows)).toEqual([
      'segment:orders-lookup@orders-lookup',
      '  segment:orders-lookup@orders-lookup',
      '    subsegment:DynamoDB@orders-lookup',
      '      inferred:DynamoDB@orders',
    ]);
    expect(rows.map((r) => r.parentIndex)).toEqual([-1, 0, 1, 2]);
    expect(rows.map((r) => r.size)).toEqual([4, 3, 2, 1]);
  });

  it('carries outcome flags and the document of every row', () => {
    const rows = flattenTrace(assembleTrace(FAULT_TRACE_ID, faultDocs));
    expect(rows.map((r) => [r.name, r.fault, r.ok])).toEqual([
      ['orders-api', true, false],
      ['payments.example.com', true, false],
      ['payments.example.com', true, false],
    ]);
    expect(rows[0]?.doc).toMatchObject({ id: '5b79c484be4cad27', user: 'alice' });
  });

  it('orders out-of-order documents by start time, with separately sent subsegments in place', () => {
    const rows = rowsOf([
      seg('aa00000000000002', 'b', 1.5, 1.8, { parent_id: 'bb00000000000002' }),
      {
        ...sub('bb00000000000003', 'late', 1.9, 1.95),
        type: 'subsegment',
        trace_id: T,
        parent_id: 'aa00000000000001',
      },
      seg('aa00000000000001', 'a', 1, 2, {
        subsegments: [
          sub('bb00000000000002', 'call-b', 1.4, 1.85, { namespace: 'remote' }),
          sub('bb00000000000001', 'early', 1.1, 1.2),
        ],
      }),
    ]);
    expect(shape(rows)).toEqual([
      'segment:a@a',
      '  subsegment:early@a',
      '  subsegment:call-b@a',
      '    segment:b@b',
      '  subsegment:late@a',
    ]);
  });

  it('keeps pieces whose parent never arrived, under a placeholder row', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'a', 1, 2),
      {
        ...sub('bb00000000000001', 'orphan', 1.2, 1.3),
        type: 'subsegment',
        trace_id: T,
        parent_id: 'cccccccccccccccc',
      },
    ]);
    expect(shape(rows)).toEqual([
      'segment:a@a',
      'segment:unknown@unknown',
      '  subsegment:orphan@unknown',
    ]);
  });

  it('orders roots by start whether or not they carry a dangling parent_id', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'late-no-parent', 5, 6, {
        subsegments: [sub('bb00000000000001', 'x', 5.1, 5.2)],
      }),
      seg('aa00000000000002', 'gateway-child', 1, 4, {
        parent_id: 'ffffffffffffffff',
        subsegments: [sub('bb00000000000002', 'call', 1.5, 3.5, { namespace: 'remote' })],
      }),
      seg('aa00000000000003', 'backend', 2, 3, { parent_id: 'bb00000000000002' }),
    ]);
    expect(shape(rows)).toEqual([
      'segment:gateway-child@gateway-child',
      '  subsegment:call@gateway-child',
      '    segment:backend@backend',
      'segment:late-no-parent@late-no-parent',
      '  subsegment:x@late-no-parent',
    ]);
    expect(rows.map((r) => r.parentIndex)).toEqual([-1, 0, 1, -1, 3]);
    expect(rows.map((r) => r.size)).toEqual([3, 2, 1, 2, 1]);
  });

  it('survives segments calling each other in a cycle', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'a', 1, 4, {
        parent_id: 'bb00000000000002',
        subsegments: [sub('bb00000000000001', 'to-b', 1.5, 3.5)],
      }),
      seg('aa00000000000002', 'b', 2, 3, {
        parent_id: 'bb00000000000001',
        subsegments: [sub('bb00000000000002', 'to-a', 2.1, 2.9)],
      }),
    ]);
    expect(rows.map((r) => r.name).sort()).toEqual(['a', 'b', 'to-a', 'to-b']);
  });

  it('flags clock skew instead of dropping the child', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'a', 10, 12, {
        subsegments: [sub('bb00000000000001', 'call', 10.5, 11.5, { namespace: 'remote' })],
      }),
      seg('aa00000000000002', 'b', 10.2, 11.3, { parent_id: 'bb00000000000001' }),
    ]);
    expect(rows.map((r) => [r.name, r.clockSkew])).toEqual([
      ['a', false],
      ['call', false],
      ['b', true],
    ]);
  });

  it('marks in-progress rows with an undefined end', () => {
    const rows = flattenTrace(assembleTrace(LONG_TRACE_ID, longDocs.slice(0, 2)));
    expect(rows.map((r) => [r.name, r.end])).toEqual([
      ['report-worker', undefined],
      ['render-pdf', 1717200042.75],
    ]);
  });

  it('lists each of 50,000 pieces once with consistent parents and depths', () => {
    const t = assembleTrace(
      '1-665a6480-000000000000000000000005',
      syntheticTraceDocs({ pieces: 50_000, seed: 5 }),
    );
    const rows = flattenTrace(t);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i] as TraceRow;
      expect(r.parentIndex).toBeLessThan(i);
      expect(r.depth).toBe(r.parentIndex < 0 ? 0 : (rows[r.parentIndex] as TraceRow).depth + 1);
    }
  });
});

describe('criticalPath', () => {
  const names = (rows: TraceRow[]) => [...criticalPath(rows)].map((i) => rows[i]?.name).sort();

  it('follows the last-finishing child, then what ran before it', () => {
    // root 0..10: a 1..4, b 2..6 (overlaps c), c 5..9, d 9.5..12 (ends after root: clipped)
    const rows = rowsOf([
      seg('aa00000000000001', 'root', 0, 10, {
        subsegments: [
          sub('bb00000000000001', 'a', 1, 4),
          sub('bb00000000000002', 'b', 2, 6),
          sub('bb00000000000003', 'c', 5, 9),
          sub('bb00000000000004', 'd', 9.5, 12),
        ],
      }),
    ]);
    // d (clipped to 10) is last; then c ends 9 ≤ 9.5; b ends 6 > 5 so it overlaps c: skipped; a ends 4 ≤ 5.
    expect(names(rows)).toEqual(['a', 'c', 'd', 'root']);
  });

  it('descends into downstream services', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'front', 0, 10, {
        subsegments: [
          sub('bb00000000000001', 'call', 1, 9, { namespace: 'remote' }),
          sub('bb00000000000002', 'log', 0.5, 0.9),
        ],
      }),
      seg('aa00000000000002', 'back', 1.5, 8.5, {
        parent_id: 'bb00000000000001',
        subsegments: [
          sub('cc00000000000001', 'query', 2, 8),
          sub('cc00000000000002', 'cache', 1.6, 1.7),
        ],
      }),
    ]);
    expect(names(rows)).toEqual(['back', 'cache', 'call', 'front', 'log', 'query']);
  });

  it('ignores children that start after their parent ended and tolerates skewed starts', () => {
    const rows = rowsOf([
      seg('aa00000000000001', 'root', 0, 10, {
        subsegments: [
          sub('bb00000000000001', 'async-after', 11, 12),
          sub('bb00000000000002', 'skewed', -1, 3),
        ],
      }),
    ]);
    expect(names(rows)).toEqual(['root', 'skewed']);
  });

  it('is empty for an empty trace and just the root for a lone segment', () => {
    expect(criticalPath([]).size).toBe(0);
    expect(names(rowsOf([seg('aa00000000000001', 'solo', 0, 1)]))).toEqual(['solo']);
  });
});
