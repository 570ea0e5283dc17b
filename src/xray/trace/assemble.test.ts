import { describe, expect, it } from 'vitest';
import { isSegmentId } from '../ids.ts';
import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';
import { assembleTrace } from './assemble.ts';
import { MISSING_PARENT } from './classify.ts';
import {
  FAULT_TRACE_ID,
  faultDocs,
  LAMBDA_TRACE_ID,
  LONG_TRACE_ID,
  lambdaDocs,
  lambdaInferred,
  longDocs,
  THROTTLE_TRACE_ID,
  throttleDocs,
} from './reference-examples.ts';
import { syntheticTraceDocs } from './synthetic.ts';

const T = '1-665a6480-75ed1faa09214d2e66193645';
type Any = SegmentDoc | SubsegmentDoc;

function allPieces(segments: readonly SegmentDoc[]): Any[] {
  const out: Any[] = [];
  const stack: Any[] = [...segments];
  for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
    out.push(d);
    for (const s of d.subsegments ?? []) stack.push(s);
  }
  return out;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

const seg = (
  id: string,
  start: number,
  end: number | undefined,
  extra: Partial<SegmentDoc> = {},
): SegmentDoc => ({
  id,
  name: `svc-${id.slice(0, 2)}`,
  trace_id: T,
  start_time: start,
  ...(end === undefined ? { in_progress: true } : { end_time: end }),
  ...extra,
});
const sub = (
  id: string,
  parent: string,
  start: number,
  end: number,
  extra: Partial<SubsegmentDoc> = {},
): IngestDoc => ({
  id,
  name: `sub-${id.slice(0, 2)}`,
  trace_id: T,
  parent_id: parent,
  type: 'subsegment',
  start_time: start,
  end_time: end,
  ...extra,
});

describe('assembleTrace: reference examples', () => {
  it('§11.1 nests the Lambda SDK subsegment and infers the DynamoDB segment exactly as the reference shows', () => {
    const t = assembleTrace(LAMBDA_TRACE_ID, lambdaDocs);
    expect(t.id).toBe(LAMBDA_TRACE_ID);
    expect(t.revision).toBe(3);
    expect(t.segments.map((s) => s.id).slice(0, 2)).toEqual([
      '2ee38d92cfc069cd',
      '7b33398f047e4f42',
    ]);
    const fn = t.segments[1] as SegmentDoc;
    expect(fn.subsegments?.map((s) => s.id)).toEqual(['d4719f41cb7ccc6d']);
    const inferred = t.segments[2] as SegmentDoc;
    const { id, ...rest } = inferred;
    expect(rest).toEqual(lambdaInferred);
    expect(isSegmentId(id)).toBe(true);
    expect(assembleTrace(LAMBDA_TRACE_ID, [...lambdaDocs].reverse()).segments[2]?.id).toBe(id);
  });

  it('§11.2 infers a remote segment named after the host, copying http and flags', () => {
    const t = assembleTrace(FAULT_TRACE_ID, faultDocs);
    expect(t.segments).toHaveLength(2);
    expect(t.segments[1]).toMatchObject({
      name: 'payments.example.com',
      origin: 'remote',
      inferred: true,
      parent_id: '8b3694f9ba4e1908',
      fault: true,
      start_time: 1717200000.02,
      end_time: 1717200000.305,
      http: { response: { status: 503 } },
    });
  });

  it('§11.3 infers the throttled DynamoDB table segment with error/throttle flags', () => {
    const t = assembleTrace(THROTTLE_TRACE_ID, throttleDocs);
    expect(t.segments[1]).toMatchObject({
      name: 'DynamoDB',
      origin: 'AWS::DynamoDB::Table',
      error: true,
      throttle: true,
      aws: { operation: 'Query', table_name: 'inventory' },
    });
    expect((t.segments[1] as SegmentDoc).aws).not.toHaveProperty('retries');
  });

  it('§11.4 lets the complete segment replace the in-progress one, in every arrival order', () => {
    const results = permutations(longDocs).map((docs) => assembleTrace(LONG_TRACE_ID, docs));
    for (const t of results) {
      expect(t.segments).toHaveLength(1);
      const s = t.segments[0] as SegmentDoc;
      expect(s.end_time).toBe(1717200043.02);
      expect(s.in_progress).toBeUndefined();
      expect(s.subsegments?.map((x) => x.name)).toEqual(['render-pdf']);
      expect(t).toEqual(results[0]);
    }
  });

  it('§11.4 before completion: the in-progress segment holds the early subsegment', () => {
    const t = assembleTrace(LONG_TRACE_ID, longDocs.slice(0, 2));
    expect(t.segments[0]).toMatchObject({
      in_progress: true,
      subsegments: [{ id: 'b8c86f5873bc33c0' }],
    });
  });
});

