import { describe, expect, it } from 'vitest';
import type { SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { checkDoc, checkTrace } from './check-docs.ts';
import { packSegment } from './pack.ts';
import { Rng } from './random.ts';
import { docBytes } from './size.ts';
import { entities } from './test-support.ts';

const T = 1_717_200_000;

function tree(rng: Rng, depth: number, width: number, start: number): SubsegmentDoc {
  const sub: SubsegmentDoc = {
    id: rng.hex(16),
    name: `step-${depth}`,
    start_time: start,
    end_time: start + 1,
    metadata: { default: { pad: 'x'.repeat(300) } },
  };
  if (depth > 0)
    sub.subsegments = Array.from({ length: width }, () => tree(rng, depth - 1, width, start));
  return sub;
}

describe('packSegment', () => {
  it('leaves a small segment alone', () => {
    const seg: SegmentDoc = {
      id: 'aaaaaaaaaaaaaaaa',
      name: 'svc',
      trace_id: '1-665a6480-000000000000000000000000',
      start_time: 1,
      end_time: 2,
      subsegments: [tree(new Rng(1), 2, 3, 1)],
    };
    const before = JSON.stringify(seg);
    const docs = packSegment(seg);
    expect(docs).toHaveLength(1);
    expect(JSON.stringify(docs[0])).toBe(before);
  });

  it('splits a big tree into ≤ 64 kB documents without losing or duplicating a piece', () => {
    const rng = new Rng(2);
    const seg: SegmentDoc = {
      id: rng.hex(16),
      name: 'svc',
      trace_id: '1-665a6480-000000000000000000000000',
      start_time: T,
      end_time: T + 2,
      subsegments: [tree(rng, 4, 6, T), tree(rng, 3, 8, T)],
    };
    const ids = entities(seg)
      .map((e) => e.id)
      .sort();
    expect(docBytes(seg)).toBeGreaterThan(300_000);
    const docs = packSegment(seg);
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.at(-1)).toBe(seg);
    for (const doc of docs) {
      expect(docBytes(doc)).toBeLessThanOrEqual(64_000);
      expect(checkDoc(doc)).toEqual([]);
    }
    expect(checkTrace(docs, 0)).toEqual([]);
    expect(docs.flatMap((d) => entities(d).map((e) => e.id)).sort()).toEqual(ids);
  });
});
