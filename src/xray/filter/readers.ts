import type { CallFacts, TraceFacts, TraceNodeFacts } from '../trace/facts.ts';
import type {
  FaultRootCauseEntity,
  ResponseTimeRootCauseEntity,
  RootCauseException,
  RootCauseService,
} from '../types.ts';
import type { SimpleKeyword } from './keywords.ts';

/**
 * Where each simple keyword reads its value in each scope (reference §6). A reader is either
 * single-valued (`one`), or a list whose items are tested one by one (`many`: "exists a value
 * satisfying the comparison", §6.1 — user, availability zones, a node's names, …).
 * A keyword missing from a scope's table is not valid there; the parser has already said so.
 */
export type Reader<T> =
  | { kind: 'one'; get: (x: T) => boolean | number | string | undefined }
  | {
      kind: 'many';
      list: (x: T) => readonly unknown[] | undefined;
      pick: (item: unknown) => string | undefined;
    };

export type ReaderTable<T> = Partial<Record<SimpleKeyword, Reader<T>>>;

const one = <T>(get: (x: T) => boolean | number | string | undefined): Reader<T> => ({
  kind: 'one',
  get,
});
const many = <T, I>(
  list: (x: T) => readonly I[] | undefined,
  pick: (item: I) => string | undefined,
): Reader<T> => ({ kind: 'many', list, pick: pick as (item: unknown) => string | undefined });

/**
 * Top level: the trace as a whole (§1, §6.1). Status flags, timing and `http.*` come from the
 * summary, which X-Ray builds from the root segment; `ok` means none of error/throttle/fault.
 * user/availabilityzone/instance.id/resource.arn are collected from every segment into the
 * summary lists, and match when any entry does.
 */
export const TRACE_READERS: ReaderTable<TraceFacts> = {
  ok: one((f) => !(f.summary.HasError || f.summary.HasFault || f.summary.HasThrottle)),
  error: one((f) => f.summary.HasError === true),
  throttle: one((f) => f.summary.HasThrottle === true),
  fault: one((f) => f.summary.HasFault === true),
  partial: one((f) => f.summary.IsPartial === true),
  inferred: one((f) => hasInferred(f)),
  responsetime: one((f) => f.summary.ResponseTime),
  duration: one((f) => f.summary.Duration),
  'http.status': one((f) => f.summary.Http?.HttpStatus),
  'http.url': one((f) => f.summary.Http?.HttpURL),
  'http.method': one((f) => f.summary.Http?.HttpMethod),
  'http.useragent': one((f) => f.summary.Http?.UserAgent),
  'http.clientip': one((f) => f.summary.Http?.ClientIp),
  user: many(
    (f) => f.summary.Users,
    (u) => u.UserName,
  ),
  availabilityzone: many(
    (f) => f.summary.AvailabilityZones,
    (z) => z.Name,
  ),
  'instance.id': many(
    (f) => f.summary.InstanceIds,
    (i) => i.Id,
  ),
  'resource.arn': many(
    (f) => f.summary.ResourceARNs,
    (r) => r.ARN,
  ),
};

/** `inferred` at the top level: the trace has an inferred node (or inferred segment document). */
function hasInferred(f: TraceFacts): boolean {
  for (const n of f.nodes) if (n.inferred) return true;
  for (const s of f.trace.segments) if (s.inferred === true) return true;
  return false;
}

/**
 * One call of a node or edge, the unit a `{ … }` sub-filter is evaluated against (§6.2–6.3).
 * `call` is undefined only for a node or edge with no calls recorded, so that node-level
 * keywords (root, name, type) still work there.
 */
export interface CallItem {
  node: TraceNodeFacts | undefined;
  call: CallFacts | undefined;
}

const CALL_READERS: ReaderTable<CallItem> = {
  ok: one((x) => x.call?.ok),
  error: one((x) => x.call?.error),
  throttle: one((x) => x.call?.throttle),
  fault: one((x) => x.call?.fault),
  partial: one((x) => x.call?.inProgress),
  responsetime: one((x) => x.call?.responseTime),
  duration: one((x) => x.call?.duration),
  'http.status': one((x) => x.call?.http?.HttpStatus),
  'http.url': one((x) => x.call?.http?.HttpURL),
  'http.method': one((x) => x.call?.http?.HttpMethod),
  'http.useragent': one((x) => x.call?.http?.UserAgent),
  'http.clientip': one((x) => x.call?.http?.ClientIp),
};

/**
 * Inside `service(sel) { … }`: call-level keywords read the node's call under test; `root`,
 * `inferred`, `name` and `type` describe the node itself. `name` matches any of the node's names.
 */
export const SERVICE_READERS: ReaderTable<CallItem> = {
  ...CALL_READERS,
  root: one((x) => x.node?.root),
  inferred: one((x) => x.node?.inferred),
  name: many(
    (x) => (x.node ? namesOf(x.node.id) : undefined),
    (n) => n,
  ),
  type: one((x) => x.node?.id.Type),
};

/** Inside `edge(a, b) { … }`: the calls on that connection only. */
export const EDGE_READERS: ReaderTable<CallItem> = CALL_READERS;

/** Name plus aliases (`Names`), without allocating in the usual case where Names holds Name. */
export function namesOf(id: {
  Name?: string;
  Names?: readonly string[];
}): readonly (string | undefined)[] {
  const names = id.Names;
  if (!names || names.length === 0) return [id.Name];
  if (id.Name === undefined || names.includes(id.Name)) return names;
  return [id.Name, ...names];
}

/**
 * One element of an enumerated root-cause list (§2.5, §6.4). `index` is 0-based (our choice,
 * §7: AWS doesn't say) and counts within the element's own list: services within a root cause,
 * entities within a service's EntityPath, exceptions within an entity.
 */
export interface RootCauseItem {
  service: RootCauseService<FaultRootCauseEntity | ResponseTimeRootCauseEntity> | undefined;
  entity: (FaultRootCauseEntity & ResponseTimeRootCauseEntity) | undefined;
  exception: RootCauseException | undefined;
  index: number;
  count: number;
}

const POSITION_READERS: ReaderTable<RootCauseItem> = {
  first: one((x) => x.index === 0),
  last: one((x) => x.index === x.count - 1),
  index: one((x) => x.index),
};

export const RC_SERVICE_READERS: ReaderTable<RootCauseItem> = {
  ...POSITION_READERS,
  name: many(
    (x) => (x.service ? namesOf(x.service) : undefined),
    (n) => n,
  ),
  type: one((x) => x.service?.Type),
  inferred: one((x) => x.service?.Inferred === true),
};

export const RC_ENTITY_READERS: ReaderTable<RootCauseItem> = {
  ...POSITION_READERS,
  name: one((x) => x.entity?.Name),
  remote: one((x) => x.entity?.Remote === true),
  coverage: one((x) => x.entity?.Coverage),
};

export const RC_EXCEPTION_READERS: ReaderTable<RootCauseItem> = {
  ...POSITION_READERS,
  name: one((x) => x.exception?.Name),
  message: one((x) => x.exception?.Message),
};