describe('assembleTrace: revisions and nesting', () => {
  it('a later complete revision of the same id replaces an earlier complete one', () => {
    const t = assembleTrace(T, [
      seg('aa00000000000001', 1, 2, { name: 'v1' }),
      seg('aa00000000000001', 1, 3, { name: 'v2' }),
    ]);
    expect(t.segments.map((s) => s.name)).toEqual(['v2']);
  });

  it('a late in-progress document never replaces a complete one', () => {
    const t = assembleTrace(T, [
      seg('aa00000000000001', 1, 2),
      seg('aa00000000000001', 1, undefined),
    ]);
    expect(t.segments[0]?.end_time).toBe(2);
  });

  it("a replaced revision's embedded subsegments go with it", () => {
    const early = seg('aa00000000000001', 1, undefined, {
      subsegments: [{ id: 'bb00000000000001', name: 'gone', start_time: 1.1, in_progress: true }],
    });
    const t = assembleTrace(T, [early, seg('aa00000000000001', 1, 2)]);
    expect(t.segments[0]?.subsegments).toBeUndefined();
  });

  it('an independent subsegment completes an embedded in-progress one with the same id', () => {
    const parent = seg('aa00000000000001', 1, 5, {
      subsegments: [{ id: 'bb00000000000001', name: 'step', start_time: 2, in_progress: true }],
    });
    const t = assembleTrace(T, [sub('bb00000000000001', 'aa00000000000001', 2, 3), parent]);
    expect(t.segments[0]?.subsegments).toEqual([
      expect.objectContaining({ id: 'bb00000000000001', end_time: 3 }),
    ]);
  });

  it('nests independent subsegments under subsegments at any depth, children arriving first', () => {
    const docs: IngestDoc[] = [
      sub('cc00000000000003', 'cc00000000000002', 1.3, 1.4),
      sub('cc00000000000002', 'bb00000000000001', 1.2, 1.5),
      seg('aa00000000000001', 1, 2, {
        subsegments: [{ id: 'bb00000000000001', name: 'outer', start_time: 1.1, end_time: 1.9 }],
      }),
    ];
    const t = assembleTrace(T, docs);
    expect(t.segments).toHaveLength(1);
    const outer = t.segments[0]?.subsegments?.[0];
    expect(outer?.subsegments?.[0]?.id).toBe('cc00000000000002');
    expect(outer?.subsegments?.[0]?.subsegments?.[0]?.id).toBe('cc00000000000003');
  });

  it('orders segments and every child list by start time, then id', () => {
    const docs: IngestDoc[] = [
      seg('aa00000000000002', 5, 6),
      sub('bb00000000000003', 'aa00000000000001', 1.5, 1.6),
      seg('aa00000000000001', 1, 2),
      sub('bb00000000000002', 'aa00000000000001', 1.2, 1.3),
      sub('bb00000000000001', 'aa00000000000001', 1.2, 1.25),
    ];
    const t = assembleTrace(T, docs);
    expect(t.segments.map((s) => s.id)).toEqual(['aa00000000000001', 'aa00000000000002']);
    expect(t.segments[0]?.subsegments?.map((s) => s.id)).toEqual([
      'bb00000000000001',
      'bb00000000000002',
      'bb00000000000003',
    ]);
  });

  it('never mutates the stored documents', () => {
    const docs = [...faultDocs, ...longDocs].map((d) => structuredClone(d));
    const before = JSON.stringify(docs);
    assembleTrace(LONG_TRACE_ID, docs);
    expect(JSON.stringify(docs)).toBe(before);
  });
});

