import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchGetTracesRequest, SegmentDoc } from '../xray/types.ts';
import { BATCH_GET_TRACES_MAX_IDS, batchGetTraces, getTrace, toLoadedTrace } from './traces.ts';

const seg = (id: string, extra: Partial<SegmentDoc> = {}): SegmentDoc => ({
  id,
  name: `svc-${id}`,
  trace_id: '1-00000001-000000000000000000000001',
  start_time: 1,
  end_time: 2,
  ...extra,
});
const doc = (s: SegmentDoc) => ({ Id: s.id, Document: JSON.stringify(s) });

/** Stands in for the X-Ray endpoint: records request bodies, answers from `answer`. */
function stubApi(answer: (body: BatchGetTracesRequest, call: number) => object) {
  const bodies: BatchGetTracesRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as BatchGetTracesRequest;
      bodies.push(body);
      return new Response(JSON.stringify(answer(body, bodies.length - 1)), { status: 200 });
    }),
  );
  return bodies;
}

afterEach(() => vi.unstubAllGlobals());

describe('batchGetTraces', () => {
  it('asks for at most 5 ids per call', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `1-00000001-${String(i).padStart(24, '0')}`);
    const bodies = stubApi((b) => ({ Traces: b.TraceIds.map((Id) => ({ Id, Segments: [] })) }));
    const { traces } = await batchGetTraces(ids);
    expect(bodies.map((b) => b.TraceIds.length)).toEqual([5, 5, 2]);
    expect(bodies.every((b) => b.TraceIds.length <= BATCH_GET_TRACES_MAX_IDS)).toBe(true);
    expect(traces.map((t) => t.Id)).toEqual(ids);
  });

  it('follows NextToken and collects unprocessed ids', async () => {
    const bodies = stubApi((_b, call) =>
      call === 0
        ? { Traces: [{ Id: 'a', Segments: [doc(seg('0000000000000001'))] }], NextToken: 't1' }
        : {
            Traces: [{ Id: 'a', Segments: [doc(seg('0000000000000002'))] }],
            UnprocessedTraceIds: ['b'],
          },
    );
    const res = await batchGetTraces(['a', 'b']);
    expect(bodies[1]).toEqual({ TraceIds: ['a', 'b'], NextToken: 't1' });
    expect(res.traces).toHaveLength(2);
    expect(res.unprocessed).toEqual(['b']);
  });
});

describe('getTrace', () => {
  it('merges pages of one trace and parses documents', async () => {
    stubApi((_b, call) =>
      call === 0
        ? {
            Traces: [{ Id: 'a', Duration: 1, Segments: [doc(seg('0000000000000001'))] }],
            NextToken: 'x',
          }
        : {
            Traces: [
              {
                Id: 'a',
                Duration: 1,
                Segments: [doc(seg('0000000000000001')), doc(seg('0000000000000002'))],
              },
            ],
          },
    );
    const t = await getTrace('a');
    expect(t?.segments.map((s) => s.id)).toEqual(['0000000000000001', '0000000000000002']);
    expect(t?.partial).toBe(false);
  });

  it('is null for an unknown id', async () => {
    stubApi(() => ({ Traces: [], UnprocessedTraceIds: ['nope'] }));
    expect(await getTrace('nope')).toBeNull();
  });
});

describe('toLoadedTrace', () => {
  it('counts unreadable documents instead of failing', () => {
    const t = toLoadedTrace('a', [
      {
        Id: 'a',
        Segments: [
          { Id: 'x', Document: '{not json' },
          { Id: 'y', Document: '"str"' },
          doc(seg('0000000000000003')),
        ],
      },
    ]);
    expect(t.unreadable).toBe(2);
    expect(t.segments).toHaveLength(1);
  });

  it('marks a trace partial when any nested piece is in progress', () => {
    const inner = seg('0000000000000004', {
      subsegments: [{ id: '0000000000000005', name: 'x', start_time: 1, in_progress: true }],
    });
    expect(toLoadedTrace('a', [{ Id: 'a', Segments: [doc(inner)] }]).partial).toBe(true);
    expect(
      toLoadedTrace('a', [
        { Id: 'a', LimitExceeded: true, Segments: [doc(seg('0000000000000006'))] },
      ]).limitExceeded,
    ).toBe(true);
  });
});
