import { describe, expect, it } from 'vitest';
import { validateSegmentDocument } from '../../src/xray/segment-validate.ts';
import type { SubsegmentDoc } from '../../src/xray/types.ts';
import { checkDoc, checkTrace } from './check-docs.ts';
import {
  generateHostileTrace,
  HOSTILE_GLOBAL,
  HOSTILE_SEGMENT_NAMES,
  hostileTraceId,
} from './hostile.ts';
import { docBytes } from './size.ts';
import { entities, jsonDepth } from './test-support.ts';

const START = 1_717_238_037;
const docs = generateHostileTrace({ startSec: START, seed: 1 });
const json = JSON.stringify(docs);
const all = docs.flatMap((d) => entities(d)) as SubsegmentDoc[];

describe('generateHostileTrace', () => {
  it('is a valid trace of ≤ 64 kB documents that the domain validator accepts', () => {
    for (const doc of docs) {
      expect(docBytes(doc)).toBeLessThanOrEqual(64_000);
      expect(checkDoc(doc)).toEqual([]);
      const verdict = validateSegmentDocument(JSON.stringify(doc));
      if (!verdict.ok) expect.fail(verdict.message);
    }
    expect(checkTrace(docs, 0)).toEqual([]);
    expect(docs[0]!.trace_id).toBe(hostileTraceId(START, 1));
    expect(JSON.stringify(generateHostileTrace({ startSec: START, seed: 1 }))).toBe(json);
  });

  it('carries script payloads that would set the hostile global', () => {
    expect(HOSTILE_GLOBAL).toBe('__pwned');
    for (const payload of [
      '<img src=x onerror=',
      '<script>window.__pwned=1</script>',
      'javascript:window.__pwned=1',
      '<svg onload=',
    ]) {
      expect(json).toContain(JSON.stringify(payload).slice(1, -1));
    }
    expect(all.some((e) => e.name.startsWith('<img'))).toBe(true);
    expect(all.some((e) => e.name.includes('\u202E'))).toBe(true);
    expect(docs.some((d) => d.http?.request?.url === 'javascript:window.__pwned=1')).toBe(true);
    expect(all.some((e) => e.sql?.sanitized_query?.includes('<script>'))).toBe(true);
    expect(docs.map((d) => d.name)).toContain(HOSTILE_SEGMENT_NAMES[1]);
  });

  it('has 10,000-character values, 200-character names and 50-deep metadata', () => {
    const strings: string[] = [];
    JSON.parse(json, (_k, v) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    expect(strings.filter((s) => s.length >= 9_000).length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...all.map((e) => e.name.length))).toBe(200);
    expect(Math.max(...docs.map((d) => jsonDepth(d.metadata)))).toBeGreaterThanOrEqual(50);
  });

  it('keeps prototype-named keys as own data properties without polluting prototypes', () => {
    const root = docs.find((d) => d.parent_id === undefined)!;
    expect(Object.hasOwn(root.annotations!, '__proto__')).toBe(true);
    expect(JSON.stringify(root.metadata)).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('includes an in-progress subsegment that is later completed', () => {
    const open = docs.find((d) => d.in_progress)!;
    expect(docs.find((d) => d.id === open.id && d.end_time !== undefined)).toBeDefined();
  });
});
