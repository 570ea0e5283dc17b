import type { CallFacts, TraceEdgeFacts, TraceFacts, TraceNodeFacts } from '../trace/facts.ts';
import type {
  AnnotationValue,
  Http,
  SegmentDoc,
  TraceSummary,
  ValueWithServiceIds,
} from '../types.ts';

/**
 * Hand-built TraceFacts for the filter tests and benchmark. Deliberately independent of
 * analyzeTrace: each fixture states the facts the evaluator reads, nothing more.
 */

export interface CallSpec {
  /** HTTP status; sets ok/error/throttle/fault the way X-Ray classifies it. Default 200. */
  status?: number;
  responseTime?: number;
  duration?: number;
  inProgress?: boolean;
  http?: Http;
}

export interface NodeSpec {
  name: string;
  type?: string;
  names?: string[];
  account?: string;
  root?: boolean;
  inferred?: boolean;
  calls?: CallSpec[];
}

export interface EdgeSpec {
  /** Node names (first node with that name). */
  from: string;
  to: string;
  calls?: CallSpec[];
}

export interface FactsSpec {
  summary?: Partial<TraceSummary>;
  nodes?: NodeSpec[];
  edges?: EdgeSpec[];
  segments?: SegmentDoc[];
}

let nextId = 1;

export function call(spec: CallSpec = {}): CallFacts {
  const status = spec.status ?? 200;
  const http = spec.http ?? { HttpStatus: status };
  return {
    entityId: `e${nextId++}`,
    ok: status < 400,
    error: status >= 400 && status < 500,
    throttle: status === 429,
    fault: status >= 500,
    responseTime: spec.responseTime ?? 0.1,
    duration: spec.duration ?? spec.responseTime ?? 0.1,
    inProgress: spec.inProgress ?? false,
    http,
  };
}

export function facts(spec: FactsSpec = {}): TraceFacts {
  const nodes: TraceNodeFacts[] = (spec.nodes ?? []).map((n, i) => ({
    id: {
      Name: n.name,
      Names: n.names ?? [n.name],
      Type: n.type ?? 'AWS::EC2::Instance',
      ...(n.account ? { AccountId: n.account } : {}),
    },
    root: n.root ?? i === 0,
    inferred: n.inferred ?? false,
    calls: (n.calls ?? [{}]).map(call),
  }));
  const index = (name: string) => nodes.findIndex((n) => n.id.Name === name);
  const edges: TraceEdgeFacts[] = (spec.edges ?? []).map((e) => ({
    from: index(e.from),
    to: index(e.to),
    calls: (e.calls ?? [{}]).map(call),
  }));
  const id = `1-5f84c7a1-${String(nextId++).padStart(24, '0')}`;
  return {
    trace: { id, segments: spec.segments ?? [] },
    summary: {
      Id: id,
      StartTime: 1_700_000_000,
      Duration: 1,
      ResponseTime: 1,
      HasError: false,
      HasFault: false,
      HasThrottle: false,
      IsPartial: false,
      ...spec.summary,
    },
    nodes,
    edges,
    subsegments: [],
    endTime: 1_700_000_001,
  };
}

/** `{ key: value }` → the summary's Annotations shape (one entry per value). */
export function annotations(
  values: Record<string, AnnotationValue | AnnotationValue[]>,
): Record<string, ValueWithServiceIds[]> {
  const out: Record<string, ValueWithServiceIds[]> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = (Array.isArray(v) ? v : [v]).map((x) => ({
      AnnotationValue:
        typeof x === 'number'
          ? { NumberValue: x }
          : typeof x === 'boolean'
            ? { BooleanValue: x }
            : { StringValue: x },
    }));
  }
  return out;
}

export const users = (...names: string[]) => names.map((UserName) => ({ UserName }));
