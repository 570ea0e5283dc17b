import { describe, expect, it } from 'vitest';
import { validateSegmentDocument } from '../../src/xray/segment-validate.ts';
import { generateBigTrace } from './big-trace.ts';
import { checkDoc, checkTrace } from './check-docs.ts';
import { docBytes } from './size.ts';
import { entities, jsonDepth } from './test-support.ts';

const START = 1_717_236_000;

function countPieces(docs: ReturnType<typeof generateBigTrace>): number {
  return docs.reduce((n, d) => n + entities(d).length, 0);
}

describe('generateBigTrace', () => {
  it.each([1, 2, 3, 14, 999, 20_000])('has exactly %i pieces', (pieces) => {
    const docs = generateBigTrace({ pieces, seed: 5, startSec: START });
    expect(countPieces(docs)).toBe(pieces);
    expect(checkTrace(docs, 0)).toEqual([]);
  });

  it('builds 50,000 pieces as valid ≤ 64 kB documents, deep and wide, with faults', () => {
    const docs = generateBigTrace({ pieces: 50_000, seed: 11, startSec: START });
    expect(countPieces(docs)).toBe(50_000);
    const ids = new Set(docs.flatMap((d) => entities(d).map((e) => e.id)));
    expect(ids.size).toBe(50_000);
    expect(Math.max(...docs.map(docBytes))).toBeLessThanOrEqual(64_000);
    const problems = docs.flatMap(checkDoc);
    for (const doc of docs) {
      const verdict = validateSegmentDocument(JSON.stringify(doc));
      if (!verdict.ok) problems.push(verdict.message);
    }
    expect(problems).toEqual([]);
    expect(checkTrace(docs, 0)).toEqual([]);
    expect(docs.some((d) => 'type' in d)).toBe(true);
    const services = new Set(docs.filter((d) => !('type' in d)).map((d) => d.name));
    expect(services.size).toBeGreaterThanOrEqual(5);
    const all = docs.flatMap((d) => entities(d));
    expect(all.some((e) => e.fault)).toBe(true);
    expect(all.some((e) => e.throttle)).toBe(true);
    // Children per parent, whether nested or sent as independent subsegments of that parent.
    const children = new Map<string, number>();
    for (const e of all)
      children.set(e.id, (children.get(e.id) ?? 0) + (e.subsegments?.length ?? 0));
    for (const d of docs)
      if ('type' in d) children.set(d.parent_id, (children.get(d.parent_id) ?? 0) + 1);
    expect(Math.max(...children.values())).toBeGreaterThanOrEqual(1000);
    // 40 nested levels: each level is an object plus its subsegments array in JSON.
    expect(Math.max(...docs.map(jsonDepth))).toBeGreaterThanOrEqual(80);
  });

  it('is deterministic', () => {
    const a = generateBigTrace({ pieces: 3000, seed: 9, startSec: START });
    const b = generateBigTrace({ pieces: 3000, seed: 9, startSec: START });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a[0]!.trace_id.slice(2, 10)).toBe(START.toString(16));
  });
});
