import type { Http, SegmentDoc, ServiceId, SubsegmentDoc } from '../types.ts';
import { isComplete, type NodeId, nodeIdOf, outcomeOf, secondsBetween } from './classify.ts';
import type {
  AssembledTrace,
  CallFacts,
  Outcome,
  TraceEdgeFacts,
  TraceFacts,
  TraceNodeFacts,
} from './facts.ts';
import { collectIndexedFields } from './indexed-fields.ts';
import { indexPieces, type Piece } from './pieces.ts';
import { errorRootCauses, faultRootCauses, responseTimeRootCauses } from './root-causes.ts';

/**
 * Derives everything the server and the filter evaluator read about one assembled trace: service
 * nodes (one per Name + Type + account, entry point first), edges between them, and the full
 * TraceSummary (xray-api.md §5). One pass over the pieces plus one for subtree ends: linear.
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
  const { pieces, root } = indexPieces(trace);
  const n = pieces.length;
  const subtreeEnd = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = n - 1; i >= 0; i--) {
    const p = pieces[i] as Piece;
    if (isComplete(p.doc))
      subtreeEnd[i] = Math.max(subtreeEnd[i] as number, p.doc.end_time as number);
    if (p.parent >= 0)
      subtreeEnd[p.parent] = Math.max(subtreeEnd[p.parent] as number, subtreeEnd[i] as number);
  }

  const outcomes: Outcome[] = new Array(n);
  const nodeOf = new Int32Array(n);
  const nodes: TraceNodeFacts[] = [];
  const nodeKeys = new Map<string, number>();
  const edges: TraceEdgeFacts[] = [];
  const edgeKeys = new Map<number, number>();
  const subsegments: SubsegmentDoc[] = [];
  let startTime = Number.POSITIVE_INFINITY;
  let endTime = Number.NEGATIVE_INFINITY;
  let lastCompletedEnd = Number.NEGATIVE_INFINITY;
  let partial = false;
  let throttle = false;

  for (let i = 0; i < n; i++) {
    const p = pieces[i] as Piece;
    const doc = p.doc;
    const o = outcomeOf(doc);
    outcomes[i] = o;
    const complete = isComplete(doc);
    if (complete) {
      endTime = Math.max(endTime, doc.end_time as number);
      lastCompletedEnd = Math.max(lastCompletedEnd, doc.end_time as number);
    } else {
      endTime = Math.max(endTime, doc.start_time);
      partial = true;
    }
    if (p.kind === 'subsegment') {
      nodeOf[i] = nodeOf[p.segment] as number;
      subsegments.push(doc as SubsegmentDoc);
      continue;
    }
    startTime = Math.min(startTime, doc.start_time);
    if (o.throttle) throttle = true;
    const id = nodeIdOf(doc as SegmentDoc);
    const key = `${id.Type}\u0000${id.Name}\u0000${id.AccountId ?? ''}`;
    let node = nodeKeys.get(key);
    if (node === undefined) {
      node = nodes.length;
      nodeKeys.set(key, node);
      nodes.push({
        id: { ...id, Names: [id.Name] },
        root: i === root,
        inferred: p.kind === 'inferred',
        calls: [],
      });
    }
    nodeOf[i] = node;
    const call = callOf(doc, o, complete, subtreeEnd[i] as number);
    (nodes[node] as TraceNodeFacts).calls.push(call);
    if (p.parent >= 0) {
      const from = nodeOf[p.parent] as number;
      const ekey = from * 2 ** 21 + node;
      let edge = edgeKeys.get(ekey);
      if (edge === undefined) {
        edge = edges.length;
        edgeKeys.set(ekey, edge);
        edges.push({ from, to: node, calls: [] });
      }
      (edges[edge] as TraceEdgeFacts).calls.push(call);
    }
  }

  const serviceIds = nodes.map((node) => wireServiceId(node.id));
  const rootPiece = pieces[root];
  const rootDoc = rootPiece?.doc;
  const rootStart = rootDoc?.start_time ?? 0;
  const rcInput = {
    pieces,
    root,
    outcomes,
    serviceOf: (i: number) => {
      const node = nodes[nodeOf[i] as number] as TraceNodeFacts;
      return {
        ...(serviceIds[nodeOf[i] as number] as ServiceId),
        Name: node.id.Name,
        Inferred: node.inferred,
      };
    },
  };
  const rootOutcome = outcomes[root];
  const summary: TraceFacts['summary'] = {
    Id: trace.id,
    StartTime: Number.isFinite(startTime) ? startTime : rootStart,
    Duration: Number.isFinite(lastCompletedEnd)
      ? Math.max(0, secondsBetween(rootStart, lastCompletedEnd))
      : 0,
    HasFault: rootOutcome?.fault ?? false,
    HasError: rootOutcome?.error ?? false,
    HasThrottle: throttle,
    IsPartial: partial,
    ...collectIndexedFields(pieces, nodeOf, serviceIds),
    ServiceIds: serviceIds,
    FaultRootCauses: faultRootCauses(rcInput),
    ErrorRootCauses: errorRootCauses(rcInput),
    ResponseTimeRootCauses: responseTimeRootCauses(rcInput),
    Revision: trace.revision ?? 0,
  };
  if (rootDoc !== undefined && isComplete(rootDoc)) {
    summary.ResponseTime = secondsBetween(rootDoc.start_time, rootDoc.end_time as number);
  }
  const http = rootDoc === undefined ? undefined : httpOf(rootDoc);
  if (http !== undefined) summary.Http = http;
  if (nodes[0] !== undefined && root >= 0) summary.EntryPoint = serviceIds[0];

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

function callOf(
  doc: SegmentDoc | SubsegmentDoc,
  o: Outcome,
  complete: boolean,
  subtreeEnd: number,
): CallFacts {
  const start = doc.start_time;
  const call: CallFacts = {
    entityId: doc.id,
    responseTime: complete ? secondsBetween(start, doc.end_time as number) : 0,
    duration: Number.isFinite(subtreeEnd) ? Math.max(0, secondsBetween(start, subtreeEnd)) : 0,
    inProgress: !complete,
    ok: o.ok,
    error: o.error,
    throttle: o.throttle,
    fault: o.fault,
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
