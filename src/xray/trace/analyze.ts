import type { Http, SegmentDoc, ServiceId, SubsegmentDoc } from '../types.ts';
import {
  ERROR,
  FAULT,
  isComplete,
  type NodeId,
  nodeIdOf,
  OPEN,
  outcomeBits,
  secondsBetween,
  THROTTLE,
} from './classify.ts';
import type {
  AssembledTrace,
  CallFacts,
  TraceEdgeFacts,
  TraceFacts,
  TraceNodeFacts,
} from './facts.ts';
import { IndexedFieldsCollector } from './indexed-fields.ts';
import { indexPieces, KIND_INFERRED, KIND_SEGMENT, KIND_SUBSEGMENT } from './pieces.ts';
import {
  errorRootCauses,
  faultRootCauses,
  type RootCauseInput,
  responseTimeRootCauses,
} from './root-causes.ts';

/**
 * Derives everything the server and the filter evaluator read about one assembled trace: service
 * nodes (one per Name + Type + account, entry point first), edges between them, and the full
 * TraceSummary (xray-api.md §5). A few linear passes over the pieces.
 *
 * Definitions:
 * - root = the entry segment: earliest segment whose parent is not in the trace (placeholders for
 *   missing parents only when nothing else qualifies).
 * - StartTime = earliest segment start; Duration = root start → latest end of any completed piece;
 *   ResponseTime = root end − root start (absent while the root is in progress).
 * - HasFault / HasError from the root; HasThrottle from any segment (inferred ones included, so a
 *   throttled downstream call counts); IsPartial when any piece is in progress.
 * - A call's `responseTime` is its own end − start (0 in progress); `duration` runs to the latest
 *   end in its call subtree, downstream services included.
 * - Edges: caller node → callee node for every segment whose parent is a piece of the trace; the
 *   edge's calls are the callee segments' calls (for inferred callees these copy the calling
 *   subsegment's times and flags).
 */
export function analyzeTrace(trace: AssembledTrace): TraceFacts {
  const idx = indexPieces(trace);
  const n = idx.length;
  const { docs, kind, parent } = idx;
  const bits = new Uint8Array(n);
  const nodeOf = new Int32Array(n);
  const nodes: TraceNodeFacts[] = [];
  const nodeKeys = new Map<string, number>();
  const subsegments: SubsegmentDoc[] = [];
  const segmentPieces: number[] = [];
  const fields = new IndexedFieldsCollector();
  let startTime = Number.POSITIVE_INFINITY;
  let endTime = Number.NEGATIVE_INFINITY;
  let lastCompletedEnd = Number.NEGATIVE_INFINITY;
  let partial = false;
  let throttle = false;
  // Latest completed end within each piece's call subtree (filled bottom-up below).
  const subtreeEnd = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);

  for (let i = 0; i < n; i++) {
    const doc = docs[i] as SegmentDoc | SubsegmentDoc;
    const b = outcomeBits(doc);
    bits[i] = b;
    if ((b & OPEN) === 0) {
      const end = doc.end_time as number;
      subtreeEnd[i] = end;
      if (end > endTime) endTime = end;
      if (end > lastCompletedEnd) lastCompletedEnd = end;
    } else {
      if (doc.start_time > endTime) endTime = doc.start_time;
      partial = true;
    }
    const k = kind[i];
    if (k === KIND_SUBSEGMENT) {
      const node = nodeOf[idx.segment[i] as number] as number;
      nodeOf[i] = node;
      subsegments.push(doc as SubsegmentDoc);
      fields.piece(doc, false, node);
      continue;
    }
    if (doc.start_time < startTime) startTime = doc.start_time;
    if ((b & THROTTLE) !== 0) throttle = true;
    const id = nodeIdOf(doc as SegmentDoc);
    const key = `${id.Type}\u0000${id.Name}\u0000${id.AccountId ?? ''}`;
    let node = nodeKeys.get(key);
    if (node === undefined) {
      node = nodes.length;
      nodeKeys.set(key, node);
      nodes.push({
        id: { ...id, Names: [id.Name] },
        root: i === idx.root,
        inferred: k === KIND_INFERRED,
        calls: [],
      });
    }
    nodeOf[i] = node;
    segmentPieces.push(i);
    fields.piece(doc, k === KIND_SEGMENT, node);
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i] as number;
    if (p >= 0 && (subtreeEnd[i] as number) > (subtreeEnd[p] as number))
      subtreeEnd[p] = subtreeEnd[i] as number;
  }

  const edges: TraceEdgeFacts[] = [];
  const edgeKeys = new Map<number, number>();
  for (const i of segmentPieces) {
    const node = nodeOf[i] as number;
    const call = callOf(docs[i] as SegmentDoc, bits[i] as number, subtreeEnd[i] as number);
    (nodes[node] as TraceNodeFacts).calls.push(call);
    const p = parent[i] as number;
    if (p < 0) continue;
    const from = nodeOf[p] as number;
    const ekey = from * 2 ** 21 + node;
    let edge = edgeKeys.get(ekey);
    if (edge === undefined) {
      edge = edges.length;
      edgeKeys.set(ekey, edge);
      edges.push({ from, to: node, calls: [] });
    }
    (edges[edge] as TraceEdgeFacts).calls.push(call);
  }

  const serviceIds = nodes.map((node) => wireServiceId(node.id));
  const rootDoc = docs[idx.root] as SegmentDoc | undefined;
  const rootStart = rootDoc?.start_time ?? 0;
  const rootBits = bits[idx.root] ?? 0;
  const rc: RootCauseInput = {
    idx,
    bits,
    serviceOf: (i) => {
      const node = nodeOf[i] as number;
      const facts = nodes[node] as TraceNodeFacts;
      return { ...(serviceIds[node] as ServiceId), Name: facts.id.Name, Inferred: facts.inferred };
    },
  };
  const summary: TraceFacts['summary'] = {
    Id: trace.id,
    StartTime: Number.isFinite(startTime) ? startTime : rootStart,
    Duration: Number.isFinite(lastCompletedEnd)
      ? Math.max(0, secondsBetween(rootStart, lastCompletedEnd))
      : 0,
    HasFault: (rootBits & FAULT) !== 0,
    HasError: (rootBits & ERROR) !== 0,
    HasThrottle: throttle,
    IsPartial: partial,
    ...fields.result(serviceIds),
    ServiceIds: serviceIds,
    FaultRootCauses: faultRootCauses(rc),
    ErrorRootCauses: errorRootCauses(rc),
    ResponseTimeRootCauses: responseTimeRootCauses(rc),
    Revision: trace.revision ?? 0,
  };
  if (rootDoc !== undefined && isComplete(rootDoc)) {
    summary.ResponseTime = secondsBetween(rootDoc.start_time, rootDoc.end_time as number);
  }
  const http = rootDoc === undefined ? undefined : httpOf(rootDoc);
  if (http !== undefined) summary.Http = http;
  if (rootDoc !== undefined && serviceIds[0] !== undefined) summary.EntryPoint = serviceIds[0];

  const facts: TraceFacts = {
    trace,
    summary,
    nodes,
    edges,
    subsegments,
    endTime: Number.isFinite(endTime) ? endTime : rootStart,
  };
  if (rootDoc !== undefined) facts.rootSegmentId = rootDoc.id;
  return facts;
}

