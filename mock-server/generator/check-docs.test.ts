import { describe, expect, it } from 'vitest';
import type { IngestDoc, SegmentDoc } from '../../src/xray/types.ts';
import { checkDoc, checkTrace } from './check-docs.ts';

const TRACE = '1-665a6480-75ed1faa09214d2e66193645';
const T = 1_717_200_000;

function seg(over: Partial<SegmentDoc> = {}): SegmentDoc {
  return {
    id: '5b79c484be4cad27',
    name: 'orders-api',
    trace_id: TRACE,
    start_time: T + 0.01,
    end_time: T + 0.3,
    ...over,
  };
}

describe('checkDoc / checkTrace catch broken documents', () => {
  it('accepts the reference example shape', () => {
    expect(checkDoc(seg())).toEqual([]);
    expect(checkTrace([seg()])).toEqual([]);
  });

  it.each<[string, IngestDoc]>([
    ['bad id', seg({ id: 'xyz' })],
    ['bad trace id', seg({ trace_id: '1-abc' })],
    ['end before start', seg({ end_time: T })],
    ['neither end_time nor in_progress', seg({ end_time: undefined })],
    ['in_progress with end_time', seg({ in_progress: true })],
    ['forbidden segment name characters', seg({ name: '<b>x</b>' })],
    ['object annotation', seg({ annotations: { a: {} as unknown as string } })],
    [
      'child outside parent',
      seg({
        subsegments: [{ id: 'aaaaaaaaaaaaaaaa', name: 'c', start_time: T, end_time: T + 0.1 }],
      }),
    ],
    ['oversized', seg({ metadata: { default: { pad: 'x'.repeat(70_000) } } })],
    [
      'subsegment without parent',
      { ...seg(), type: 'subsegment', parent_id: undefined } as unknown as IngestDoc,
    ],
  ])('%s', (_label, doc) => {
    expect(checkDoc(doc).length).toBeGreaterThan(0);
  });

  it('flags unresolved parents, skew beyond tolerance, duplicate ids and a root outside the id second', () => {
    const root = seg({
      subsegments: [
        { id: 'bbbbbbbbbbbbbbbb', name: 'call', start_time: T + 0.02, end_time: T + 0.2 },
      ],
    });
    const callee = seg({
      id: 'cccccccccccccccc',
      name: 'svc',
      parent_id: 'bbbbbbbbbbbbbbbb',
      start_time: T + 0.025,
      end_time: T + 0.19,
    });
    expect(checkTrace([root, callee])).toEqual([]);
    expect(checkTrace([root, { ...callee, start_time: T + 0.015 }], 10)).toEqual([]);
    expect(checkTrace([root, { ...callee, start_time: T + 0.005 }], 10)).not.toEqual([]);
    expect(checkTrace([root, { ...callee, parent_id: 'dddddddddddddddd' }])).not.toEqual([]);
    expect(checkTrace([root, { ...callee, id: root.id }])).not.toEqual([]);
    expect(checkTrace([seg({ start_time: T + 5, end_time: T + 6 })])).not.toEqual([]);
  });
});
