import type {
  Http,
  Seconds,
  SegmentDoc,
  ServiceId,
  SubsegmentDoc,
  TraceSummary,
} from '../types.ts';

/**
 * What the domain knows about one assembled trace: the contract between trace assembly
 * (`analyzeTrace`), the filter evaluator, the summary builder and the service-graph builder.
 * Everything here is derived once per trace revision and then only read.
 */

/** Request outcome flags, as X-Ray classifies them (4xx error, 429 throttle, 5xx fault). */
export interface Outcome {
  ok: boolean;
  error: boolean;
  throttle: boolean;
  fault: boolean;
}

/** One unit of work seen from a service node or an edge: a segment, or the subsegment of a call. */
export interface CallFacts extends Outcome {
  /** Id of the (sub)segment this call was read from. */
  entityId: string;
  responseTime: Seconds;
  duration: Seconds;
  inProgress: boolean;
  http?: Http;
  /** Epoch seconds the piece started (added by the domain; optional for hand-built facts). */
  start?: number;
  /** Epoch seconds the piece ended; absent while in progress. */
  end?: number;
}

/** A service-graph node in this trace (one per Name + Type, like X-Ray's map). */
export interface TraceNodeFacts {
  id: ServiceId & { Name: string; Type: string };
  /** True for the trace's entry point. */
  root: boolean;
  /** Node exists only because a caller's aws/remote subsegment named it. */
  inferred: boolean;
  /** The segments (or inferred segments) this node produced, one call each. For the root node
   * the entry segment comes first. */
  calls: CallFacts[];
}

/** A call from one node to another in this trace (indices into TraceFacts.nodes). */
export interface TraceEdgeFacts {
  from: number;
  to: number;
  /** The calling subsegments (or the callee's segments when instrumented). */
  calls: CallFacts[];
}

/** A trace after assembly: processed top-level segments (incl. inferred), subsegments nested. */
export interface AssembledTrace {
  id: string;
  segments: SegmentDoc[];
  /** Number of documents stored for the trace when it was assembled (TraceSummary.Revision). */
  revision?: number;
}

export interface TraceFacts {
  trace: AssembledTrace;
  /** The full summary X-Ray would return for this trace (root causes included). */
  summary: TraceSummary & { Id: string; StartTime: number; Duration: number };
  /** Ordered so that the entry point comes first when there is one. */
  nodes: TraceNodeFacts[];
  edges: TraceEdgeFacts[];
  /** Every subsegment, flattened, for keywords that look at all of them. */
  subsegments: SubsegmentDoc[];
  /** Latest end (or start, for in-progress pieces) of any piece, epoch seconds. */
  endTime: number;
  /** Id of the entry segment (the trace's root), when the trace has a segment at all. */
  rootSegmentId?: string;
}