describe('assembleTrace: orphans, cycles, inferred segments', () => {
  it('keeps Lambda-style orphans visible under a placeholder for the missing function segment', () => {
    const t = assembleTrace(LAMBDA_TRACE_ID, [lambdaDocs[2] as IngestDoc]);
    const placeholder = t.segments.find((s) => s.id === '7b33398f047e4f42');
    expect(placeholder).toMatchObject({
      name: MISSING_PARENT.name,
      origin: MISSING_PARENT.origin,
      start_time: 1717200001.203,
      end_time: 1717200001.241,
      subsegments: [{ id: 'd4719f41cb7ccc6d' }],
    });
    expect(t.segments.some((s) => s.inferred && s.parent_id === 'd4719f41cb7ccc6d')).toBe(true);
  });

  it('a placeholder is in progress while one of its orphans is', () => {
    const t = assembleTrace(T, [
      {
        ...sub('bb00000000000001', 'aa00000000000009', 1, 2),
        end_time: undefined,
        in_progress: true,
      },
    ]);
    expect(t.segments[0]).toMatchObject({ id: 'aa00000000000009', in_progress: true });
    expect(t.segments[0]?.end_time).toBeUndefined();
  });

  it('survives a parent_id cycle between independent subsegments and keeps both', () => {
    const t = assembleTrace(T, [
      seg('aa00000000000001', 1, 2),
      sub('bb00000000000001', 'bb00000000000002', 1.1, 1.2),
      sub('bb00000000000002', 'bb00000000000001', 1.1, 1.3),
      sub('bb00000000000003', 'bb00000000000003', 1.1, 1.3),
    ]);
    const ids = allPieces(t.segments).map((p) => p.id);
    for (const id of ['bb00000000000001', 'bb00000000000002', 'bb00000000000003']) {
      expect(ids.filter((x) => x === id)).toHaveLength(1);
    }
  });

  it('does not infer a segment when the callee is instrumented', () => {
    const call = {
      id: 'bb00000000000001',
      name: 'svc-b',
      start_time: 1.1,
      end_time: 1.9,
      namespace: 'remote' as const,
      http: { request: { url: 'http://svc-b.internal/x', traced: true } },
    };
    const t = assembleTrace(T, [
      seg('aa00000000000001', 1, 2, { subsegments: [call] }),
      seg('cc00000000000001', 1.2, 1.8, { parent_id: 'bb00000000000001' }),
    ]);
    expect(t.segments.some((s) => s.inferred)).toBe(false);
    expect(
      assembleTrace(T, [seg('aa00000000000001', 1, 2, { subsegments: [call] })]).segments[1],
    ).toMatchObject({
      name: 'svc-b.internal',
      origin: 'remote',
    });
  });

  it('names and types inferred segments for SQL, SQS, SNS, S3, Lambda and other AWS services', () => {
    const calls: SubsegmentDoc[] = [
      {
        id: 'bb00000000000001',
        name: 'app@db.internal',
        start_time: 1.1,
        end_time: 1.2,
        namespace: 'remote',
        sql: { database_type: 'PostgreSQL' },
      },
      {
        id: 'bb00000000000002',
        name: 'SQS',
        start_time: 1.2,
        end_time: 1.3,
        namespace: 'aws',
        aws: { queue_url: 'https://sqs.us-east-1.amazonaws.com/1/jobs' },
      },
      {
        id: 'bb00000000000003',
        name: 'SNS',
        start_time: 1.3,
        end_time: 1.4,
        namespace: 'aws',
        aws: { topic_arn: 'arn:aws:sns:x' },
      },
      {
        id: 'bb00000000000004',
        name: 'S3',
        start_time: 1.4,
        end_time: 1.5,
        namespace: 'aws',
        aws: { bucket_name: 'b' },
      },
      {
        id: 'bb00000000000005',
        name: 'Lambda',
        start_time: 1.5,
        end_time: 1.6,
        namespace: 'aws',
        aws: { function_name: 'f' },
      },
      { id: 'bb00000000000006', name: 'STS', start_time: 1.6, end_time: 1.7, namespace: 'aws' },
      {
        id: 'bb00000000000007',
        name: 'DynamoDB',
        start_time: 1.7,
        end_time: 1.8,
        namespace: 'aws',
        aws: { operation: 'ListTables' },
      },
      { id: 'bb00000000000008', name: 'local-work', start_time: 1.8, end_time: 1.9 },
    ];
    const t = assembleTrace(T, [seg('aa00000000000001', 1, 2, { subsegments: calls })]);
    expect(t.segments.slice(1).map((s) => [s.name, s.origin])).toEqual([
      ['app@db.internal', 'Database::SQL'],
      ['SQS', 'AWS::SQS::Queue'],
      ['SNS', 'AWS::SNS'],
      ['S3', 'AWS::S3::Bucket'],
      ['Lambda', 'AWS::Lambda'],
      ['STS', 'AWS::STS'],
      ['DynamoDB', 'AWS::DynamoDB'],
    ]);
  });

  it('places every piece of a 50,000-piece trace exactly once', () => {
    const docs = syntheticTraceDocs({ pieces: 50_000, seed: 7, independent: 0.2 });
    const t = assembleTrace('1-665a6480-000000000000000000000001', docs);
    const pieces = allPieces(t.segments);
    const ids = new Set(pieces.map((p) => p.id));
    expect(ids.size).toBe(pieces.length);
    const inferred = t.segments.filter((s) => s.inferred).length;
    expect(inferred).toBeGreaterThan(1000);
    expect(pieces.length).toBe(50_000 + inferred);
    expect(t.segments.some((s) => s.name === MISSING_PARENT.name)).toBe(false);
  });
});