/** ServiceId as the wire carries it: Names always, Type only when known, AccountId when set. */
export function wireServiceId(id: NodeId): ServiceId {
  const out: ServiceId = { Name: id.Name, Names: [id.Name] };
  if (id.Type !== '') out.Type = id.Type;
  if (id.AccountId !== undefined) out.AccountId = id.AccountId;
  return out;
}

function callOf(doc: SegmentDoc, bits: number, subtreeEnd: number): CallFacts {
  const start = doc.start_time;
  const complete = (bits & OPEN) === 0;
  const call: CallFacts = {
    entityId: doc.id,
    responseTime: complete ? secondsBetween(start, doc.end_time as number) : 0,
    duration: Number.isFinite(subtreeEnd) ? Math.max(0, secondsBetween(start, subtreeEnd)) : 0,
    inProgress: !complete,
    ok: (bits & (ERROR | FAULT | OPEN)) === 0,
    error: (bits & ERROR) !== 0,
    throttle: (bits & THROTTLE) !== 0,
    fault: (bits & FAULT) !== 0,
    start,
  };
  if (complete) call.end = doc.end_time as number;
  const http = httpOf(doc);
  if (http !== undefined) call.http = http;
  return call;
}

/** The API's Http shape from a document's http block; undefined when there is nothing to say. */
export function httpOf(doc: SegmentDoc | SubsegmentDoc): Http | undefined {
  const req = doc.http?.request;
  const res = doc.http?.response;
  if (req === undefined && res === undefined) return undefined;
  const http: Http = {};
  if (typeof req?.url === 'string') http.HttpURL = req.url;
  if (typeof res?.status === 'number') http.HttpStatus = res.status;
  if (typeof req?.method === 'string') http.HttpMethod = req.method;
  if (typeof req?.user_agent === 'string') http.UserAgent = req.user_agent;
  if (typeof req?.client_ip === 'string') http.ClientIp = req.client_ip;
  return http;
}
