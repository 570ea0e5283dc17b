import type { FastifyInstance } from 'fastify';
import { isTraceId } from '../../../src/xray/ids.ts';
import { buildServiceGraph } from '../../../src/xray/service-graph/build.ts';
import type { TraceFacts } from '../../../src/xray/trace/facts.ts';
import type {
  BatchGetTracesResult,
  GetTraceSummariesResult,
  Trace,
} from '../../../src/xray/types.ts';
import { compile, type GroupResolver } from '../../domain/filter.ts';
import { querySummaries, type TimeRangeType } from '../../store/query-summaries.ts';
import { docCount, MAX_DOCS_PER_TRACE } from '../../store/trace-record.ts';
import { operation, type RouteContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { type Body, optBool, optNumber, optObject, optString, reqStringArray } from '../fields.ts';
import { decodeToken, encodeToken } from '../next-token.ts';
import { readWindow } from '../time-window.ts';

const RANGE_TYPES: readonly TimeRangeType[] = ['TraceId', 'Event', 'Service'];
/** BatchGetTraces limit of the real service (xray-api.md §6). */
const MAX_BATCH_IDS = 5;
const MAX_GRAPH_IDS = 100;

export function traceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { backend } = ctx;

  operation(app, 'GetTraceSummaries', (body): GetTraceSummariesResult => {
    const { start, end } = readWindow(body, ctx.maxQueryHours);
    const rangeType = (optString(body, 'TimeRangeType') ?? 'TraceId') as TimeRangeType;
    if (!RANGE_TYPES.includes(rangeType)) {
      throw invalid(`TimeRangeType must be one of ${RANGE_TYPES.join(', ')}, got "${rangeType}"`);
    }
    const sampleRate = readSampling(body);
    const filter = optString(body, 'FilterExpression') ?? '';
    let predicate: ReturnType<typeof compileOrThrow> | undefined;
    if (filter.trim() !== '') predicate = compileOrThrow(filter, backend.groups.resolve);
    const fingerprint = JSON.stringify([start, end, rangeType, filter, sampleRate]);
    const cursor = decodeToken(optString(body, 'NextToken'), fingerprint);
    const page = querySummaries(backend.traces, {
      start,
      end,
      rangeType,
      ...(predicate ? { predicate } : {}),
      ...(sampleRate !== undefined ? { sampleRate } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return {
      TraceSummaries: page.summaries,
      ApproximateTime: page.approximateTime,
      TracesProcessedCount: page.processed,
      ...(page.cursor ? { NextToken: encodeToken(page.cursor, fingerprint) } : {}),
    };
  });

  operation(app, 'BatchGetTraces', (body): BatchGetTracesResult => {
    const ids = readTraceIds(body);
    if (ids.length > MAX_BATCH_IDS) throw invalid(`Exceeding maximum query size: ${MAX_BATCH_IDS}`);
    if (optString(body, 'NextToken')) throw invalid('NextToken is currently not supported');
    const traces: Trace[] = [];
    const unprocessed: string[] = [];
    for (const id of new Set(ids)) {
      const rec = backend.traces.get(id);
      const facts = rec && backend.traces.factsOf(rec);
      if (!rec || !facts) {
        unprocessed.push(id);
        continue;
      }
      traces.push({
        Id: id,
        Duration: facts.summary.Duration,
        LimitExceeded: docCount(rec) >= MAX_DOCS_PER_TRACE,
        Segments: facts.trace.segments.map((s) => ({ Id: s.id, Document: JSON.stringify(s) })),
      });
    }
    return { Traces: traces, UnprocessedTraceIds: unprocessed };
  });

  operation(app, 'GetTraceGraph', (body) => {
    const ids = readTraceIds(body);
    if (ids.length > MAX_GRAPH_IDS) throw invalid(`TraceIds may hold at most ${MAX_GRAPH_IDS} ids`);
    optString(body, 'NextToken');
    const facts: TraceFacts[] = [];
    for (const id of new Set(ids)) {
      const rec = backend.traces.get(id);
      const f = rec && backend.traces.factsOf(rec);
      if (f) facts.push(f);
    }
    if (facts.length === 0) return { Services: [] };
    const start = Math.min(...facts.map((f) => f.summary.StartTime));
    const end = Math.max(...facts.map((f) => f.endTime));
    return { Services: buildServiceGraph(facts, { start, end }) };
  });
}

function readTraceIds(body: Body): string[] {
  const ids = reqStringArray(body, 'TraceIds', Number.POSITIVE_INFINITY, 35);
  const bad = ids.find((id) => !isTraceId(id));
  if (bad !== undefined) {
    throw invalid(`Invalid trace ID "${bad}": expected 1-<8 hex digits>-<24 hex digits>`);
  }
  return ids;
}

/** Sampling: true keeps a deterministic fraction of the matches (SamplingStrategy.Value, default 10%). */
function readSampling(body: Body): number | undefined {
  const strategy = optObject(body, 'SamplingStrategy');
  if (strategy) {
    const name = optString(strategy, 'Name');
    if (name !== undefined && name !== 'PartialScan' && name !== 'FixedRate') {
      throw invalid(`SamplingStrategy.Name must be PartialScan or FixedRate, got "${name}"`);
    }
    optNumber(strategy, 'Value', 0, 1);
  }
  if (!optBool(body, 'Sampling')) return undefined;
  return (strategy && optNumber(strategy, 'Value', 0, 1)) ?? 0.1;
}

function compileOrThrow(text: string, resolve: GroupResolver) {
  const compiled = compile(text, resolve);
  if (!compiled.ok) throw invalid(compiled.message);
  return compiled.predicate;
}
